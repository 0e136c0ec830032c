"""Finding a person again by name: indexes that keep the speaker book fast with thousands of names.

`SpeakerBook` asks three questions of every person mention: who already has this
surname, whose surname is spelt almost like it ("Peskov" / "Peskow"), and whose
two-word name starts with it ("Xi" after "Xi Jinping"). Comparing each new name
with every earlier person made an article with 2,000 names take a minute. Here
each answer is a dictionary lookup:

* `PeopleIndex` keeps the people by surname, by the first word of a two-word
  name, and by every form of the surname with one or two letters deleted: two
  names within two edits of each other always share such a form (the idea of
  the SymSpell spelling corrector), so only those few candidates are compared
  (a form shared by more than `_MAX_NEIGHBOURS` surnames is skipped: too
  crowded to guess a misspelling from, and the comparisons would grow).
* `FirstNames` reads the text once for every capitalised word right before a
  name ("John Smith", "John A. Smith"), so "Smith said" finds "John" without
  searching the text again for each surname.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kit.sourcing.speakers import Entity

_MAX_FUZZY_LETTERS = 30  # longer "surnames" are no names; their deletion forms would be thousands
# A spelling neighbourhood shared by more surnames than this ("Gonza", "Gonzb", ... all give "Gonz") is too
# crowded to guess a misspelling from, and comparing a new name with all of them made such a text quadratic
_MAX_NEIGHBOURS = 8
_PAIR = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+)\s+(?:[A-Z]\.\s+)?(?=\w)")  # "John Smith", "John A. Smith"
_NAME_AT = re.compile(r"[\w’'.\-‐‑]+")
_INNER_BREAK = re.compile(r"[’'.\-‐‑]")


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small words only, so the plain table is fine)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def close_spelling(a: str, b: str) -> bool:
    """Same surname spelt differently: one edit for short names, two for names of 7+ letters."""
    if a == b or min(len(a), len(b)) < 4 or a[0].lower() != b[0].lower():
        return False
    limit = 2 if min(len(a), len(b)) >= 7 else 1
    return edit_distance(a.lower(), b.lower()) <= limit


@lru_cache(maxsize=65536)
def _close(a: str, b: str) -> bool:
    return close_spelling(a, b)


def _deletions(word: str) -> set[str]:
    """The word with zero, one or two letters deleted."""
    n = len(word)
    out = {word}
    for k in (1, 2):
        for cut in combinations(range(n), k):
            out.add("".join(ch for i, ch in enumerate(word) if i not in cut))
    return out


@dataclass
class _Surname:
    """The people filed under one surname: all of them, and by first name (or with no first name)."""

    everyone: list[Entity] = field(default_factory=list)
    by_first: dict[str, list[Entity]] = field(default_factory=dict)
    alone: list[Entity] = field(default_factory=list)  # a one-word name ("Smith")


class PeopleIndex:
    """The people of a speaker book by surname, by spelling neighbourhood and by first word.

    Entries are never removed: a person renamed later ("Smith", then "John Smith") is filed again, and
    each lookup checks the entry against the person's current name.
    """

    def __init__(self) -> None:
        self.order: dict[int, int] = {}  # id(entity) -> when it was added (the book's reading order)
        self._added: list[Entity] = []
        self._surname: dict[str, _Surname] = {}
        self._first: dict[str, list[Entity]] = {}  # the first word of a two-word name -> people
        self._near: dict[str, set[str]] = {}  # a surname with up to two letters deleted -> surnames

    def __deepcopy__(self, memo: dict) -> PeopleIndex:
        """A copy filing the copied people (the order is kept by identity, which a copy changes)."""
        new = PeopleIndex()
        memo[id(self)] = new
        for ent in self._added:
            new.add(copy.deepcopy(ent, memo))
        return new

    def add(self, ent: Entity) -> None:
        """File a new person, or file a person again after their name changed."""
        fresh = id(ent) not in self.order  # a new person is in no bucket yet: no need to look
        if fresh:
            self.order[id(ent)] = len(self.order)
            self._added.append(ent)
        if ent.surname not in self._surname and 4 <= len(ent.surname) <= _MAX_FUZZY_LETTERS:
            for form in _deletions(ent.surname.lower()):
                self._near.setdefault(form, set()).add(ent.surname)
        entry = self._surname.setdefault(ent.surname, _Surname())
        _file(entry.everyone, ent, fresh)
        _file(entry.by_first.setdefault(ent.name[0], []) if len(ent.name) >= 2 else entry.alone, ent, fresh)
        if len(ent.name) == 2:
            _file(self._first.setdefault(ent.name[0], []), ent, fresh)

    def find(self, surname: str, first: str | None) -> Entity | None:
        """The latest person with this surname whose first name fits (`first` None: any first name)."""
        entry = self._surname.get(surname)
        if entry is None:
            return None
        if first is None:
            return _latest(entry.everyone, lambda e: e.surname == surname)
        with_first = _latest(entry.by_first.get(first, []),
                             lambda e: e.surname == surname and len(e.name) >= 2 and e.name[0] == first)
        alone = _latest(entry.alone, lambda e: e.surname == surname and len(e.name) < 2)
        return self._later(with_first, alone)

    def find_spelt_like(self, surname: str, first: str | None) -> Entity | None:
        """The latest person whose surname is a close spelling of this one (see `close_spelling`)."""
        if not 4 <= len(surname) <= _MAX_FUZZY_LETTERS:
            return None
        keys: set[str] = set()
        for form in _deletions(surname.lower()):
            near = self._near.get(form)
            if near is not None and len(near) <= _MAX_NEIGHBOURS:
                keys |= near
        best = None
        for key in keys:
            if _close(key, surname):
                best = self._later(best, self.find(key, first))
        return best

    def find_first_word(self, word: str) -> Entity | None:
        """The latest person with a two-word name whose first word is this one ("Xi Jinping" for "Xi")."""
        return _latest(self._first.get(word, []), lambda e: len(e.name) == 2 and e.name[0] == word)

    def _later(self, a: Entity | None, b: Entity | None) -> Entity | None:
        if a is None or b is None:
            return a or b
        return a if self.order[id(a)] > self.order[id(b)] else b


def _latest(people: list[Entity], fits: Callable[[Entity], bool]) -> Entity | None:
    """The last filed person who still fits (entries of people renamed since are skipped)."""
    for e in reversed(people):
        if fits(e):
            return e
    return None


def _file(bucket: list[Entity], ent: Entity, fresh: bool) -> None:
    """Add ent to the bucket once (by identity: two people may have equal fields)."""
    if fresh or not any(e is ent for e in bucket):
        bucket.append(ent)


class FirstNames:
    """Every capitalised word right before a name in the text, found in one reading."""

    def __init__(self, text: str) -> None:
        self._by_name: dict[str, tuple[list[int], list[str]]] = {}  # name -> (ends, first words), by position
        for hit in _PAIR.finditer(text):
            name = _NAME_AT.match(text, hit.end())
            if name is None:
                continue
            word = name.group()
            keys = {word} | {word[:b.start()] for b in _INNER_BREAK.finditer(word)}  # "Smith" in "Smith's"
            for key in keys:
                if key and key[-1].isalnum():
                    ends, firsts = self._by_name.setdefault(key, ([], []))
                    ends.append(hit.end() + len(key))
                    firsts.append(hit.group(1))

    def before(self, name: str, limit: int) -> Iterator[str]:
        """The words written right before `name` where it ends at or before `limit`, the last one first."""
        ends, firsts = self._by_name.get(name, ([], []))
        for i in range(bisect_right(ends, limit) - 1, -1, -1):
            yield firsts[i]
