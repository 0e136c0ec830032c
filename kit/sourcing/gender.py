"""Which pronoun can point back to a person: from an honorific ("Ms"), else from a given name ("Helen").

Used for one thing only: "she said" should not be given to the last man who
spoke, and "he" should find Dan Ortiz, not Amy Shaw named after him. The kit
never shows or reports anyone's gender. An honorific the article uses wins;
a given name is a guess kept only for names that are common and nearly
one-sided (`kit/data/given_names.csv`, built by `tools/build_given_names.py`
from the MIT-licensed nomquamgender tables). Anything else stays unknown, and
an unknown person can be "he" or "she".
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources

from kit.lexicons import function_words


@lru_cache(maxsize=1)
def _honorifics() -> dict[str, str]:
    return {**{w: "m" for w in function_words("male_honorifics")},
            **{w: "f" for w in function_words("female_honorifics")}}


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    raw = resources.files("kit").joinpath("data/given_names.csv").read_text(encoding="utf-8")
    return {row["name"]: row["gender"] for row in csv.DictReader(io.StringIO(raw))}


def honorific_gender(honorific: str | None) -> str | None:
    """"m" for "Mr", "f" for "Mrs"/"Ms", None otherwise."""
    return _honorifics().get((honorific or "").lower())


def given_name_gender(first: str | None) -> str | None:
    """"m" or "f" for a common, nearly one-sided given name ("Dan", "Amy"); None when unsure or unknown."""
    if not first or len(first) < 2 or first.isupper():  # "J." or "JD": initials say nothing
        return None
    return _given_names().get(first.lower())


def name_gender(name: tuple[str, ...]) -> str | None:
    """The gender of the first given name among a person's name words before the surname."""
    return next((g for w in name[:-1] if (g := given_name_gender(w))), None)


def person_gender(honorific: str | None, name: tuple[str, ...]) -> str | None:
    """The honorific's gender when there is one, else the given name's."""
    return honorific_gender(honorific) or name_gender(name)
