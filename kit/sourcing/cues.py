"""Cue verbs: which words mark speech ("said", "according to", "claimed"), and finding them in a sentence.

Every cue form comes from `lexicons/cue_verbs.csv` (and from a teacher's extra
files with the same columns, see `load_cues`). A form counts as a cue only
where it is used as a verb of speech: not "was told", "his claims", "would
say", "declined to comment", "a group called Hamas" or "denied the charges".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kit.article import Span, words_in
from kit.errors import KitInputError
from kit.lexicons import function_words, numbered_rows
from kit.sourcing.mentions import is_document, lexicon
from kit.sourcing.phrases import left_chunk

if TYPE_CHECKING:
    from kit.sourcing.context import Context

COLUMNS = ("verb", "forms", "class", "needs", "explanation")  # `headline` is optional in a teacher's file
CLASSES = ("neutral", "colouring")
# "clause": counts only before a clause ("added that"), not an object ("added salt"); "that": only before
# "that" or next to a quotation ("agreed that", not "agreed a deal"); "quote": only next to a quotation
# ("..., he continued"); "listener": the phrase after it is who was spoken to, never the speaker
NEEDS = ("", "clause", "that", "quote", "listener")
_QUOTE_REACH = 40  # characters between a quotation's end and a "quote" cue: `"...," the mayor continued`
COLON_ROW = {"verb": ":", "class": "neutral", "needs": "", "explanation": "A colon introduces the quotation."}

_PASSIVE_BEFORE = function_words("passive_before")
_NOUN_BEFORE = function_words("noun_before")
_MODAL_BEFORE = function_words("modal_before")  # "would say", "to claim": planned, not made
_NEGATORS = function_words("negators")
_PROGRESSIVE_BEFORE = function_words("progressive_before")
_AS_PARTICIPLE = function_words("as_participle_verbs")
_A_AN = function_words("indefinite_articles")
_WARNING_NEXT = function_words("warning_noun_next")
_LABEL_OBJECT = function_words("label_object")
_PLEA_VERBS = function_words("plea_verbs")
_CLAUSE_OK_AFTER = function_words("clause_ok_after")
OPENING = function_words("opening_cue_words")  # "According to", "In his opinion" may open a sentence
_WORD = re.compile(r"[^\W_]+")
_PLEA = re.compile(r"\s+(?!that\b)(?:[\w-]+\s+){0,2}?(?:charges?|counts?|offences?|offenses?)\b")


@dataclass
class Cue:
    """One cue in the text: its span, as written, and its CSV row."""

    start: int
    end: int
    text: str
    row: dict

    @property
    def verb(self) -> str:
        return self.row["verb"]


@dataclass
class CueLexicon:
    """Cue forms as token tuples -> their CSV row, and the forms a headline hands the floor with."""

    forms: dict[tuple[str, ...], dict[str, str]]
    headline_forms: tuple[str, ...]
    first_words: frozenset[str] = field(init=False)  # most words start no form, so the scan skips them at once

    def __post_init__(self) -> None:
        self.first_words = frozenset(key[0] for key in self.forms)

    def class_of(self, cue: str) -> str:
        """neutral | colouring for a cue as reported ("said", "pointed out"); neutral when unknown."""
        row = self.forms.get(tuple(w.text for w in words_in(cue.lower())))
        return row["class"] if row else "neutral"


def _add_rows(name: str | Path, forms: dict[tuple[str, ...], dict[str, str]], headline: list[str],
              replace: bool) -> None:
    for line, r in numbered_rows(name, COLUMNS):
        if not r["verb"] or not r["forms"]:
            raise KitInputError(f"{name}, line {line}: a cue needs a verb and its forms")
        if r["class"] not in CLASSES:
            raise KitInputError(f"{name}, line {line}: unknown class {r['class']!r} for {r['verb']!r} "
                                f"(use one of {', '.join(CLASSES)})")
        if r["needs"] not in NEEDS:
            raise KitInputError(f"{name}, line {line}: 'needs' must be empty or one of "
                                f"{', '.join(n for n in NEEDS if n)}, not {r['needs']!r}")
        if not r["explanation"]:
            raise KitInputError(f"{name}, line {line}: {r['verb']!r} needs an explanation a student can read")
        row = {k: r[k] for k in COLUMNS}
        for form in r["forms"].split("|"):
            key = tuple(w.text for w in words_in(form.strip()))
            if key and (replace or key not in forms):  # built-in: the first row wins; a teacher's row replaces
                forms[key] = row
        for form in r.get("headline", "").split("|"):
            if form.strip() and form.strip() not in headline:
                headline.append(form.strip())


def load_cues(extra: Iterable[str | Path] = ()) -> CueLexicon:
    """The built-in cue verbs plus a teacher's files with the same columns (read after, so a row for a form
    already listed replaces it). A bad file is a KitInputError naming the file and line."""
    extra = tuple(extra)
    if not extra:
        return builtin_cues()
    forms: dict[tuple[str, ...], dict[str, str]] = {}
    headline: list[str] = []
    _add_rows("cue_verbs.csv", forms, headline, replace=False)
    for path in extra:
        _add_rows(path, forms, headline, replace=True)
    return CueLexicon(forms, tuple(headline))


_ACTIVE: ContextVar[CueLexicon | None] = ContextVar("kit_extra_cues", default=None)


@contextmanager
def extra_cues(paths: Iterable[str | Path]) -> Iterator[CueLexicon]:
    """Every analysis inside the block reads these cue files too (the CLI's `--cues`, a whole batch).

    The files are read and checked once, on entry: a bad file is a KitInputError before any article.
    """
    lexicon = load_cues(paths)
    token = _ACTIVE.set(lexicon)
    try:
        yield lexicon
    finally:
        _ACTIVE.reset(token)


def current_cues() -> CueLexicon:
    """The cue lexicon in force: the one of the innermost `extra_cues` block, else the built-in one."""
    return _ACTIVE.get() or builtin_cues()


@lru_cache(maxsize=1)
def builtin_cues() -> CueLexicon:
    """The cue verbs of lexicons/cue_verbs.csv, read once."""
    forms: dict[tuple[str, ...], dict[str, str]] = {}
    headline: list[str] = []
    _add_rows("cue_verbs.csv", forms, headline, replace=False)
    return CueLexicon(forms, tuple(headline))


def find_cues(ctx: Context, start: int, end: int) -> list[Cue]:
    """Cue verbs in text[start:end] outside quotations, used as verbs (not "was told", "his claims")."""
    text = ctx.text
    toks = words_in(text, start, end)
    out: list[Cue] = []
    i = 0
    while i < len(toks):
        hit = _cue_form_at(ctx, toks, i)
        after_cue = i > 0 and bool(out) and out[-1].end == toks[i - 1].end  # "denied reports": a noun
        if hit and not after_cue and not ctx.in_quote(toks[i].start) and \
                _used_as_cue(ctx, toks, i, hit[0], hit[1], end):
            n, row = hit
            out.append(Cue(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], row))
            i += n
            continue
        i += 1
    return out


def _cue_form_at(ctx: Context, toks: list[Span], i: int) -> tuple[int, dict] | None:
    """(number of words, CSV row) when a cue form ("said", "pointed out", "According to") starts at token i."""
    first = toks[i].text
    if first not in ctx.cues.first_words and first not in OPENING:
        return None
    forms = ctx.cues.forms
    for n in (3, 2, 1):
        key = tuple(t.text for t in toks[i:i + n])
        if len(key) < n:
            continue
        if key[0] in OPENING:  # may open the sentence
            key = (key[0].lower(),) + key[1:]
        gaps_ok = all(ctx.text[toks[k].end:toks[k + 1].start].isspace() for k in range(i, i + n - 1))
        if key in forms and gaps_ok:
            return n, forms[key]
    return None


def _used_as_cue(ctx: Context, toks: list[Span], i: int, n: int, row: dict, end: int) -> bool:
    text = ctx.text
    if row["verb"] == "according to":
        return True
    prev = toks[i - 1].text.lower() if i > 0 else ""
    if i > 0 and text[toks[i - 1].end:toks[i].start].strip():
        prev = ""  # "ends in May, said": punctuation between, so "May" is no modal of the cue
    if prev.endswith("ly") and i > 1 and not text[toks[i - 2].end:toks[i - 1].start].strip() \
            and toks[i - 2].text.lower() in _PASSIVE_BEFORE and not toks[i].text.endswith("ing"):
        return False  # "had been fully revealed": a passive with an adverb in it
    progressive = toks[i].text.endswith("ing") and prev in _PROGRESSIVE_BEFORE  # "is hinting": speech going on
    if (prev in _PASSIVE_BEFORE and not progressive) or prev in _NOUN_BEFORE or prev in _MODAL_BEFORE:
        return False
    nxt_word = toks[i + n].text if i + n < len(toks) else ""
    if row["verb"] in _AS_PARTICIPLE and nxt_word == "as" and not text[toks[i + n - 1].end:toks[i + n].start].strip() \
            and not (i > 0 and (toks[i - 1].text.lower(),) in lexicon()):
        return False  # "a woman described as a former official": a description of her ("which it describes as": speech)
    for t in toks[max(0, i - 2):i]:  # "have not said", "declined to say": nothing was said
        low = t.text.lower()
        if low in _NEGATORS or low.endswith(("n't", "n’t")):
            return False
    nxt = toks[i + n].text.lower() if i + n < len(toks) else ""
    if toks[i + n - 1].text.endswith("ing") and i >= 2 and toks[i - 2].text.lower() in _A_AN \
            and nxt in _WARNING_NEXT:
        return False  # "a yellow warning for ice", "an amber warning for wind": a noun, not a verb
    if row["verb"] == "call" and n == 1 and nxt not in _LABEL_OBJECT:
        return False  # "a group called Hamas", "the so-called": naming, not speaking; "called the plan a ..."
    if row["verb"] in _PLEA_VERBS and _PLEA.match(text, toks[i + n - 1].end, end):
        return False  # "admitted 11 counts of fraud", "denied the charges": a plea in court, not a statement
    if row["needs"] == "quote" and not _next_to_quote(ctx, toks[i].start, toks[i + n - 1].end):
        return False  # "the rain continued": no quotation, no speech
    if row["needs"] == "that" and nxt_word != "that" and not _next_to_quote(ctx, toks[i].start, toks[i + n - 1].end):
        return False  # "agreed to pay", "agreed on a deal": an agreement, not a statement
    if row["needs"] == "clause":
        after = toks[i + n - 1].end
        while after < end and text[after] in " \u00a0":
            after += 1
        m = _WORD.match(text, after, end)
        if m and (m.group().islower() or m.group().isdigit()) and m.group() not in _CLAUSE_OK_AFTER:
            s, e = left_chunk(ctx, toks[0].start, toks[i].start)
            return e > s and is_document(text, s, e)  # "The survey found most voters ...": no "that"
    return True


def _next_to_quote(ctx: Context, start: int, end: int) -> bool:
    """A quotation closes shortly before the cue (`"...," he continued`) or opens right after it (`continued: "`)."""
    after = ctx.first_visible(end, min(len(ctx.text), end + 3))
    if after < len(ctx.text) and ctx.text[after] in ":,":
        after = ctx.first_visible(after + 1, min(len(ctx.text), after + 4))
    opened = ctx.scan.containing(after)
    if opened is not None and opened.outer_start == after:
        return True
    for pos in range(start, max(0, start - _QUOTE_REACH), -1):
        if ctx.quote_ends_at(pos):
            return True
    return False
