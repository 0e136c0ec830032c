"""Sentence splitting with offsets into the raw text (abbreviations and openers from the lexicons)."""

from __future__ import annotations

import re
from functools import lru_cache

from kit import budget
from kit.lexicons import read_csv
from kit.spans import Span

_OPEN_QUOTES = "\"'“‘«(["
# A candidate boundary: terminal punctuation, optional closing quotes/brackets.
_BOUNDARY_RE = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*")
_SPACE_RUN = re.compile(r"\s*")
_NEXT_WORD_RE = re.compile(r"[\"'“‘(]*([^\W_]+)")
_TOKEN_STOP = "\"'“‘("

@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {r["abbreviation"]: r["kind"] for r in read_csv("abbreviations.csv")}


@lru_cache(maxsize=1)
def _sentence_openers() -> frozenset[str]:
    return frozenset(r["word"] for r in read_csv("sentence_openers.csv"))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of `text[start:end]` with offsets into `text`.

    A boundary is `.`, `!`, `?` or an ellipsis (with any closing quotes) followed
    by white space and a capital, digit or opening quote. It is *not* a boundary
    after a title ("Mr.", "Dr."), an initial ("George W. Bush"), "e.g.", or
    after "U.S."/"D.C."/"p.m." unless the next word usually opens a sentence
    ("The", "They", ...). `,"` never ends a sentence; `?" she asked` does not
    either, because the next word is lower case.
    """
    end = len(text) if end is None else end
    abbrevs = _abbreviations()
    openers = _sentence_openers()
    out: list[Span] = []
    sent_start = start
    # Positions, not slices: copying the rest of the paragraph at every candidate
    # made a 200 KB one-line paste quadratic (minutes instead of a second).
    for n, m in enumerate(_BOUNDARY_RE.finditer(text, start, end)):
        if not n & 1023:
            budget.check("splitting sentences")
        b = m.end()
        space = _SPACE_RUN.match(text, b, end)
        gap = space.end() - b if space else 0  # `\s*` always matches
        if b < end and gap == 0:
            continue  # "3.5", "U.S.-led", "Pravda.Ru"
        nxt = text[b + gap:b + gap + 1] if b + gap < end else ""
        if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in _OPEN_QUOTES):
            continue  # next word is lower case: not a new sentence
        punct = m.group()
        if punct.endswith(".") and m.group().count(".") == 1:
            # a lone period right before the gap: is it an abbreviation?
            token = _token_before(text, sent_start, m.start())
            low = token.lower()
            next_word = _NEXT_WORD_RE.match(text, b + gap, end)
            next_low = next_word.group(1).lower() if next_word else ""
            kind = abbrevs.get(low)
            if kind == "never_ends":
                continue
            if kind == "before_number" and nxt.isdigit():
                continue
            if len(token) == 1 and token.isupper():
                continue  # an initial: "George W. Bush"
            if ("." in token or kind == "may_end") and nxt and next_low not in openers and nxt not in _OPEN_QUOTES:
                continue  # "U.S. President", "D.C. They" splits
        span = _trimmed(text, sent_start, b)
        if span:
            out.append(span)
        sent_start = b
    tail = _trimmed(text, sent_start, end)
    if tail:
        out.append(tail)
    return out


def _token_before(text: str, lo: int, hi: int) -> str:
    """The run of non-space, non-opening-quote characters ending at `hi` (not before `lo`).

    Same result as `re.search(r"([^\\s\"'“‘(]+)$", text[lo:hi])`, including `$`
    matching before a final newline, without copying the sentence so far.
    """
    if hi > lo and text[hi - 1] == "\n":
        hi -= 1
    i = hi
    while i > lo and not (text[i - 1].isspace() or text[i - 1] in _TOKEN_STOP):
        i -= 1
    return text[i:hi]


def _trimmed(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    s, e = start + lead, end - trail
    return Span(s, e, text[s:e]) if e > s else None
