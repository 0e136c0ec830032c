"""Who was last seen before a point of the text: the antecedent of "he", "the mayor", "the publication".

Pointing back asks, for one position, which fitting source had its latest
event (spoke, opened a sentence, was mentioned) closest before it. Asking every
source each time made "He said more." repeated after many speakers quadratic.
`Recency` answers in about log(n) when the questions come in reading order, as
they do while the speakers are resolved:

* every event waits in a queue until the reading position passes it, then
  becomes the source's latest event;
* each source sits in a heap per *key* (a class of antecedent: "a man or a
  person", "a body", a title word), newest event on top; an entry whose
  source has a newer event or no longer has that key is stale and dropped when
  it comes to the top, so each entry is looked at a bounded number of times.

A question asked out of reading order (a headline after the body) gets `None`
from `advance`, and the caller scans the sources the plain way.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kit.sourcing.speakers import Entity

Keys = Callable[["Entity"], Iterable[str]]


class Recency:
    """The latest event of each source before the reading position, by key (see the module docstring)."""

    def __init__(self, keys_of: Keys, order: Callable[[Entity], int]) -> None:
        self.keys_of = keys_of
        self.order = order  # the source's place in the speaker book: the earlier one wins a tie
        self.latest: dict[int, int] = {}  # id(source) -> offset of its latest event before `pos`
        self.heaps: dict[str, list[tuple[int, int, int, Entity]]] = {}  # key -> (-offset, order, seq, source)
        self.pending: list[tuple[int, int, Entity]] = []  # (offset, seq, source): events not yet passed
        self.pos = -1
        self.enabled = True
        self._seq = 0

    def __deepcopy__(self, memo: dict) -> Recency:
        """A copy that always answers "scan" (its offsets would point at the original sources)."""
        new = Recency(self.keys_of, self.order)
        new.enabled = False
        memo[id(self)] = new
        return new

    def event(self, ent: Entity, offset: int) -> None:
        """Record that `ent` was seen at `offset` (it counts once the reading position is past it)."""
        if not self.enabled:
            return
        self._seq += 1
        if offset < self.pos:
            self._apply(ent, offset)
        else:
            heapq.heappush(self.pending, (offset, self._seq, ent))

    def refile(self, ent: Entity) -> None:
        """File `ent` again under its current keys (its gender, title or kind may have changed)."""
        at = self.latest.get(id(ent))
        if self.enabled and at is not None:
            self._push(ent, at)

    def advance(self, pos: int) -> bool:
        """Move the reading position to `pos`; False when that is backwards (then the caller scans)."""
        if not self.enabled or pos < self.pos:
            return False
        self.pos = pos
        while self.pending and self.pending[0][0] < pos:
            offset, _, ent = heapq.heappop(self.pending)
            self._apply(ent, offset)
        return True

    def best(self, keys: Iterable[str], fits: Callable[[Entity], bool] = lambda e: True) -> Entity | None:
        """The source with the latest event before the position among those filed under `keys` that fit."""
        found: tuple[int, int, Entity] | None = None  # (-offset, order, source)
        for key in keys:
            heap = self.heaps.get(key)
            skipped = []
            while heap:
                neg, order, _, ent = heap[0]
                if self.latest.get(id(ent)) != -neg or key not in self.keys_of(ent):
                    heapq.heappop(heap)  # stale: a newer event, or the key no longer applies
                    continue
                if fits(ent):
                    if found is None or (neg, order) < found[:2]:
                        found = (neg, order, ent)
                    break
                skipped.append(heapq.heappop(heap))  # fits another question, not this one
            for entry in skipped:
                heapq.heappush(self.heaps[key], entry)
        return found[2] if found else None

    def _apply(self, ent: Entity, offset: int) -> None:
        if offset > self.latest.get(id(ent), -1):
            self.latest[id(ent)] = offset
            self._push(ent, offset)

    def _push(self, ent: Entity, offset: int) -> None:
        self._seq += 1
        for key in self.keys_of(ent):
            heapq.heappush(self.heaps.setdefault(key, []), (-offset, self.order(ent), self._seq, ent))
