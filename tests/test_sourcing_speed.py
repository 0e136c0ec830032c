"""Sourcing never hangs (issue 15): the fast paths give the plain answers, and a spent budget stops cleanly.

The growth itself is measured by benchmarks/scaling.py (group `sourcing`, run by tests/test_scaling.py);
here: the indexes and the bounded scans answer exactly what the plain rules answer, and a report out
of time says so in one sentence.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit import sourcing
from kit.article import Article
from kit.budget import TimeBudgetExceeded, time_budget
from kit.errors import KitInputError
from kit.report import build_report
from kit.sourcing import phrases
from kit.sourcing.context import build_context
from kit.sourcing.cues import load_cues
from kit.sourcing.names import FirstNames, PeopleIndex, close_spelling
from kit.sourcing.recency import Recency
from kit.sourcing.speakers import Entity
from kit.quotes import find_quotations

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "tests" / "fixtures").rglob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
TEXTS = [p for p in TEXTS if "report_snapshots" not in p.parts]


# -- a report out of time ----------------------------------------------------------------------------
def test_a_spent_budget_stops_the_sourcing_passes_with_one_plain_sentence():
    article = Article("Vote on bike lanes\n\n" + "The mayor said it was fine. " * 2000 + "\n")
    with time_budget(0.0), pytest.raises(TimeBudgetExceeded) as exc:
        sourcing.analyse(article)
    assert exc.value.stage == "finding sources"
    assert str(exc.value).startswith("this text is too unusual to analyse in reasonable time "
                                     "(stopped in finding sources after 0 s)")
    assert sourcing.analyse(article).attributions  # without a budget the same text is analysed


def test_a_tiny_budget_from_the_environment_stops_a_report_not_hangs(monkeypatch):
    monkeypatch.setenv("KIT_TIME_BUDGET", "0.001")
    text = "Vote on bike lanes\n\n" + "The mayor " + "said " * 20000 + "\n"
    with pytest.raises(KitInputError, match=r"^this text is too unusual to analyse in reasonable time"):
        build_report(text)
    monkeypatch.setenv("KIT_TIME_BUDGET", "off")
    assert build_report(text).sourcing.attributions


def test_the_command_line_reports_a_spent_budget_in_one_line(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text("Vote on bike lanes\n\n" + "according to " * 20000 + "\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), KIT_TIME_BUDGET="0.001")
    proc = subprocess.run([sys.executable, "-m", "kit", "report", str(path)], capture_output=True, text=True,
                          env=env, timeout=120, check=False)
    assert proc.returncode == 1, proc.stderr
    assert "too unusual to analyse in reasonable time" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


# -- the indexes give the plain answers ------------------------------------------------------------------
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_pointing_back_by_index_answers_as_the_plain_scan(path, monkeypatch):
    """"he", "the minister", "the publication": the recency heaps and the scan of every source agree."""
    text = path.read_text(encoding="utf-8")
    fast = sourcing.analyse(text).to_dict()
    monkeypatch.setattr(Recency, "advance", lambda self, pos: False)  # every question takes the scan
    assert sourcing.analyse(text).to_dict() == fast


def test_a_pronoun_skips_people_of_the_other_gender_however_many():
    text = "Vote\n\n" + "".join(f"Ms. Ann Vel{i}a said yes. " for i in range(300)) + \
        "Mr. Tom Reyes said no. " + "".join(f"Ms. Bea Kor{i}a said yes. " for i in range(300)) + "He said maybe.\n"
    he = [a for a in sourcing.analyse(text).attributions if a.mention == "He"]
    assert [a.speaker for a in he] == ["Tom Reyes"]


def test_close_spellings_are_found_through_their_shared_deletions():
    index = PeopleIndex()
    people = [Entity(f"Ann {name}", "person", ("Ann", name)) for name in ("Peskov", "Lavrov", "Shoigu", "Bakoran")]
    for e in people:
        index.add(e)
    assert index.find_spelt_like("Peskow", None) is people[0]  # one letter changed
    assert index.find_spelt_like("Bakorran", "Ann") is people[3]  # one added, 7+ letters
    assert index.find_spelt_like("Bkoarn", None) is None  # a transposition and more: three edits
    assert index.find_spelt_like("Peskow", "Boris") is None  # another first name: another person
    for query in ("Peskow", "Lavrova", "Bakorn", "Pskov", "Lavorv", "Bakoranxy", "Shoig", "Shogiu"):
        every_pair = [e for e in people if close_spelling(e.surname, query)]  # what comparing with all finds
        assert index.find_spelt_like(query, None) is (every_pair[-1] if every_pair else None)


def test_a_surname_alone_takes_the_first_name_written_before_it():
    text = "John Smith's plan. Mary A. Jones spoke. Smith and Jones left."
    names = FirstNames(text)
    assert list(names.before("Smith", len(text))) == ["John"]
    assert list(names.before("Jones", len(text))) == ["Mary"]
    assert list(names.before("Smith", 5)) == []  # only what is written before the mention


# -- the bounded scans: the same phrase as the unbounded rules ---------------------------------------
def _right_chunk_plain(text: str, lo: int, hi: int) -> tuple[int, int]:
    """right_chunk as it was before the one-pass rewrite: a regex over the stretch at every period."""
    i = lo
    while i < hi:
        ch = text[i]
        if ch in phrases._CHUNK_STOP_CHARS or ch in "!?":
            break
        if ch == ".":
            word = re.search(r"([^\W_]+(?:\.[^\W_]+)*)$", text[lo:i])
            w = word.group(1) if word else ""
            if not (w.lower() in phrases._abbreviations() or (len(w) == 1 and w.isupper()) or "." in w):
                break
        i += 1
    return phrases.trim(text, lo, i)


def _ctx(text: str):
    article = Article(text)
    return build_context(article, find_quotations(article), load_cues())


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="aBU.S Dr.Mr e.g, x-1", max_size=60))
def test_right_chunk_reads_each_period_as_the_plain_rule_does(after):
    text = "Title\n\nThe plan was fine, said " + after + "\n"
    ctx = _ctx(text)
    lo = text.index("said ") + 5
    assert phrases.right_chunk(ctx, lo, len(text) - 1) == _right_chunk_plain(text, lo, len(text) - 1)


def test_a_source_phrase_is_read_at_most_a_few_hundred_characters_from_its_cue():
    long_run = " ".join(["Mayor"] * 120)  # 719 characters, no comma
    text = f"Title\n\nThe {long_run} said it was fine.\n"
    ctx = _ctx(text)
    cue = text.index(" said") + 1
    s, e = phrases.left_chunk(ctx, ctx.sents[0].start, cue)
    assert e == cue - 1 and cue - s <= phrases.MAX_CHUNK_CHARS and text[s - 1] == " "  # cut at a word start
    short = "Title\n\nThe city's new transport planning director for the northern districts of the county said it.\n"
    ctx = _ctx(short)
    assert short[slice(*phrases.left_chunk(ctx, ctx.sents[0].start, short.index(" said") + 1))] == \
        "The city's new transport planning director for the northern districts of the county"
