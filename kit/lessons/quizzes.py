"""Exercises with instant feedback (multiple choice, pick-the-word, free text, dropdowns) and the quizzes built on them.

Every exercise is an `ipywidgets.VBox` that carries the CSS class
`kit-exercise`, with its feedback in `.feedback` (see `kit.lessons.feedback`).
Feedback changes as soon as the student acts, and every exercise can be driven
without a browser (set `.value` on the input widget, or call `.click()` on a
button), so the unit tests check what a student would see. The quiz builders
at the end take their answers from the kit's own analysis, never from the notebook.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from kit.article import Article, Paragraph, words_in
from kit.errors import KitInputError
from kit.lessons.feedback import feedback_html, new_feedback, question_html, short
from kit.lessons.seeds import NAMES_NOT_LOADED
from kit.loaded import LoadedLanguage
from kit.loaded_lexicon import category_label
from kit.readability import SentenceDifficulty, is_easy
from kit.sourcing import Sourcing
from kit.syllables import syllables


class MultipleChoice(widgets.VBox):
    """One question, a few options, feedback the moment an option is picked.

    `explanations` maps an option to what the student should hear when they
    pick it (why it is right, or why it is tempting but wrong).
    """

    def __init__(self, question: str, options: Sequence[str], answer: str,
                 explanations: dict[str, str] | None = None):
        if answer not in options:
            raise ValueError(f"the answer {answer!r} is not one of the options")
        self.answer = answer
        self.explanations = dict(explanations or {})
        self.choice = widgets.RadioButtons(options=list(options), value=None,
                                           layout=widgets.Layout(width="auto"))
        self.feedback = new_feedback()
        super().__init__([question_html(question), self.choice, self.feedback])
        self.add_class("kit-exercise")
        self.choice.observe(self._on_change, names="value")

    @property
    def correct(self) -> bool:
        """Whether the picked option is the answer."""
        return self.choice.value == self.answer

    def _on_change(self, change: Any = None) -> None:
        picked = self.choice.value
        if picked is None:
            self.feedback.value = ""
            return
        why = self.explanations.get(picked, "")
        if picked == self.answer:
            self.feedback.value = feedback_html("right", why)
        else:
            self.feedback.value = feedback_html("wrong", why or "Read the passage again and try another option.")


class PickTheWord(widgets.VBox):
    """Click the words in a passage that answer the question.

    `targets` maps a word (case-insensitive) to the explanation shown when it is
    picked; `others` optionally maps tempting wrong words to a reason. Picking
    every target completes the exercise.
    """

    def __init__(self, question: str, passage: str, targets: dict[str, str],
                 others: dict[str, str] | None = None):
        self.targets = {k.lower(): v for k, v in targets.items()}
        self.others = {k.lower(): v for k, v in (others or {}).items()}
        self.found: set[str] = set()
        words = re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", passage)
        missing = [t for t in self.targets if t not in {w.lower() for w in words}]
        if missing:
            raise ValueError(f"target words not in the passage: {missing}")
        self.buttons: list[widgets.Button] = []
        for w in words:
            b = widgets.Button(description=w, tooltip=f"pick '{w}'",
                               layout=widgets.Layout(width="auto", margin="1px"))
            b.on_click(self._on_click)
            self.buttons.append(b)
        self.feedback = new_feedback()
        self.progress = widgets.HTML(value=self._progress_text())
        box = widgets.HBox(self.buttons, layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([question_html(question), box, self.progress, self.feedback])
        self.add_class("kit-exercise")

    def _progress_text(self) -> str:
        return f"<small>Found {len(self.found)} of {len(self.targets)}.</small>"

    def pick(self, word: str) -> None:
        """Pick a word as if its button were clicked (the first button with that word)."""
        for b in self.buttons:
            if b.description.lower() == word.lower():
                b.click()
                return
        raise ValueError(f"{word!r} is not in the passage")

    def _on_click(self, button: widgets.Button) -> None:
        w = button.description.lower()
        if w in self.targets:
            self.found.add(w)
            for b in self.buttons:
                if b.description.lower() == w:
                    b.button_style = "success"
                    b.icon = "check"  # a shape as well as a colour
            done = len(self.found) == len(self.targets)
            msg = f"'{button.description}': {self.targets[w]}"
            if done:
                msg += " You found them all."
            self.feedback.value = feedback_html("right", msg)
        else:
            why = self.others.get(w, "that word is not one of the answers; look again.")
            self.feedback.value = feedback_html("wrong", f"'{button.description}': {why}")
        self.progress.value = self._progress_text()

    @property
    def complete(self) -> bool:
        """Whether every target word has been picked."""
        return len(self.found) == len(self.targets)


# An answer that says "I don't know" in a few words: a nudge to press Hint, not a wrong mark.
DONT_KNOW = re.compile(r"\b(i\s*(do\s*not|don['’]?t)\s*know|idk|no\s*idea|not\s*sure|dunno|no\s*clue|"
                       r"pass|skip|whatever)\b|\?{2,}|^\W*\?+\W*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


class FreeText(widgets.VBox):
    """A free answer with hints: feedback when the student presses Check or leaves the box.

    `accept` lists the ideas a good answer contains, each a regular expression
    (case-insensitive; write them with word boundaries, `\\b`, so 'talk' does
    not match 'talks went well'), or a `(pattern, hint)` pair whose hint is
    shown when that idea is missing. An answer that matches `need` of them
    counts as right (`need=None`: all of them). `hints` are shown one at a time
    by the Hint button. `model_answer`, if given, is shown after a right answer
    (never before: the student should think first). `reject` maps a pattern to
    a message: an answer that matches it is not right yet, whatever else it
    says (e.g. a rewrite that keeps the loaded word).

    Lazy answers never get praise: "I don't know", fewer than `min_words`
    words, or a copy of the question get a hint instead.
    """

    def __init__(self, question: str, accept: Sequence[str | tuple[str, str]], hints: Sequence[str] = (),
                 need: int | None = 1, right: str = "", model_answer: str = "",
                 placeholder: str = "Type your answer here", rows: int = 3,
                 reject: dict[str, str] | None = None, min_words: int = 3):
        ideas = [(a, "") if isinstance(a, str) else (a[0], a[1]) for a in accept]
        self.question = question
        self.accept = [re.compile(p, re.IGNORECASE) for p, _h in ideas]
        self.idea_hints = [h for _p, h in ideas]
        self.reject = [(re.compile(p, re.IGNORECASE), msg) for p, msg in (reject or {}).items()]
        self.need = len(self.accept) if need is None else need
        self.min_words = min_words
        self.hints = list(hints)
        self.right_text = right
        self.model_answer = model_answer
        self.hints_shown = 0
        self.answer = widgets.Textarea(value="", placeholder=placeholder, rows=rows,
                                       continuous_update=False, layout=widgets.Layout(width="95%"))
        self.check_button = widgets.Button(description="Check", icon="check")
        self.hint_button = widgets.Button(description="Hint", icon="question", disabled=not self.hints)
        self.feedback = new_feedback()
        self.check_button.on_click(lambda _b: self.check())
        self.hint_button.on_click(lambda _b: self.hint())
        self.answer.observe(lambda _c: self.check(), names="value")
        super().__init__([question_html(question), self.answer,
                          widgets.HBox([self.check_button, self.hint_button]), self.feedback])
        self.add_class("kit-exercise")

    def matches(self, text: str) -> int:
        """How many of the ideas in `accept` the text contains."""
        return sum(bool(p.search(text)) for p in self.accept)

    def missing_hints(self, text: str) -> list[str]:
        """The hints of the ideas the text lacks (for ideas given as (pattern, hint) pairs)."""
        return [h for p, h in zip(self.accept, self.idea_hints) if h and not p.search(text)]

    def lazy(self, text: str) -> str | None:
        """Why `text` is not an attempt yet (a hint to show), or None if it is a real attempt."""
        words = _words(text)
        if len(words) <= 6 and DONT_KNOW.search(text):
            return "that is fine: press Hint for a clue, then write your best guess in a sentence."
        if len(words) < self.min_words:
            return f"write a whole sentence (at least {self.min_words} words) so you can show your thinking."
        asked = set(_words(self.question))
        if sum(w not in asked for w in words) < 2:
            return "that repeats the question. Answer it in your own words."
        return None

    def check(self) -> bool:
        """Judge the answer in the box, show the feedback, and say whether it is right."""
        text = self.answer.value.strip()
        if not text:
            self.feedback.value = feedback_html("hint", "write an answer first, then press Check.")
            return False
        why_not = self.lazy(text)
        if why_not:
            self.feedback.value = feedback_html("hint", why_not)
            return False
        for pattern, msg in self.reject:
            if pattern.search(text):
                self.feedback.value = feedback_html("wrong", msg)
                return False
        if self.matches(text) >= self.need:
            msg = self.right_text or "that is the idea."
            if self.model_answer:
                msg += f" One way to put it: {self.model_answer}"
            self.feedback.value = feedback_html("right", msg)
            return True
        missing = self.missing_hints(text) if self.matches(text) else []
        if missing:  # part of the answer is there: say what is still missing
            self.feedback.value = feedback_html("wrong", missing[0])
            return False
        nxt = self.hints[min(self.hints_shown, len(self.hints) - 1)] if self.hints else "Look at the passage again."
        self.feedback.value = feedback_html("wrong", nxt)
        self.hints_shown = min(self.hints_shown + 1, len(self.hints))
        return False

    def hint(self) -> None:
        """Show the next hint (the last one stays once all have been shown)."""
        if not self.hints:
            return
        h = self.hints[min(self.hints_shown, len(self.hints) - 1)]
        self.hints_shown = min(self.hints_shown + 1, len(self.hints))
        self.feedback.value = feedback_html("hint", h)


class Dropdowns(widgets.VBox):
    """Match each item to a category (e.g. a paragraph to its role); feedback per item and a total."""

    def __init__(self, question: str, items: Sequence[tuple[str, str]], choices: Sequence[str],
                 explanations: dict[str, str] | None = None):
        self.items = list(items)
        self.explanations = dict(explanations or {})
        self.selects: list[widgets.Dropdown] = []
        self.marks: list[widgets.HTML] = []
        rows = []
        for label, _answer in self.items:
            d = widgets.Dropdown(options=["(choose)"] + list(choices), value="(choose)",
                                 layout=widgets.Layout(width="12em"))
            m = widgets.HTML(value="")
            d.observe(self._on_change, names="value")
            self.selects.append(d)
            self.marks.append(m)
            rows.append(widgets.HBox([d, m, widgets.HTML(value=f"<span>{html.escape(label)}</span>")]))
        self.feedback = new_feedback()
        super().__init__([question_html(question), *rows, self.feedback])
        self.add_class("kit-exercise")

    @property
    def score(self) -> int:
        """How many items are matched to their right category."""
        return sum(d.value == a for d, (_l, a) in zip(self.selects, self.items))

    def _on_change(self, change: Any = None) -> None:
        for d, m, (_label, answer) in zip(self.selects, self.marks, self.items):
            if d.value == "(choose)":
                m.value = ""
            elif d.value == answer:
                m.value = "<strong>✔ right</strong>"
            else:
                m.value = "<strong>✘ try again</strong>"
        chosen = sum(d.value != "(choose)" for d in self.selects)
        total = len(self.items)
        wrong = [(label, answer) for d, (label, answer) in zip(self.selects, self.items)
                 if d.value not in ("(choose)", answer)]
        if self.score == total:
            self.feedback.value = feedback_html("right", f"all {total} right.")
        elif wrong:
            label, answer = wrong[0]
            tip = self.explanations.get(answer, "")
            self.feedback.value = feedback_html(
                "wrong", f"{self.score} of {total} right so far. Look again at “{short(label)}”. {tip}".strip())
        else:
            self.feedback.value = feedback_html("hint", f"{self.score} of {total} right; {total - chosen} to go.")


# -- quizzes built from the analysis ---------------------------------------------------
def hard_word_quiz(text: str, sentence: SentenceDifficulty) -> PickTheWord:
    """Pick the words the readability formulas count as hard in one sentence (answers from the kit)."""
    targets, others = {}, {}
    for w in words_in(text, sentence.start, sentence.end):
        n = syllables(w.text)
        low = w.text.lower()
        if w.text in sentence.hard_words:
            targets[low] = f"{n} syllables and not on the list of familiar words, so the formulas count it as hard."
        elif n >= 3:
            others[low] = f"{n} syllables, but it is on the list of familiar words, so Gunning Fog lets it pass."
        elif not is_easy(w.text) and any(ch.isalpha() for ch in w.text):
            others[low] = (f"not on the familiar-word list, but only {n} syllable{'s' if n > 1 else ''}: "
                           "the grade formulas only count words of 3 or more syllables as hard.")
        else:
            others[low] = f"{n} syllable{'s' if n > 1 else ''}: short words never count as hard."
    return PickTheWord("Click every word the formulas count as 'hard' (3 or more syllables and not a familiar word).",
                       sentence.text, targets, others)


def loaded_word_quiz(article: Article, loaded: LoadedLanguage, paragraph: Paragraph) -> PickTheWord:
    """Pick the loaded words in one paragraph; answers and reasons come from the lexicon."""
    hits = [m for m in loaded.matches if paragraph.start <= m.start < paragraph.end]
    targets = {m.text: f"{category_label(m.category)}: {m.explanation}" for m in hits if " " not in m.text}
    if not targets:
        raise KitInputError("this paragraph has no single loaded word to pick")
    return PickTheWord("Click every word that carries a judgement rather than a fact.", paragraph.text, targets,
                       NAMES_NOT_LOADED)


def who_speaks_most_quiz(sourcing: Sourcing) -> MultipleChoice:
    """'Who speaks most?' with the answer and explanations computed from the sourcing analysis."""
    sp = sorted(sourcing.speakers, key=lambda s: -s.total)
    if not sp:
        raise KitInputError("no attributed speakers in this article, so there is no 'who speaks most' question")
    options = [s.speaker for s in sp[:4]]
    why = {s.speaker: (f"{s.speaker}: {s.direct} direct quotation{'s' if s.direct != 1 else ''} and "
                       f"{s.indirect} reported statement{'s' if s.indirect != 1 else ''}, "
                       f"{s.share_of_quoted_words:.0%} of all quoted words.") for s in sp}
    return MultipleChoice("Who speaks most in the article (direct and reported statements together)?",
                          sorted(options), sp[0].speaker, why)
