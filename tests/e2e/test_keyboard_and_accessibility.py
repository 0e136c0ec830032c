"""Every lesson with the keyboard and with axe-core, in JupyterLab's light and dark themes (issue 13).

For every notebook: open it, run all cells, then

1. **keyboard**: focus one control of every kind inside the kit's widgets (dropdown,
   text box, button, checkbox, radio button, toggle button) and type the letters of
   JupyterLab's command-mode shortcuts (`r` Raw cell, `m` Markdown, `y` code, `a`/`b`
   insert a cell, `x` cut, `dd` delete). The notebook must be unchanged: the same
   number of cells, each of the same type. A control check then presses `b` with
   the notebook itself focused, and a cell must appear: the test can fail;
2. **axe-core** over the kit's own output (every element with the class `kit-view`,
   `kit-exercise` or `kit-feedback`), in the light theme and again in the dark one:
   no serious or critical violation.

A third test renders the HTML report of the seed article and of the library story
and runs axe over the whole page, light and dark (`prefers-color-scheme`).

axe-core comes from the PyPI package axe-playwright-python (its `axe.min.js`), a
dev dependency: nothing is fetched at test time. Screenshots of the dark theme go
next to the others (`NN_name-dark.png`).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from .harness import SCREENSHOTS, artifacts_dir, lesson_names
from .test_lessons_in_browser import (
    CONTENT_HEIGHT_JS,
    KERNEL_READY_TIMEOUT,
    PANEL,
    code_sources,
    run_all_cells,
    wait_for_idle_kernel,
    wait_until,
)

pytestmark = pytest.mark.browser

LESSONS = lesson_names()
KIT = ".kit-view, .kit-exercise, .kit-feedback"
SHORTCUT_KEYS = ["r", "m", "y", "a", "b", "x", "d", "d", "c", "v"]
SERIOUS = ("serious", "critical")
# What a student can focus inside a kit widget, one locator per kind of control
CONTROLS = {
    "dropdown": "select",
    "text box": "textarea, input[type='text']",
    "button": "button:not(.widget-toggle-button):not(:disabled)",
    "checkbox": "input[type='checkbox']",
    "radio button": "input[type='radio']",
    "toggle button": ".widget-toggle-button",
}


def axe_source() -> str:
    """axe.min.js from the axe-playwright-python wheel (offline); skip with what to install when missing."""
    try:
        return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        pytest.skip("axe-core is missing: install the [dev] extra (`make test` does), which brings "
                    "axe-playwright-python and its axe.min.js")
    raise AssertionError("unreachable")


NOTEBOOK_SHAPE_JS = """
(panel) => [...document.querySelector(panel).querySelectorAll('.jp-Notebook .jp-Cell')].map(c =>
    c.classList.contains('jp-CodeCell') ? 'code' : c.classList.contains('jp-MarkdownCell') ? 'markdown'
    : c.classList.contains('jp-RawCell') ? 'raw' : 'other')
"""

# JupyterLab 4.6 wraps the page in a .jp-ThemedContainer of zero height; axe's colour-contrast rule then
# takes the notebook's text for hidden. Give it the height of what it holds (issue 13's tip).
UNHIDE_JS = """
() => document.querySelectorAll('.jp-ThemedContainer').forEach(el => {
    if (el.getBoundingClientRect().height === 0) { el.style.height = '100%'; el.style.minHeight = '100vh'; }
})
"""

AXE_RUN_JS = """
async ([selector]) => {
    const result = await axe.run({include: [...document.querySelectorAll(selector)]},
                                 {resultTypes: ['violations']});
    return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.html.slice(0, 160))}));
}
"""


def open_and_run(page, lab_server, lesson: str) -> None:
    page.goto(f"{lab_server.url}/lab/tree/{lesson}?reset&token={lab_server.token}")
    page.locator(PANEL).wait_for(timeout=KERNEL_READY_TIMEOUT * 1000)
    wait_for_idle_kernel(page)
    run_all_cells(page, expected=len(code_sources(lesson)))
    wait_until(lambda: "Loading widget..." not in (page.locator(PANEL).text_content() or ""), 60,
               "widgets to load", page)


def notebook_shape(page) -> list[str]:
    return page.evaluate(NOTEBOOK_SHAPE_JS, PANEL)


def type_into_every_kind_of_widget(page) -> list[str]:
    """Focus one control of each kind inside the kit's widgets and type the shortcut letters; what was typed into."""
    typed = []
    for kind, selector in CONTROLS.items():
        controls = page.locator(f"{PANEL} :is({KIT}) :is({selector})")
        if not controls.count():
            continue
        control = controls.first
        control.scroll_into_view_if_needed()
        control.focus()
        for key in SHORTCUT_KEYS:
            page.keyboard.press(key)
        page.wait_for_timeout(300)
        typed.append(kind)
    return typed


def full_height(page) -> None:
    """A viewport as tall as the notebook, so axe sees every cell on screen (not clipped by the scroller)."""
    scroller = f"{PANEL} .jp-WindowedPanel-outer"
    height = page.evaluate(CONTENT_HEIGHT_JS, scroller)
    page.set_viewport_size({"width": 1280, "height": max(900, min(height + 200, 30000))})
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def run_axe(page, selector: str = KIT) -> list[dict]:
    page.evaluate(axe_source())
    page.evaluate(UNHIDE_JS)
    return [v for v in page.evaluate(AXE_RUN_JS, [selector]) if v["impact"] in SERIOUS]


def switch_theme(page, name: str, light: bool) -> None:
    """Settings > Theme > `name`, through the app's command (the test server exposes it), else the menu."""
    if not page.evaluate("(t) => { const app = window.jupyterapp; if (!app) return false; "
                         "app.commands.execute('apputils:change-theme', {theme: t}); return true; }", name):
        page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Settings$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Theme$")).first.hover()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(name)}$")).first.click()
    want = "true" if light else "false"
    page.wait_for_function(f"() => document.body.dataset.jpThemeLight === '{want}'", timeout=30_000)
    page.wait_for_timeout(500)


def describe(violations: list[dict]) -> str:
    return "\n".join(f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
                     for v in violations)


@pytest.mark.parametrize("lesson", LESSONS or ["(no lessons found)"])
def test_typing_and_axe_in_both_themes(lesson: str, lab_server, browser_context) -> None:
    assert LESSONS, "no notebooks to test"
    axe_source()  # skip early, before a slow Run All, when axe is not installed
    page = browser_context.new_page()
    page.set_default_timeout(60_000)
    stem = Path(lesson).stem
    problems: list[str] = []
    try:
        open_and_run(page, lab_server, lesson)
        before = notebook_shape(page)
        assert len(before) == len(json.loads((lab_server.root / lesson).read_text(encoding="utf-8"))["cells"]), \
            f"the test sees {len(before)} cells, not the lesson's: fix NOTEBOOK_SHAPE_JS"
        typed = type_into_every_kind_of_widget(page)
        after = notebook_shape(page)
        print(f"{lesson}: typed {' '.join(SHORTCUT_KEYS)} into: {', '.join(typed) or 'no kit widget'}")
        if after != before:
            problems.append(f"typing into a kit widget ({', '.join(typed)}) changed the notebook: "
                            f"{len(before)} cells {before} became {len(after)} cells {after}")
        if typed:  # the control: the same keys on the notebook itself do change it, so the check can fail
            page.locator(f"{PANEL} .jp-Notebook .jp-Cell .jp-InputPrompt").first.click()
            page.keyboard.press("Escape")
            page.keyboard.press("b")
            wait_until(lambda: len(notebook_shape(page)) == len(before) + 1, 10,
                       "'b' on the notebook itself to insert a cell (the control)", page)
            page.keyboard.press("d")
            page.keyboard.press("d")  # and take it away again, so the rest of the test sees the lesson
            wait_until(lambda: len(notebook_shape(page)) == len(before), 10, "'dd' to delete it", page)
        for theme, light in (("JupyterLab Light", True), ("JupyterLab Dark", False)):
            if not light:
                switch_theme(page, theme, light)
            full_height(page)
            found = run_axe(page)
            print(f"{lesson} ({theme}): {len(found)} serious or critical axe violations in the kit's output")
            if found:
                problems.append(f"axe, {theme}, serious or critical in the kit's output:\n{describe(found)}")
            if not light:
                path = artifacts_dir() / f"{stem}-dark.png"
                page.screenshot(path=str(path), full_page=False)
                SCREENSHOTS.append(path)
    finally:
        try:
            switch_theme(page, "JupyterLab Light", True)  # the next lesson starts in the default theme
        except Exception:  # noqa: BLE001 - a failed switch back must not hide the real problem
            pass
        page.close()
        try:
            lab_server.shutdown_kernels()
        except OSError:
            pass
    assert not problems, f"{lesson}:\n" + "\n".join(problems)


@pytest.mark.parametrize("seed", ["pravda_putin_syria_csto.txt", "neutral_library_hours.txt"])
def test_the_html_report_passes_axe_light_and_dark(seed: str, browser_context, tmp_path) -> None:
    from kit import render
    from kit.lessons.seeds import load_seed
    from kit.report import build_report

    page_file = tmp_path / "report.html"
    page_file.write_text(render.to_html(build_report(load_seed(seed), seed)), encoding="utf-8")
    page = browser_context.new_page()
    try:
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.goto(page_file.as_uri())
            page.set_viewport_size({"width": 1280, "height": min(30000, page.evaluate(
                "() => document.documentElement.scrollHeight") + 50)})
            page.evaluate(axe_source())
            found = [v for v in page.evaluate(AXE_RUN_JS, ["main"]) if v["impact"] in SERIOUS]
            assert not found, f"{seed} report, {scheme}: \n{describe(found)}"
            landmarks = page.evaluate("() => document.querySelectorAll('main').length")
            assert landmarks == 1
            # the reason of a mark is on screen once the mark has keyboard focus (no hover needed)
            mark = page.locator("mark[data-why]").first
            mark.focus()
            shown = page.evaluate("() => getComputedStyle(document.activeElement, '::after').content")
            assert json.loads(shown).startswith("1. ") if shown.startswith('"') else False, shown
            path = artifacts_dir() / f"report-{Path(seed).stem}-{scheme}.png"
            page.screenshot(path=str(path))
            SCREENSHOTS.append(path)
    finally:
        page.close()


LIVE_REGION = "03_who_speaks.ipynb"
LIVE_QUESTION = "Name at least one voice that is missing"
MARK_REGION_JS = """(ex) => {
    const r = ex.querySelector('.kit-feedback [role="status"][aria-live="polite"]');
    if (!r) return false;
    r.dataset.kitSeen = "yes";  // the same element must still be there, with this mark, after the next verdict
    return true;
}"""
REGION_JS = """(ex) => {
    const r = ex.querySelector('.kit-feedback [role="status"][aria-live="polite"]');
    return r ? {same: r.dataset.kitSeen === "yes", nested: r.querySelectorAll('[role="status"]').length,
                text: r.textContent} : null;
}"""


def test_feedback_is_one_live_region_that_stays_while_the_verdicts_change(lab_server, browser_context) -> None:
    """A screen reader announces a change inside a live region that is already in the page; a region that is
    itself replaced on every verdict is often read out by none. Two verdicts, one and the same region."""
    page = browser_context.new_page()
    page.set_default_timeout(60_000)
    try:
        open_and_run(page, lab_server, LIVE_REGION)
        exercise = page.locator(f"{PANEL} .kit-exercise").filter(has=page.get_by_label(LIVE_QUESTION))
        box = exercise.get_by_label(LIVE_QUESTION)
        box.scroll_into_view_if_needed()
        assert exercise.evaluate(MARK_REGION_JS), "no role=status, aria-live=polite element in the feedback"
        seen = []
        for answer in ("un un un say", "Refugees are missing. A fair report would interview some of them."):
            box.fill(answer)
            box.press("Tab")  # the box sends its value when the student leaves it
            wait_until(lambda: (exercise.evaluate(REGION_JS) or {}).get("text", "").strip() not in ("", *seen), 30,
                       "a new verdict in the live region", page)
            state = exercise.evaluate(REGION_JS)
            assert state["same"], "the live region was replaced by a new element"
            assert state["nested"] == 0, "a live region inside the live region"
            seen.append(state["text"].strip())
        assert "Not quite" in seen[0] and "✔ Yes" in seen[1], seen
    finally:
        page.close()
        try:
            lab_server.shutdown_kernels()
        except OSError:
            pass
