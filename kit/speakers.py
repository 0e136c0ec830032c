"""Who a mention of a source is: "Russian President Vladimir Putin", "he", "the US official", "officials".

A *mention* is the noun phrase that names a source next to a cue verb. This
module reads it with plain rules and the word lists in
`lexicons/source_nouns.csv` and `lexicons/sourcing_countries.csv`:

* a run of capitalised words at the end of the phrase is a person's name
  ("White House spokesman Josh Earnest"); a title or honorific before it
  ("President", "Dr.") is not part of the name;
* a news agency ("Interfax") or an institution ("the Kremlin", "the ministry")
  is recognised from the list;
* "he"/"she" point back to the last person who spoke; "the Russian leader",
  "the US official" point back to the last person mentioned whose title fits
  and whose country (if both are known) is the same;
* "officials", "sources", "an analyst at ..." describe a source without naming
  it: anonymous.

`SpeakerBook` keeps the people and sources met so far, so later mentions are
linked to one canonical name, and spelling variants the article itself uses
("Ernest" for "Earnest") are merged and remembered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kit.article import Article, Span, words_in
from kit.lexicons import read_csv
from kit.syllables import easy_words

# Words that are never part of a source's noun phrase when they sit at its edge.
_LEAD_WORDS = {"and", "but", "yet", "so", "then", "also", "however", "meanwhile", "still", "while", "now", "as"}
_TRAIL_WORDS = {
    "also", "has", "have", "had", "was", "were", "is", "are", "then", "again", "further", "later", "earlier",
    "previously", "once", "too", "himself", "herself", "themselves", "itself", "both", "all", "would", "will",
    "did", "does", "do", "not", "never", "had", "already", "even", "just", "first", "last", "recently",
}
# A mention stops before these: what follows is when/where, not who.
_STOP_WORDS = {
    "on", "in", "during", "yesterday", "today", "tonight", "last", "earlier", "late", "this", "after", "before",
    "when", "while", "who", "which", "whose", "speaking", "told", "as", "via", "through", "under", "over",
    "published", "released", "issued", "posted", "seen", "obtained", "cited", "quoted",
}
_PREPOSITIONS = {"at", "of", "for", "from", "with", "to", "about", "within", "inside", "by"}
_DETERMINERS = {"the", "a", "an", "some", "several", "many", "few", "two", "three", "four", "five", "one",
                "another", "other", "most", "this", "that", "these", "those", "its", "their", "his", "her"}
_INDEFINITE = {"a", "an", "some", "several", "many", "few", "two", "three", "four", "five", "one", "another",
               "other", "most", "these", "those"}
_PARTICLES = {"de", "van", "von", "bin", "al", "da", "la", "le", "du", "der", "ibn", "abu", "el"}
_MAX_MENTION_WORDS = 12
# Capitalised at the start of a sentence, but never a name: "We believe ...", "Someone said ..."
_NOT_NAMES = {"we", "i", "you", "there", "here", "everyone", "nobody", "someone", "anyone", "others", "both", "all",
              "each", "none", "what", "how", "why", "if", "it", "they", "he", "she", "yes", "no"}


@dataclass(frozen=True)
class Noun:
    """One row of source_nouns.csv."""

    word: str
    kind: str  # honorific | role | anonymous | institution | agency | pronoun
    tags: tuple[str, ...]
    plural: bool
    explanation: str


def _plural(word: str, form: str) -> bool:
    f = form.lower()
    return f != word and (f.endswith("s") or f.endswith("men") or f.endswith("people") or f == "people")


@lru_cache(maxsize=1)
def _lexicon() -> dict[tuple[str, ...], Noun]:
    """Token tuple -> Noun. Role, anonymous and pronoun forms match in any case; names of bodies match exactly."""
    out: dict[tuple[str, ...], Noun] = {}
    for r in read_csv("source_nouns.csv"):
        tags = tuple(r["fits"].split())
        for form in r["forms"].split("|"):
            form = form.strip()
            toks = tuple(w.text for w in words_in(form))
            if not toks:
                continue
            noun = Noun(r["word"], r["kind"], tags, _plural(r["word"], form), r["explanation"])
            key = tuple(t.lower() for t in toks) if r["kind"] in ("role", "anonymous", "pronoun") else toks
            out.setdefault(key, noun)
    return out


@lru_cache(maxsize=1)
def _countries() -> dict[tuple[str, ...], str]:
    return {tuple(w.text for w in words_in(r["word"])): r["country"] for r in read_csv("sourcing_countries.csv")}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """"the Swede", "the Australian": a word for a person from a country, used to point back to someone."""
    return {r["word"]: r["country"] for r in read_csv("sourcing_demonyms.csv")}


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word that can open a lexicon entry, as written and lower-cased (a quick way to say "no match")."""
    words = {k[0] for k in _lexicon()} | {k[0] for k in _countries()}
    return frozenset(words | {w.lower() for w in words})


def lookup(tokens: list[Span], i: int) -> tuple[int, Noun | None, str | None]:
    """Longest lexicon match starting at token i: (number of tokens, noun or None, country or None)."""
    if tokens[i].text not in _first_words() and tokens[i].text.lower() not in _first_words():
        return 1, None, None
    for n in range(min(4, len(tokens) - i), 0, -1):
        exact = tuple(t.text for t in tokens[i:i + n])
        # a multi-word match must not jump over punctuation ("Putin, the leader")
        noun = _lexicon().get(exact)
        if noun is None:
            lowered = tuple(t.lower() for t in exact)
            cand = _lexicon().get(lowered)
            if cand is not None and cand.kind in ("role", "anonymous", "pronoun"):
                noun = cand
        country = _countries().get(exact)
        if noun or country:
            return n, noun, country
    return 1, None, None


def _is_possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’")) and len(word) > 2


def _is_name_word(word: str) -> bool:
    low = word.lower()
    function = low in _DETERMINERS or low in _PREPOSITIONS or low in _STOP_WORDS or low in _LEAD_WORDS or \
        low in _NOT_NAMES
    return word[:1].isupper() and not _is_possessive(word) and not function


@dataclass(frozen=True)
class Mention:
    """A parsed source phrase. `kind`: person | pronoun | role_ref | anonymous | institution | agency."""

    start: int
    end: int
    text: str
    kind: str
    name: tuple[str, ...] = ()  # the person's name words, no titles
    role: Noun | None = None
    country: str | None = None
    honorific: str | None = None
    plural: bool = False
    head: str = ""  # for bodies and agencies: the matched word ("Interfax", "Kremlin")
    proper: bool = False  # `head` is the body's own name ("Ofgem", "NHS England"): use it as the speaker


def parse_mention(text: str, start: int, end: int) -> Mention | None:
    """Read the noun phrase in text[start:end] as a source, or None when it does not name one."""
    tokens = words_in(text, start, end)
    while tokens and tokens[0].text.lower() in _LEAD_WORDS:
        tokens = tokens[1:]
    for i, t in enumerate(tokens):
        if i > 0 and t.text.islower() and (t.text in _STOP_WORDS or t.text in _VERBISH):  # "Scientists have long"
            tokens = tokens[:i]
            break
        participle = t.text.islower() and t.text.endswith(("ed", "ing")) and len(t.text) > 4
        noun_next = i + 1 < len(tokens) and lookup(tokens, i + 1)[1] is not None  # "the main lobbying group"
        if i > 0 and participle and tokens[i - 1].text.lower() not in _DETERMINERS and \
                lookup(tokens, i)[1] is None and not noun_next:
            tokens = tokens[:i]  # "Travelers stranded at the airport": the people, not where they are
            break
    while tokens and (tokens[-1].text in _TRAIL_WORDS or (tokens[-1].text.endswith("ly") and tokens[-1].text.islower())):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > _MAX_MENTION_WORDS:
        return None
    s, e = tokens[0].start, tokens[-1].end
    last = tokens[-1].text
    noun = lookup(tokens, len(tokens) - 1)[1]
    if text[e:e + 1] == "." and ("." in last or (noun is not None and noun.kind == "honorific")):
        e += 1  # keep the period of "Dr." / "U.S." inside the mention
    if text[e:e + 1] == ")" and text.count("(", s, e) > text.count(")", s, e):
        e += 1  # "the World Health Organization (WHO)": keep the closing bracket
    return _classify(text, tokens, s, e)


def _classify(text: str, tokens: list[Span], s: int, e: int) -> Mention | None:
    """Decide what kind of source the tokens name (see the module docstring for the rules)."""
    mention = text[s:e]
    if len(tokens) == 1:
        _, noun, _ = lookup(tokens, 0)
        if noun and noun.kind == "pronoun":
            return Mention(s, e, mention, "pronoun", role=noun)
    if len(tokens) == 2 and tokens[0].text.lower() == "the" and tokens[1].text in _demonyms():
        he = _lexicon().get(("he",))  # "the Swede said": a person named before, like "he"/"she"
        return Mention(s, e, mention, "pronoun", role=he, country=_demonyms()[tokens[1].text])
    items = _head_items(tokens)
    country = next((c for _, _, c in items if c), None)
    agencies = [toks for toks, noun, _ in items if noun and noun.kind == "agency"]
    agency = next((t for t in agencies if not t[0].text.islower()), agencies[0] if agencies else None)
    if agency:
        return Mention(s, e, mention, "agency", head=" ".join(t.text for t in agency), country=country)
    named = _from_name(items, s, e, mention, country)
    if named is not None:
        return named
    generic = _common_noun_phrase(items)
    if generic is not None:
        return Mention(s, e, mention, "anonymous", plural=generic, country=country)
    by_noun = _from_head_noun(items, tokens, s, e, mention, country)
    if by_noun is not None:
        return by_noun
    if len(items) > 1 and items[-1][2] and all(noun is None and country is None and len(toks) == 1
                                               and _is_name_word(toks[0].text) for toks, noun, country in items[:-1]):
        # "Water UK", "Cancer Research UK", "Sport England": a body whose name ends with a country
        return Mention(s, e, mention, "institution", head=" ".join(t.text for toks, _, _ in items for t in toks),
                       proper=True)
    if len(items) == 1 and items[0][2]:  # "Russia", "Washington": the country's government speaks
        return Mention(s, e, mention, "institution", head=" ".join(t.text for t in items[0][0]), country=country,
                       proper=True)
    return None


def _head_items(tokens: list[Span]) -> list[tuple[list[Span], Noun | None, str | None]]:
    """(tokens, list noun, country) per word or list phrase, up to the first preposition ("an analyst [at ...]")."""
    items: list[tuple[list[Span], Noun | None, str | None]] = []
    i = 0
    while i < len(tokens):
        n, noun, country = lookup(tokens, i)
        if not noun and not country and tokens[i].text in _PREPOSITIONS and items:
            break
        items.append((tokens[i:i + n], noun, country))
        i += n
    return items


def _from_name(items, s: int, e: int, mention: str, country: str | None) -> Mention | None:
    """A phrase with a proper name: a person ("Dr. Ann Lee"), or a body ("the regulator Ofgem", "NHS England")."""
    name = _trailing_name(items)
    if name is None:
        return None
    name_toks, after = name
    if after is not None and after.kind == "institution":  # "the Shanghai International Studies University"
        return Mention(s, e, mention, "institution", head=after.word, country=country)
    if after is not None:
        return None
    words = tuple(t.text for t in name_toks)
    before = _noun_before(items, name_toks[0])
    if before is not None and before.kind == "institution":  # "the regulator Ofgem"
        return Mention(s, e, mention, "institution", head=" ".join(words), proper=True)
    if _countries().get(words):
        return Mention(s, e, mention, "institution", head=" ".join(words), country=_countries()[words], proper=True)
    if any(re.search(r"\.(?:com|ru|Ru|org|net|co|uk|ua|de|fr)$", w) for w in words):  # "Pravda.Ru"
        return Mention(s, e, mention, "agency", head=" ".join(words))
    if any(len(w) >= 2 and w.isupper() for w in words):  # "NHS England", "FBI": an acronym names a body
        return Mention(s, e, mention, "institution", head=" ".join(words), country=country, proper=True)
    while len(words) > 2 and words[0].lower() in easy_words():  # "Trade Envoy Ann Lee" -> "Ann Lee"
        words = words[1:]
    role = next((noun for _, noun, _ in items if noun and noun.kind == "role"), None)
    honorific = next((noun.word for _, noun, _ in items if noun and noun.kind == "honorific"), None)
    return Mention(s, e, mention, "person", name=words, role=role, country=country, honorific=honorific)


def _from_head_noun(items, tokens: list[Span], s: int, e: int, mention: str, country: str | None) -> Mention | None:
    """A phrase headed by a list noun: a body ("the ministry"), a title that points back ("the US official")
    or an unnamed source ("officials", "an analyst", "a source")."""
    heads = [(toks, noun) for toks, noun, _ in items
             if noun and noun.kind in ("role", "anonymous", "institution", "document")]
    _, last_noun, _ = lookup(tokens, len(tokens) - 1)
    if last_noun is not None and last_noun.kind in ("role", "anonymous"):
        heads.append(([tokens[-1]], last_noun))  # "a Department for Transport source": the head comes last
    if not heads:
        return None
    noun = heads[-1][1]
    first = tokens[0].text.lower()
    if noun.kind == "institution":
        return Mention(s, e, mention, "institution", head=noun.word, country=country)
    if noun.kind == "document":  # "its annual report", "figures": a record a reader can look for, not a person
        return Mention(s, e, mention, "document", role=noun, country=country, plural=noun.plural)
    if (noun.kind == "anonymous" and first != "the") or noun.plural \
            or first in _INDEFINITE:
        return Mention(s, e, mention, "anonymous", role=noun, country=country, plural=noun.plural)
    return Mention(s, e, mention, "role_ref", role=noun, country=country)


def is_document(text: str, start: int, end: int) -> bool:
    """Whether the phrase is headed by a document noun ("figures", "a summary", "its annual report")."""
    for t in words_in(text, start, end)[:4]:
        _, noun, _ = lookup([t], 0)
        if noun is not None:
            return noun.kind == "document"
    return False


def _noun_before(items, first: Span) -> Noun | None:
    for k, (toks, noun, _) in enumerate(items):
        if toks[0] is first:
            return items[k - 1][1] if k > 0 else None
    return None


_VERBISH = {"is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "can", "could",
            "should", "may", "might", "must", "did", "does", "do", "not"}


def _common_noun_phrase(items) -> bool | None:
    """"hospital managers", "one nurse": a short phrase ending in a common noun not on the list.

    Returns whether it is plural, or None when the phrase is not like that.
    """
    if len(items) > 4:
        return None
    last = items[-1][0][-1].text
    if items[-1][1] is not None or items[-1][2] is not None or not last.isalpha() or not last.islower():
        return None
    if last in _DETERMINERS or last in _TRAIL_WORDS or last in _STOP_WORDS or last in _PREPOSITIONS:
        return None
    if any(t.text.endswith(("ed", "ing")) or t.text in _VERBISH for toks, _, _ in items[1:] for t in toks):
        return None  # "the deal stalled": a verb, not a noun phrase
    first = items[0][0][0].text.lower()
    plural = last.endswith("s") and not last.endswith("ss")
    if not (plural or first in _DETERMINERS or first.isdigit()):  # "62 percent said"
        return None
    return plural


def _trailing_name(items) -> tuple[list[Span], Noun | None] | None:
    """The last run of capitalised words that are not list words, and the list noun right after it."""
    best = None
    run: list[Span] = []
    for idx, (toks, noun, country) in enumerate(items):
        word = toks[0].text
        plain = noun is None and country is None and len(toks) == 1
        if plain and (_is_name_word(word) or (run and word in _PARTICLES)):
            run.append(toks[0])
            continue
        if run:
            best = (list(run), noun if noun else _Other)
            run = []
    if run:
        return run, None
    if best and best[1] is not _Other:
        return best
    return None


_Other = Noun("", "other", (), False, "")


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
    """One source: a person, an institution, an agency or an anonymous description."""

    canonical: str
    source_type: str  # person | institution | agency | anonymous
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


_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m"}


class SpeakerBook:
    """The people and sources of one article, in the order the text meets them."""

    def __init__(self, text: str = "") -> None:
        self.entities: list[Entity] = []
        self.text = text

    # -- people named anywhere in the body -----------------------------------------
    def prescan(self, article: Article) -> None:
        """Register people named with a title ("Syrian President Bashar Assad") and where they are mentioned."""
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
                    if j < len(tokens) and _is_possessive(tokens[j].text) and tokens[j].text[:1].isupper() \
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
                            ent, _ = self.person(m)
                            if m.start in starts:
                                ent.subject_at.append(m.start)
                    i = j if end > 0 else i + n
                    continue
                i += n
        where: dict[str, list[int]] = {}  # word -> its offsets, so each person is one lookup, not a scan
        for w in article.body_words:
            where.setdefault(w.text, []).append(w.start)
        for ent in self.entities:  # every later mention of a known surname keeps the person "recent"
            seen = set(ent.mentioned_at)
            for pos in where.get(ent.surname, []) + where.get(ent.surname + "'s", []) + where.get(ent.surname + "’s", []):
                if pos not in seen:
                    seen.add(pos)
                    ent.mentioned_at.append(pos)
                    if pos in starts:
                        ent.subject_at.append(pos)
            ent.mentioned_at.sort()

    # -- resolving one mention ---------------------------------------------------------
    def resolve(self, m: Mention) -> tuple[Entity | None, str | None]:
        """(entity, spelling variant or None) for a mention; None when a pronoun or title has no antecedent."""
        if m.kind == "person":
            return self.person(m)
        if m.kind == "pronoun":
            return self._pronoun(m), None
        if m.kind == "role_ref":
            ent = self._role_ref(m)
            if ent is not None:
                ent.mentioned_at.append(m.start)
                return ent, None
            return self._description(m, "anonymous"), None
        if m.kind == "agency":
            if m.head.islower():  # "the publication", "the newspaper": the last outlet named
                ent = self._last("agency", m.start)
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

    def _last(self, source_type: str, before: int) -> Entity | None:
        best, best_at = None, -1
        for e in self.entities:
            seen = [o for o in e.mentioned_at if o < before]
            if e.source_type == source_type and seen and seen[-1] > best_at:
                best, best_at = e, seen[-1]
        return best

    def person(self, m: Mention) -> tuple[Entity, str | None]:
        surname = m.name[-1]
        first = m.name[0] if len(m.name) > 1 and m.name[0].lower() not in _PARTICLES else None  # "Von der Leyen"
        ent, variant = self._find_person(surname, first)
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
            if _is_name_word(first) and not _countries().get((first,)) and (first.lower(),) not in _lexicon() \
                    and (first,) not in _lexicon() and first.lower() not in easy_words():
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

    def _pronoun(self, m: Mention) -> Entity | None:
        """he/she: the last person (or single unnamed source) who spoke or opened a sentence; they/it: a group, a body."""
        want = m.role.tags[0] if m.role and m.role.tags else "person"
        word = m.text.lower()
        best, best_at = None, -1
        for e in self.entities:
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

    def _role_ref(self, m: Mention) -> Entity | None:
        """The last person (or unnamed source) mentioned before m whose title fits m's title and country."""
        want = {m.role.word, *(m.role.tags[:1])} if m.role else set()
        best, best_at = None, -1
        for e in self.entities:
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

    def _description(self, m: Mention, source_type: str) -> Entity:
        words = m.text.split()
        low = words[0].lower() if words else ""
        common = low in easy_words() or low.rstrip("s") in easy_words() or (low,) in _lexicon() or len(words) == 1
        plain_body = source_type == "institution" and len(words) == 1 and (low,) in _lexicon()  # "Police said"
        proper_next = len(words) > 1 and words[1][:1].isupper()  # "Willow Lodge's owners": a name, keep its case
        if low in _DETERMINERS or plain_body or (source_type in ("anonymous", "document") and common
                                                 and not words[0].isupper() and not proper_next):
            words[0] = low  # "Officials" at the start of a sentence is just "officials"
        desc = " ".join(words)
        ent = self._keyed(desc, source_type, m)
        ent.role = ent.role or m.role
        ent.plural = m.plural
        return ent

    def _keyed(self, canonical: str, source_type: str, m: Mention) -> Entity:
        key = canonical.lower()
        for e in self.entities:
            if e.canonical.lower() == key and e.source_type == source_type:
                e.mentioned_at.append(m.start)
                return e
        ent = Entity(canonical, source_type, country=m.country, plural=m.plural)
        ent.mentioned_at.append(m.start)
        self.entities.append(ent)
        return ent


def _name_part(tokens: list[Span], j: int) -> bool:
    """A capitalised name word, or a particle inside a name ("Ursula von der Leyen")."""
    if _is_name_word(tokens[j].text):
        return True
    k = j
    while k < len(tokens) and tokens[k].text in _PARTICLES:
        k += 1
    return k > j and k < len(tokens) and _is_name_word(tokens[k].text)


def _full_name(words: tuple[str, ...]) -> str:
    """Name words joined, with the period back after initials ("J. R. Hartley")."""
    return " ".join(w + "." if len(w) == 1 and w.isupper() else w for w in words)


def _adjacent(text: str, a: Span, b: Span) -> bool:
    """Two tokens separated only by spaces (or the period of an abbreviation)."""
    gap = text[a.end:b.start]
    return gap.strip(" .\u00a0") == "" and gap.count("\n") <= 1  # a hard-wrapped line break is a space


def short_label(entity_name: str, source_type: str) -> str:
    """A short label for a highlight: a person's surname, otherwise the description."""
    if source_type == "person":
        return entity_name.split()[-1]
    return entity_name if len(entity_name) <= 24 else entity_name[:23] + "…"
