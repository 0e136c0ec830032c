"""Exercises as data and honest answer checking (no widgets here: kit.lessons builds on it).

    from kit.grading import judge, judge_choice, judge_rows, exercise_ids, spec
    judge("03-missing-voice", "Interview refugees.").status   # "correct"

A Feedback's `status` is "correct" only where a rule can decide, "incorrect"
when a named check fires (`problem`), and "check" when the kit cannot judge
the meaning: it then gives the model answer and a self-check list.
"""

from kit.grading.choices import choice_feedback, judge_choice, judge_rows, rows_feedback, word_feedback
from kit.grading.feedback import Feedback, Status
from kit.grading.open_answers import judge, judge_spec
from kit.grading.specs import exercise_ids, spec

__all__ = ["Feedback", "Status", "choice_feedback", "exercise_ids", "judge", "judge_choice", "judge_rows", "judge_spec",
           "rows_feedback", "spec", "word_feedback"]
