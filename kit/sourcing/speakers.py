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
from bisect import bisect_right
from dataclasses import dataclass, field

from kit.article import Article, Span, words_in
from kit.lexicons import function_words
from kit.sourcing.steps import checked
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
from kit.sourcing.antecedents import Antecedents
from kit.sourcing.gender import given_name_gender, honorific_gender, name_gender, person_gender
from kit.sourcing.names import FirstNames, PeopleIndex, edit_distance

__all__ = ["Entity", "SpeakerBook", "edit_distance", "prescan"]
from kit.syllables import easy_words

_PERSONAL = re.compile(r"\b(?:he|she|his|her|him|He|She|His|Her)\b")
_PERSONAL_REACH = 200  # characters after the name: its sentence and a little more
_OPENER_REACH = 250  # characters: "On Friday morning, before his arrest, Douglas Haig answered"
# Only a person has an age or a wife: "Smith, 54, said", "Smith's wife said", anywhere in the article
_HUMAN_ONLY = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*)(?:,\s+(?:aged\s+)?\d{1,3}[,.](?!\d)|['’]s\s+(?:"
                         + "|".join(re.escape(w) for w in sorted(function_words("kin_nouns"))) + r")\b)")


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
        self.people = PeopleIndex()
        self.prescanned = False  # set by prescan: before it, the book cannot know who the article names
        self.first_names: FirstNames | None = None  # read from the text on first use
        self.sentence_starts: list[int] = []  # of the body sentences (prescan): how far back "she" looks first
        self.human_words: frozenset[str] | None = None  # one-word names with an age or a wife: read on first use
        self._keys: dict[tuple[str, str], Entity] = {}  # (canonical lower-cased, type) -> a non-person source
        self._order: dict[int, int] = {}  # id(entity) -> its index in `entities` (filled as they are added)
        self.antecedents = Antecedents(self._order_of)

    def _order_of(self, ent: Entity) -> int:
        for k in range(len(self._order), len(self.entities)):  # `entities` only grows, also from outside
            self._order.setdefault(id(self.entities[k]), k)
        return self._order.get(id(ent), len(self.entities))

    def mentioned(self, ent: Entity, pos: int) -> None:
        """Record that the text names `ent` at `pos`."""
        ent.mentioned_at.append(pos)
        self.antecedents.seen.event(ent, pos)

    def spoke(self, ent: Entity, pos: int, opens_sentence: bool = False) -> None:
        """Record that `ent` speaks at `pos` (or, `opens_sentence`, that its name opens a sentence there)."""
        (ent.subject_at if opens_sentence else ent.spoke_at).append(pos)
        self.antecedents.spoke.event(ent, pos)

    def has_surname(self, word: str) -> bool:
        """Whether a person in the book has this surname."""
        return self.people.find(word, None) is not None

    def resolve(self, m: Mention) -> tuple[Entity | None, str | None]:
        """(entity, spelling variant or None) for a mention; None when a pronoun or title has no antecedent."""
        if m.kind == "person":
            return self.person(m)
        if m.kind == "pronoun":
            return self.antecedents.pronoun(self.entities, m, self._sentence_before(m.start)), None
        if m.kind == "role_ref":
            ent = self.antecedents.title(self.entities, m)
            if ent is not None:
                self.mentioned(ent, m.start)
                return ent, None
            return self._description(m, "anonymous"), None
        if m.kind == "agency":
            if m.head.islower():  # "the publication", "the newspaper": the last outlet named
                ent = self.antecedents.last(self.entities, "agency", m.start)
                if ent is not None and m.text.lower().startswith("the "):
                    self.mentioned(ent, m.start)
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

    def _sentence_before(self, pos: int) -> int:
        """Where the sentence before the one holding `pos` starts (0 when there is none)."""
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.sentence_starts[i - 1] if i >= 1 else 0

    def find_person(self, m: Mention) -> Entity | None:
        """The person already in the book that a person mention names (nothing is recorded)."""
        return self._find_person(m.name[-1], _first_name(m))[0]

    def person(self, m: Mention) -> tuple[Entity, str | None]:
        """The person a person mention names, added to the book when new."""
        first = _first_name(m)
        ent, variant = self._find_person(m.name[-1], first)
        if ent is None and first is None:
            m = _with_first_name(self, m)
        if ent is None:  # "Christian Post" after "The Christian Post": the outlet or body already named so
            known = self._keys.get((_full_name(m.name).lower(), "agency")) or \
                self._keys.get((_full_name(m.name).lower(), "institution"))
            if known is not None:
                self.mentioned(known, m.start)
                return known, None
        if ent is None and _organisation(self, m):
            return self._keyed(m.name[0], "institution", m), None
        if ent is None:
            ent = Entity(_full_name(m.name), "person", m.name, m.role, m.country, person_gender(m.honorific, m.name))
            self.entities.append(ent)
            self.people.add(ent)
        else:
            if len(m.name) > len(ent.name) and variant is None:
                ent.name, ent.canonical = m.name, _full_name(m.name)
                self.people.add(ent)  # filed under the new name too
            if ent.role is not None and m.role is not None and m.role.word != ent.role.word \
                    and m.role not in ent.other_roles:
                ent.other_roles.append(m.role)  # a second title the article gives the same person
            ent.role = ent.role or m.role
            ent.country = ent.country or m.country
            ent.gender = honorific_gender(m.honorific) or ent.gender or name_gender(m.name)
            if variant and variant not in ent.variants:
                ent.variants.append(variant)
            self.antecedents.refile(ent)  # its gender or title may be new
        self.mentioned(ent, m.start)
        return ent, variant

    def _find_person(self, surname: str, first: str | None) -> tuple[Entity | None, str | None]:
        ent = self.people.find(surname, first)
        if ent is not None:
            return ent, None
        ent = self.people.find_spelt_like(surname, first)
        if ent is not None:
            return ent, surname
        if first is None:  # "Xi" after "Xi Jinping": family name first
            ent = self.people.find_first_word(surname)
            if ent is not None:
                return ent, None
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
        self.antecedents.refile(ent)
        return ent

    def _keyed(self, canonical: str, source_type: SourceType, m: Mention) -> Entity:
        key = (canonical.lower(), source_type)
        ent = self._keys.get(key)
        if ent is None:
            ent = self._keys[key] = Entity(canonical, source_type, country=m.country, plural=m.plural)
            self.entities.append(ent)
        self.mentioned(ent, m.start)
        return ent


def _organisation(book: SpeakerBook, m: Mention) -> bool:
    """"Apple said": one capitalised word that the article never gives a first name, a title or an
    honorific is a company or an organisation's name, not a person's (a person in the news is introduced
    with a full name or a title first), unless the article gives it an age or a wife or calls it he or she."""
    if not (len(m.name) == 1 and m.role is None and m.honorific is None and m.kind == "person"
            and book.prescanned and not book.has_surname(m.name[0])):
        return False
    if book.human_words is None:
        book.human_words = frozenset(h.group(1) for h in _HUMAN_ONLY.finditer(book.text))
    if m.name[0] in book.human_words:
        return False  # "Smith, 54, said", "Smith's wife": a company has neither an age nor a wife
    reach = m.end + _PERSONAL_REACH
    para_end = book.text.find("\n\n", m.end, reach)
    return _PERSONAL.search(book.text, m.end, reach if para_end < 0 else para_end) is None  # "Putin said he"


def _with_first_name(book: SpeakerBook, m: Mention) -> Mention:
    """"Smith said" when the text earlier wrote "John Smith": take the full name from there."""
    if book.first_names is None:
        book.first_names = FirstNames(book.text)
    found = None
    for first in book.first_names.before(m.name[-1], m.start):  # the last one written before wins
        if _plain_name_word(first):
            found = first
            break
    if found is None or found == m.name[0]:
        return m  # "Al Franken" read as a surname with a particle: no second "Al"
    return Mention(m.start, m.end, m.text, m.kind, (found,) + m.name, m.role, m.country, m.honorific)


def _first_name(m: Mention) -> str | None:
    """The first name word of a person mention, None for a surname alone or "Von der Leyen"."""
    return m.name[0] if len(m.name) > 1 and m.name[0].lower() not in PARTICLES else None


# -- people named anywhere in the body --------------------------------------------------------------------------
def prescan(book: SpeakerBook, article: Article) -> None:
    """Register in `book` the people named with a title ("Syrian President Bashar Assad") and where each
    is mentioned, so "he" and "the Syrian leader" can point back to them."""
    text = article.text
    book.sentence_starts = [s.start for s in article.body_sentences]
    starts = set(book.sentence_starts)
    for sent in checked(article.body_sentences):
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
                            book.spoke(ent, m.start, opens_sentence=True)
                i = j if end > 0 else i + n
                continue
            if noun is None and _given_name(tokens[i].text):
                i = _untitled_person(book, text, tokens, i)
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
                book.mentioned(ent, pos)
                if pos in starts or (text.startswith(ent.surname, pos) and text[pos + len(ent.surname):][:1] in " ,"
                                     and _subject_after_opener(book, text, pos, pos + len(ent.surname))):
                    book.spoke(ent, pos, opens_sentence=True)
        ent.mentioned_at.sort()
    book.prescanned = True


def _subject_after_opener(book: SpeakerBook, text: str, pos: int, end: int) -> bool:
    """"On Friday morning, before his arrest, Douglas Haig answered": a name right after an opening phrase and
    its comma, with a verb after it, is the sentence's subject as much as a name that opens it."""
    i = bisect_right(book.sentence_starts, pos) - 1
    if i < 0 or pos - book.sentence_starts[i] > _OPENER_REACH:
        return False  # a long way into the sentence: no short opener (and no scan of a huge sentence per name)
    before = text[book.sentence_starts[i]:pos].split()
    while before and before[-1][:1].isupper() and not before[-1].endswith(","):  # "Douglas", "Sheriff Joe"
        before.pop()
    after = text[end:end + 30].split()
    return 2 <= len(before) <= 15 and before[-1].endswith(",") and bool(after) and after[0][:1].islower() \
        and after[0].isalpha()


def _plain_name_word(word: str) -> bool:
    """A capitalised word that can be a first name: no ordinary word, place or source noun."""
    return is_name_word(word) and not countries().get((word,)) and (word.lower(),) not in lexicon() \
        and (word,) not in lexicon() and word.lower() not in easy_words()


def _given_name(word: str) -> bool:
    """A common given name that is no ordinary word, place or source noun ("Maria", not "Will")."""
    return given_name_gender(word) is not None and _plain_name_word(word)


def _untitled_person(book: SpeakerBook, text: str, tokens: list[Span], i: int) -> int:
    """File "Maria Gonzalez" named with no title as a mention (so "she" can find her); the next token index.

    Only a mention: the person is no source until they speak, and opening a sentence does not make
    them the antecedent of a "he" or "she" that no other rule gives to someone of that gender.
    """
    j = i + 1
    while j < len(tokens) and _name_part(tokens, j) and lookup(tokens, j)[1] is None \
            and lookup(tokens, j)[2] is None and _adjacent(text, tokens[j - 1], tokens[j]):
        j += 1
    if j > i + 1:
        m = parse_mention(text, tokens[i].start, tokens[j - 1].end)
        if m and m.kind == "person":
            book.person(m)
    return j


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
