"""Rewrite labs: the student rewrites a passage, the kit's numbers change as they type, Check gives the verdict.

Each lab is a text box holding the original (its label is the question), a
"Check my version" and a "Start again" button, a live before/after table with
a line of numbers, and feedback. The live part only measures; the verdict
comes from `kit.grading` when the student presses Check: for a lesson's
exercise `judge(exercise_id, text)`, for a student's own paragraph
`judge_spec` on the original (the mechanical checks: invented source or
quotation, reversed meaning, gutted, broken grammar; then "compare with the
original", never a tick). A draft is saved to my_work/ as the student types.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from kit.compare import Stats, passage_analysis, passage_stats, rewrite_stats
from kit.grading import Feedback, judge_spec
from kit.lessons.attempts import Attempts
from kit.lessons.feedback import clip, stacked
from kit.lessons.views import table_html
from kit.loaded import LoadedLanguage, LoadedMatch

Judge = Callable[[str], Feedback]
LOADED_KEY = "loaded words (outlet's voice)"


def _keep_pattern(phrase: str) -> str:
    """A phrase that must survive, as a pattern: any case, either apostrophe, any spacing."""
    p = re.escape(phrase).replace("'", "['’]").replace("\\ ", r"\s+")
    return rf"\b{p}\b"


class _RewriteBox(Attempts, widgets.VBox):
    """The shared lab: box, buttons, live table and line, feedback. Subclasses give `_update` and `_spec`."""

    def __init__(self, original: str, question: str, intro: str, rows: int = 6, *, judge: Judge | None = None,
                 exercise_id: str | None = None, lesson: str | None = None):
        self._track(question, exercise_id, lesson)
        self.original = original
        self._judge_text = judge or (lambda text: judge_spec(self._spec(), text))
        self.box = stacked(widgets.Textarea(value=original, rows=rows, continuous_update=True, description=question,
                                            description_allow_html=False, layout=widgets.Layout(width="95%")))
        self.box.style.description_width = "initial"
        self.check_button = widgets.Button(description="Check my version", icon="check",
                                           layout=widgets.Layout(width="auto"))
        self.reset = widgets.Button(description="Start again", icon="undo")
        self.check_button.on_click(lambda _b: self.check())
        self.reset.on_click(lambda _b: setattr(self.box, "value", self.original))
        self.table = widgets.HTML()
        self.live = widgets.HTML()
        self.box.observe(self._typed, names="value")
        super().__init__([*self._head, self.box, widgets.HTML(f"<p><small>{intro}</small></p>"),
                          widgets.HBox([self.check_button, self.reset]), self.table, self.live, self.feedback,
                          self.saved])
        self.add_class("kit-exercise")
        self._update()
        self.restore()

    def _spec(self) -> dict[str, Any]:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def _update(self, change: Any = None) -> None:  # pragma: no cover
        raise NotImplementedError

    def _typed(self, change: Any = None) -> None:
        self._update()
        if not self._quiet and self.box.value != self.last_value:
            self._save_draft()

    def _save_draft(self) -> None:
        """Keep what is in the box as a draft (no verdict), so a restart loses nothing typed."""
        if self.work is None or self.exercise_id is None or self.work_problem:
            return
        try:
            self.work.save(self.exercise_id, {"question": self.question, "value": self.box.value, "status": None,
                                              "tries": self.tries, "solved_on": self.solved_on})
        except Exception as exc:  # noqa: BLE001 - a failed draft must not stop the typing; say why once
            self._warn(str(exc))

    def _judge(self, value: Any) -> Feedback:
        return self._judge_text(str(value))

    def _put(self, value: Any) -> None:
        self.box.value = str(value)

    def _value(self) -> Any:
        return self.box.value

    def check(self) -> Feedback:
        """Judge the text in the box (the Check button)."""
        return self.submit(self.box.value)

    def _table(self, before: Stats, after: Stats) -> None:
        self.table.value = table_html([(k, round(before[k], 1), round(after[k], 1)) for k in before],
                                      ("", "original", "your version"))

    def _unchanged(self) -> bool:
        return self.box.value.strip() == self.original.strip()

    def _line(self, text: str) -> None:
        self.live.value = f"<p><small>{text}</small></p>" if text else ""


class RewriteLab(_RewriteBox):
    """Rewrite a passage so it is easier to read and watch its readability change as you type.

    The live table compares the rewrite with the original (sentences, words,
    Flesch-Kincaid grade, hard words). On its own (no exercise id) Check asks
    for a grade at or below `target` and for every phrase in `keep`.
    """

    def __init__(self, original: str, target: float = 10.0, keep: tuple[str, ...] = (), **kwargs: Any):
        self.target = target
        self.keep = tuple(keep)
        self.before = passage_stats(original)
        question = kwargs.pop("question", f"Rewrite the passage so a reader at grade {target:g} or below can "
                                          "follow it.")
        super().__init__(original, question, "The numbers update as you type; press Check when your version is "
                                             "ready.", **kwargs)

    @property
    def after(self) -> Stats:
        """The live numbers of the text in the box."""
        return passage_stats(self.box.value)

    def _spec(self) -> dict[str, Any]:
        return {"kind": "rewrite", "question": self.question, "original": self.original, "model_answer": "",
                "max_grade": self.target, "sentence": True,
                "keep": [{"pattern": _keep_pattern(k), "message": f"your version lost '{k}': a reader needs to "
                                                                  "know who said what. Put it back."}
                         for k in self.keep],
                "self_check": ["Does your version keep every fact of the original (who, what, where)?",
                               "Read it aloud: does it mean the same as the original, and nothing more?"]}

    def _update(self, change: Any = None) -> None:
        after = self.after
        self._table(self.before, after)
        if self._unchanged():
            self._line(f"This is the original (grade {self.before['grade']:.1f}). Try splitting it into shorter "
                       "sentences, one idea each.")
        elif after["words"]:
            self._line(f"Your version: grade {after['grade']:.1f}; the target is {self.target:g} or below.")
        else:
            self._line("The box is empty: write your version of the passage.")


class LoadedRewrite(_RewriteBox):
    """Replace the loaded words in a passage; the counts change as you type.

    Only the outlet's own loaded words need replacing: words inside quotation
    marks are what a speaker said, and changing them would misquote.
    """

    def __init__(self, original: str, **kwargs: Any):
        _a, _s, loaded = passage_analysis(original)
        self.before: LoadedLanguage | None = loaded
        question = kwargs.pop("question", "Replace each loaded word in the outlet's own voice with a neutral one.")
        super().__init__(original, question, "Leave words inside quotation marks alone: that is what the speaker "
                                             "said. Press Check when your version is ready.", rows=5, **kwargs)

    @property
    def counts(self) -> widgets.HTML:
        """The live counts table (named for what it shows)."""
        return self.table

    def outlet_matches(self, loaded: LoadedLanguage | None) -> list[LoadedMatch]:
        """The loaded words the writer may reword: the outlet's own and reported speech ([] for an empty box)."""
        return loaded.unquoted_matches() if loaded else []

    def _spec(self) -> dict[str, Any]:
        return {"kind": "rewrite", "question": self.question, "original": self.original, "model_answer": "",
                "loaded": "check", "sentence": True, "min_kept_share": 0.3,
                "self_check": ["Did you change only the outlet's loaded words, and leave quotations as they are?",
                               "Is every fact of the original still there?"]}

    def _update(self, change: Any = None) -> None:
        _a, _s, loaded = passage_analysis(self.box.value)
        before_o, after_o = self.outlet_matches(self.before), self.outlet_matches(loaded)
        quoted_b = (len(self.before.matches) - len(before_o)) if self.before else 0
        quoted_a = (len(loaded.matches) - len(after_o)) if loaded else 0
        self.counts.value = table_html([("loaded words, outlet's voice", len(before_o), len(after_o)),
                                        ("loaded words inside quotations", quoted_b, quoted_a)],
                                       ("", "original", "your version"))
        if self._unchanged():
            n = len(before_o)
            self._line(f"This passage has {n} loaded word{'s' if n != 1 else ''} in the outlet's voice. Find them "
                       "and change them; the counts change as you type.")
        else:
            self._line(f"Loaded words left in the outlet's voice: {len(after_o)} (was {len(before_o)}).")


class NeutralRewrite(_RewriteBox):
    """Rewrite a paragraph neutrally: attribute every claim, drop the outlet's loaded words.

    The before/after table and a line of counts update as the student types;
    Check names the first thing to fix, or asks to compare point by point.
    """

    def __init__(self, original: str, **kwargs: Any):
        self.before = rewrite_stats(original)
        question = kwargs.pop("question", "Rewrite the paragraph as a neutral report: say who claims each thing, "
                                          "and use plain words in the outlet's own voice.")
        super().__init__(original, question, "The counts update as you type; press Check when your version is "
                                             "ready.", **kwargs)

    @property
    def after(self) -> Stats:
        """The live numbers of the text in the box."""
        return rewrite_stats(self.box.value)

    def _spec(self) -> dict[str, Any]:
        return {"kind": "rewrite", "question": self.question, "original": self.original, "model_answer": "",
                "loaded": "check", "unsourced": "check", "sentence": True, "min_kept_share": 0.3,
                "self_check": ["Does every claim say who makes it?",
                               "Does your version still say what the original says, and not its opposite?",
                               "Are the outlet's own words plain, with judgements only inside a speaker's quotation?"]}

    def _update(self, change: Any = None) -> None:
        after = self.after
        self._table(self.before, after)
        _a, sourcing, _l = passage_analysis(self.box.value)
        if sourcing is None:
            self._line("The box is empty: rewrite the paragraph, do not delete it.")
        elif sourcing.unattributed and not self._unchanged():
            self._line(f"No source yet for '{clip(sourcing.unattributed[0].text, 80)}'. Who says so?")
        else:
            loaded = after[LOADED_KEY]
            self._line(f"Claims with no source: {after['claims with no source']:g}; loaded words in the outlet's "
                       f"voice: {loaded:g}.")
