"""Pointing back: who "he" or "they", "the Russian leader" or "the publication" is.

The rules, each the latest fitting source before the mention:

* he/she: the last person (or single unnamed source with a person's noun, "an
  analyst") who spoke or opened a sentence, of the pronoun's gender (from an
  honorific or a given name) or of none known; but when nobody who fits did so
  in this sentence or the one before, a person of the pronoun's gender merely
  named there ("Carlson asked Helen Marsh ... She said"); they: the last group
  or body; it: the last body;
* a title ("the US official", "the leader"): the last person or unnamed source
  mentioned whose title fits, from the same country when both are known;
* "the publication": the last news agency mentioned.

`Antecedents` keeps these answers fast with `kit.sourcing.recency`; the plain
scans below give the same answers for a question asked out of reading order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kit.sourcing.recency import Recency

if TYPE_CHECKING:
    from kit.sourcing.mentions import Mention
    from kit.sourcing.speakers import Entity

_BODIES = ("institution", "agency")


def _pronoun_keys(e: Entity) -> tuple[str, ...]:
    """The kind of antecedent a source can be: a man, a woman or a person; a body; a group."""
    if e.source_type == "person" or (e.source_type == "anonymous" and not e.plural and e.role is not None
                                     and e.role.kind == "role"):
        return ("person:" + (e.gender or ""),)
    if e.source_type in _BODIES:
        return ("body",)
    return ("group",) if e.plural else ()


def _pronoun_wants(m: Mention) -> tuple[str, ...]:
    want = m.role.tags[0] if m.role and m.role.tags else "person"
    word = m.text.lower()
    if want == "person":
        return {"he": ("person:m", "person:"), "she": ("person:f", "person:")}.get(
            word, ("person:m", "person:f", "person:"))
    return ("group", "body") if want == "group" else ("body",)


def _mention_keys(e: Entity) -> tuple[str, ...]:
    """A source's title words (for "the official"), its type (for "the publication"), its pronoun if known."""
    keys = ["type:" + e.source_type]
    if e.source_type in ("person", "anonymous") and not e.plural:
        keys += ["tag:" + w for w in e.tags()]
        keys += ["own:" + r.word for r in ([e.role] if e.role else []) + e.other_roles]
    if e.source_type == "person" and e.gender:
        keys.append("named:person:" + e.gender)
    return tuple(keys)


def _exact(m: Mention) -> str | None:
    """The key of a person of the pronoun's own gender ("person:f" for "she"), None for "they" or "it"."""
    return {"he": "person:m", "she": "person:f"}.get(m.text.lower()) if _pronoun_wants(m)[0].startswith(
        "person") else None


def _title_wants(m: Mention) -> tuple[str, ...]:
    if m.role is None:
        return ()
    want = {m.role.word, *m.role.tags[:1]}
    mine = {m.role.word, *m.role.tags} - {"official"}
    return tuple(sorted({"tag:" + w for w in want} | {"own:" + w for w in mine}))


def _country_fits(m: Mention) -> Callable[[Entity], bool]:
    return lambda e: not (m.country and e.country and m.country != e.country)


class Antecedents:
    """What was said (or opened a sentence) and what was mentioned, by position, for pointing back."""

    def __init__(self, order: Callable[[Entity], int]) -> None:
        self.spoke = Recency(_pronoun_keys, order)  # spoke_at and subject_at
        self.seen = Recency(_mention_keys, order)  # mentioned_at

    def refile(self, ent: Entity) -> None:
        """A source's gender, title or number may have changed: file it again."""
        self.spoke.refile(ent)
        self.seen.refile(ent)

    def pronoun(self, entities: list[Entity], m: Mention, since: int = 0) -> Entity | None:
        """The antecedent of a pronoun; `since`: where the sentence before the pronoun's starts."""
        if not (self.spoke.advance(m.start) and self.seen.advance(m.start)):
            return pronoun_scan(entities, m, since)
        spoke = self.spoke.best(_pronoun_wants(m))
        exact = _exact(m)
        if exact is not None and (spoke is None or self.spoke.latest[id(spoke)] < since):
            ent = self.seen.best(("named:" + exact,))  # nobody who fits spoke just before: someone named there
            if ent is not None and self.seen.latest[id(ent)] >= since:
                return ent
        return spoke

    def title(self, entities: list[Entity], m: Mention) -> Entity | None:
        if not self.seen.advance(m.start):
            return title_scan(entities, m)
        return self.seen.best(_title_wants(m), _country_fits(m))

    def last(self, entities: list[Entity], source_type: str, before: int) -> Entity | None:
        if not self.seen.advance(before):
            return last_scan(entities, source_type, before)
        return self.seen.best(("type:" + source_type,))


# -- the same answers by a plain scan of every source (a question out of reading order) -------------------
def _latest(offsets: list[int], before: int) -> int:
    return max((o for o in offsets if o < before), default=-1)


def last_scan(entities: list[Entity], source_type: str, before: int) -> Entity | None:
    best, best_at = None, -1
    for e in entities:
        at = _latest(e.mentioned_at, before)
        if e.source_type == source_type and at > best_at:
            best, best_at = e, at
    return best


def pronoun_scan(entities: list[Entity], m: Mention, since: int = 0) -> Entity | None:
    spoke, spoke_at = _latest_of(entities, tuple(_pronoun_wants(m)), lambda e: e.spoke_at + e.subject_at, m.start)
    exact = _exact(m)
    if exact is not None and (spoke is None or spoke_at < since):
        ent, at = _latest_of(entities, ("named:" + exact,), lambda e: e.mentioned_at, m.start)
        if ent is not None and at >= since:
            return ent
    return spoke


def _latest_of(entities: list[Entity], wants: tuple[str, ...], offsets: Callable[[Entity], list[int]],
               before: int) -> tuple[Entity | None, int]:
    """The source filed under one of `wants` whose latest offset before `before` is the latest of all."""
    best, best_at = None, -1
    for e in entities:
        at = _latest(offsets(e), before)
        if at > best_at and set(wants) & set(_pronoun_keys(e) + _mention_keys(e)):
            best, best_at = e, at
    return best, best_at


def title_scan(entities: list[Entity], m: Mention) -> Entity | None:
    wants, fits = set(_title_wants(m)), _country_fits(m)
    best, best_at = None, -1
    for e in entities:
        at = _latest(e.mentioned_at, m.start)
        if at > best_at and wants & set(_mention_keys(e)) and fits(e):
            best, best_at = e, at
    return best
