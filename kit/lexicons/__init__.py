"""Word lists and rules as CSV data a teacher can read and extend.

`read_csv(name)` loads one of the CSV files beside this module (or any path)
and names the line of a malformed row in its error.
"""

from __future__ import annotations

import csv
import io
import os
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from kit.errors import KitInputError


def _open(name: str | os.PathLike) -> io.TextIOBase:
    """A teacher's file when `name` has a folder part, otherwise a CSV packaged beside this module."""
    path = Path(name)
    if path.is_absolute() or path.parent != Path("."):
        return open(path, encoding="utf-8-sig", newline="")  # Excel's "CSV UTF-8" starts with a BOM
    packaged = resources.files(__package__).joinpath(os.fspath(name)).open("rb")
    return io.TextIOWrapper(packaged, encoding="utf-8-sig", newline="")


def numbered_rows(name: str | os.PathLike, required: tuple[str, ...] = ()) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a CSV file; the line is where the row starts (the header is line 1).

    A missing column, a short or long row, a file that is not UTF-8 or not CSV is a
    KitInputError naming the file (and the line), never a traceback.
    """
    try:
        fh = _open(name)
    except OSError as exc:
        raise KitInputError(f"cannot read word list {name}: {exc.strerror or exc}") from None
    out: list[tuple[int, dict[str, str]]] = []
    try:
        with fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in required if c not in header]
            if missing:
                raise KitInputError(f"{name}, line 1: missing column(s) {', '.join(missing)}")
            line = reader.line_num + 1
            for row in reader:
                if None in row or any(row.get(c) is None for c in header):
                    raise KitInputError(f"{name}, line {line}: expected {len(header)} fields ({', '.join(header)})")
                out.append((line, {k: (v or "").strip() for k, v in row.items()}))
                line = reader.line_num + 1
    except UnicodeDecodeError:
        raise KitInputError(
            f"{name} is not UTF-8 text; save it as \"CSV UTF-8\" (in a spreadsheet) or UTF-8 (in an editor)"
        ) from None
    except csv.Error as exc:
        raise KitInputError(f"{name}: not a readable CSV file ({exc})") from None
    return out


def read_rows(name: str | Path, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts (see `numbered_rows` for the checks)."""
    return [row for _, row in numbered_rows(name, required)]


@cache
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    """Cached rows of a packaged CSV file (read once per process)."""
    return tuple(read_rows(name))


@lru_cache(maxsize=1)
def _function_word_sets() -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    for row in read_rows("function_words.csv", ("set", "word", "why")):
        sets.setdefault(row["set"], set()).add(row["word"])
    return {name: frozenset(words) for name, words in sets.items()}


def function_words(name: str) -> frozenset[str]:
    """One closed-class word set of `function_words.csv` ("clause_words", "determiners", ...), read once.

    Words are kept as written: most sets are lower case, "According" is not.
    """
    try:
        return _function_word_sets()[name]
    except KeyError:
        raise KeyError(f"function_words.csv has no set {name!r}") from None


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    """Month and day names and other dating words of `sourcing_dates.csv`, as written ("May", not "may")."""
    return frozenset(row["word"] for row in read_rows("sourcing_dates.csv", ("word", "explanation")))
