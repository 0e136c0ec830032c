"""A last guard against a report that never ends: a cooperative time budget.

Every part of the kit is meant to take time linear in the text, whatever the
text is (see `benchmarks/scaling.py`). If some input still finds a slow path,
a student should get a message after a while, not a frozen lesson cell. So a
report runs inside `time_budget()`, and the loops of the analysis call
`check("stage")` now and then; once the budget is spent, `check` raises
`TimeBudgetExceeded`, a `KitInputError` with one plain sentence.

Cooperative: nothing is interrupted from outside, a loop that never calls
`check` is never stopped. Outside `time_budget()`, `check` does nothing, so the
library functions keep their plain behaviour.

The budget is `DEFAULT_SECONDS` (20 s; a 5 MB text takes a few seconds),
or the `KIT_TIME_BUDGET` environment variable in seconds; `0`, `off` or
`none` switch it off. The deadline lives in a context variable, so threads and
asyncio tasks (a widget's background re-analysis) each keep their own.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import EllipsisType

from kit.errors import KitInputError

DEFAULT_SECONDS = 20.0
ENV_VAR = "KIT_TIME_BUDGET"

# (deadline on the monotonic clock, the budget in seconds) of the innermost time_budget(), or None
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("kit_time_budget", default=None)


class TimeBudgetExceeded(KitInputError):
    """The analysis ran out of its time budget; the message names the stage it stopped in."""

    def __init__(self, stage: str, seconds: float):
        self.stage = stage
        self.seconds = seconds
        super().__init__(
            f"this text is too unusual to analyse in reasonable time (stopped in {stage} after "
            f"{seconds:g} s): check that it is an article's plain text, or analyse it in smaller pieces "
            f"(set {ENV_VAR}=60 for a longer budget)"
        )


def budget_seconds() -> float | None:
    """The budget from `KIT_TIME_BUDGET` (seconds), `DEFAULT_SECONDS` if unset or unreadable; None if off."""
    raw = os.environ.get(ENV_VAR, "").strip().lower()
    if raw in ("0", "off", "none", "no"):
        return None
    try:
        seconds = float(raw) if raw else DEFAULT_SECONDS
    except ValueError:
        return DEFAULT_SECONDS  # a typo in a setting should not stop every report
    return seconds if seconds > 0 else None


@contextmanager
def time_budget(seconds: float | None | EllipsisType = ...) -> Iterator[None]:
    """Run the block under a budget of `seconds` (default `...`: `budget_seconds()`; None: no budget).

    Nested budgets never extend an outer one: the earlier deadline wins.
    """
    if isinstance(seconds, EllipsisType):
        seconds = budget_seconds()
    outer = _DEADLINE.get()
    current = outer
    if seconds is not None:
        mine = (time.monotonic() + seconds, seconds)
        current = mine if outer is None or mine[0] < outer[0] else outer
    token = _DEADLINE.set(current)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check(stage: str) -> None:
    """Raise TimeBudgetExceeded if the current budget is spent; does nothing outside `time_budget()`.

    Cheap (a context-variable read and a clock read), but loops over single
    characters should still call it only every few thousand steps.
    """
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise TimeBudgetExceeded(stage, deadline[1])


def remaining() -> float | None:
    """Seconds left in the current budget (never below 0), or None outside one."""
    deadline = _DEADLINE.get()
    return None if deadline is None else max(0.0, deadline[0] - time.monotonic())
