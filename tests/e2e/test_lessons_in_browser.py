"""Each lesson, opened in JupyterLab in headless Chromium, works as a student sees it.

For every notebook in lessons/ the test opens it in a private JupyterLab, runs
all cells from the Run menu, and then checks what is on the screen: no cell
shows a traceback, every widget rendered, plots are visible images, and an
exercise answers when it is used. A screenshot of each lesson is saved for
people to look at (see tests/e2e/README.md).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from .harness import SCREENSHOTS, LabServer, artifacts_dir, lesson_names, lessons_dir

pytestmark = pytest.mark.browser

# Upper bounds only: every wait ends as soon as its condition holds.
KERNEL_READY_TIMEOUT = 180  # s: first kernel start imports matplotlib, builds font cache
RUN_ALL_TIMEOUT = 600  # s: a whole lesson, on a slow classroom laptop
WIDGETS_TIMEOUT = 60  # s: "Loading widget..." placeholders must resolve
FEEDBACK_TIMEOUT = 30  # s: feedback after an answer
FIRST_TRY = 8  # s: wait for feedback before trying the next control (e.g. a Check button)
PAGE_HEIGHT = 4000  # px per screenshot of a long notebook

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
WIDGET_FAILURES = (
    "Loading widget...",
    "model not found",
    "Error displaying widget",
    "Error rendering widget",
    "Failed to load model class",
)
REWRITE_TEXT = "The president met the leaders and said the talks went well."

LESSONS = lesson_names()


def code_sources(name: str) -> list[str]:
    """Source of each non-blank code cell (the ones Run All executes)."""
    notebook = json.loads((lessons_dir() / name).read_text(encoding="utf-8"))
    sources = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if source.strip():
            sources.append(source)
    return sources


def uses_widgets(code: str) -> bool:
    return bool(re.search(r"\b(ipywidgets|widgets|interact\w*)\b", code))


def uses_plots(code: str) -> bool:
    return bool(re.search(r"\b(matplotlib|plt|plots)\b", code))


# -- waiting -----------------------------------------------------------------

def wait_until(condition, timeout: float, what: str, page=None, step: float = 0.25) -> None:
    """Poll `condition` until it is true; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        if page is not None:
            page.wait_for_timeout(step * 1000)  # lets Playwright process events
        else:
            time.sleep(step)


def accept_kernel_dialog(page) -> None:
    """If JupyterLab asks which kernel to use, take its default (the venv's Python)."""
    dialog = page.locator(".jp-Dialog .jp-mod-accept")
    if dialog.count() and dialog.first.is_visible():
        dialog.first.click()


KERNEL_STATE_JS = """
(panel) => {
    const p = document.querySelector(panel);
    if (!p) return null;
    const ind = p.querySelector('.jp-Notebook-ExecutionIndicator');
    const name = p.querySelector('.jp-Toolbar-kernelName');
    const bar = document.querySelector('#jp-main-statusbar');
    return {
        indicator: ind ? ind.getAttribute('data-status') : null,
        kernel: name ? name.textContent.trim() : null,
        statusbar: bar ? bar.textContent : '',
    };
}
"""


def kernel_ready(page) -> bool:
    """The notebook has a kernel and it is idle (before start-up the indicator also says idle)."""
    state = page.evaluate(KERNEL_STATE_JS, PANEL)
    return bool(
        state
        and state["indicator"] == "idle"
        and state["kernel"] not in (None, "", "No Kernel")
        and "| Idle" in state["statusbar"]
    )


def wait_for_idle_kernel(page) -> None:
    streak = [0]

    def idle() -> bool:
        accept_kernel_dialog(page)
        # Two idle readings in a row: the kernel has settled after start-up.
        streak[0] = streak[0] + 1 if kernel_ready(page) else 0
        return streak[0] >= 2

    wait_until(idle, KERNEL_READY_TIMEOUT, "the kernel to start and be idle", page)


RUN_STATE_JS = """
([panel, expected]) => {
    const p = document.querySelector(panel);
    if (!p) return {done: false};
    const ind = p.querySelector('.jp-Notebook-ExecutionIndicator');
    const idle = ind !== null && ind.getAttribute('data-status') === 'idle';
    // A cell whose source is hidden (the exercises) shows its number only next to its output.
    const prompts = [...p.querySelectorAll('.jp-CodeCell')].map(cell => {
        const input = cell.querySelector('.jp-InputArea-prompt');
        const output = cell.querySelector('.jp-OutputArea-prompt');
        const texts = [input, output].filter(el => el).map(el => el.textContent.trim());
        return texts.find(t => /\\[\\d+\\]/.test(t)) || texts.find(t => t.includes('*')) || texts[0] || '';
    });
    const running = prompts.some(t => t.includes('*'));
    let numbered = prompts.filter(t => /\\[\\d+\\]/.test(t)).length;
    // A display cell's code is collapsed (source_hidden) and a collapsed input has no prompt in the page:
    // count the cells that ran from the notebook's model (the test server exposes the app, conftest.py).
    const app = window.jupyterapp;
    const notebook = app && app.shell.currentWidget && app.shell.currentWidget.content;
    if (notebook && notebook.widgets) {
        numbered = notebook.widgets.filter(c => c.model.type === 'code' && c.model.executionCount !== null).length;
    }
    // Run All stops at the first error; the checks below report it.
    const failed = [...p.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
        .some(el => /Traceback|Error/.test(el.textContent));
    return {done: idle && !running && (numbered >= expected || failed),
            idle, running, numbered, expected, failed};
}
"""


def run_all_cells(page, expected: int) -> None:
    """Run > Run All Cells, as a student would, and wait until every cell has run."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    state: dict = {}

    def finished() -> bool:
        accept_kernel_dialog(page)
        state.update(page.evaluate(RUN_STATE_JS, [PANEL, expected]))
        return bool(state["done"])

    try:
        wait_until(finished, RUN_ALL_TIMEOUT, "Run All Cells to finish", page, step=0.5)
    except AssertionError as exc:
        raise AssertionError(f"{exc}; last state {state}") from None


# -- what the student sees ----------------------------------------------------

ERRORS_JS = """
(panel) => {
    const p = document.querySelector(panel);
    const found = [];
    p.querySelectorAll('.jp-Cell').forEach((cell, index) => {
        cell.querySelectorAll('.jp-OutputArea-output').forEach(out => {
            const text = out.textContent;
            const stderr = out.getAttribute('data-mime-type') === 'application/vnd.jupyter.stderr';
            if (/Traceback \\(most recent call last\\)/.test(text)
                    || (stderr && /Traceback|Error\\b/.test(text))) {
                found.push(`notebook cell ${index + 1} (counting text cells): ${text.trim().slice(0, 600)}`);
            }
        });
    });
    return found;
}
"""

WIDGET_TEXT_JS = """
([panel, failures]) => {
    const p = document.querySelector(panel);
    const text = p.querySelector('.jp-Notebook').textContent;
    return failures.filter(f => text.includes(f));
}
"""

# Text that JupyterLab typeset as maths: in kit output this is always a bug
# (two "$" signs in an article turn the words between them into italic maths).
MATH_JS = """
(panel) => {
    const found = [];
    document.querySelector(panel).querySelectorAll('.jp-Cell').forEach((cell, index) => {
        cell.querySelectorAll('.jp-OutputArea-output').forEach(out => {
            const maths = out.querySelector('mjx-container, .MathJax, .katex');
            if (maths) {
                found.push(`notebook cell ${index + 1} (counting text cells): "${maths.textContent.trim().slice(0, 80)}"`);
            }
        });
    });
    return found;
}
"""

IMAGES_JS = """
(panel) => [...document.querySelector(panel).querySelectorAll('.jp-OutputArea-output img')]
    .map(img => ({loaded: img.complete && img.naturalWidth > 0,
                  width: img.naturalWidth, height: img.naturalHeight}))
"""

# Tag each exercise and its feedback (inside it, else the next one after it).
TAG_EXERCISES_JS = """
(panel) => {
    const p = document.querySelector(panel);
    const exercises = [...p.querySelectorAll('.kit-exercise')];
    const feedbacks = [...p.querySelectorAll('.kit-feedback')];
    return exercises.map((ex, i) => {
        ex.setAttribute('data-e2e-exercise', String(i));
        let fb = ex.querySelector('.kit-feedback');
        if (!fb) {
            fb = feedbacks.find(f =>
                ex.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING) || null;
        }
        if (fb) fb.setAttribute('data-e2e-feedback', String(i));
        return fb !== null;
    });
}
"""


def feedback_text(page, index: int) -> str:
    return page.locator(f'[data-e2e-feedback="{index}"]').first.text_content() or ""


def exercise_actions(page, index: int) -> list:
    """What a student can do with exercise `index`, in the order they would try it.

    Each action does one thing and returns what it did, or None when the
    exercise has no such control. Buttons (Check, Analyse, ...) come last: many
    exercises answer as soon as a choice is made or text is typed, others need
    the button (which an earlier step may have enabled).
    """
    exercise = page.locator(f'[data-e2e-exercise="{index}"]')
    radios = exercise.locator('input[type="radio"]:not(:checked):not(:disabled)')
    toggles = exercise.locator(".widget-toggle-button:not(.mod-active):not(:disabled)")
    selects = exercise.locator("select:not(:disabled)")
    checkboxes = exercise.locator('input[type="checkbox"]:not(:disabled)')
    texts = exercise.locator('textarea:not(:disabled), input[type="text"]:not(:disabled)')
    # A file-upload button would open a file dialog; a student's text goes in the box instead.
    buttons = exercise.locator(
        "button:not(.widget-toggle-button):not(.widget-upload):not(:disabled)")

    def choose_radio() -> str | None:
        if not radios.count():
            return None
        radios.first.check()
        return "chose an answer (radio button)"

    def choose_toggle() -> str | None:
        if not toggles.count():
            return None
        toggles.first.click()
        return "chose an answer (toggle button)"

    def choose_option() -> str | None:
        if not selects.count():
            return None
        select = selects.first
        current = select.input_value()
        values = [v for v in select.locator("option").evaluate_all(
            "options => options.map(o => o.value)") if v != current]
        if not values:
            return None
        select.select_option(value=values[0])
        return "chose another option (dropdown)"

    def tick() -> str | None:
        if not checkboxes.count():
            return None
        checkboxes.first.click()
        return "ticked a checkbox"

    def type_text() -> str | None:
        if not texts.count():
            return None
        box = texts.first
        box.click()
        box.fill(REWRITE_TEXT)
        box.press("Tab")  # a text box without continuous_update sends its value on blur
        return "typed a sentence in the text box"

    def press_button() -> str | None:
        if not buttons.count():
            return None
        label = (buttons.first.text_content() or "").strip()
        buttons.first.click()
        return f"pressed {label!r}"

    return [choose_radio, choose_toggle, choose_option, tick, type_text, press_button]


def check_exercise(page, index: int) -> tuple[str, str | None]:
    """Use exercise `index` like a student until its feedback changes.

    Returns (what was done, problem or None).
    """
    before = feedback_text(page, index)
    page.locator(f'[data-e2e-exercise="{index}"]').scroll_into_view_if_needed()

    def changed() -> bool:
        return feedback_text(page, index) != before

    done: list[str] = []
    for action in exercise_actions(page, index):
        what = action()
        if what is None:
            continue
        done.append(what)
        try:
            wait_until(changed, FIRST_TRY, "feedback", page)
            return ", then ".join(done), None
        except AssertionError:
            continue  # try the next thing a student would try
    if not done:
        return "", f"exercise {index + 1}: no answer control (choice, text box or button) found"
    try:  # a slow answer still counts
        wait_until(changed, FEEDBACK_TIMEOUT, "feedback", page)
        return ", then ".join(done), None
    except AssertionError:
        return ", then ".join(done), (
            f"exercise {index + 1}: {', then '.join(done)}, but its feedback stayed {before.strip()!r}")


# Height of the notebook's content: the bottom of its last cell. (scrollHeight
# also counts the empty "scroll past the end" space JupyterLab adds below it.)
CONTENT_HEIGHT_JS = """
(sel) => {
    const s = document.querySelector(sel);
    if (!s) return 0;
    const top = s.getBoundingClientRect().top - s.scrollTop;
    const cells = [...s.querySelectorAll('.jp-Cell')];
    const bottom = Math.max(0, ...cells.map(c => c.getBoundingClientRect().bottom - top));
    return Math.ceil(bottom) + 40;
}
"""


def save_screenshots(page, stem: str) -> list[Path]:
    """Screenshot the whole notebook, in pages of at most PAGE_HEIGHT pixels for long lessons."""
    out = artifacts_dir()
    for old in out.glob(f"{stem}.png"):
        old.unlink()
    for old in out.glob(f"{stem}-[0-9][0-9].png"):
        old.unlink()
    scroller = f"{PANEL} .jp-WindowedPanel-outer"
    chrome = 200  # menu bar, tabs, toolbar and status bar around the notebook
    viewport_height = max(900, min(page.evaluate(CONTENT_HEIGHT_JS, scroller) + chrome, PAGE_HEIGHT))
    page.set_viewport_size({"width": 1280, "height": viewport_height})
    # JupyterLab lays itself out again on the next animation frame; measure after that.
    page.wait_for_function(
        "([sel, h]) => { const s = document.querySelector(sel); return !s || s.clientHeight > h; }",
        arg=[scroller, viewport_height - 400],
        timeout=30_000,
    )
    height = page.evaluate(CONTENT_HEIGHT_JS, scroller)
    visible = page.evaluate(
        "(sel) => { const s = document.querySelector(sel); return s ? s.clientHeight : 0; }",
        scroller,
    ) or viewport_height
    single = height <= visible
    paths = []
    offset, part = 0, 1
    while True:
        page.evaluate(
            "([sel, y]) => { const s = document.querySelector(sel); if (s) s.scrollTop = y; }",
            [scroller, offset],
        )
        # Two animation frames: the scrolled content has been painted.
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        path = out / (f"{stem}.png" if single else f"{stem}-{part:02d}.png")
        page.screenshot(path=str(path))
        paths.append(path)
        offset += visible - 100  # a little overlap, so no line is cut in half unseen
        part += 1
        if single or offset >= height or part > 60:
            break
    SCREENSHOTS.extend(paths)
    return paths


# -- the test -----------------------------------------------------------------

@pytest.mark.parametrize("lesson", LESSONS or ["(no lessons found)"])
def test_lesson_works_in_jupyterlab(lesson: str, lab_server: LabServer, browser_context) -> None:
    assert LESSONS, f"no notebooks in {lessons_dir()}; the lessons are what this test opens"
    sources = code_sources(lesson)
    code = "\n".join(sources)
    page = browser_context.new_page()
    page.set_default_timeout(60_000)
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    problems: list[str] = []
    stem = Path(lesson).stem
    try:
        # ?reset: a clean workspace, so only this lesson is open.
        page.goto(f"{lab_server.url}/lab/tree/{lesson}?reset&token={lab_server.token}")
        page.locator(PANEL).wait_for(timeout=KERNEL_READY_TIMEOUT * 1000)
        wait_for_idle_kernel(page)
        run_all_cells(page, expected=len(sources))

        problems += [f"error output in {e}" for e in page.evaluate(ERRORS_JS, PANEL)]
        problems += [
            f"output text typeset as maths (a '$' pair in HTML output; give the container "
            f"class=\"mathjax_ignore\") in {m}" for m in page.evaluate(MATH_JS, PANEL)
        ]

        if uses_widgets(code) or page.locator(f"{PANEL} .jupyter-widgets").count():
            def settled() -> bool:
                return "Loading widget..." not in (page.locator(f"{PANEL} .jp-Notebook").text_content() or "")

            try:
                wait_until(settled, WIDGETS_TIMEOUT, "widgets to load", page)
            except AssertionError:
                pass  # reported just below
            failures = page.evaluate(WIDGET_TEXT_JS, [PANEL, list(WIDGET_FAILURES)])
            problems += [f"a widget shows {text!r} instead of rendering" for text in failures]
            if page.locator(f"{PANEL} .jp-OutputArea-output .jupyter-widgets").count() == 0:
                problems.append("the code uses widgets but no widget rendered in any output")

        if uses_plots(code):
            images = page.evaluate(IMAGES_JS, PANEL)
            if not images:
                problems.append("the code draws plots but no image appears in any output")
            problems += [f"image {i + 1} did not load: {img}" for i, img in enumerate(images)
                         if not img["loaded"]]

        has_feedback = page.evaluate(TAG_EXERCISES_JS, PANEL)
        for index, found in enumerate(has_feedback):
            if not found:
                problems.append(f"exercise {index + 1} has no .kit-feedback element")
                continue
            action, problem = check_exercise(page, index)
            # What the student now reads, for people checking the lessons (-rA shows it).
            now = " ".join(feedback_text(page, index).split())[:160]
            print(f"exercise {index + 1}: {action or 'nothing to do'} -> {now!r}")
            if problem:
                problems.append(problem)
    finally:
        try:
            shots = save_screenshots(page, stem)
            print(f"screenshots of {lesson}: {', '.join(str(s) for s in shots)}")
        except Exception as exc:  # a screenshot failure must not hide the real one
            print(f"could not save a screenshot of {lesson}: {exc}")
        (artifacts_dir() / f"{stem}.console.txt").write_text("\n".join(console) + "\n", encoding="utf-8")
        page.close()
        try:
            lab_server.shutdown_kernels()
        except OSError:
            pass
    assert not problems, f"{lesson} as a student sees it:\n- " + "\n- ".join(problems)
