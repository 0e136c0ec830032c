"""kit.budget: a report that runs out of time stops with one plain sentence, never hangs."""

from __future__ import annotations

import time

import pytest

from kit import budget
from kit.article import Article
from kit.budget import TimeBudgetExceeded, check, time_budget
from kit.errors import KitInputError
from kit.html_text import extract_text


def test_check_does_nothing_outside_a_budget():
    check("anything")
    assert budget.remaining() is None


def test_a_spent_budget_raises_a_kit_input_error_naming_the_stage():
    with time_budget(0.01):
        time.sleep(0.02)
        with pytest.raises(KitInputError) as exc:
            check("splitting sentences")
    assert isinstance(exc.value, TimeBudgetExceeded) and exc.value.stage == "splitting sentences"
    assert str(exc.value).startswith("this text is too unusual to analyse in reasonable time "
                                     "(stopped in splitting sentences after 0.01 s): ")
    check("after the block")  # the budget ended with its block


def test_the_loops_of_the_analysis_check_the_budget():
    text = "Title\n\n" + "The council met. " * 3000 + "\n"
    page = "<html><body>" + "<p>The council met.</p>" * 5000 + "</body></html>"
    with time_budget(0.0):
        with pytest.raises(TimeBudgetExceeded, match="finding the paragraphs"):
            Article(text)
        with pytest.raises(TimeBudgetExceeded, match="reading the web page"):
            extract_text(page)
    assert Article(text).body_sentences  # without a budget the same text is analysed


def test_a_nested_budget_never_extends_the_outer_one():
    with time_budget(0.0), time_budget(60), pytest.raises(TimeBudgetExceeded) as exc:
        check("inner")
    assert exc.value.seconds == 0.0
    with time_budget(60), time_budget(None):
        assert budget.remaining() > 50  # None inside: the outer budget still holds


@pytest.mark.parametrize("value, seconds", [
    ("", budget.DEFAULT_SECONDS), ("5", 5.0), ("2.5", 2.5), ("off", None), ("0", None), ("none", None),
    ("soon", budget.DEFAULT_SECONDS), ("-3", None),
])
def test_the_environment_sets_the_budget(monkeypatch, value, seconds):
    monkeypatch.setenv("KIT_TIME_BUDGET", value)
    assert budget.budget_seconds() == seconds
    with time_budget():
        left = budget.remaining()
    assert (left is None) if seconds is None else (0 < left <= seconds)
