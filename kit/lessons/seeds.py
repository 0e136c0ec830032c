"""The seed articles the lessons analyse, found from the package or from the working folder."""

from __future__ import annotations

from pathlib import Path

from kit.article import Article
from kit.errors import KitInputError

SEED = "pravda_putin_syria_csto.txt"

# Names in the seed that a student may take for loaded words (lesson 04's pick-the-word quiz).
NAMES_NOT_LOADED = {"putin": "a name: it identifies, it does not judge.",
                    "obama": "a name: it identifies, it does not judge."}

_REPO = Path(__file__).resolve().parent.parent.parent  # kit/lessons/seeds.py -> the repository


def find_seed(name: str = SEED) -> Path:
    """The path of a seed article, found from the package (works from lessons/ or anywhere)."""
    candidates = [_REPO / "seeds" / name]
    here = Path.cwd().resolve()
    candidates += [d / "seeds" / name for d in (here, *here.parents)]
    for c in candidates:
        if c.is_file():
            return c
    raise KitInputError(f"cannot find the seed article {name!r}: it should be in the repository's seeds/ folder")


def load_seed(name: str = SEED) -> str:
    """The raw text of a seed article (UTF-8, exactly as stored: offsets index this text)."""
    return find_seed(name).read_text(encoding="utf-8")


def seed_article(name: str = SEED) -> Article:
    """The seed article, parsed."""
    return Article(load_seed(name))
