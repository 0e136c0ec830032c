"""The lessons' display cells: tables and sentences a student reads, reasons without hover, odd scores explained."""

from __future__ import annotations

import re

import pytest

from kit import widgets as kw
from kit.lessons import tables
from kit.readability import analyse


def _shown(view) -> str:
    """What the student reads: the view's HTML without the style sheet."""
    return re.sub(r"<style>.*?</style>", "", view.data, flags=re.DOTALL)


@pytest.fixture(scope="module")
def seed_all():
    a = kw.seed_article()
    return (a, *kw.analyse_all(a))


def test_the_highlighter_shows_every_reason_without_hover(seed_all):
    article, _q, _s, loaded = seed_all
    view = kw.LoadedHighlighter(article, loaded).view.value
    assert "Hover" not in view
    marks = re.findall(r'<mark class="loaded" tabindex="0" data-why="(\d+)\. [^"]+" aria-describedby="([^"]+)"', view)
    assert len(marks) == len(loaded.matches)  # every loaded word can be focused
    ids = set(re.findall(r'<li id="([^"]+)"', view))
    assert {target for _n, target in marks} == ids  # each points at its line of the numbered list
    assert "Why each mark" in view and "Tab key" in view


def test_two_views_on_one_page_never_share_an_id(seed_all):
    article, _q, sourcing, loaded = seed_all
    first = kw.paragraph_html(article, kw.find_terms(article, ["ridiculous"]))
    second = kw.paragraph_html(article, kw.find_terms(article, ["ridiculous"]))
    ids = re.findall(r'id="([^"]+)"', first) + re.findall(r'id="([^"]+)"', second)
    assert ids and len(ids) == len(set(ids))  # duplicate ids break aria-describedby (axe: critical)


def test_the_sourcing_view_lists_why_a_claim_has_no_source(seed_all):
    article, _q, sourcing, _l = seed_all
    view = kw.sourcing_view(article, sourcing).data
    first = sourcing.unattributed[0]
    import html

    assert "[no source · " in view and html.escape(first.why) in view


def test_terms_in_context_number_their_reasons(seed_article):
    view = kw.terms_in_context(seed_article, ["ridiculous", "unfounded"]).data
    assert "Why each mark" in view and "&#x27;unfounded&#x27; in the body, not in quotation marks" in view


def test_the_hardest_sentence_explains_a_grade_above_20(seed_article):
    r = analyse(seed_article)
    hardest = r.hardest(1)[0]
    assert hardest.grade > 20  # grade 32: the 66-word sentence
    view = kw.hard_sentence_view(seed_article.text, hardest).data
    assert "grade 32.0" in view and "above grade 20: no school year is that high" in view
    assert "Why each mark" in view  # the hard words' reason, once, for all of them


def test_grades_table_explains_a_grade_below_zero():
    shown = _shown(tables.grades_table(["The cat sat on the mat.", "Mat the on sat cat the."]))
    assert shown.count("-1.4") == 2 and shown.count("below grade 0") == 2  # same grade: sense is invisible
    assert "{" not in shown and "print" not in shown


def test_scores_table_notes_only_the_scores_off_their_scale():
    from kit.readability import analyse_passage

    easy = tables.scores_table(analyse_passage("The dog ran. The cat sat. We had fun.")).data
    assert "above 100, off the top of the 0-100 scale" in easy and "below grade 0" in easy
    plain = tables.scores_table(analyse_passage(
        "The council voted on Tuesday to keep the library open until eight in the evening, "
        "after a survey of residents found that many could not visit during the day.")).data
    assert "Note:" not in plain


def test_role_counts_are_a_table_not_a_python_dict(seed_article):
    shown = _shown(tables.role_counts_table(seed_article))
    assert "{" not in shown and "<table>" in shown
    assert re.search(r"<td>subhead</td><td class=num>3</td>", shown)
    assert re.search(r"<td>related link</td><td class=num>4</td>", shown)


def test_unnamed_sources_are_a_sentence_and_a_list(seed_all):
    _a, _q, sourcing, _l = seed_all
    shown = _shown(tables.unnamed_sources(sourcing))
    assert "[" not in shown and "Sources without a name (1)" in shown
    assert "Shanghai International Studies University" in shown


def test_voices_table_counts_every_voice_the_kit_reports(seed_all):
    _a, _q, _s, loaded = seed_all
    shown = tables.voices_table(loaded).data
    by_voice = loaded.summary()["by_voice"]
    for voice, n in by_voice.items():
        assert f"<td>{tables.VOICE_STORY[voice][0]}</td><td class=num>{n}</td>".replace("'", "&#x27;") in shown
    assert "the article does not let us know which" in tables.VOICE_STORY["reported"][1]


def test_regions_table_shows_the_counts_behind_the_rates(seed_all):
    _a, _q, _s, loaded = seed_all
    shown = tables.regions_table(loaded).data
    regions = loaded.summary()["by_region"]
    sub = regions["subhead"]
    assert f"<td>subheads</td><td class=num>{sub['matches']}</td><td class=num>{sub['words']}</td>" in shown
    note = tables.small_numbers_note(loaded)
    assert note in tables.small_numbers_view(loaded).data
    assert f"{sub['matches']} loaded words in {sub['words']} words" in note
    assert "one word more or less" in note and "not as a measurement" in note
