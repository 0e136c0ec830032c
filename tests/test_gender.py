"""Which pronoun may point back to a person: honorifics, then common one-sided given names (kit.sourcing.gender)."""

from __future__ import annotations

import csv
import importlib.util
import io
from importlib import resources
from pathlib import Path

from kit.sourcing.gender import given_name_gender, name_gender, person_gender

ROOT = Path(__file__).resolve().parent.parent


def test_common_given_names_are_known_and_names_given_to_both_or_rare_are_not():
    assert (given_name_gender("Helen"), given_name_gender("DAN".title()), given_name_gender("Vladimir")) == ("f", "m", "m")
    assert [given_name_gender(w) for w in ("Robin", "Kim", "Jordan", "Zyxwv", "", None)] == [None] * 6
    assert given_name_gender("J") is None and given_name_gender("JD") is None  # initials say nothing


def test_the_first_given_name_before_the_surname_counts_and_an_honorific_wins():
    assert name_gender(("Principal", "Ana", "Ruiz")) == "f"  # a title the lists do not know is skipped
    assert name_gender(("Ruiz",)) is None  # a surname alone
    assert person_gender("Mr", ("Evelyn", "Cole")) == "m" and person_gender(None, ("Evelyn", "Cole")) == "f"
    assert person_gender("Ms", ("Ruiz",)) == "f"


def test_the_shipped_table_has_one_row_per_name_and_only_two_values():
    raw = resources.files("kit").joinpath("data/given_names.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)) > 5000
    assert {r["gender"] for r in rows} == {"f", "m"} and all(n == n.lower() and n.isalpha() for n in names)
    assert (ROOT / "kit" / "data" / "NOMQUAMGENDER_LICENSE.txt").read_text().startswith("Copyright (c) 2022")


def test_the_build_tool_keeps_common_one_sided_names_only():
    spec = importlib.util.spec_from_file_location("build_given_names", ROOT / "tools" / "build_given_names.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    table = {"anna": [30, 90000, 0.99, 3], "mark": [30, 90000, 0.01, 3], "robin": [30, 90000, 0.40, 3],
             "zed": [2, 90000, 0.0, 3], "olo": [30, 12, 1.0, 3], "jo-ann": [30, 9000, 1.0, 3]}
    assert tool.select(table) == [("anna", "f"), ("mark", "m")]  # both-sided, few sources, rare, not a word
