"""Rewrite labs: the student rewrites a passage and the kit's numbers change as they type.

Each lab is a text box holding the original, a "Start again" button, a live
before/after table and feedback that names the next thing to fix. The feedback
never praises a rewrite that deletes the passage, drops who said it, or is
about something else (`kit.compare.kept_share`).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from kit.compare import (
    ON_TOPIC_SHARE,
    Stats,
    folded,
    kept_share,
    passage_analysis,
    passage_stats,
    rewrite_stats,
)
from kit.lessons.feedback import clip, feedback_html
from kit.lessons.views import table_html
from kit.loaded import LoadedLanguage, LoadedMatch


class _RewriteBox(widgets.VBox):
    """A text box holding `original`, a "Start again" button, a live table and feedback.

    Subclasses set what they compare before calling this __init__, and give `_update`, which
    runs once here and again on every change of the text.
    """

    def __init__(self, original: str, intro_html: str, rows: int = 6):
        self.original = original
        self.box = widgets.Textarea(value=original, rows=rows, continuous_update=True,
                                    layout=widgets.Layout(width="95%"))
        self.reset = widgets.Button(description="Start again", icon="undo")
        self.reset.on_click(lambda _b: setattr(self.box, "value", self.original))
        self.table = widgets.HTML()
        self.feedback = widgets.HTML()
        self.feedback.add_class("kit-feedback")
        self.box.observe(self._update, names="value")
        super().__init__([widgets.HTML(intro_html), self.box, self.reset, self.table, self.feedback])
        self.add_class("kit-exercise")
        self._update()

    def _update(self, change: Any = None) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError


class RewriteLab(_RewriteBox):
    """Rewrite a passage and watch its readability change as you type.

    The feedback compares the rewrite with the original (sentences, words,
    Flesch-Kincaid grade, hard words). It asks for a grade at or below `target`
    and checks that every phrase in `keep` survives: an easier sentence that
    drops who said it is not a better sentence.
    """

    def __init__(self, original: str, target: float = 10.0, keep: tuple[str, ...] = ()):
        self.target = target
        self.keep = tuple(keep)
        self.before = passage_stats(original)
        super().__init__(original, f"<p><strong>Rewrite the passage so a reader at grade {target:g} or below "
                                   "can follow it.</strong> The numbers update as you type.</p>")

    @property
    def after(self) -> Stats:
        """The live numbers of the text in the box."""
        return passage_stats(self.box.value)

    def _update(self, change: Any = None) -> None:
        after = self.after
        rows = [(k, round(self.before[k], 1), round(after[k], 1)) for k in self.before]
        self.table.value = table_html(rows, ("", "original", "your version"))
        text = self.box.value
        missing = [k for k in self.keep if folded(k) not in folded(text)]
        if not after["words"]:
            self.feedback.value = feedback_html("hint", "the box is empty: write your version of the passage.")
        elif text.strip() == self.original.strip():
            self.feedback.value = feedback_html(
                "hint", f"this is the original (grade {self.before['grade']:.1f}). Try splitting it into "
                        "shorter sentences, one idea each.")
        elif missing:
            self.feedback.value = feedback_html(
                "wrong", "your version lost " + ", ".join(f"'{m}'" for m in missing)
                + ": a reader needs to know who said what. Put it back.")
        elif kept_share(self.original, text) < ON_TOPIC_SHARE:
            self.feedback.value = feedback_html(
                "hint", "your version seems to be about something else: keep the original's facts (who, "
                        "what, where) and only make the sentences shorter.")
        elif after["grade"] <= self.target:
            self.feedback.value = feedback_html(
                "right", f"grade {after['grade']:.1f} (was {self.before['grade']:.1f}), and you kept who said "
                         "it. Now read it aloud: does it still mean the same thing?")
        else:
            tip = ("split it into more sentences" if after["words per sentence"] > 15
                   else "swap a long word for a short one")
            self.feedback.value = feedback_html(
                "wrong", f"grade {after['grade']:.1f}, the target is {self.target:g} or below: {tip}.")


def _list_loaded(matches: list[LoadedMatch]) -> str:
    return "; ".join(f"'{m.text}' (try: {' / '.join(m.alternatives[:2])})" for m in matches)


class LoadedRewrite(_RewriteBox):
    """Replace the loaded words in a passage; the counts change as you type.

    Only the outlet's own loaded words need replacing: words inside quotation
    marks are what a speaker said, and changing them would misquote.
    """

    def __init__(self, original: str):
        _a, _s, loaded = passage_analysis(original)
        self.before: LoadedLanguage | None = loaded
        super().__init__(original, "<p><strong>Replace each loaded word in the outlet's own voice with a neutral "
                                   "one.</strong> Leave words inside quotation marks alone: that is what the "
                                   "speaker said.</p>", rows=5)

    @property
    def counts(self) -> widgets.HTML:
        """The live counts table (named for what it shows)."""
        return self.table

    def outlet_matches(self, loaded: LoadedLanguage | None) -> list[LoadedMatch]:
        """The loaded words the writer may reword: the outlet's own and reported speech ([] for an empty box)."""
        return loaded.unquoted_matches() if loaded else []

    def _update(self, change: Any = None) -> None:
        text = self.box.value
        _a, _s, loaded = passage_analysis(text)
        before_o = self.outlet_matches(self.before)
        after_o = self.outlet_matches(loaded)
        quoted_b = (len(self.before.matches) - len(before_o)) if self.before else 0
        quoted_a = (len(loaded.matches) - len(after_o)) if loaded else 0
        self.counts.value = table_html([("loaded words, outlet's voice", len(before_o), len(after_o)),
                                        ("loaded words inside quotations", quoted_b, quoted_a)],
                                       ("", "original", "your version"))
        words_before = len(self.original.split())
        if not text.strip():
            self.feedback.value = feedback_html("hint", "the box is empty: rewrite the passage, do not delete it.")
        elif text.strip() == self.original.strip():
            self.feedback.value = feedback_html(
                "hint", f"this passage has {len(before_o)} loaded word{'s' if len(before_o) != 1 else ''} in the "
                        "outlet's voice. Find them and change them; the kit lists the ones left as you type.")
        elif len(text.split()) < words_before // 2:
            self.feedback.value = feedback_html("wrong", "your version is less than half as long: replace the "
                                                         "loaded words, keep the information.")
        elif kept_share(self.original, text) < ON_TOPIC_SHARE:
            self.feedback.value = feedback_html("hint", "your version seems to be about something else: keep "
                                                        "the passage's facts and change only the loaded words.")
        elif quoted_a < quoted_b:
            self.feedback.value = feedback_html("wrong", "you changed words inside a quotation: a quotation must "
                                                         "stay exactly as the speaker said it.")
        elif after_o:
            self.feedback.value = feedback_html("wrong", f"{len(after_o)} left (was {len(before_o)}): "
                                                         + _list_loaded(after_o))
        else:
            self.feedback.value = feedback_html("right", f"no loaded words left in the outlet's voice (was "
                                                         f"{len(before_o)}). Read it again: is every fact still there?")


class NeutralRewrite(_RewriteBox):
    """Rewrite a paragraph neutrally: attribute every claim, drop the outlet's loaded words.

    The before/after table and the feedback update as the student types; the
    feedback names the next thing to fix (a claim with no source, a loaded word).
    """

    def __init__(self, original: str):
        self.before = rewrite_stats(original)
        super().__init__(original, "<p><strong>Rewrite the paragraph as a neutral report:</strong> say who claims "
                                   "each thing, and use plain words in the outlet's own voice.</p>")

    @property
    def after(self) -> Stats:
        """The live numbers of the text in the box."""
        return rewrite_stats(self.box.value)

    def _update(self, change: Any = None) -> None:
        text = self.box.value
        after = self.after
        self.table.value = table_html([(k, round(self.before[k], 1), round(after[k], 1)) for k in self.before],
                                      ("", "original", "your version"))
        _a, sourcing, loaded = passage_analysis(text)
        if sourcing is None or loaded is None:  # only for an empty box (or spaces only)
            self.feedback.value = feedback_html("hint", "the box is empty: rewrite the paragraph, do not delete it.")
            return
        if text.strip() == self.original.strip():
            n_claims = self.before["claims with no source"]
            n_loaded = self.before["loaded words (outlet's voice)"]
            self.feedback.value = feedback_html(
                "hint", f"the original has {n_claims} claim(s) with no source and {n_loaded} loaded word(s) in "
                        "the outlet's voice. Start with the claims: who says so?")
            return
        if after["words"] < self.before["words"] // 2:
            self.feedback.value = feedback_html("wrong", "your version is less than half as long: keep the "
                                                         "information, change how it is told.")
            return
        if kept_share(self.original, text) < ON_TOPIC_SHARE:
            self.feedback.value = feedback_html("hint", "your version seems to be about something else: keep "
                                                        "the paragraph's facts, change how they are told.")
            return
        if sourcing.unattributed:
            u = sourcing.unattributed[0]
            self.feedback.value = feedback_html("wrong", f"'{clip(u.text, 80)}' still has no source "
                                                         f"({u.why.split(':')[0].replace('no source; ', '')}). Who says so? Add the speaker "
                                                         "and a neutral verb such as 'said'.")
            return
        outlet = loaded.unquoted_matches()  # a paraphrase ("Putin said the ...") is the writer's wording too
        if outlet:
            self.feedback.value = feedback_html("wrong", f"every claim has a source now; {len(outlet)} loaded "
                                                         "word(s) left in the outlet's voice: " + _list_loaded(outlet))
            return
        self.feedback.value = feedback_html("right", "every claim has a source and the outlet's own words are "
                                                     "neutral. Compare your version with the library story's style.")
