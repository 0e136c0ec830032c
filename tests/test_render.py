"""kit.render: the public API, the one style sheet, and what the analysis modules no longer do."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from kit import render
from kit.render.css import style_tag, stylesheet


def _selectors(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")]


def test_every_rule_is_scoped_so_a_notebook_is_never_restyled():
    selectors = _selectors(stylesheet())
    assert len(selectors) > 20
    for s in selectors:
        assert s.startswith((".kit-view", "main.kit-view")), s
    # only main.kit-view (the report page) carries page rules; no bare body/html/p rule
    assert not [s for s in selectors if re.match(r"(body|html|p|table|mark)\b", s)]


def test_the_style_sheet_keeps_what_the_page_and_the_lessons_each_need():
    rules = set(_selectors(stylesheet()))
    # the lessons: dimmed paragraphs, the reader view, marks that keep the text colour of a dark theme
    assert {".kit-view .para.dim", ".kit-view .reader", ".kit-view mark"} <= rules
    assert re.search(r"\.kit-view mark \{[^}]*color: inherit", stylesheet())
    # the page: its column, every paragraph role and every kind of mark
    assert "main.kit-view" in rules
    for role in ("title", "subhead", "related_link", "boilerplate"):
        assert f".kit-view .para.{role}" in rules
    for kind in ("hard", "quote", "loaded", "unattributed"):
        assert f".kit-view mark.{kind}" in rules
    tag = style_tag()
    assert tag.startswith("<style>") and tag.endswith("</style>") and tag.count("<style") == 1


def test_the_style_sheet_ships_with_the_package():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    assert setuptools["packages"]["find"]["include"] == ["kit*"]  # kit.render is found with every kit package
    assert "*.css" in setuptools["package-data"]["*"]
    assert (ROOT / "kit" / "render" / "kit.css").is_file()


def test_the_report_page_uses_the_one_style_sheet(seed_text):
    from kit.report import build_report

    page = render.to_html(build_report(seed_text))
    assert page.count("<style") == 1 and style_tag() in page
    # the scoped rules reach the page through one <main> landmark around everything in the body
    body = page[page.index("<body>") + len("<body>"):page.index("</body>")]
    assert body.strip().startswith('<main class="kit-view">') and body.endswith("</main>")
    assert body.count("<main") == 1


def test_reports_and_parts_have_no_renderers_of_their_own(seed_text):
    from kit.report import build_report

    rep = build_report(seed_text)
    for obj in (rep, rep.sourcing, rep.loaded):
        assert not [n for n in ("to_text", "to_markdown", "to_html", "marks") if hasattr(obj, n)], type(obj)
    assert rep.to_json() and rep.sourcing.to_dict() and rep.loaded.to_dict()


def test_no_render_module_is_over_400_lines():
    for path in (ROOT / "kit" / "render").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


def test_phrases_are_shared_by_the_three_formats(seed_text):
    from kit.render.phrases import attribution_counts
    from kit.report import build_report

    rep = build_report(seed_text)
    counts = rep.sourcing.counts()
    sentence = attribution_counts(counts)
    assert sentence == (f"{counts['attributions']} attributions: {counts['direct']} direct quotations, "
                        f"{counts['indirect']} reported; {counts['named']} named, {counts['anonymous']} anonymous.")
    assert sentence in render.to_markdown(rep) and sentence in render.to_html(rep)
    # the terminal says what "reported" means
    text = " ".join(render.to_text(rep).split())
    assert attribution_counts(counts, reported="reported (indirect)") in text
