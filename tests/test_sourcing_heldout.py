"""Held-out evaluation of kit.sourcing on six invented news texts in different house styles.

The texts and their attributions (tests/fixtures/heldout/*.json) were written and annotated by hand and committed
before kit.sourcing was ever run on them. Scoring: an attribution found by the kit matches a hand-written row when
its span contains the row's sentence offset, its kind agrees ('mixed' rows, reported speech with a quoted fragment,
accept direct or indirect) and its speaker equals the row's speaker or one of its listed equivalents (compared
without case, a leading article or curly apostrophes). Matching is one-to-one.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES
from kit.article import Article
from kit.sourcing import analyse

HELDOUT = FIXTURES / "heldout"
NAMES = ["ap_drug_prices", "bbc_water", "guardian_welfare", "local_court", "science_walking", "conflict_kharkiv"]


def norm(name: str) -> str:
    """A speaker name compared without case, a leading article or curly apostrophes."""
    s = " ".join(name.replace("\u2019", "'").lower().split()).strip(" .,")
    return re.sub(r"^(the|a|an) ", "", s)


def evaluate(name: str) -> tuple[int, int, int, list[str], list[str]]:
    """(matched, expected, found, missed rows, extra attributions) for one held-out article."""
    text = (HELDOUT / f"{name}.txt").read_text(encoding="utf-8")
    truth = json.loads((HELDOUT / f"{name}.json").read_text(encoding="utf-8"))
    found = analyse(Article(text)).attributions
    unused = list(found)
    missed = []
    for row in truth["attributions"]:
        assert text[row["offset"]:].startswith(row["sentence"])
        names = {norm(row["speaker"]), *map(norm, row["also"])}
        kinds = {"direct", "indirect"} if row["kind"] == "mixed" else {row["kind"]}
        hit = next((a for a in unused if a.start <= row["offset"] < a.end and a.kind in kinds
                    and norm(a.speaker) in names), None)
        if hit is None:
            near = [(a.speaker, a.kind, a.cue) for a in found if a.start <= row["offset"] < a.end]
            missed.append(f"{row['speaker']} / {row['kind']} / {row['sentence'][:45]!r}  kit here: {near}")
        else:
            unused.remove(hit)
    extra = [f"{a.speaker} / {a.kind} / {a.cue} / {text[a.start:a.end][:60]!r}" for a in unused]
    return len(truth["attributions"]) - len(missed), len(truth["attributions"]), len(found), missed, extra


@pytest.fixture(scope="module")
def results() -> dict:
    return {name: evaluate(name) for name in NAMES}


def test_heldout_precision_and_recall(results, capsys):
    matched = expected = found = 0
    lines = []
    for name, (m, e, f, missed, extra) in results.items():
        matched, expected, found = matched + m, expected + e, found + f
        lines.append(f"{name}: precision {m / f if f else 0:.2f} ({m}/{f}), recall {m / e:.2f} ({m}/{e})")
        lines += [f"  MISSED {x}" for x in missed] + [f"  EXTRA  {x}" for x in extra]
    precision, recall = matched / found, matched / expected
    lines.append(f"OVERALL precision {precision:.3f} ({matched}/{found}), recall {recall:.3f} ({matched}/{expected})")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert precision >= 0.9 and recall >= 0.9, "\n".join(lines)


def test_quotation_with_no_attribution_gets_no_speaker():
    text = (HELDOUT / "conflict_kharkiv.txt").read_text(encoding="utf-8")
    truth = json.loads((HELDOUT / "conflict_kharkiv.json").read_text(encoding="utf-8"))
    sourcing = analyse(Article(text))
    for q in truth["quotes_without_speaker"]:
        assert sourcing.speaker_of(q["offset"] + 1) is None
