"""Readability: formulas checked by hand on short texts, the seed's body-only counts."""

import pytest

from kit import readability
from kit.article import Article
from kit.syllables import syllables


def test_one_syllable_text_by_hand():
    # 11 words, 2 sentences, 11 syllables (every word has one).
    r = readability.analyse_passage("The cat sat on the mat. It was a big cat.")
    c = r.counts
    assert (c.sentences, c.words, c.syllables) == (2, 11, 11)
    # FRE = 206.835 - 1.015 * 5.5 - 84.6 * 1 = 116.6525
    assert r.scores["flesch_reading_ease"] == pytest.approx(116.6525)
    # FKGL = 0.39 * 5.5 + 11.8 * 1 - 15.59 = -1.645
    assert r.scores["flesch_kincaid_grade"] == pytest.approx(-1.645)
    assert c.polysyllabic_words == 0 and c.difficult_words == 0


def test_polysyllables_and_word_lists_by_hand():
    # Education(4) is(1) important(3) | Students(2) read(1) newspapers(3): 14 syllables
    # CMUdict counts; "important", "read" and "newspaper(s)" are on the Dale-Chall list,
    # "education" and "student(s)" are not.
    r = readability.analyse_passage("Education is important. Students read newspapers.")
    c = r.counts
    assert (c.sentences, c.words, c.syllables) == (2, 6, 14)
    assert c.polysyllabic_words == 3
    assert c.complex_words == 1  # education
    assert c.difficult_words == 2  # education, students
    assert c.letters == 42
    s = r.scores
    assert s["flesch_reading_ease"] == pytest.approx(206.835 - 3.045 - 84.6 * 14 / 6)  # 6.39
    assert s["flesch_kincaid_grade"] == pytest.approx(1.17 + 11.8 * 14 / 6 - 15.59)  # 13.113
    assert s["gunning_fog"] == pytest.approx(0.4 * (3 + 100 / 6))  # 7.867
    assert s["smog_index"] == pytest.approx(1.043 * 45 ** 0.5 + 3.1291)  # 10.126
    assert s["coleman_liau_index"] == pytest.approx(0.0588 * 700 - 0.296 * 100 * 2 / 6 - 15.8)  # 15.493
    assert s["automated_readability_index"] == pytest.approx(4.71 * 7 + 0.5 * 3 - 21.43)  # 13.04
    assert s["dale_chall_readability_score"] == pytest.approx(0.1579 * 100 * 2 / 6 + 0.0496 * 3 + 3.6365)


@pytest.mark.parametrize("word, n", [
    ("cat", 1), ("education", 4), ("war-torn", 2), ("Russia's", 2), ("Putin’s", 2), ("2015", 1),
    ("blorptastic", 3),  # not in CMUdict: pyphen's hyphenation (blorp-tas-tic)
])
def test_syllables(word, n):
    assert syllables(word) == n


def test_textstat_sentence_miscounts_do_not_reach_the_kit():
    # textstat counts 3 and 1 sentences here (see issue 3); the kit counts what a reader sees
    assert readability.analyse_passage(
        "Dr. Smith met Mr. Jones at 3 p.m. in Washington, D.C. They talked.").counts.sentences == 2
    assert readability.analyse_passage('"Is it true?" she asked. "Yes." He left.').counts.sentences == 3


def test_seed_is_measured_on_the_body_only(seed_article):
    r = readability.analyse(seed_article)
    assert r.counts.sentences == 36
    body_text = " ".join(s.text for s in seed_article.body_sentences)
    assert "Subscribe" not in body_text and "Also read" not in body_text
    assert "Situation in Syria very serious" not in body_text
    assert r.counts.words == len(seed_article.body_words)


def test_hardest_sentence_of_the_seed_is_the_analyst_sentence(seed_text, seed_article):
    r = readability.analyse(seed_article)
    hardest = r.hardest(1)[0]
    assert seed_text[hardest.start:hardest.end].startswith("An analyst at the Shanghai International Studies University")
    assert hardest.words == 66  # counted by hand: the seed's longest body sentence
    assert "alliance" in hardest.hard_words
    d = r.to_dict()
    for s in d["hardest_sentences"] + d["per_sentence"]:
        assert seed_text[s["start"]:s["end"]] == seed_text[s["start"]:s["end"]].strip()


def test_report_gives_counts_to_redo_the_arithmetic():
    # counted by hand: "The cat sat on the mat." 6 words, 6 syllables, 17 letters;
    # "It was very happy today." 5 words, it-was-ve-ry-hap-py-to-day = 8 syllables, 19 letters
    d = readability.analyse(Article("Cats\n\nThe cat sat on the mat. It was very happy today.")).to_dict()
    assert (d["sentences"], d["words"]) == (2, 11)
    c = d["counts"]
    assert (c["syllables"], c["letters"], c["polysyllabic_words"], c["complex_words"]) == (14, 36, 0, 0)
    assert c["difficult_words"] == 0  # every word is on the Dale-Chall list of easy words
    wps, spw = 11 / 2, 14 / 11
    assert d["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * wps - 84.6 * spw, abs=0.01)
    assert d["flesch_kincaid_grade"] == pytest.approx(0.39 * wps + 11.8 * spw - 15.59, abs=0.01)
    assert d["gunning_fog"] == pytest.approx(0.4 * wps, abs=0.01)  # no word of three syllables
    assert d["dale_chall_readability_score"] == pytest.approx(0.0496 * wps, abs=0.01)  # no difficult word


def test_empty_body_gives_no_scores_not_a_crash():
    r = readability.analyse(Article("Just a headline"))
    assert r.scores == {} and r.counts.words == 0


def test_an_easy_text_has_a_hardest_sentence_but_no_hard_one():
    from kit import render
    from kit.readability import HARD_GRADE, analyse_passage
    from kit.report import build_report

    text = "The cat sat on the mat. It was warm. The dog came in and lay down by the fire."
    r = analyse_passage(text)
    assert r.hardest(1) and r.hardest(1)[0].grade < HARD_GRADE
    assert r.hard(3) == []
    assert 'class="hard"' not in render.to_html(build_report(text))  # no sentence of the article is marked hard


def test_the_seed_analyst_sentence_is_hard():
    from conftest import SEED
    from kit import render
    from kit.article import Article
    from kit.readability import analyse
    from kit.report import build_report

    hard = analyse(Article(SEED.read_text(encoding="utf-8"))).hard(3)
    assert hard and hard[0].text.startswith("An analyst at the Shanghai")
    assert '<mark class="hard"' in render.to_html(build_report(SEED.read_text(encoding="utf-8")))
