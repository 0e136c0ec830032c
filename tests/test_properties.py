"""Property-based tests: over arbitrary Unicode text the report never crashes and every span is true.

"Offsets are truth": whatever a user pastes, every span the report gives
(`start`/`end`, `quote_start`/`quote_end`) lies inside the text, and where the
report also gives the span's text, `text[start:end]` is exactly that text.
The checks walk `to_dict()` generically, so modules that land later
(sourcing, loaded language) are covered without changing this file.

Profiles: the default ("ci") is derandomised so a CI run is repeatable;
HYPOTHESIS_PROFILE=explore runs many more random examples.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kit import render
from kit.article import Article
from kit.errors import KitInputError
from kit.report import build_report

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", max_examples=3000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
# applied per test (not load_profile), so other test modules keep their own settings
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Pieces that exercise the rules: quote marks, apostrophes, sentence ends,
# abbreviations, datelines, bylines, NBSP, blank lines, CRLF, headings.
PIECES = [
    '"', "“", "”", "‘", "’", "'", "«", "»", "„", ".", "!", "?", "…", "...", ",", ":", " ", "\u00a0", "\n", "\n\n",
    "\r\n", "\t", "—", "-", "(", ")", "Mr.", "U.S.", "Dr. ", "e.g.", "3.5", "said", " he said.", "according to",
    "Putin", "Russia", "The", "President", "he", "she", "they", "Also read: ", "By Jo Smith", "Pravda.Ru",
    "WASHINGTON (AP) — ", "terrorist", "regime", "claimed", "officials said", "Photo: ", "\u2028", "\x0c",
    "A long sentence that goes on and on without stopping for breath",
]
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), WORDS), max_size=60).map("".join)
ANY_TEXT = st.one_of(TEXTS, st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))


# Which key holds the slice a span claims to be. Other `X_start`/`X_end` pairs
# are checked for bounds only (a `cue` is reported in lower case, for example).
CLAIMED_TEXT = {"start": "text", "quote_start": "quote", "mention_start": "mention"}


def spans_in(obj, path="report"):
    """Yield (path, start, end, claimed_text_or_None) for every span in a report dict.

    A span is any `start`/`end` pair or `X_start`/`X_end` pair of ints in any dict.
    """
    if isinstance(obj, dict):
        for a in obj:
            if not (isinstance(a, str) and (a == "start" or a.endswith("_start"))):
                continue
            b = a[: -len("start")] + "end"
            if isinstance(obj.get(a), int) and isinstance(obj.get(b), int):
                t = obj.get(CLAIMED_TEXT.get(a, ""))
                yield f"{path}.{a}", obj[a], obj[b], t if isinstance(t, str) else None
        for k, v in obj.items():
            yield from spans_in(v, f"{path}.{k}")
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            yield from spans_in(v, f"{path}[{i}]")


def object_spans(report):
    """(where, object) for the span objects the report keeps, which carry their own `.text`."""
    a = report.article
    groups = {
        "paragraphs": a.paragraphs,
        "body_sentences": a.body_sentences,
        "readability.sentences": report.readability.sentences,
        "sourcing.attributions": getattr(report.sourcing, "attributions", []),
        "sourcing.unattributed": getattr(report.sourcing, "unattributed", []),
        "loaded.matches": getattr(report.loaded, "matches", []),
    }
    for name, items in groups.items():
        for i, item in enumerate(items):
            yield f"{name}[{i}]", item


def assert_spans_true(text: str, report) -> None:
    d = report.to_dict()
    n = len(text)
    for where, start, end, claimed in spans_in(d):
        assert 0 <= start <= end <= n, f"{where}: [{start}, {end}) outside a text of {n} characters"
        if claimed is not None:
            assert text[start:end] == claimed, f"{where}: text[{start}:{end}] != {claimed!r}"
    for where, item in object_spans(report):
        start, end = getattr(item, "start", None), getattr(item, "end", None)
        if isinstance(start, int) and isinstance(end, int):
            assert 0 <= start <= end <= n, f"{where}: [{start}, {end}) outside a text of {n} characters"
            if isinstance(getattr(item, "text", None), str):
                assert text[start:end] == item.text, f"{where}: text[{start}:{end}] != {item.text!r}"
    # every hardest sentence is one of the body sentences
    body = {(s["start"], s["end"]) for s in d["structure"]["body_sentences"]}
    for h in d["readability"]["hardest_sentences"]:
        assert (h["start"], h["end"]) in body


@PROFILE
@given(ANY_TEXT)
@example('"“"", he said, ')  # found by the explore profile: an inherited attribution's mention/cue at -1
def test_report_never_crashes_and_every_span_is_true(text):
    try:
        report = build_report(text)
    except KitInputError as exc:
        assert str(exc)  # a refusal always says why
        return
    assert_spans_true(text, report)
    for out in (render.to_text(report), render.to_markdown(report), render.to_html(report), report.to_json()):
        assert isinstance(out, str)


@PROFILE
@given(TEXTS)
def test_article_parts_are_slices_of_the_text(text):
    a = Article(text)
    for p in a.paragraphs:
        assert text[p.start:p.end] == p.text and p.text.strip() == p.text and p.text
    for s in a.body_sentences:
        assert text[s.start:s.end] == s.text and s.text
        p = a.paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end and p.role == "body"
    for w in a.body_words:
        assert text[w.start:w.end] == w.text
    starts = [p.start for p in a.paragraphs]
    assert starts == sorted(starts)


@PROFILE
@given(TEXTS, st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "</p><b>"]))
def test_html_report_shows_markup_in_the_article_as_text(text, evil):
    body = f"Headline\n\n{text} \"{evil}\" he said. {evil} was there.\n"
    try:
        page = render.to_html(build_report(body))
    except KitInputError:
        return
    assert evil not in page
    # the escaped form is on the page (a mark may split it, so look for its opening)
    assert evil.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")[:8] in page


def test_the_span_walker_sees_every_kind_of_span_on_the_seed():
    """Guards the generic walk above: on the seed it must reach every section that reports spans."""
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "seeds" / "pravda_putin_syria_csto.txt").read_text(
        encoding="utf-8")
    report = build_report(text)
    kinds = {re.sub(r"\[\d+\]", "", where) for where, *_ in spans_in(report.to_dict())}
    assert {"report.structure.paragraphs.start", "report.structure.body_sentences.start",
            "report.readability.hardest_sentences.start"} <= kinds
    d = report.to_dict()
    if d["sourcing"]["attributions"]:
        assert "report.sourcing.attributions.quote_start" in kinds
    if d["loaded_language"]["matches"]:
        assert "report.loaded_language.matches.start" in kinds
    assert_spans_true(text, report)
