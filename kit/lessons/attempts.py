"""What every exercise widget shares: one way to judge an answer, tries, saving and restoring.

An exercise widget mixes in `Attempts` and gives three methods: `_judge`
(value -> Feedback), `_put` (show a value in its controls) and `_value` (the
value its controls hold now). Its controls call `_answered()`; tests and
`kit.widgets.exercise(ID).submit(value)` call `submit`: both go through
`submit`, so a test checks exactly what the Check button does.

A try is a new answer that got a verdict ("I don't know", an empty box or a
half-filled table are not tries, and pressing Check twice on one answer is one
try). After the right answer the count stops: the student sees the try it took.
With an exercise id the answer is saved to `my_work/<lesson>.json` as it is
given, and put back (and judged again) when the cell runs again.
"""

from __future__ import annotations

import html
from typing import Any


from kit.errors import KitInputError, KitOutputError
from kit.grading import Feedback
from kit.lessons.feedback import NOT_YET, LiveRegion, feedback_html, new_feedback, style_and_stale, verdict_html
from kit.lessons.work import LessonWork, shown, student_id


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Attempts:
    """Mixin for an exercise VBox: `submit`, tries, saving to my_work/ and restoring from it."""

    exercise_id: str | None
    question: str

    def _track(self, question: str, exercise_id: str | None = None, lesson: str | None = None) -> None:
        """Set up the shared parts; call before building the children (they use `feedback` and `saved`)."""
        self.question = question
        self.exercise_id = exercise_id
        self.tries = 0
        self.solved_on: int | None = None
        self.last_value: Any = None
        self.last_feedback: Feedback | None = None
        self._quiet = False
        self.feedback = new_feedback()
        self.saved = LiveRegion()  # "Saved in my_work/...", or why not: announced like the verdict
        self.work: LessonWork | None = None
        self.work_problem: str | None = None
        if exercise_id and lesson:
            try:
                self.work = LessonWork(lesson)
            except KitOutputError as exc:
                self.work_problem = str(exc)
        self._head = style_and_stale()

    def _student(self) -> str:
        """The student id for shuffling ("" when it cannot be read: a fixed order, and the reason shown)."""
        try:
            return student_id(self.work.folder if self.work else None)
        except (KitInputError, KitOutputError) as exc:  # say why; answers are still saved in the lesson's file
            self.saved.value = feedback_html("error", f"{exc} Until then the options keep one fixed order.")
            return ""

    # -- to be given by each exercise ------------------------------------------------------
    def _judge(self, value: Any) -> Feedback:  # pragma: no cover - every exercise overrides it
        raise NotImplementedError

    def _put(self, value: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def _value(self) -> Any:  # pragma: no cover
        raise NotImplementedError

    # -- the one path every answer takes ------------------------------------------------------
    def submit(self, value: Any) -> Feedback:
        """Check `value` exactly as the Check button (or picking an option) would: show, count, save, return."""
        self._quiet = True
        try:
            self._put(value)
        finally:
            self._quiet = False
        fb = self._judge(value)
        if fb.problem not in NOT_YET and value != self.last_value and self.solved_on is None:
            self.tries += 1
        if fb.status == "correct" and self.solved_on is None:
            self.solved_on = self.tries or 1
        self.last_value, self.last_feedback = value, fb
        self._save(value, fb)
        self._render(fb)
        return fb

    def _answered(self, _change: Any = None) -> None:
        """A control changed: judge what the controls hold now (not while `submit` is filling them in)."""
        if not self._quiet:
            self.submit(self._value())

    def _tries_note(self, fb: Feedback) -> str:
        if self.solved_on is not None:
            when = "on the first try" if self.solved_on == 1 else f"on try {self.solved_on}"
            return f"Right {when}." if fb.status == "correct" else f"(You had it right {when}.)"
        if fb.status == "check":
            return f"{_plural(self.tries, 'answer')} checked so far."
        return f"Try {self.tries}." if self.tries else ""

    def _render(self, fb: Feedback) -> None:
        self.feedback.value = verdict_html(fb, self._tries_note(fb))

    # -- saving and restoring ----------------------------------------------------------------
    def _warn(self, message: str) -> None:
        self.work_problem = message
        self.saved.value = feedback_html("error", message)

    def _save(self, value: Any, fb: Feedback) -> None:
        if self.work is None or self.exercise_id is None:
            return
        if self.work_problem:
            self._warn(self.work_problem)  # still broken: say it again, write nothing
            return
        entry = {"question": self.question, "value": value, "status": fb.status, "problem": fb.problem,
                 "tries": self.tries, "solved_on": self.solved_on}
        try:
            path = self.work.save(self.exercise_id, entry)
        except (KitInputError, KitOutputError) as exc:
            self._warn(str(exc))
            return
        self.saved.value = f"<small>Saved in {html.escape(shown(path))}.</small>"

    def restore(self) -> Feedback | None:
        """Put the saved answer back and judge it again (without counting a try); None if nothing is saved."""
        if self.work is None or self.exercise_id is None:
            if self.work_problem:
                self._warn(self.work_problem)
            return None
        try:
            entry = self.work.entry(self.exercise_id)
        except (KitInputError, KitOutputError) as exc:
            self._warn(str(exc))
            return None
        if not entry or "value" not in entry:
            return None
        value = entry["value"]
        if entry.get("status") is None:  # a draft, typed but never checked: back in the box, no verdict
            self._quiet = True
            try:
                self._put(value)
            finally:
                self._quiet = False
            self.tries = int(entry.get("tries") or 0)
            self.saved.value = f"<small>Your draft from {html.escape(shown(self.work.path))} is back.</small>"
            return None
        try:
            self._quiet = True
            self._put(value)
            fb = self._judge(value)
        except (KitInputError, ValueError, TypeError):  # saved for an older version of the exercise
            return None
        finally:
            self._quiet = False
        self.tries = int(entry.get("tries") or 0)
        solved = entry.get("solved_on")
        self.solved_on = int(solved) if isinstance(solved, int) else None
        self.last_value, self.last_feedback = value, fb
        self._render(fb)
        self.saved.value = f"<small>Your answer from {html.escape(shown(self.work.path))} is back.</small>"
        return fb

    # -- what a notebook shows where the widget cannot be drawn ---------------------------------
    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        data = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        if isinstance(data, dict):
            # shown instead of the widget where there is no live kernel (an untrusted or uploaded notebook, a
            # viewer): the question and what to do, never the answer
            data["text/plain"] = f"Exercise: {self.question}\n(Run this cell to answer it: Shift+Enter.)"
            data["text/html"] = (f"<p><strong>Exercise:</strong> {html.escape(self.question)}</p><p><em>Run this "
                                 "cell (Shift+Enter) to answer it. Your saved answers come back.</em></p>")
        return data
