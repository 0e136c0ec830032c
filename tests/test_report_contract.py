"""The JSON report contract lives in the package (kit/schema/report.schema.json) and every report
the kit writes satisfies it: the keys a consumer relies on, their types, and offsets that slice."""

import copy
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from kit.report import build_report

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = sorted((ROOT / "tests" / "fixtures" / "report_snapshots").glob("*.json"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("kit").joinpath("schema/report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _seed_report() -> tuple[str, dict]:
    text = (ROOT / "seeds" / "pravda_putin_syria_csto.txt").read_text(encoding="utf-8")
    return text, build_report(text, "seed").to_dict()


def test_a_fresh_report_satisfies_the_contract(validator):
    _, report = _seed_report()
    validator.validate(report)


@pytest.mark.parametrize("path", SNAPSHOTS, ids=lambda p: p.stem)
def test_every_fixture_report_satisfies_the_contract(validator, path):
    validator.validate(json.loads(path.read_text(encoding="utf-8")))


def test_the_contract_rejects_what_a_consumer_could_not_use(validator):
    _, good = _seed_report()
    bad_voice = copy.deepcopy(good)
    bad_voice["loaded_language"]["matches"][0]["voice"] = "narrator"
    no_quote_end = copy.deepcopy(good)
    del no_quote_end["sourcing"]["attributions"][0]["quote_end"]
    negative = copy.deepcopy(good)
    negative["structure"]["body_sentences"][0]["start"] = -1
    for bad in (bad_voice, no_quote_end, negative):
        assert not validator.is_valid(bad)


def test_contract_offsets_slice_the_raw_text():
    text, r = _seed_report()
    spans = [*r["structure"]["paragraphs"], *r["structure"]["body_sentences"],
             *r["readability"]["hardest_sentences"], *r["sourcing"]["attributions"],
             *r["sourcing"]["unattributed"], *r["loaded_language"]["matches"]]
    assert len(spans) > 100
    for s in spans:
        assert 0 <= s["start"] < s["end"] <= len(text)
    for m in r["loaded_language"]["matches"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for a in r["sourcing"]["attributions"]:
        assert a["start"] <= a["quote_start"] < a["quote_end"] <= a["end"]  # the span holds what was said
