"""The loaded-language lexicon: CSV rows -> an index that finds terms in text with exact offsets.

How a term's `forms` column is read (documented for teachers in lexicons/README.md):

* forms are separated by `|`; the term itself is always one of its forms;
* matching ignores case; a form matches whole words only ("regime" does not
  match inside "regimen");
* a space or a hyphen in a form matches a space, a line break, a non-breaking
  space or any hyphen/dash in the text: "so-called" also finds "so called" and
  "so‑called"; "double standards" also finds "double-standards";
* an apostrophe matches ' or ’.

Text is cut into *atoms* (runs of letters and digits); a form is a sequence of
atoms with separators, so a hyphenated word is several atoms and "terrorist"
is still found inside "anti-terrorist" when no longer term covers it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from kit.errors import KitInputError
from kit.lexicons import numbered_rows
from kit.loaded_context import (
    RULE_COLUMNS,
    RuleRow,
    Verdict,
    apply_rule,
    capitalised_mid_sentence,
    parse_rule_row,
)

ATOM_RE = re.compile(r"[^\W_]+")
TERM_COLUMNS = ("term", "category", "explanation", "alternatives")  # forms and context are optional
CATEGORY_COLUMNS = ("category", "short", "name", "description")
IGNORE = "ignore"  # a category a teacher can use to switch a built-in term off

_HYPHENS = "-‐‑‒–—"
_APOSTROPHES = "'’‘`"


@dataclass(frozen=True)
class Category:
    category: str
    short: str
    name: str
    description: str


@dataclass(frozen=True)
class Term:
    """One lexicon row."""

    term: str
    forms: tuple[str, ...]
    category: str
    explanation: str
    alternatives: tuple[str, ...]
    context: str
    source: str  # "file:line", so a student can find the row that fired


@dataclass(frozen=True)
class Atom:
    start: int
    end: int
    low: str


@dataclass(frozen=True)
class Hit:
    """A lexicon term found in the text: `start`/`end` are offsets into the raw text."""

    term: Term
    start: int
    end: int


def _sep_class(sep: str) -> str:
    """Normalise the text between two atoms: ' ' (space or hyphen, a join), "'" or the literal text."""
    core = sep.strip()
    if sep and not core:
        return " "
    if len(core) == 1 and core in _HYPHENS:
        return " "
    if len(sep) == 1 and sep in _APOSTROPHES:
        return "'"
    return "".join("-" if c in _HYPHENS else "'" if c in _APOSTROPHES else c for c in sep)


def split_form(form: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A form -> (lower-cased atoms, separator classes between them)."""
    spans = [(m.start(), m.end()) for m in ATOM_RE.finditer(form)]
    atoms = tuple(form[s:e].casefold() for s, e in spans)
    seps = tuple(_sep_class(form[spans[i][1]:spans[i + 1][0]]) for i in range(len(spans) - 1))
    return atoms, seps


def atoms_in(text: str, start: int, end: int) -> list[Atom]:
    return [Atom(m.start(), m.end(), m.group().casefold()) for m in ATOM_RE.finditer(text, start, end)]


# -- reading the CSV files --------------------------------------------------------

@lru_cache(maxsize=1)
def categories() -> dict[str, Category]:
    """The categories in lexicons/loaded_categories.csv, in file order."""
    out = {}
    for _, r in numbered_rows("loaded_categories.csv", CATEGORY_COLUMNS):
        out[r["category"]] = Category(r["category"], r["short"], r["name"], r["description"])
    return out


def category_name(category: str) -> str:
    """The category's full name ("Name calling or labelling"); the key itself if the CSV lacks it."""
    c = categories().get(category)
    return c.name if c else category


def category_label(category: str) -> str:
    """The category's short label shown on a mark ("label"); the key itself if the CSV lacks it."""
    c = categories().get(category)
    return c.short if c else category


def read_rules(name: str | os.PathLike) -> dict[str, tuple[RuleRow, ...]]:
    grouped: dict[str, list[RuleRow]] = {}
    for line, row in numbered_rows(name, RULE_COLUMNS):
        r = parse_rule_row(row, f"{name}, line {line}")
        grouped.setdefault(r.rule, []).append(r)
    return {k: tuple(v) for k, v in grouped.items()}


@lru_cache(maxsize=1)
def builtin_rules() -> dict[str, tuple[RuleRow, ...]]:
    return read_rules("loaded_context.csv")


def read_terms(name: str | os.PathLike, rules: dict[str, tuple[RuleRow, ...]] | None = None,
               label: str | None = None) -> list[Term]:
    """Lexicon rows of one CSV file; a malformed row is a KitInputError naming the file and line."""
    rules = builtin_rules() if rules is None else rules
    cats = categories()
    label = label or str(name)
    short = Path(label).name
    out = []
    for line, row in numbered_rows(name, TERM_COLUMNS):
        where = f"{label}, line {line}"
        term = row["term"]
        if not term or not ATOM_RE.search(term):
            raise KitInputError(f"{where}: the term is empty")
        cat = row["category"].strip().lower()
        if cat not in cats and cat != IGNORE:
            raise KitInputError(
                f"{where}: unknown category {row['category']!r} for {term!r} "
                f"(use one of {', '.join(cats)}, or '{IGNORE}' to switch a term off)"
            )
        forms = [term] + [f.strip() for f in row.get("forms", "").split("|") if f.strip()]
        for f in forms:
            if not ATOM_RE.search(f):
                raise KitInputError(f"{where}: the form {f!r} has no letters")
        alternatives = tuple(a.strip() for a in row["alternatives"].split("|") if a.strip())
        if cat != IGNORE:
            if not row["explanation"]:
                raise KitInputError(f"{where}: {term!r} needs an explanation (one sentence)")
            if not alternatives:
                raise KitInputError(f"{where}: {term!r} needs one to three alternatives separated by |")
        context = row.get("context", "").strip()
        if context and context not in rules:
            raise KitInputError(f"{where}: unknown context rule {context!r} for {term!r}")
        out.append(Term(term, tuple(dict.fromkeys(forms)), cat, row["explanation"], alternatives, context,
                        f"{short}:{line}"))
    return out


# -- the index ---------------------------------------------------------------------

@dataclass
class Lexicon:
    """All terms, indexed by their first atom; later rows override earlier rows with the same form."""

    terms: list[Term]
    rules: dict[str, tuple[RuleRow, ...]]
    sources: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        by_form: dict[tuple, Term] = {}
        for t in self.terms:
            for f in t.forms:
                key = split_form(f)
                if key[0]:
                    by_form[key] = t  # a teacher's row replaces a built-in one with the same form
        index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], Term]]] = {}
        for (atoms, seps), t in by_form.items():
            index.setdefault(atoms[0], []).append((atoms, seps, t))
        for cands in index.values():
            cands.sort(key=lambda c: -len(c[0]))  # longest match first
        self._index = index

    def starts_term(self, atoms: Sequence[Atom], i: int, text: str) -> bool:
        return any(self._match_len(atoms, i, text, a, s) for a, s, _ in self._index.get(atoms[i].low, ()))

    @staticmethod
    def _match_len(atoms: Sequence[Atom], i: int, text: str, f_atoms, f_seps) -> int:
        n = len(f_atoms)
        if i + n > len(atoms):
            return 0
        for k in range(n):
            if atoms[i + k].low != f_atoms[k]:
                return 0
            if k and _sep_class(text[atoms[i + k - 1].end:atoms[i + k].start]) != f_seps[k - 1]:
                return 0
        return n

    def find(self, text: str, start: int, end: int) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits in text[start:end], after context rules."""
        atoms = atoms_in(text, start, end)
        lows = [a.low for a in atoms]
        hits: list[Hit] = []
        i = 0
        while i < len(atoms):
            taken = 0
            for f_atoms, f_seps, term in self._index.get(atoms[i].low, ()):
                n = self._match_len(atoms, i, text, f_atoms, f_seps)
                if not n:
                    continue
                verdict = Verdict(True)
                if term.context:
                    after_name = i > 0 and capitalised_mid_sentence(text, start, atoms[i - 1].start, atoms[i - 1].end)
                    verdict = apply_rule(self.rules[term.context], lows[max(0, i - 10):i], lows[i + n:i + n + 10],
                                         after_name)
                    if not verdict.keep:
                        continue
                last = i + n - 1
                if verdict.extend_words and not self.starts_term(atoms, i + n, text):
                    last = min(len(atoms) - 1, last + verdict.extend_words)
                if term.category != IGNORE:
                    hits.append(Hit(term, atoms[i].start, atoms[last].end))
                taken = last - i + 1
                break
            i += taken or 1
        return hits


@lru_cache(maxsize=1)
def builtin_terms() -> tuple[Term, ...]:
    return tuple(read_terms("loaded_terms.csv"))


def load(extra: Iterable[str | os.PathLike] = ()) -> Lexicon:
    """The built-in lexicon plus any extra CSV files (a teacher's own terms come last and win)."""
    extra = list(extra)
    if not extra:
        return _builtin_lexicon()
    terms = list(builtin_terms())
    sources = ["loaded_terms.csv"]
    for path in extra:
        if not isinstance(path, (str, os.PathLike)):
            raise KitInputError(f"an extra word list must be a file path, not {type(path).__name__}")
        p = Path(path)
        if p.is_dir():
            raise KitInputError(f"{path} is a folder; give the path of a .csv word list")
        if not p.exists():
            raise KitInputError(f"{path}: no such word list")
        if p.suffix.lower() != ".csv":
            raise KitInputError(f"{path}: a word list must be a .csv file (see kit/lexicons/README.md)")
        # an absolute path, so kit.lexicons reads this file and not a packaged one with the same name
        terms += read_terms(p.resolve(), label=str(path))
        sources.append(str(path))
    return Lexicon(terms, builtin_rules(), sources)


@lru_cache(maxsize=1)
def _builtin_lexicon() -> Lexicon:
    return Lexicon(list(builtin_terms()), builtin_rules(), ["loaded_terms.csv"])


def check_lexicon(path: str | os.PathLike) -> None:
    """Check a teacher's word list before any work; KitInputError names the file, the row and the reason.

    The same checks `load` makes when a report uses the list (a .csv file that
    exists, the columns, every row), so a batch can refuse a broken list once
    instead of skipping every article for it.
    """
    load([path])
