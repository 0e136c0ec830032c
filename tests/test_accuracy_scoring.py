"""The scoring functions of benchmarks/accuracy.py, on hand-made spans (no corpus data).

Every expected value is worked out by hand in the comment next to it; the benchmark's figures on the
dev set rest on these definitions (those of /work/shared/dev/README.md), so a wrong overlap or a
mean-of-ratios pooling would silently change every reported number.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "accuracy.py"
_spec = importlib.util.spec_from_file_location("accuracy_benchmark", _PATH)
assert _spec and _spec.loader
acc = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = acc  # dataclasses look their module up while the class is built
_spec.loader.exec_module(acc)


def test_overlap_is_half_open_so_touching_spans_do_not_overlap():
    assert acc.overlaps(0, 5, 4, 9)          # share character 4
    assert not acc.overlaps(0, 5, 5, 9)      # [0,5) ends where [5,9) starts
    assert acc.overlaps(2, 3, 0, 10)         # inside
    assert acc.overlaps(0, 10, 2, 3)         # contains
    assert not acc.overlaps(7, 9, 0, 7)
    assert acc.overlaps_any(3, 6, [(0, 1), (5, 8)])
    assert not acc.overlaps_any(3, 6, [(0, 3), (6, 8)])


def test_alias_is_a_lower_cased_substring_of_speaker_and_mention():
    assert acc.alias_match(["perry"], "Scott Perry", "he")
    assert acc.alias_match(["he"], "an aide", "he")          # the mention counts too
    assert acc.alias_match(["she"], "she", None)             # a missing mention is no crash
    assert not acc.alias_match(["lombardo"], "Scott Perry", "Perry")
    # "speaker mention" joined by a space: "ab" + " " + "cd" does not contain "bc"
    assert not acc.alias_match(["bc"], "ab", "cd")


def test_pooled_precision_and_recall_sum_counts_rather_than_averaging_ratios():
    a = acc.Counts(gold=1, gold_found=1, pred=1, pred_right=1)     # R 1.0, P 1.0
    b = acc.Counts(gold=9, gold_found=0, pred=3, pred_right=0)     # R 0.0, P 0.0
    p = acc.pool([a, b])
    assert (p.gold, p.gold_found, p.pred, p.pred_right) == (10, 1, 4, 1)
    assert p.recall == pytest.approx(0.1)      # 1/10, not the mean of ratios 0.5
    assert p.precision == pytest.approx(0.25)  # 1/4
    assert p.f1 == pytest.approx(2 * 0.25 * 0.1 / 0.35)  # 0.142857...
    assert acc.Counts().recall is None and acc.Counts().f1 is None  # nothing to find: no ratio
    assert acc.f1(0.0, 0.0) == 0.0


def test_loaded_recall_counts_only_target_techniques_but_precision_any_annotated_span():
    spans = [acc.Span("Loaded_Language", 0, 10),        # hit by match 0
             acc.Span("Name_Calling,Labeling", 20, 30),  # missed
             acc.Span("Doubt", 40, 50)]                  # not a target, but makes match 1 right
    matches = [{"start": 5, "end": 8, "category": "loaded_language", "voice": "outlet"},
               {"start": 45, "end": 48, "category": "doubt", "voice": "quoted"},
               {"start": 60, "end": 65, "category": "doubt", "voice": "outlet"},  # outside all: false
               {"start": 30, "end": 33, "category": "loaded_language", "voice": "outlet"}]  # touches 30: false
    s = acc.score_loaded(spans, matches)
    assert (s.counts.gold, s.counts.gold_found) == (2, 1)    # R = 1/2
    assert (s.counts.pred, s.counts.pred_right) == (4, 2)    # P = 2/4
    assert s.missed == [1] and s.false == [2, 3]
    assert (s.by_technique["Name_Calling,Labeling"].gold, s.by_technique["Name_Calling,Labeling"].gold_found) == (1, 0)
    assert (s.by_category["doubt"].pred, s.by_category["doubt"].pred_right) == (2, 1)
    assert (s.by_voice["outlet"].pred, s.by_voice["outlet"].pred_right) == (3, 1)


def test_find_anchor_needs_exactly_one_occurrence():
    assert acc.find_anchor("abc said xyz", "said") == (4, 8)
    with pytest.raises(acc.DevDataError):
        acc.find_anchor("abc", "said")
    with pytest.raises(acc.DevDataError):
        acc.find_anchor("said and said", "said")


def test_speaker_key_with_a_bar_takes_both_alias_lists():
    table = {"a": ["ann"], "b": ["bob", "he"]}
    assert acc.speaker_aliases("a|b", table) == ["ann", "bob", "he"]
    with pytest.raises(acc.DevDataError):
        acc.speaker_aliases("c", table)


def item(start, end, aliases, optional=False):
    return acc.GoldItem("x" * (end - start), start, end, aliases, optional=optional)


def pred(start, end, speaker, mention="", qs=None, qe=None):
    return {"start": start, "end": end, "speaker": speaker, "mention": mention,
            "quote_start": qs, "quote_end": qe}


def test_sourcing_found_absorbed_and_false_predictions():
    items = [item(0, 10, ["perry"]),                   # found by p0 (sentence overlaps, alias in speaker)
             item(20, 30, ["lombardo"]),               # p1's quote overlaps it but p1 names Perry: missed
             item(50, 60, ["carlson"], optional=True)]  # p2 overlaps it: absorbed
    preds = [pred(0, 15, "Scott Perry"),
             pred(35, 45, "Scott Perry", "he", qs=25, qe=34),   # overlaps item 1 via quote only, wrong alias
             pred(55, 70, "someone"),                            # absorbed by the optional item
             pred(80, 90, "Lombardo")]                           # overlaps nothing: false
    s = acc.score_sourcing(items, preds)
    assert s.missed == [1] and s.absorbed == [2] and s.false == [1, 3]
    # found 1 of 2 required; 4 predictions, 1 absorbed -> P = 1/3
    assert (s.counts.gold, s.counts.gold_found, s.counts.pred, s.counts.pred_right) == (2, 1, 3, 1)
    assert s.counts.recall == pytest.approx(0.5) and s.counts.precision == pytest.approx(1 / 3)


def test_a_prediction_that_finds_a_required_item_is_never_absorbed():
    items = [item(0, 10, ["perry"]), item(5, 12, ["perry"], optional=True)]
    s = acc.score_sourcing(items, [pred(0, 20, "Perry")])
    assert s.absorbed == [] and (s.counts.pred, s.counts.pred_right) == (1, 1)


def test_quote_span_alone_can_find_an_item():
    items = [item(100, 110, ["she"])]
    s = acc.score_sourcing(items, [pred(0, 50, "she", qs=95, qe=105)])
    assert s.missed == [] and s.counts.precision == 1.0


def test_a_prediction_finding_two_items_is_counted_so_precision_above_one_is_visible():
    items = [item(0, 5, ["perry"]), item(10, 15, ["perry"])]
    s = acc.score_sourcing(items, [pred(0, 20, "Perry")])
    assert s.counts.gold_found == 2 and s.counts.pred == 1 and s.multi == 1  # P = 2/1: flagged, not hidden


def test_substring_aliases_are_the_definition_and_whole_word_aliases_a_stricter_diagnostic():
    # "he" is inside "the attack": found under the dev README's substring rule, not as a whole word
    assert acc.alias_match(["he"], "the attack", "the attack")
    assert not acc.alias_match(["he"], "the attack", "the attack", whole_word=True)
    assert acc.alias_match(["he"], "Scott Perry", "he", whole_word=True)
    assert acc.alias_match(["perry"], "Scott Perry", "Perry,", whole_word=True)
    items = [item(0, 10, ["he"])]
    preds = [pred(0, 10, "the attack")]
    assert acc.score_sourcing(items, preds).counts.gold_found == 1
    strict = acc.score_sourcing(items, preds, whole_word=True)
    assert strict.counts.gold_found == 0 and strict.false == [0]  # then it counts against precision
