"""Exercises with a choice (multiple choice, pick-the-word, dropdowns) and the quizzes built on them.

Every exercise is an `ipywidgets.VBox` with the CSS class `kit-exercise`, its
feedback in `.feedback` (see `kit.lessons.feedback`), and `submit(value)`
(see `kit.lessons.attempts`): the value a student would pick, judged by the
same code as a click. The judging is `kit.grading`'s (`choice_feedback`,
`word_feedback`, `rows_feedback`), so a widget and the exercise data agree.
With an `exercise_id` the options are shuffled for each student (stable on
every run for that student) and the answers are kept in my_work/.

The quiz builders at the end take their answers from the kit's own analysis,
never from the notebook.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from kit.article import Article, Paragraph, words_in
from kit.errors import KitInputError
from kit.grading import Feedback, choice_feedback, rows_feedback, word_feedback
from kit.grading.choices import UNCHOSEN, passage_words
from kit.lessons.attempts import Attempts
from kit.lessons.feedback import question_html, stacked, verdict_html
from kit.lessons.seeds import NAMES_NOT_LOADED
from kit.lessons.work import shuffled
from kit.loaded import LoadedLanguage
from kit.loaded_lexicon import category_label
from kit.readability import SentenceDifficulty, is_easy
from kit.sourcing import Sourcing
from kit.syllables import syllables

CHOOSE = "(choose)"
MORE_TO_FIND = "more_to_find"


class MultipleChoice(Attempts, widgets.VBox):
    """One question, a few options, feedback the moment an option is picked.

    `explanations` maps an option to what the student hears when they pick it
    (why it is right, or why it is tempting but wrong); the right option's
    explanation appears only once the student picks it.
    """

    def __init__(self, question: str, options: Sequence[str], answer: str,
                 explanations: Mapping[str, str] | None = None, *, exercise_id: str | None = None,
                 lesson: str | None = None):
        if answer not in options:
            raise ValueError(f"the answer {answer!r} is not one of the options")
        self._track(question, exercise_id, lesson)
        self.answer = answer
        self.options = list(options)
        self.explanations = dict(explanations or {})
        shown = shuffled(self.options, exercise_id, self._student()) if exercise_id else self.options
        self.choice = stacked(widgets.RadioButtons(options=shown, value=None, description=question,
                                                   description_allow_html=False,
                                                   layout=widgets.Layout(width="auto")))
        self.choice.style.description_width = "initial"
        super().__init__([*self._head, self.choice, self.feedback, self.saved])
        self.add_class("kit-exercise")
        self.choice.observe(self._answered, names="value")
        self.restore()

    @property
    def correct(self) -> bool:
        """Whether the picked option is the answer."""
        return self.choice.value == self.answer

    def _judge(self, value: Any) -> Feedback:
        return choice_feedback(self.options, self.answer, self.explanations, value,
                               self.exercise_id or "this question")

    def _put(self, value: Any) -> None:
        if value not in self.options:
            raise KitInputError(f"{value!r} is not an option; the options are: " + "; ".join(self.options))
        self.choice.value = value

    def _value(self) -> Any:
        return self.choice.value

    def _answered(self, _change: Any = None) -> None:
        if self.choice.value is not None:  # None: nothing picked yet (a new widget)
            super()._answered()


class PickTheWord(Attempts, widgets.VBox):
    """Click the words in a passage that answer the question.

    `targets` maps a word (case-insensitive) to the explanation shown when it is
    picked; `others` optionally maps tempting wrong words to a reason. Picking
    every target completes the exercise. `submit(word)` picks one word.
    """

    def __init__(self, question: str, passage: str, targets: Mapping[str, str],
                 others: Mapping[str, str] | None = None, *, exercise_id: str | None = None,
                 lesson: str | None = None):
        self._track(question, exercise_id, lesson)
        self.passage = passage
        self.targets = {k.lower(): v for k, v in targets.items()}
        self.others = {k.lower(): v for k, v in (others or {}).items()}
        self.found: set[str] = set()
        words = passage_words(passage)
        missing = [t for t in self.targets if t not in {w.lower() for w in words}]
        if missing:
            raise ValueError(f"target words not in the passage: {missing}")
        self.buttons: list[widgets.Button] = []
        for w in words:
            b = widgets.Button(description=w, tooltip=f"pick '{w}'",
                               layout=widgets.Layout(width="auto", margin="1px"))
            b.on_click(self._on_click)
            self.buttons.append(b)
        self.progress = widgets.HTML(value=self._progress_text())
        box = widgets.HBox(self.buttons, layout=widgets.Layout(flex_flow="row wrap"))
        super().__init__([*self._head, question_html(question), box, self.progress, self.feedback, self.saved])
        self.add_class("kit-exercise")
        self.restore()

    def _progress_text(self) -> str:
        return f"<small>Found {len(self.found)} of {len(self.targets)}.</small>"

    def pick(self, word: str) -> Feedback:
        """Pick a word as if its button were clicked."""
        return self.submit(word)

    def _on_click(self, button: widgets.Button) -> None:
        self.submit(button.description)

    def _judge(self, value: Any) -> Feedback:
        """The last word's verdict; a list of words (a saved answer) is picked word by word."""
        fb = Feedback("incorrect", "", "empty")
        for word in value if isinstance(value, list) else [value]:
            fb = word_feedback(self.passage, self.targets, self.others, str(word), self.exercise_id or "the passage")
            if fb.status == "correct":
                self.found.add(str(word).lower())
        if fb.status == "correct" and not self.complete:  # a right word, with more to find: a step, not the end
            left = len(self.targets) - len(self.found)
            return Feedback("incorrect", f"{fb.message} {left} more to find.", MORE_TO_FIND)
        if fb.status == "correct" and len(self.targets) > 1:
            return Feedback("correct", f"{fb.message} You found them all.")
        return fb

    def _put(self, value: Any) -> None:
        pass  # the buttons are marked once the words are judged (`_render`)

    def _value(self) -> Any:
        return sorted(self.found)

    def _render(self, fb: Feedback) -> None:
        for b in self.buttons:
            if b.description.lower() in self.found:
                b.button_style, b.icon = "success", "check"  # a shape as well as a colour
        self.progress.value = self._progress_text()
        if fb.problem == MORE_TO_FIND:  # the word is right: say so, and count on
            self.feedback.value = verdict_html(Feedback("correct", fb.message), self._tries_note(fb))
        else:
            super()._render(fb)

    def _save(self, value: Any, fb: Feedback) -> None:
        super()._save(sorted(self.found), fb)  # what is kept: every word found so far

    @property
    def complete(self) -> bool:
        """Whether every target word has been picked."""
        return len(self.found) == len(self.targets)


class Dropdowns(Attempts, widgets.VBox):
    """Match each line to a category (e.g. a paragraph to its role); a mark per row and a total.

    Each dropdown is labelled with its line (its accessible name). A wrong row
    is marked "look again"; the feedback never names the right category.
    `submit({line: category, ...})` fills in the rows and checks them.
    """

    def __init__(self, question: str, items: Sequence[tuple[str, str]], choices: Sequence[str],
                 explanations: Mapping[str, str] | None = None, *, exercise_id: str | None = None,
                 lesson: str | None = None):
        self._track(question, exercise_id, lesson)
        self.items = [(label, answer) for label, answer in items]
        self.choices = list(choices)
        self.explanations = dict(explanations or {})
        self.selects: list[widgets.Dropdown] = []
        self.marks: list[widgets.HTML] = []
        rows = []
        for label, _answer in self.items:
            d = widgets.Dropdown(options=[CHOOSE, *self.choices], value=CHOOSE, description=label,
                                 description_allow_html=False, layout=widgets.Layout(width="auto"))
            d.style.description_width = "initial"
            d.add_class("kit-row")
            m = widgets.HTML(value="")
            d.observe(self._answered, names="value")
            self.selects.append(d)
            self.marks.append(m)
            rows.append(widgets.HBox([d, m]))
        super().__init__([*self._head, question_html(question), *rows, self.feedback, self.saved])
        self.add_class("kit-exercise")
        self.restore()

    @property
    def score(self) -> int:
        """How many items are matched to their right category."""
        return sum(d.value == a for d, (_l, a) in zip(self.selects, self.items))

    def _judge(self, value: Any) -> Feedback:
        rows = {k: v for k, v in dict(value).items() if v not in UNCHOSEN}
        fb = rows_feedback(self.items, self.choices, self.explanations, rows, self.exercise_id or "this exercise")
        for m, (label, answer) in zip(self.marks, self.items):
            chosen = rows.get(label)
            m.value = ("" if chosen is None else "<strong>✔ right</strong>" if chosen == answer
                       else "<strong>✘ look again</strong>")
        return fb

    def _put(self, value: Any) -> None:
        rows = dict(value)
        for d, (label, _a) in zip(self.selects, self.items):
            d.value = rows.get(label) or CHOOSE

    def _value(self) -> Any:
        return {label: d.value for d, (label, _a) in zip(self.selects, self.items) if d.value != CHOOSE}


# -- quizzes built from the analysis ---------------------------------------------------
def hard_word_quiz(text: str, sentence: SentenceDifficulty, *, exercise_id: str | None = None,
                   lesson: str | None = None) -> PickTheWord:
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
                       sentence.text, targets, others, exercise_id=exercise_id, lesson=lesson)


def loaded_word_quiz(article: Article, loaded: LoadedLanguage, paragraph: Paragraph, *,
                     exercise_id: str | None = None, lesson: str | None = None) -> PickTheWord:
    """Pick the loaded words in one paragraph; answers and reasons come from the lexicon."""
    hits = [m for m in loaded.matches if paragraph.start <= m.start < paragraph.end]
    targets = {m.text: f"{category_label(m.category)}: {m.explanation}" for m in hits if " " not in m.text}
    if not targets:
        raise KitInputError("this paragraph has no single loaded word to pick")
    return PickTheWord("Click every word that carries a judgement rather than a fact.", paragraph.text, targets,
                       NAMES_NOT_LOADED, exercise_id=exercise_id, lesson=lesson)


def who_speaks_most_quiz(sourcing: Sourcing, *, exercise_id: str | None = None,
                         lesson: str | None = None) -> MultipleChoice:
    """'Who speaks most?' with the answer and explanations computed from the sourcing analysis."""
    sp = sorted(sourcing.speakers, key=lambda s: -s.total)
    if not sp:
        raise KitInputError("no attributed speakers in this article, so there is no 'who speaks most' question")
    options = [s.speaker for s in sp[:4]]
    why = {s.speaker: (f"{s.speaker}: {s.direct} direct quotation{'s' if s.direct != 1 else ''} and "
                       f"{s.indirect} reported statement{'s' if s.indirect != 1 else ''}, "
                       f"{s.share_of_quoted_words:.0%} of all quoted words.") for s in sp}
    return MultipleChoice("Who speaks most in the article (direct and reported statements together)?",
                          sorted(options), sp[0].speaker, why, exercise_id=exercise_id, lesson=lesson)
