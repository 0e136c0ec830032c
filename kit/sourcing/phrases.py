"""The phrases around a cue: the chunk before it, the chunk after it, and reading one as a source.

"the World Health Organization (WHO) said", "said Dr. Ann Lee, who ...":
`left_chunk` and `right_chunk` cut the phrase that can name the source;
`read_mention` reads it with `kit.sourcing.mentions`, plus the fixes that need
the whole article ("Doctors said" opens a sentence but names nobody).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kit.article import Span, words_in
from kit.lexicons import date_words, function_words, read_csv
from kit.sourcing.mentions import Mention, is_document, is_statistic, lookup, lookup_noun_kind, parse_mention
from kit.syllables import easy_words

if TYPE_CHECKING:
    from kit.sourcing.context import Context

_CHUNK_STOP_CHARS = ",;:()[]—–\"“”«»"  # a line break inside a hard-wrapped paragraph is only a space
_PREPOSITIONS = function_words("prepositions")
_TRAIL_WORDS = function_words("trail_words")  # "Smith has said": "has" is the verb's, no plural noun
_FIRST_WORD = re.compile(r"[^\W_]+")
ARTICLES = function_words("articles")  # may open a subject: "The minister", "A source"
CLAUSE_WORDS = function_words("clause_words")  # "... rose after two delegates said"
_NAME_AND = function_words("name_conjunctions")
_BODY_NAME_LINKS = function_words("body_name_links")
_SOURCE_AFTER = function_words("source_prepositions")  # "a statement from the ministry"
_PAREN_PARTY = re.compile(r"\s\([RDI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)\s*\Z")  # AP style: " (R-Pa.)"
_PAREN_ACRONYM = re.compile(r"\s\([A-Z][A-Za-z&.]{1,12}\)\s*\Z")  # " (WHO)", " (Defra)" right before a cue
_TITLE_LIST = re.compile(r",\s[A-Z][\w’'-]*(?:,\s[A-Z][\w’'-]*)*,?\s(?:and|&)\s[A-Z]")  # ", Food and Rural"
# How far a source phrase may reach from its cue. The longest phrase in every text the kit is measured
# on (fixtures, seeds, the dev corpus) is 161 characters; a phrase of 400 has 60 words, far more than a
# mention holds. Without the bound, every cue of "said said said ..." rescanned back to the sentence start.
MAX_CHUNK_CHARS = 400
MAX_LEAD = 40  # words: a sentence's opening noun phrase longer than this names no source (a mention holds 12)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(r["abbreviation"] for r in read_csv("abbreviations.csv") if r["kind"] != "may_end")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """text[s:e] without the spaces and commas at its edges."""
    while s < e and text[s] in " \u00a0\n\t,":
        s += 1
    while e > s and text[e - 1] in " \u00a0\n\t,":
        e -= 1
    return s, e


def has_words(text: str, lo: int, hi: int, n: int, strip: str | None = None) -> bool:
    """Whether `len(text[lo:hi].strip(strip).split()) >= n`, reading only the last few words, not the stretch."""
    window = 64
    while True:
        s = max(lo, hi - window)
        piece = text[s:hi].strip(strip) if s == lo else text[s:hi].rstrip(strip)
        parts = piece.split()
        if s == lo:
            return len(parts) >= n
        if len(parts) > n:  # the first part may be cut by the window; the n after it are whole
            return True
        window *= 2


def strip_punct(text: str, s: int, e: int) -> tuple[int, int]:
    """text[s:e] without the punctuation that closes it."""
    while e > s and text[e - 1] in ".,;: \u00a0":
        e -= 1
    return s, e


def left_chunk(ctx: Context, lo: int, hi: int) -> tuple[int, int]:
    """The phrase right before a cue: back to a comma, a quotation mark or a clause word.

    At most MAX_CHUNK_CHARS back from the cue: a longer stretch is cut at a word start.
    """
    text = ctx.text
    tag = _PAREN_PARTY.search(text, max(lo, hi - 24), hi)
    if tag:  # "Rep. Tom Hale (R-Pa.) said": the party and state are no part of the name
        hi = tag.start()
    floor = max(lo, hi - MAX_CHUNK_CHARS)
    i = hi
    while i > floor:
        if text[i - 1] == ")":  # "the World Health Organization (WHO) said": the acronym is part of the name
            acronym = _PAREN_ACRONYM.search(text, max(floor, i - 40), i)
            if acronym:
                i = acronym.start()
                continue
        if text[i - 1] == "," and _TITLE_LIST.match(text, i - 1, hi):
            i -= 1  # "the Department for Environment, Food and Rural Affairs": one name with commas
            continue
        if text[i - 1] in _CHUNK_STOP_CHARS or ctx.quote_ends_at(i):
            break
        i -= 1
    if i == floor > lo and text[i - 1].isalnum():
        while i < hi and text[i].isalnum():  # cut at a word start, never inside a word
            i += 1
    words = words_in(text, i, hi)
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w.text in _NAME_AND and 0 < k < len(words) - 1 and words[k - 1].text[:1].isupper() \
                and words[k + 1].text[:1].isupper() and _inside_body_name(words, k):
            continue  # "Department of Health and Human Services": inside a name
        if w.text in CLAUSE_WORDS or (w.text,) in ctx.cues.forms:  # "said [that] some employees asked"
            i = w.end
            break
    return trim(text, i, hi)


def right_chunk(ctx: Context, lo: int, hi: int) -> tuple[int, int]:
    """The phrase right after a cue ("said Dr. Ann Lee, who ..."): up to punctuation that ends it.

    A period ends it unless it closes an abbreviation, an initial or a dotted word ("U.S."); the word
    before each period is tracked as the scan goes (one pass), and the scan stops MAX_CHUNK_CHARS on.
    """
    text = ctx.text
    ceiling = min(hi, lo + MAX_CHUNK_CHARS)
    word_start = -1  # start of the dotted word ("U.S", "Dr") that ends right before i, -1 if none
    i = lo
    while i < ceiling:
        ch = text[i]
        if ch in _CHUNK_STOP_CHARS or ch in "!?":
            break
        if ch.isalnum():  # what [^\W_] matches
            if word_start < 0:
                word_start = i
        elif ch == ".":
            w = text[word_start:i] if word_start >= 0 else ""
            if not (w.lower() in _abbreviations() or (len(w) == 1 and w.isupper()) or "." in w):
                break
            dotted = word_start >= 0 and i + 1 < ceiling and text[i + 1].isalnum()
            word_start = word_start if dotted else -1  # "U.S": the word goes on after an inner period
        else:
            word_start = -1
        i += 1
    if i == ceiling < hi and text[i - 1].isalnum():
        while i > lo and text[i - 1].isalnum():  # cut at a word end, never inside a word
            i -= 1
    return trim(text, lo, i)


def opens_with_preposition(ctx: Context, s: int, e: int) -> bool:
    """", agreed in January": a phrase after a cue that opens with a preposition says when or where, not who."""
    m = _FIRST_WORD.match(ctx.text, ctx.first_visible(s, e), e)
    return m is not None and m.group().lower() in _PREPOSITIONS


def ends_clause(ctx: Context, e: int, hi: int) -> bool:
    """An inverted source ("said Dr. Lee") is followed by punctuation or the end, not by more clause."""
    rest = ctx.text[e:hi].lstrip(" \u00a0\n")
    return not rest or rest[0] in ".,;!?:—–)"


def _only_dates(phrase: str) -> bool:
    """Whether a phrase's capitalised words are all days or months ("on Wednesday", "Sept.")."""
    caps = [w.strip(".,") for w in phrase.split() if w[:1].isupper()]
    return bool(caps) and all(w in date_words() or w + "." in date_words() for w in caps)


_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_NOUNS = frozenset({"week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "spring",
                         "summer", "autumn", "fall", "winter"})
_DATE_LEAD = frozenset({"on", "in", "by", "since", "until", "last", "this", "next", "early", "late", "of"})


def _after_leading_date(text: str, s: int, e: int) -> int | None:
    """Where a phrase goes on after a date that opens it ("On Tuesday the mayor" -> "the mayor"); None if none."""
    words = words_in(text, s, e)
    k, dated = 0, False
    while k < len(words) - 1:
        w = words[k].text.strip(",")
        if w in date_words() or w + "." in date_words() or _YEAR.fullmatch(w) or \
                (k and words[k - 1].text.lower() in ("this", "last", "next") and w.lower() in _DATE_NOUNS):
            dated = True
        elif not (w.lower() in _DATE_LEAD or w.isdigit() or w.rstrip("stndrh").isdigit()):
            break
        k += 1
    return words[k].start if dated and k else None


def read_mention(ctx: Context, s: int, e: int, sentence: Span) -> Mention | None:
    """The source named by text[s:e] (see kit.sourcing.mentions), with two fixes that need the whole article."""
    text = ctx.text
    if e <= s:
        return None
    if is_document(text, s, e):  # "figures published by NHS England": NHS England is the source
        owner = re.match(r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)['’]s\s", text[s:e])
        if owner:  # "Putin's statement", "Smith's report": the person is the source
            m = parse_mention(text, s, s + owner.end(1))
            if m is not None and m.kind == "person":
                return m
        for w in words_in(text, s, e):
            if w.text in _SOURCE_AFTER:
                inner = parse_mention(text, w.end, e)
                if inner is not None and not is_document(text, inner.start, inner.end):
                    return inner
    after_date = _after_leading_date(text, s, e)
    if after_date is not None:  # "On Tuesday the mayor said": the source starts after the date
        s = after_date
    m = parse_mention(text, s, e)
    if m is not None and m.kind in ("person", "institution") and _only_dates(m.text):
        return None  # "who on Wednesday claimed": a day or a month is when, never who
    if m is None and is_statistic(text, s, e):
        return None  # "a third of voters say": a survey result; the voters are not quoted one by one
    if m is None:  # "a statement from the ministry": the source is after the preposition
        for w in words_in(text, s, e):
            if w.text in _SOURCE_AFTER:
                return read_mention(ctx, w.end, e, sentence)
        return None
    if m.kind in ("person", "institution") and len(m.text.split()) == 1 and m.start == sentence.start \
            and _document_word(m.text):
        return Mention(m.start, m.end, m.text, "document")  # "Emails showed", "Figures show": a record, not a body
    if m.kind == "person" and len(m.name) == 1 and m.start == sentence.start and _group_word(m.name[0]) \
            and not ctx.book.has_surname(m.name[0]):
        # "Doctors said", "Commuters in London told": a capitalised common word opens the sentence, not a name
        return Mention(m.start, m.end, m.text, "anonymous", plural=m.name[0].endswith("s"))
    rest = words_in(text, m.end, e)
    if m.kind == "person" and len(m.name) == 1 and m.start == sentence.start and rest \
            and all(w.text.isalpha() and w.text.islower() and w.text not in _TRAIL_WORDS for w in rest) \
            and rest[-1].text.endswith("s") and not rest[-1].text.endswith(("ss", "us", "is")):
        # "Local doctors said": a capitalised adjective opens the sentence before a plural noun; no name
        return Mention(m.start, rest[-1].end, text[m.start:rest[-1].end], "anonymous", plural=True)
    return m


def _inside_body_name(words: list[Span], k: int) -> bool:
    """Whether the "and" at words[k] sits in a capitalised body's name ("Department of Health and Human
    Services"), not between two sources ("Putin and Lukashenko", "Ukraine and Russia")."""
    for w in reversed(words[:k]):
        if not (w.text[:1].isupper() or w.text in _BODY_NAME_LINKS):
            return False
        if w.text[:1].isupper():
            noun = lookup([w], 0)[1]
            if noun is not None and noun.kind == "institution":
                return True
    return False


def _group_word(word: str) -> bool:
    """A common word or a plural-looking word ("Commuters"): never a person's name when it stands alone."""
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "as", "os")) and w[:-1] in easy_words() or \
        w.endswith(("ers", "ents", "ists", "ims", "ors", "ees", "ives", "ants", "ities"))  # "Victims", "Employees"


def _document_word(word: str) -> bool:
    """A capitalised word that, in lower case, is a document noun of the source list ("Emails", "Figures")."""
    noun = lookup_noun_kind(word.lower())
    return noun == "document"
