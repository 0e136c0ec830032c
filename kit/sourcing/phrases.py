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
from kit.lexicons import function_words, read_csv
from kit.sourcing.mentions import Mention, is_document, lookup, parse_mention
from kit.syllables import easy_words

if TYPE_CHECKING:
    from kit.sourcing.context import Context

_CHUNK_STOP_CHARS = ",;:()[]—–\"“”«»"  # a line break inside a hard-wrapped paragraph is only a space
ARTICLES = function_words("articles")  # may open a subject: "The minister", "A source"
CLAUSE_WORDS = function_words("clause_words")  # "... rose after two delegates said"
_NAME_AND = function_words("name_conjunctions")
_BODY_NAME_LINKS = function_words("body_name_links")
_SOURCE_AFTER = function_words("source_prepositions")  # "a statement from the ministry"
_PAREN_ACRONYM = re.compile(r"\s\([A-Z][A-Za-z&.]{1,12}\)\s*\Z")  # " (WHO)", " (Defra)" right before a cue
_TITLE_LIST = re.compile(r",\s[A-Z][\w’'-]*(?:,\s[A-Z][\w’'-]*)*,?\s(?:and|&)\s[A-Z]")  # ", Food and Rural"


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


def strip_punct(text: str, s: int, e: int) -> tuple[int, int]:
    """text[s:e] without the punctuation that closes it."""
    while e > s and text[e - 1] in ".,;: \u00a0":
        e -= 1
    return s, e


def left_chunk(ctx: Context, lo: int, hi: int) -> tuple[int, int]:
    """The phrase right before a cue: back to a comma, a quotation mark or a clause word."""
    text = ctx.text
    i = hi
    while i > lo:
        if text[i - 1] == ")":  # "the World Health Organization (WHO) said": the acronym is part of the name
            acronym = _PAREN_ACRONYM.search(text, lo, i)
            if acronym:
                i = acronym.start()
                continue
        if text[i - 1] == "," and _TITLE_LIST.match(text, i - 1, hi):
            i -= 1  # "the Department for Environment, Food and Rural Affairs": one name with commas
            continue
        if text[i - 1] in _CHUNK_STOP_CHARS or ctx.quote_ends_at(i):
            break
        i -= 1
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
    """The phrase right after a cue ("said Dr. Ann Lee, who ..."): up to punctuation that ends it."""
    text = ctx.text
    i = lo
    while i < hi:
        ch = text[i]
        if ch in _CHUNK_STOP_CHARS or ch in "!?":
            break
        if ch == ".":
            word = re.search(r"([^\W_]+(?:\.[^\W_]+)*)$", text[lo:i])
            w = word.group(1) if word else ""
            if not (w.lower() in _abbreviations() or (len(w) == 1 and w.isupper()) or "." in w):
                break
        i += 1
    return trim(text, lo, i)


def ends_clause(ctx: Context, e: int, hi: int) -> bool:
    """An inverted source ("said Dr. Lee") is followed by punctuation or the end, not by more clause."""
    rest = ctx.text[e:hi].lstrip(" \u00a0\n")
    return not rest or rest[0] in ".,;!?:—–)"


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
    m = parse_mention(text, s, e)
    if m is None:  # "a statement from the ministry": the source is after the preposition
        for w in words_in(text, s, e):
            if w.text in _SOURCE_AFTER:
                return read_mention(ctx, w.end, e, sentence)
        return None
    if m.kind == "person" and len(m.name) == 1 and m.start == sentence.start and _group_word(m.name[0]) \
            and not any(ent.surname == m.name[0] for ent in ctx.book.entities):
        # "Doctors said", "Commuters in London told": a capitalised common word opens the sentence, not a name
        return Mention(m.start, m.end, m.text, "anonymous", plural=m.name[0].endswith("s"))
    rest = words_in(text, m.end, e)
    if m.kind == "person" and len(m.name) == 1 and m.start == sentence.start and rest \
            and all(w.text.isalpha() and w.text.islower() for w in rest) \
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
        w.endswith(("ers", "ents", "ists"))
