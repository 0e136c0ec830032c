"""Hand-written student answers (tests/fixtures/student_answers/<exercise-id>.csv) must get an honest verdict.

No wrong answer gets "correct", no right answer gets "incorrect", and every
row that names a problem (invented source, invented quotation, gutted, salad,
...) gets "incorrect" with exactly that problem. See the fixtures' README.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kit.grading import exercise_ids, judge, spec

FIXTURES = Path(__file__).parent / "fixtures" / "student_answers"
OPEN = [i for i in exercise_ids() if spec(i)["kind"] in ("free_text", "rewrite")]
STATUSES = {"correct", "incorrect", "check"}


def _rows() -> list:
    out = []
    for ex_id in OPEN:
        with open(FIXTURES / f"{ex_id}.csv", encoding="utf-8", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                out.append(pytest.param(ex_id, row, id=f"{ex_id}:{n}"))
    return out


def test_every_open_exercise_has_a_table_of_at_least_20_answers():
    for ex_id in OPEN:
        with open(FIXTURES / f"{ex_id}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) >= 20, ex_id
        assert all(set(r["status"].split("|")) <= STATUSES for r in rows), ex_id


@pytest.mark.parametrize("ex_id,row", _rows())
def test_verdict(ex_id, row):
    fb = judge(ex_id, row["answer"])
    allowed = set(row["status"].split("|"))
    assert fb.status in allowed, f"{row['answer']!r}: got {fb.status} ({fb.problem}: {fb.message}); {row['why']}"
    if row["problem"]:
        assert (fb.status, fb.problem) == ("incorrect", row["problem"]), f"{row['answer']!r}: {fb.message}"
    if fb.status == "incorrect":
        assert fb.problem and fb.message
    if fb.status == "check":
        assert fb.model_answer and fb.self_check  # "check" always gives something to compare with
