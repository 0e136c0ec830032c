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
# Round 2: written after round 1 had been used to fix the kit, committed before the kit ran on them
NAMES_2 = ["nyt_privacy", "sport_matildas", "council_bins"]
# Round 3: written after rounds 1 and 2 had been used to fix the kit, committed before the kit ran on them
NAMES_3 = ["reuters_oil", "police_hit_run"]


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


@pytest.fixture(scope="module")
def results_2() -> dict:
    return {name: evaluate(name) for name in NAMES_2}


# The held-out texts are development sets now (issue 14): each was read after its blind round, so these are
# regression guards at the figures measured before the issue-14 sourcing work, minus 0.02 (round 1: P 0.988,
# R 0.988; all eleven: P 0.992, R 0.984), not the 0.9 target they passed long ago. Real-news accuracy is
# measured by benchmarks/accuracy.py on articles nobody here wrote.
GUARD_ROUND_1 = (0.96, 0.96)  # (precision, recall)
GUARD_ALL = (0.97, 0.96)


def test_heldout_precision_and_recall(results, capsys):
    check(results, capsys, guard=GUARD_ROUND_1)


def test_heldout_rounds_2_and_3_figures_and_all_eleven_together(results, results_2, capsys):
    """Rounds 2 and 3 are printed on their own (a few short texts are too few to guard alone: one miss is
    0.04); the guard holds for all eleven held-out texts together."""
    results_3 = {name: evaluate(name) for name in NAMES_3}
    check(results_2, capsys)
    check(results_3, capsys)
    check({**results, **results_2, **results_3}, capsys, guard=GUARD_ALL)


def check(results: dict, capsys, guard: tuple[float, float] | None = None) -> None:
    """Print per-article figures and misses; assert overall precision and recall of at least `guard`."""
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
    if guard is not None:
        assert precision >= guard[0] and recall >= guard[1], "\n".join(lines)


def test_quotation_with_no_attribution_gets_no_speaker():
    text = (HELDOUT / "conflict_kharkiv.txt").read_text(encoding="utf-8")
    truth = json.loads((HELDOUT / "conflict_kharkiv.json").read_text(encoding="utf-8"))
    sourcing = analyse(Article(text))
    for q in truth["quotes_without_speaker"]:
        assert sourcing.speaker_of(q["offset"] + 1) is None


# -- the general patterns behind the held-out misses, each on a short text of its own ---------------------------

def _one(text: str) -> list[tuple[str, str, str]]:
    return [(a.speaker, a.kind, a.cue) for a in analyse(Article("Headline here\n\n" + text)).attributions]


def test_party_and_state_tag_is_not_the_speaker():
    got = _one("Rep. Ana Ruiz, D-N.M., who sits on the panel, said the vote was rushed.")
    assert got == [("Ana Ruiz", "indirect", "said")]


def test_where_clause_is_skipped_like_an_appositive():
    got = _one("Farmers in Kent, where the drought began in May, said their wells were dry.")
    assert [(s.lower(), k) for s, k, _ in got] in ([("farmers in kent", "indirect")], [("farmers", "indirect")])


def test_second_verb_takes_the_opening_subject():
    got = _one("An aide to the minister dismissed the report, saying it was out of date.")
    assert [(norm(s), k, c) for s, k, c in got] == [("aide to the minister", "indirect", "saying")]
    got = _one("Local doctors backed the plan but warned that staff were exhausted.")
    assert [(norm(s), k, c) for s, k, c in got] == [("local doctors", "indirect", "warned")]


def test_second_verb_leaves_a_pronoun_subject_alone():
    assert _one("He paused, saying nothing.") == []


def test_body_named_with_a_country():
    got = _one("Cancer Research UK said the figures were worrying.")
    assert got == [("Cancer Research UK", "indirect", "said")]


def test_ing_modifier_before_a_source_noun_stays_in_the_phrase():
    got = _one("The country's largest farming union warned that prices would rise.")
    assert got[0][0].lower() == "the country's largest farming union"


def test_verb_after_a_plural_source_is_not_part_of_it():
    got = _one("Economists have long argued that tariffs raise prices.")
    assert [(s.lower(), c) for s, _, c in got] == [("economists", "argued")]


def test_second_title_of_the_same_person_points_back():
    got = _one("The chair of the board, Councillor Amy Fox, whose term ends in May, said the budget was tight.\n\n"
               "\"We have no slack,\" the chair said.")
    assert [s for s, _, _ in got] == ["Amy Fox", "Amy Fox"]


def test_document_seen_by_an_outlet_is_the_outlet():
    got = _one("Ten ministers have resigned, according to a letter seen by the Financial Times.")
    assert got[0][0] in ("the Financial Times", "Financial Times")


def test_body_names_with_and_commas_and_an_acronym_stay_whole():
    assert _one("The Department of Health and Human Services said the rule would change.") == \
        [("the Department of Health and Human Services", "indirect", "said")]
    assert _one("The European Centre for Disease Prevention and Control (ECDC) said cases were falling.") == \
        [("the European Centre for Disease Prevention and Control (ECDC)", "indirect", "said")]
    got = _one("A spokeswoman for the Department for Digital, Culture, Media and Sport said talks would resume.")
    assert [norm(s) for s, _, _ in got] == ["spokeswoman for the department for digital, culture, media and sport"]



def test_a_document_finds_without_that_but_a_person_finding_an_object_is_no_source():
    assert [(norm(s), c) for s, _, c in _one("The audit found most contracts had been signed late.")] == \
        [("audit", "found")]
    assert _one("Divers found the wreck near the harbour.") == []


@pytest.mark.parametrize("sentence", [
    "John Smith, 45, of Leeds, said he was shocked.",
    "John Smith, 45, of High Street, Leeds, said he was shocked.",
    "John Smith, of the Red Cross, said aid was arriving.",
])
def test_age_and_address_appositives_are_not_the_speaker(sentence):
    assert _one(sentence) == [("John Smith", "indirect", "said")]


def test_a_plea_in_court_is_no_statement_but_a_denial_is():
    assert _one("Mark Rowe, 31, denied two counts of assault.") == []
    assert _one("Mark Rowe admitted the charge.") == []
    assert _one("Mark Rowe denied that he had been at the scene.") == [("Mark Rowe", "indirect", "denied")]


def test_an_auxiliary_after_the_appositive_belongs_to_the_verb():
    got = _one("The bank's chief economist, Ruth Kemp, has said that rates will stay high.")
    assert got == [("Ruth Kemp", "indirect", "said")]


def test_sports_titles_introduce_people_a_pronoun_can_point_back_to():
    got = _one("Former England striker Tom Reid was unhappy. He said the team lacked ideas.\n\n"
               "Coach Ann Berg's contract ends in May. Asked about it, she replied: \"Not my decision.\"")
    assert [(s, k) for s, k, _ in got] == [("Tom Reid", "indirect"), ("Ann Berg", "direct")]


def test_a_nationality_word_points_back_like_a_pronoun():
    got = _one("Chelsea manager Enzo Maresca was upbeat. The Italian said his side had improved.")
    assert got == [("Enzo Maresca", "indirect", "said")]


def test_an_ing_cue_right_after_a_noun_phrase_belongs_to_that_phrase():
    got = _one("The firm paid $5 million to settle a complaint alleging that it misled investors.")
    assert [(norm(s), c) for s, _, c in got] == [("complaint", "alleging")]


def test_a_description_opening_with_a_proper_name_keeps_its_capitals():
    got = _one("Willow Lodge's owners said in a statement that they had co-operated with police.")
    assert got[0][0] == "Willow Lodge's owners"


def test_a_warning_as_a_noun_is_no_cue():
    assert _one("Forecasters have issued a yellow warning for snow across the north.") == []
    assert _one("An amber warning for wind remains in place until Monday.") == []


def test_called_is_a_cue_for_a_label_but_not_for_a_name():
    got = _one("Union leaders called the offer an insult.")
    assert [(norm(s), k, c) for s, k, c in got] == [("union leaders", "indirect", "called")]
    assert _one("A charity called Safe Homes runs the shelter.") == []
    assert _one("The so-called peace plan was never published.") == []


def test_a_police_rank_is_a_title_not_part_of_the_name():
    got = _one("The road was closed for six hours, police spokesman Sgt. Amy Cole said. Cole said no one was hurt.")
    assert [s for s, _, _ in got] == ["Amy Cole", "Amy Cole"]


def test_a_source_after_a_subordinating_word_is_found():
    got = _one("Shares fell sharply on Monday after two board members said the merger was off.")
    assert [(norm(s), c) for s, _, c in got] == [("two board members", "said")]
