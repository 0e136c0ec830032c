"""The sourcing passes under the report's time budget: `checked(items)` checks it every few hundred items.

Every pass is meant to be linear in the text (benchmarks/scaling.py, group `sourcing`); if some text still
finds a slow path, `kit.budget` stops the report with one plain sentence naming this stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from kit import budget

T = TypeVar("T")
STAGE = "finding sources"


def checked(items: Iterable[T], every: int = 500) -> Iterator[T]:
    """The items, checking the time budget every `every` of them (nothing outside `budget.time_budget()`)."""
    for k, item in enumerate(items):
        if k % every == 0:
            budget.check(STAGE)
        yield item
