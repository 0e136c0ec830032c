"""kit.compare on short texts, expected values worked out by hand (word by word, sentence by sentence)."""

from __future__ import annotations

import pytest

from kit.article import Article
from kit.compare import (
    ON_TOPIC_SHARE,
    article_metrics,
    content_words,
    folded,
    function_words,
    kept_share,
    passage_analysis,
    passage_stats,
    rewrite_stats,
)


# -- content words and kept share -------------------------------------------------------------
def test_content_words_are_folded_words_of_four_letters_or_more():
    # "for", "the" and the "s" of "Russia's" are too short; the possessive does not make a new word
    assert content_words("Russia's support for Syria, said the analyst") == {"russia", "support", "syria",
                                                                             "said", "analyst"}


def test_content_words_fold_case_and_curly_apostrophes():
    assert content_words("People’s DAILY") == content_words("people's daily") == {"people", "daily"}
    assert folded("People’s  Daily") == "people's daily"


def test_content_words_skip_digits_and_function_words():
    assert content_words("COVID19 in 2020") == {"covid"}
    # every word here is a function word from lexicons/compare_function_words.csv
    assert content_words("They would have been there with them") == set()


def test_function_words_come_from_the_lexicon():
    words = function_words()
    assert {"that", "with", "being"} <= words
    # content_words only sees words of 4+ letters, so a shorter row would never take effect
    assert all(len(w) >= 4 for w in words), sorted(w for w in words if len(w) < 4)


def test_kept_share_of_a_rewrite_that_keeps_two_of_four_content_words():
    # original: russia, supports, syria, strongly; the rewrite keeps russia and syria
    assert kept_share("Russia supports Syria strongly", "Russia backs Syria") == 0.5


def test_kept_share_matches_exact_words_only():
    # "supported" is not "supports": 2 of the 3 content words are kept
    assert kept_share("Russia supports Syria", "Syria is supported by Russia") == 2 / 3


def test_kept_share_edge_cases():
    assert kept_share("Russia supports Syria", "") == 0.0
    assert kept_share("", "anything") == 1.0  # nothing to keep: nothing was lost
    assert kept_share("the cat sat", "a dog ran") == 1.0  # no word of 4+ letters in the original


def test_an_unrelated_rewrite_is_off_topic():
    original = "The council approved the library budget on Monday"  # council approved library budget monday
    assert kept_share(original, "Football results from the weekend") == 0.0 < ON_TOPIC_SHARE
    assert kept_share(original, "On Monday the council said yes to the budget") == 3 / 5 >= ON_TOPIC_SHARE


# -- passage statistics -------------------------------------------------------------------------
def test_passage_stats_of_an_empty_box_are_zero():
    assert passage_stats("") == {"sentences": 0, "words": 0, "words per sentence": 0.0, "grade": 0.0,
                                 "hard words": 0}
    assert passage_stats("   \n")["words"] == 0


def test_passage_stats_of_two_short_sentences():
    # 2 sentences, 6 + 3 = 9 words, 10 syllables (every word has one, "hap-py" has two)
    stats = passage_stats("The cat sat on the mat. It was happy.")
    assert stats["sentences"] == 2 and stats["words"] == 9 and stats["words per sentence"] == 4.5
    assert stats["grade"] == pytest.approx(0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59)  # Flesch-Kincaid
    assert stats["hard words"] == 0


def test_passage_stats_count_hard_words():
    # bu-reau-crat-ic and ob-fus-ca-tion: 4 syllables, not everyday words; per-sists has 2
    assert passage_stats("Bureaucratic obfuscation persists.")["hard words"] == 2


# -- analysis of a typed passage ---------------------------------------------------------------
def test_passage_analysis_of_an_empty_box():
    assert passage_analysis("  \n ") == (None, None, None)
    assert rewrite_stats("") == {"words": 0, "grade": 0.0, "loaded words (outlet's voice)": 0,
                                 "claims with no source": 0, "attributions (who says so)": 0}


def test_rewrite_stats_count_the_outlets_loaded_words():
    # "regime" (legitimacy) and "crushed" (loaded language), neither inside quotation marks
    stats = rewrite_stats("The regime crushed the protest.")
    assert stats["words"] == 5 and stats["loaded words (outlet's voice)"] == 2
    assert stats["attributions (who says so)"] == 0


def test_rewrite_stats_do_not_count_quoted_loaded_words_as_the_outlets():
    stats = rewrite_stats("“The regime crushed the protest,” the minister said.")
    assert stats["loaded words (outlet's voice)"] == 0 and stats["attributions (who says so)"] == 1


# -- lesson 06's comparison -------------------------------------------------------------------
STORY = ("Library opens later\n\n"
         "The city library will open later from Monday, the mayor said.\n\n"
         "“We want more people to read,” she said.\n")


def test_article_metrics_of_a_two_paragraph_story():
    m = article_metrics(Article(STORY))
    # body: 11 words + 8 words in 2 sentences; 6 of the 19 words are inside the quotation marks
    assert m["body words"] == 19 and m["body sentences"] == 2 and m["words per sentence"] == 9.5
    assert m["direct quotations"] == 1
    assert m["% of words in quotation marks"] == round(100 * 6 / 19, 1) == 31.6
    assert m["loaded words, outlet's voice"] == 0 and m["loaded words per 100 words"] == 0.0


def test_article_metrics_keys_pick_rows_in_the_order_asked():
    m = article_metrics(Article(STORY), ["direct quotations", "body words"])
    assert list(m.items()) == [("direct quotations", 1), ("body words", 19)]
