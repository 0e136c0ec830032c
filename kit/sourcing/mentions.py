"""Reading one source phrase: "Russian President Vladimir Putin", "he", "the US official", "officials".

A *mention* is the noun phrase that names a source next to a cue verb. This
module reads it with plain rules and the word lists in
`lexicons/source_nouns.csv`, `lexicons/sourcing_countries.csv` and
`lexicons/function_words.csv`:

* a run of capitalised words at the end of the phrase is a person's name
  ("White House spokesman Josh Earnest"); a title or honorific before it
  ("President", "Dr.") is not part of the name;
* a news agency ("Interfax") or an institution ("the Kremlin", "the ministry")
  is recognised from the list;
* "he"/"she" and "the Russian leader" are kept as a pronoun or a title
  (`kit.sourcing.speakers` links them to somebody named before);
* "officials", "sources", "an analyst at ..." describe a source without naming
  it: anonymous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kit.article import Span, words_in
from kit.lexicons import function_words, read_csv
from kit.syllables import easy_words
from kit.sourcing.gender import given_name_gender

# Words that are never part of a source's noun phrase when they sit at its edge.
_LEAD_WORDS = function_words("lead_words")
_TRAIL_WORDS = function_words("trail_words")
_STOP_WORDS = function_words("stop_words")  # a mention stops before these: what follows is when/where, not who
_PREPOSITIONS = function_words("prepositions")
DETERMINERS = function_words("determiners")
_INDEFINITE = function_words("indefinite")
PARTICLES = function_words("particles")
_MAX_MENTION_WORDS = 12
_NEWSPAPER_HEADS = function_words("newspaper_heads")  # "The Christian Post": an outlet's name, not a person's
_NOT_NAMES = function_words("not_names")  # capitalised at a sentence start, never a name: "We believe ..."
_VERBISH = function_words("verbish")
_FIRST_PERSON = function_words("first_person")
_PERCENT_WORDS = function_words("percent_words")
_SHARE_WORDS = function_words("share_words")
_NUMBER_WORDS = function_words("number_words")
_IRREGULAR_PLURALS = ("men", "people", "children")  # "two women", "local people"; "thus" is no plural
_CONTRACTED = frozenset({"d", "s", "ll", "ve", "re", "m"})  # he'd, she's, they'll, we've, they're, I'm

MentionKind = Literal["person", "pronoun", "role_ref", "anonymous", "institution", "agency", "document"]


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
    return f != word and (f.endswith(("s", "men", "people")) or f == "people")


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, ...], Noun]:
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
def countries() -> dict[tuple[str, ...], str]:
    return {tuple(w.text for w in words_in(r["word"])): r["country"] for r in read_csv("sourcing_countries.csv")}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """"the Swede", "the Australian": a word for a person from a country, used to point back to someone."""
    return {r["word"]: r["country"] for r in read_csv("sourcing_demonyms.csv")}


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word that can open a lexicon entry, as written and lower-cased (a quick way to say "no match")."""
    words = {k[0] for k in lexicon()} | {k[0] for k in countries()}
    return frozenset(words | {w.lower() for w in words})


def lookup(tokens: list[Span], i: int) -> tuple[int, Noun | None, str | None]:
    """Longest lexicon match starting at token i: (number of tokens, noun or None, country or None)."""
    if tokens[i].text not in _first_words() and tokens[i].text.lower() not in _first_words():
        return 1, None, None
    for n in range(min(4, len(tokens) - i), 0, -1):
        exact = tuple(t.text for t in tokens[i:i + n])
        # a multi-word match must not jump over punctuation ("Putin, the leader")
        noun = lexicon().get(exact)
        if noun is None:
            lowered = tuple(t.lower() for t in exact)
            cand = lexicon().get(lowered)
            if cand is not None and cand.kind in ("role", "anonymous", "pronoun"):
                noun = cand
        country = countries().get(exact)
        if noun or country:
            return n, noun, country
    return 1, None, None


def lookup_noun_kind(word: str) -> str | None:
    """The kind of a one-word source noun written as given ("emails" -> "document"), None if not listed."""
    noun = lexicon().get((word,))
    return noun.kind if noun is not None else None


def lookup_noun(w: Span) -> bool:
    """Whether a word is on the source-noun list ("minister", "officials")."""
    return lookup([w], 0)[1] is not None


def is_possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’")) and len(word) > 2


def is_name_word(word: str) -> bool:
    low = word.lower()
    function = low in DETERMINERS or low in _PREPOSITIONS or low in _STOP_WORDS or low in _LEAD_WORDS or \
        low in _NOT_NAMES
    return word[:1].isupper() and not is_possessive(word) and not function


@dataclass(frozen=True)
class Mention:
    """A parsed source phrase. `kind`: person | pronoun | role_ref | anonymous | institution | agency."""

    start: int
    end: int
    text: str
    kind: MentionKind
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
        # "two unidentified women", "retired teachers": a participle used as an adjective before the last noun
        noun_next = noun_next or (i == len(tokens) - 2 and tokens[-1].text.isalpha() and tokens[-1].text.islower())
        if i > 0 and participle and tokens[i - 1].text.lower() not in DETERMINERS and \
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
        word, contracted = _contraction(tokens[0].text)  # "He'd", "I’m": a pronoun and a verb, not a name
        if word in _FIRST_PERSON:
            return None  # "I", "we": the writer or a quoted speaker on themselves, no source to name
        noun = lexicon().get((word,)) if contracted else lookup(tokens, 0)[1]
        if noun and noun.kind == "pronoun":
            return Mention(s, e, mention, "pronoun", role=noun)
    if _statistic(tokens):
        return None  # "62 percent said", "a third of voters say": a survey result, not a speaker
    if len(tokens) == 2 and tokens[0].text.lower() == "the" and tokens[1].text in _demonyms():
        he = lexicon().get(("he",))  # "the Swede said": a person named before, like "he"/"she"
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
                                               and is_name_word(toks[0].text) for toks, noun, country in items[:-1]):
        # "Water UK", "Cancer Research UK", "Sport England": a body whose name ends with a country
        return Mention(s, e, mention, "institution", head=" ".join(t.text for toks, _, _ in items for t in toks),
                       proper=True)
    if len(items) == 1 and items[0][2]:  # "Russia", "Washington": the country's government speaks
        return Mention(s, e, mention, "institution", head=" ".join(t.text for t in items[0][0]), country=country,
                       proper=True)
    return None


def _contraction(word: str) -> tuple[str, bool]:
    """("he", True) for "He'd", "he’s"; (the word lower-cased, False) when it has no contracted verb."""
    low = word.lower().replace("’", "'")
    base, _, rest = low.partition("'")
    if rest in _CONTRACTED:
        return base, True
    return low, False


def is_statistic(text: str, start: int, end: int) -> bool:
    """Whether the phrase is a share of a group ("62 percent", "a third of voters"): a survey result."""
    return _statistic(words_in(text, start, end))


def _statistic(tokens: list[Span]) -> bool:
    """A share of a group: "62 percent", "Sixty-two per cent of voters", "a third of residents", "half of them"."""
    words = [t.text.lower() for t in tokens[:5]]
    if words and words[0] in DETERMINERS:
        words = words[1:]
    if len(words) < 2:
        return False
    number = words[0][:1].isdigit() or words[0].split("-")[-1] in _NUMBER_WORDS
    if number and words[1] in _PERCENT_WORDS:
        return True  # "62 percent", "sixty-two per cent"
    return words[0] in _SHARE_WORDS and words[1] == "of"  # "a third of", "the majority of"; not "a third event"


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
    if countries().get(words):
        return Mention(s, e, mention, "institution", head=" ".join(words), country=countries()[words], proper=True)
    if any(re.search(r"\.(?:com|ru|Ru|org|net|co|uk|ua|de|fr)$", w) for w in words):  # "Pravda.Ru"
        return Mention(s, e, mention, "agency", head=" ".join(words))
    if any(len(w) >= 2 and w.isupper() and "." not in w for w in words):  # "NHS England", "FBI": a body
        # (initials with periods, "J.B. Hurt", are a person's)
        return Mention(s, e, mention, "institution", head=" ".join(words), country=country, proper=True)
    role = next((noun for _, noun, _ in items if noun and noun.kind == "role"), None)
    honorific = next((noun.word for _, noun, _ in items if noun and noun.kind == "honorific"), None)
    if role is None and honorific is None and len(words) >= 2 and words[-1] in _NEWSPAPER_HEADS \
            and (_the_right_before(items, name_toks[0]) or not given_name_gender(words[0])):  # not "Emily Post"
        return Mention(s, e, mention, "agency", head=" ".join(words))  # "The Christian Post", "Ashdale Courier"
    if role is None and honorific is None and _the_right_before(items, name_toks[0]) \
            and not any(given_name_gender(w) for w in words[:-1]):
        # "The Drudge Report said": "the" right before a capitalised name with no given name in it is a body's
        return Mention(s, e, mention, "institution", head=" ".join(words), country=country, proper=True)
    while len(words) > 2 and words[0].lower() in easy_words():  # "Trade Envoy Ann Lee" -> "Ann Lee"
        words = words[1:]
    return Mention(s, e, mention, "person", name=words, role=role, country=country, honorific=honorific)


def _the_right_before(items, first: Span) -> bool:
    """Whether the word right before the name's first word is "the"."""
    before = [t for toks, _, _ in items for t in toks if t.end <= first.start]
    return bool(before) and before[-1].text.lower() == "the"


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
    for k, (toks, _noun, _) in enumerate(items):
        if toks[0] is first:
            return items[k - 1][1] if k > 0 else None
    return None




def _common_noun_phrase(items) -> bool | None:
    """"hospital managers", "one nurse": a short phrase ending in a common noun not on the list.

    Returns whether it is plural, or None when the phrase is not like that.
    """
    if len(items) > 4:
        return None
    last = items[-1][0][-1].text
    if items[-1][1] is not None or items[-1][2] is not None or not last.isalpha() or not last.islower():
        return None
    if last in DETERMINERS or last in _TRAIL_WORDS or last in _STOP_WORDS or last in _PREPOSITIONS:
        return None
    if last.endswith(("ed", "ing")) or any(t.text in _VERBISH for toks, _, _ in items[1:] for t in toks):
        return None  # "the deal stalled": a verb, not a noun phrase
    if any(t.text.endswith("ed") and len(t.text) <= 4 for toks, _, _ in items[1:-1] for t in toks):
        return None  # "the bill led ...": a short -ed word inside is a verb; "unidentified women" is an adjective
    first = items[0][0][0].text.lower()
    plural = (last.endswith("s") and not last.endswith(("ss", "us"))) or last.endswith(_IRREGULAR_PLURALS)
    if not (plural or first in DETERMINERS or first.isdigit() or first in _NUMBER_WORDS):
        return None
    return plural


def _trailing_name(items) -> tuple[list[Span], Noun | None] | None:
    """The last run of capitalised words that are not list words, and the list noun right after it."""
    best = None
    run: list[Span] = []
    for _idx, (toks, noun, country) in enumerate(items):
        word = toks[0].text
        plain = noun is None and country is None and len(toks) == 1
        if plain and (is_name_word(word) or (run and word in PARTICLES)):
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
