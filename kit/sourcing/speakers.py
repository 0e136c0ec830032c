"""Who a source is: one `Entity` per person or body, kept in a `SpeakerBook` across the article.

`SpeakerBook` keeps the people and sources met so far, so later mentions are
linked to one canonical name: "he"/"she" point back to the last person who
spoke or opened a sentence, "the Russian leader" and "the US official" to the
last person mentioned whose title fits and whose country (if both are known)
is the same. Spelling variants the article itself uses ("Ernest" for
"Earnest") are merged and remembered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kit.article import Article, Span, words_in
from kit.lexicons import function_words
from kit.sourcing.mentions import (
    DETERMINERS,
    PARTICLES,
    Mention,
    Noun,
    countries,
    is_name_word,
    is_possessive,
    lexicon,
    lookup,
    parse_mention,
)
from kit.sourcing.model import SourceType
from kit.syllables import easy_words

_GENDER = {**{w: "m" for w in function_words("male_honorifics")},
           **{w: "f" for w in function_words("female_honorifics")}}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small words only, so the plain table is fine)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _close_spelling(a: str, b: str) -> bool:
    """Same surname spelt differently: one edit for short names, two for names of 7+ letters."""
    if a == b or min(len(a), len(b)) < 4 or a[0].lower() != b[0].lower():
        return False
    limit = 2 if min(len(a), len(b)) >= 7 else 1
    return edit_distance(a.lower(), b.lower()) <= limit


@dataclass
class Entity:
    """One source: a person, an institution, an agency, a document or an anonymous description."""

    canonical: str
    source_type: SourceType
    name: tuple[str, ...] = ()
    role: Noun | None = None
    country: str | None = None
    gender: str | None = None
    plural: bool = False
    mentioned_at: list[int] = field(default_factory=list)
    spoke_at: list[int] = field(default_factory=list)
    subject_at: list[int] = field(default_factory=list)  # a sentence opens with this person's name
    variants: list[str] = field(default_factory=list)
    other_roles: list[Noun] = field(default_factory=list)  # "Councillor Robert Ainsley", also "the Mayor of Dunmore"

    @property
    def named(self) -> bool:
        """A person, institution or agency a reader can look up; an unnamed source or a bare document is not."""
        return self.source_type not in ("anonymous", "document")

    @property
    def surname(self) -> str:
        return self.name[-1] if self.name else ""

    def tags(self) -> set[str]:
        return {word for r in ([self.role] if self.role else []) + self.other_roles for word in (r.word, *r.tags)}


class SpeakerBook:
    """The people and sources of one article, in the order the text meets them.

    `resolve` records what it reads: a new source is added, a known one is marked as mentioned again.
    `find_person` only looks.
    """

    def __init__(self, text: str = "") -> None:
        self.entities: list[Entity] = []
        self.text = text

    def resolve(self, m: Mention) -> tuple[Entity | None, str | None]:
        """(entity, spelling variant or None) for a mention; None when a pronoun or title has no antecedent."""
        if m.kind == "person":
            return self.person(m)
        if m.kind == "pronoun":
            return _pronoun(self.entities, m), None
        if m.kind == "role_ref":
            ent = _role_ref(self.entities, m)
            if ent is not None:
                ent.mentioned_at.append(m.start)
                return ent, None
            return self._description(m, "anonymous"), None
        if m.kind == "agency":
            if m.head.islower():  # "the publication", "the newspaper": the last outlet named
                ent = _last(self.entities, "agency", m.start)
                if ent is not None and m.text.lower().startswith("the "):
                    ent.mentioned_at.append(m.start)
                    return ent, None
                return self._description(m, "agency"), None
            return self._keyed(m.head, "agency", m), None
        if m.kind == "institution":
            if m.proper:
                return self._keyed(m.head, "institution", m), None
            return self._description(m, "institution"), None
        if m.kind == "document":
            return self._description(m, "document"), None
        return self._description(m, "anonymous"), None

    def find_person(self, m: Mention) -> Entity | None:
        """The person already in the book that a person mention names (nothing is recorded)."""
        return self._find_person(m.name[-1], _first_name(m))[0]

    def person(self, m: Mention) -> tuple[Entity, str | None]:
        """The person a person mention names, added to the book when new."""
        first = _first_name(m)
        ent, variant = self._find_person(m.name[-1], first)
        if ent is None and first is None:
            m = self._with_first_name(m)
        if ent is None:
            ent = Entity(_full_name(m.name), "person", m.name, m.role, m.country, _GENDER.get((m.honorific or "").lower()))
            self.entities.append(ent)
        else:
            if len(m.name) > len(ent.name) and variant is None:
                ent.name, ent.canonical = m.name, _full_name(m.name)
            if ent.role is not None and m.role is not None and m.role.word != ent.role.word \
                    and m.role not in ent.other_roles:
                ent.other_roles.append(m.role)  # a second title the article gives the same person
            ent.role = ent.role or m.role
            ent.country = ent.country or m.country
            ent.gender = ent.gender or _GENDER.get((m.honorific or "").lower())
            if variant and variant not in ent.variants:
                ent.variants.append(variant)
        ent.mentioned_at.append(m.start)
        return ent, variant

    def _with_first_name(self, m: Mention) -> Mention:
        """"Smith said" when the text earlier wrote "John Smith": take the full name from there."""
        surname = re.escape(m.name[-1])
        found = None
        pattern = re.compile(r"\b([A-Z][\w’'-]+)\s+(?:[A-Z]\.\s+)?" + surname + r"\b")
        for hit in pattern.finditer(self.text, 0, m.start):  # no copy of the text before the mention
            first = hit.group(1)
            if is_name_word(first) and not countries().get((first,)) and (first.lower(),) not in lexicon() \
                    and (first,) not in lexicon() and first.lower() not in easy_words():
                found = first
        if found is None:
            return m
        return Mention(m.start, m.end, m.text, m.kind, (found,) + m.name, m.role, m.country, m.honorific)

    def _find_person(self, surname: str, first: str | None) -> tuple[Entity | None, str | None]:
        people = [e for e in self.entities if e.source_type == "person"]
        for e in reversed(people):
            if e.surname == surname and (first is None or len(e.name) < 2 or e.name[0] == first):
                return e, None
        for e in reversed(people):
            if _close_spelling(e.surname, surname) and (first is None or len(e.name) < 2 or e.name[0] == first):
                return e, surname
        for e in reversed(people):  # "Xi" after "Xi Jinping": family name first
            if first is None and len(e.name) == 2 and e.name[0] == surname:
                return e, None
        return None, None

    def _description(self, m: Mention, source_type: SourceType) -> Entity:
        words = m.text.split()
        low = words[0].lower() if words else ""
        common = low in easy_words() or low.rstrip("s") in easy_words() or (low,) in lexicon() or len(words) == 1
        plain_body = source_type == "institution" and len(words) == 1 and (low,) in lexicon()  # "Police said"
        proper_next = len(words) > 1 and words[1][:1].isupper()  # "Willow Lodge's owners": a name, keep its case
        if low in DETERMINERS or plain_body or (source_type in ("anonymous", "document") and common
                                                and not words[0].isupper() and not proper_next):
            words[0] = low  # "Officials" at the start of a sentence is just "officials"
        desc = " ".join(words)
        ent = self._keyed(desc, source_type, m)
        ent.role = ent.role or m.role
        ent.plural = m.plural
        return ent

    def _keyed(self, canonical: str, source_type: SourceType, m: Mention) -> Entity:
        key = canonical.lower()
        for e in self.entities:
            if e.canonical.lower() == key and e.source_type == source_type:
                e.mentioned_at.append(m.start)
                return e
        ent = Entity(canonical, source_type, country=m.country, plural=m.plural)
        ent.mentioned_at.append(m.start)
        self.entities.append(ent)
        return ent


def _first_name(m: Mention) -> str | None:
    """The first name word of a person mention, None for a surname alone or "Von der Leyen"."""
    return m.name[0] if len(m.name) > 1 and m.name[0].lower() not in PARTICLES else None


# -- pointing back: the antecedent of a pronoun, a title, "the publication" -----------------------------------
def _last(entities: list[Entity], source_type: str, before: int) -> Entity | None:
    best, best_at = None, -1
    for e in entities:
        seen = [o for o in e.mentioned_at if o < before]
        if e.source_type == source_type and seen and seen[-1] > best_at:
            best, best_at = e, seen[-1]
    return best


def _pronoun(entities: list[Entity], m: Mention) -> Entity | None:
    """he/she: the last person (or single unnamed source) who spoke or opened a sentence; they/it: a group, a body."""
    want = m.role.tags[0] if m.role and m.role.tags else "person"
    word = m.text.lower()
    best, best_at = None, -1
    for e in entities:
        spoke = sorted(o for o in e.spoke_at + e.subject_at if o < m.start)
        if not spoke or spoke[-1] <= best_at:
            continue
        if want == "person":  # a person, or an unnamed source whose noun is a person's ("an analyst")
            ok = (e.source_type == "person" or (e.source_type == "anonymous" and not e.plural
                                                and e.role is not None and e.role.kind == "role"))
            ok = ok and not (word == "he" and e.gender == "f") and not (word == "she" and e.gender == "m")
        elif want == "group":
            ok = e.plural or e.source_type in ("institution", "agency")
        else:
            ok = e.source_type in ("institution", "agency")
        if ok:
            best, best_at = e, spoke[-1]
    return best


def _role_ref(entities: list[Entity], m: Mention) -> Entity | None:
    """The last person (or unnamed source) mentioned before m whose title fits m's title and country."""
    want = {m.role.word, *(m.role.tags[:1])} if m.role else set()
    best, best_at = None, -1
    for e in entities:
        before = [o for o in e.mentioned_at if o < m.start]
        if not before or before[-1] <= best_at or e.source_type not in ("person", "anonymous") or e.plural:
            continue
        mine = {m.role.word, *m.role.tags} if m.role else set()
        own = {r.word for r in ([e.role] if e.role else []) + e.other_roles}
        if not (want & e.tags()) and not (own & (mine - {"official"})):
            continue  # "the leader" fits a president; "the politician" fits a president or minister
        if m.country and e.country and m.country != e.country:
            continue
        best, best_at = e, before[-1]
    return best


# -- people named anywhere in the body --------------------------------------------------------------------------
def prescan(book: SpeakerBook, article: Article) -> None:
    """Register in `book` the people named with a title ("Syrian President Bashar Assad") and where each
    is mentioned, so "he" and "the Syrian leader" can point back to them."""
    text = article.text
    starts = {s.start for s in article.body_sentences}
    for sent in article.body_sentences:
        tokens = words_in(text, sent.start, sent.end)
        i = 0
        while i < len(tokens):
            n, noun, _ = lookup(tokens, i)
            if noun and noun.kind in ("role", "honorific") and not noun.plural:
                j = i + n
                while j < len(tokens) and _name_part(tokens, j) and lookup(tokens, j)[1] is None \
                        and lookup(tokens, j)[2] is None and _adjacent(text, tokens[j - 1], tokens[j]):
                    j += 1
                end = tokens[j - 1].end if j > i + n else -1
                if j < len(tokens) and is_possessive(tokens[j].text) and tokens[j].text[:1].isupper() \
                        and _adjacent(text, tokens[j - 1], tokens[j]):
                    end = tokens[j].end - 2  # "Coach Ann Berg's contract": the name without the 's
                    j += 1
                if end > 0:
                    lo = i  # take in the modifiers right before the title: "Syrian", "White House", "Putin's"
                    while lo > 0 and i - lo < 3 and _adjacent(text, tokens[lo - 1], tokens[lo]) and \
                            (tokens[lo - 1].text[:1].isupper() or lookup(tokens, lo - 1)[1] is not None):
                        lo -= 1
                    m = parse_mention(text, tokens[lo].start, end)
                    if m and m.kind == "person":
                        ent, _ = book.person(m)
                        if m.start in starts:
                            ent.subject_at.append(m.start)
                i = j if end > 0 else i + n
                continue
            i += n
    where: dict[str, list[int]] = {}  # word -> its offsets, so each person is one lookup, not a scan
    for w in article.body_words:
        where.setdefault(w.text, []).append(w.start)
    for ent in book.entities:  # every later mention of a known surname keeps the person "recent"
        seen = set(ent.mentioned_at)
        for pos in where.get(ent.surname, []) + where.get(ent.surname + "'s", []) + where.get(ent.surname + "’s", []):
            if pos not in seen:
                seen.add(pos)
                ent.mentioned_at.append(pos)
                if pos in starts:
                    ent.subject_at.append(pos)
        ent.mentioned_at.sort()


def _name_part(tokens: list[Span], j: int) -> bool:
    """A capitalised name word, or a particle inside a name ("Ursula von der Leyen")."""
    if is_name_word(tokens[j].text):
        return True
    k = j
    while k < len(tokens) and tokens[k].text in PARTICLES:
        k += 1
    return k > j and k < len(tokens) and is_name_word(tokens[k].text)


def _full_name(words: tuple[str, ...]) -> str:
    """Name words joined, with the period back after initials ("J. R. Hartley")."""
    return " ".join(w + "." if len(w) == 1 and w.isupper() else w for w in words)


def _adjacent(text: str, a: Span, b: Span) -> bool:
    """Two tokens separated only by spaces (or the period of an abbreviation)."""
    gap = text[a.end:b.start]
    return gap.strip(" .\u00a0") == "" and gap.count("\n") <= 1  # a hard-wrapped line break is a space
