"""What the kit says about one answer: a verdict, a message, and what to compare with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["correct", "incorrect", "check"]


@dataclass(frozen=True)
class Feedback:
    """The kit's feedback on one answer.

    `status` is "correct" only where a rule can decide; "incorrect" names the
    mechanical check or content rule that fired in `problem`; "check" means the
    kit cannot judge the meaning: the student compares their answer with
    `model_answer`, point by point, using `self_check`.
    """

    status: Status
    message: str
    problem: str | None = None
    model_answer: str = ""
    self_check: list[str] = field(default_factory=list)

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def to_dict(self) -> dict:
        return {"status": self.status, "message": self.message, "problem": self.problem,
                "model_answer": self.model_answer, "self_check": list(self.self_check)}
