"""Spans of the raw text and the word tokenizer every metric shares.

A `Span` is a piece of the raw text with its offsets: `text == raw[start:end]`,
with no normalisation (highlighting, tests and the JSON report rest on it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

# What a paragraph is on the page; kit.render.phrases.ROLE_LABELS says each in a student's words.
Role = Literal["title", "body", "subhead", "related_link", "boilerplate"]

# Words: letters/digits joined by an apostrophe, hyphen or inner period
# ("Putin's", "war-torn", "U.S", "3.5").
WORD_RE = re.compile(r"[^\W_]+(?:[’'.\-‐‑][^\W_]+)*")


@dataclass(frozen=True)
class Span:
    """A piece of the raw text: `text == raw[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph(Span):
    """A paragraph with its role and the rule that gave it that role."""

    index: int
    role: Role
    why: str


@dataclass(frozen=True)
class Sentence(Span):
    """A body sentence; `paragraph` is its paragraph's index in `Article.paragraphs`."""

    paragraph: int


_CACHED_SPAN_CHARS = 4000  # sentences and paragraphs; a whole long text is tokenised afresh


def words_in(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word tokens of `text[start:end]`, with offsets into `text` (a new list each call)."""
    end = len(text) if end is None else end
    if end - start <= _CACHED_SPAN_CHARS:
        # Sourcing and loaded language ask for the same sentence's words many
        # times; building the Span objects was a third of a report's time.
        return list(_words_cached(text, start, end))
    return _words(text, start, end)


def _words(text: str, start: int, end: int) -> list[Span]:
    new, words = object.__new__, []
    for m in WORD_RE.finditer(text, start, end):
        # what the frozen dataclass's __init__ does, without three object.__setattr__ calls
        span = new(Span)
        span.__dict__.update(start=m.start(), end=m.end(), text=m.group())
        words.append(span)
    return words


@lru_cache(maxsize=16384)  # a 50-times-seed text has ~9,000 distinct ranges asked for
def _words_cached(text: str, start: int, end: int) -> tuple[Span, ...]:
    return tuple(_words(text, start, end))
