"""Rebuild kit/data/given_names.csv from nomquamgender's name table.

Usage: python tools/build_given_names.py path/to/nomquamgender/name_data.json

The input is the name table of the `nomquamgender` package (MIT licence, copied
to kit/data/NOMQUAMGENDER_LICENSE.txt): `pip download --no-deps
nomquamgender==0.1.4`, unzip the wheel, pass `nomquamgender/name_data.json`.
Each entry is a lower-cased given name with [sources, count, p(female), ...],
pooled from 36 name-gender datasets. Only the data is read; no code of that
package (which needs numpy and pandas) is used or shipped.

The kit keeps the names that are common and nearly one-sided, and uses them
for one thing only: which earlier person "he" or "she" can point back to. It
never shows or reports anyone's gender.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kit" / "data" / "given_names.csv"
MIN_COUNT = 1000  # people with the name across the sources: rare names are noise
MIN_SOURCES = 5  # datasets that list it
ONE_SIDED = 0.1  # p(female) at most this (a man's name) or at least 1 - this: nomquamgender's own default


def select(table: dict[str, list]) -> list[tuple[str, str]]:
    """(name, "f" or "m") for the common, one-sided names, sorted by name."""
    out = []
    for name, entry in table.items():
        sources, count, p_female = entry[0], entry[1], entry[2]
        if not (name.isalpha() and len(name) > 1 and sources >= MIN_SOURCES and count >= MIN_COUNT):
            continue
        if p_female <= ONE_SIDED:
            out.append((name, "m"))
        elif p_female >= 1 - ONE_SIDED:
            out.append((name, "f"))
    return sorted(out)


def main(src: str) -> None:
    with open(src, encoding="utf-8") as fh:
        rows = select(json.load(fh))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["name", "gender"])
        writer.writerows(rows)
    print(f"{len(rows)} names written to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
