"""A free answer in a text box, with Check and Hint: judged by `kit.grading.judge`, never by a guess.

The box's label is the question (its accessible name). The answer is judged
when the student leaves the box or presses Check; "check" feedback shows a
model answer and a self-check list (see `kit.lessons.feedback`). Hints are
shown one at a time by the Hint button.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from kit.grading import Feedback
from kit.lessons.attempts import Attempts
from kit.lessons.feedback import feedback_html, stacked


class OpenAnswer(Attempts, widgets.VBox):
    """A question, a text box, Check and Hint buttons, and feedback; `submit(text)` checks a text."""

    def __init__(self, question: str, judge: Callable[[str], Feedback], hints: Sequence[str] = (), *,
                 exercise_id: str | None = None, lesson: str | None = None,
                 placeholder: str = "Type your answer here", rows: int = 3):
        self._track(question, exercise_id, lesson)
        self._judge_text = judge
        self.hints = list(hints)
        self.hints_shown = 0
        self.answer = stacked(widgets.Textarea(value="", placeholder=placeholder, rows=rows, description=question,
                                               description_allow_html=False, continuous_update=False,
                                               layout=widgets.Layout(width="95%")))
        self.answer.style.description_width = "initial"
        self.check_button = widgets.Button(description="Check", icon="check", tooltip="check my answer")
        self.hint_button = widgets.Button(description="Hint", icon="question", disabled=not self.hints,
                                          tooltip="show a hint")
        self.check_button.on_click(lambda _b: self.check())
        self.hint_button.on_click(lambda _b: self.hint())
        self.answer.observe(self._answered, names="value")
        super().__init__([*self._head, self.answer, widgets.HBox([self.check_button, self.hint_button]),
                          self.feedback, self.saved])
        self.add_class("kit-exercise")
        self.restore()

    def _judge(self, value: Any) -> Feedback:
        return self._judge_text(str(value))

    def _put(self, value: Any) -> None:
        self.answer.value = str(value)

    def _value(self) -> Any:
        return self.answer.value

    def check(self) -> Feedback:
        """Judge the text in the box (the Check button)."""
        return self.submit(self.answer.value)

    def hint(self) -> None:
        """Show the next hint (the last one stays once all have been shown)."""
        if not self.hints:
            return
        h = self.hints[min(self.hints_shown, len(self.hints) - 1)]
        self.hints_shown = min(self.hints_shown + 1, len(self.hints))
        self.feedback.value = feedback_html("hint", h)
