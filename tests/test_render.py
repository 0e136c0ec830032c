"""kit.render: the public API, the one style sheet, and what the analysis modules no longer do."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from kit import render
from kit.render.css import style_tag, stylesheet


def _selectors(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")
            if not block.strip().startswith("@")]  # @media wraps rules; it is not a selector


# JupyterLab's dark theme marks <body> with this attribute; rules under it only recolour kit views
DARK_LAB = '[data-jp-theme-light="false"] .kit-view'


def test_every_rule_is_scoped_so_a_notebook_is_never_restyled():
    selectors = _selectors(stylesheet())
    assert len(selectors) > 20
    for s in selectors:
        assert s.startswith((".kit-view", "main.kit-view", DARK_LAB)), s
    # only main.kit-view (the report page) carries page rules; no bare body/html/p rule
    assert not [s for s in selectors if re.match(r"(body|html|p|table|mark)\b", s)]


def test_the_style_sheet_keeps_what_the_page_and_the_lessons_each_need():
    rules = set(_selectors(stylesheet()))
    # the lessons: dimmed paragraphs, the reader view, marks that bring their own dark text (white on
    # pastel was unreadable in JupyterLab's dark theme), and the dark theme's colours
    assert {".kit-view .para.dim", ".kit-view .reader", ".kit-view mark", DARK_LAB} <= rules
    assert re.search(r"\.kit-view mark \{[^}]*color: #1a1a1a", stylesheet())
    assert not re.search(r"opacity\s*:", stylesheet())  # faded text made by opacity fell below 3:1
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


# -- contrast: every text colour of the kit meets WCAG AA (4.5:1) in light and dark themes -------------------
def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    h = "".join(c * 2 for c in h) if len(h) == 3 else h
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the classic "just fails AA" grey
    assert round(contrast("#ffffff", "#fde9c9"), 2) < 1.3  # white on the hard-sentence pastel: the old bug


def _rule(css: str, selector: str) -> dict[str, str]:
    """The declarations of the first rule whose selector list is exactly `selector`."""
    for sel, body in re.findall(r"([^{}@]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)):
        if sel.strip() == selector:
            return {k.strip(): v.strip() for k, v in re.findall(r"([\w-]+)\s*:\s*([^;]+)", body)}
    raise AssertionError(f"no rule {selector!r}")


def _themes() -> dict[str, tuple[dict[str, str], list[str]]]:
    """theme -> (the --kit-* colours, the backgrounds its text sits on)."""
    css = stylesheet()
    light = _rule(css, ".kit-view")
    dark_lab = {**light, **_rule(css, DARK_LAB)}
    dark_page = {**light, **_rule(re.search(r"@media \(prefers-color-scheme: dark\) \{(.*?)\n\}", css, re.S)
                                  .group(1), "main.kit-view")}
    # JupyterLab light: white; dark: --jp-layout-color0 #111111 and the cells' #1a1a1a-ish greys
    return {"lab light": (light, ["#ffffff", light["--kit-paper"]]),
            "lab dark": (dark_lab, ["#111111", "#212121", dark_lab["--kit-paper"]]),
            "page light": ({**light, "--kit-text": "#1a1a1a"}, ["#ffffff", light["--kit-paper"]]),
            "page dark": (dark_page, ["#121212", dark_page["--kit-paper"]])}


@pytest.mark.parametrize("theme", ["lab light", "lab dark", "page light", "page dark"])
def test_every_text_colour_meets_aa_in_every_theme(theme):
    colours, backgrounds = _themes()[theme]
    text = {"--kit-text": colours["--kit-text"], "--kit-muted": colours["--kit-muted"],
            "--kit-dim": colours["--kit-dim"]}
    if text["--kit-text"].startswith("var("):  # JupyterLab's own text colour; its fallback stands in for it
        text["--kit-text"] = re.search(r"#[0-9a-fA-F]{3,6}", text["--kit-text"]).group()
    for name, colour in text.items():
        for bg in backgrounds:
            assert contrast(colour, bg) >= 4.5, (theme, name, colour, bg, round(contrast(colour, bg), 2))
    assert contrast(colours["--kit-tip-text"], colours["--kit-tip-bg"]) >= 4.5


def test_marks_bring_their_own_readable_text_in_every_theme():
    css = stylesheet()
    text = _rule(css, ".kit-view mark")["color"]
    tag = _rule(css, ".kit-view mark .tag")["color"]
    for kind in ("hard", "quote", "loaded", "unattributed"):
        bg = _rule(css, f".kit-view mark.{kind}")["background"]
        assert contrast(text, bg) >= 4.5 and contrast(tag, bg) >= 4.5, kind


# -- every mark's reason without hover: focus, and a numbered list under the text -----------------------------
def test_the_report_lists_every_mark_reason_by_number_and_no_longer_says_hover(seed_text):
    from html.parser import HTMLParser

    from kit.report import build_report

    report = build_report(seed_text)
    page = render.to_html(report)
    assert "Hover a mark" not in page and "Tab key" in page

    class Marks(HTMLParser):
        def __init__(self):
            super().__init__()
            self.marks, self.items = [], {}
            self._li = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "mark" and "data-why" in a:
                self.marks.append(a)
            if tag == "li" and (a.get("id") or "").startswith("why-"):
                self._li = a["id"]
                self.items[self._li] = ""

        def handle_data(self, data):
            if self._li:
                self.items[self._li] += data

        def handle_endtag(self, tag):
            if tag == "li":
                self._li = None

    parser = Marks()
    parser.feed(page)
    article_marks = [m for m in render.marks(report) if m.title]
    assert len(parser.marks) >= len({(m.css, m.label, m.title) for m in article_marks}) > 20
    for m in parser.marks:
        assert m["tabindex"] == "0"  # reachable with the Tab key, and a click focuses it
        target = m["aria-describedby"]
        number, reason = m["data-why"].split(". ", 1)
        assert target == f"why-{number}" and target in parser.items  # the list has its line
        assert reason in parser.items[target]  # ... and that line gives the same reason
    # one of the reasons a student asks about: a claim with no source says why
    unattributed = next(u for u in report.sourcing.unattributed)
    assert any(unattributed.why in text for text in parser.items.values())


def test_marks_with_the_same_reason_share_one_numbered_line():
    from kit.render import Mark, highlight
    from kit.render.marks import Reasons

    text = "Syria and Islamic and Syria"
    reasons = Reasons("t")
    marks = [Mark(0, 5, "hard", "hard", "3+ syllables"), Mark(10, 17, "hard", "hard", "3+ syllables"),
             Mark(22, 27, "hard", "hard", "3+ syllables")]
    out = highlight(text, marks, reasons=reasons)
    assert out.count('aria-describedby="t-1"') == 3 and "[hard · 1]" in out
    listed = reasons.html()
    assert listed.count("<li") == 1 and "“Syria”, “Islamic”: 3+ syllables" in listed  # each word once
    assert Reasons().html() == ""  # no marks, no empty list


def test_reasons_are_escaped():
    from kit.render import Mark, highlight
    from kit.render.marks import Reasons

    reasons = Reasons()
    out = highlight('a "<b>" z', [Mark(2, 7, "quote", "<i>", 'say "<script>"')], reasons=reasons)
    assert "<script>" not in out + reasons.html() and "<b>" not in out + reasons.html()
    assert "&lt;script&gt;" in reasons.html() and "&lt;i&gt;" in out


def test_the_report_explains_a_score_off_its_scale():
    from kit.report import build_report

    report = build_report("Dogs run\n\nThe dog ran. The cat sat. We all had fun. It was a good day. We went home.\n")
    assert report.readability.scores["flesch_reading_ease"] > 100  # the formula's own number, never clipped
    page = render.to_html(report)
    assert "above 100, off the top of the 0-100 scale" in page and "below grade 0" in page
    plain = render.to_html(build_report((ROOT / "seeds" / "neutral_library_hours.txt").read_text(encoding="utf-8")))
    assert "off the top" not in plain and "below grade 0" not in plain  # in range: no note
