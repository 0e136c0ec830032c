"""Word lists and rules as CSV data a teacher can read and extend.

`read_csv(name)` loads one of the CSV files beside this module (or any path)
and names the line of a malformed row in its error.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kit.errors import KitInputError


def _open(name: str | Path):
    path = Path(name)
    if path.suffix == ".csv" and (path.is_absolute() or path.parent != Path(".")):
        return open(path, encoding="utf-8-sig", newline="")  # Excel writes a BOM
    return resources.files(__package__).joinpath(str(name)).open(encoding="utf-8-sig", newline="")


def read_rows(name: str | Path, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts; a missing column or short row is a KitInputError naming the line."""
    try:
        fh = _open(name)
    except OSError as exc:
        raise KitInputError(f"cannot read word list {name}: {exc.strerror or exc}") from None
    with fh:
        try:
            return _rows(fh, name, required)
        except UnicodeDecodeError as exc:
            raise KitInputError(f"{name}: not UTF-8 text (byte {exc.start}); save it as \"CSV UTF-8\"") from None


def _rows(fh, name: str | Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Parse an open CSV; line numbers in errors count from the header (line 1)."""
    reader = csv.DictReader(fh)
    header = reader.fieldnames or []
    missing = [c for c in required if c not in header]
    if missing:
        raise KitInputError(f"{name}, line 1: missing column(s) {', '.join(missing)}")
    rows = []
    for row in reader:
        if None in row or any(row.get(c) is None for c in header):
            raise KitInputError(
                f"{name}, line {reader.line_num}: expected {len(header)} fields "
                f"({', '.join(header)})"
            )
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


@lru_cache(maxsize=None)
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    """Cached rows of a packaged CSV file (read once per process)."""
    return tuple(read_rows(name))
