"""A student's answer survives "Restart Kernel and Run All", and a reopened lesson greets nobody with an error.

Lesson 03 in the private JupyterLab: type an answer into the missing-voice
exercise (found by its label, the question: its accessible name), then
Kernel > Restart Kernel and Run All Cells, and the answer and its verdict are
back (from my_work/03_who_speaks.json). Then the notebook is saved, its kernel
stopped and the lesson opened again: the exercises are drawn from the saved
widget state (binder/jupyterlab-settings.json: saveState) with the note "Run
this cell again", never "Error displaying widget: model not found".
"""

from __future__ import annotations

import json
import re

import pytest

from .harness import LabServer
from .test_lessons_in_browser import (
    KERNEL_READY_TIMEOUT,
    PANEL,
    RUN_ALL_TIMEOUT,
    WIDGET_FAILURES,
    accept_kernel_dialog,
    code_sources,
    run_all_cells,
    save_screenshots,
    wait_for_idle_kernel,
    wait_until,
)

pytestmark = pytest.mark.browser

LESSON = "03_who_speaks.ipynb"
QUESTION = "Name at least one voice that is missing"
ANSWER = "Refugees are missing. A fair report would interview some of them."


def _box(page):
    return page.locator(PANEL).get_by_label(QUESTION)


def _exercise(page):
    # the inner locator is matched inside each exercise, so it must not start from the notebook panel
    return page.locator(f"{PANEL} .kit-exercise").filter(has=page.get_by_label(QUESTION))


def test_an_answer_survives_restart_and_run_all_and_reopening(lab_server: LabServer, browser_context) -> None:
    page = browser_context.new_page()
    page.set_default_timeout(60_000)
    expected = len(code_sources(LESSON))
    try:
        page.goto(f"{lab_server.url}/lab/tree/{LESSON}?reset&token={lab_server.token}")
        page.locator(PANEL).wait_for(timeout=KERNEL_READY_TIMEOUT * 1000)
        wait_for_idle_kernel(page)
        run_all_cells(page, expected=expected)

        box = _box(page)
        box.scroll_into_view_if_needed()
        box.fill(ANSWER)
        box.press("Tab")  # the box sends its value when the student leaves it
        exercise = _exercise(page)
        wait_until(lambda: "Saved in my_work/03_who_speaks.json" in (exercise.text_content() or ""), 60,
                   "the answer to be saved", page)
        saved = json.loads((lab_server.root / "my_work" / "03_who_speaks.json").read_text(encoding="utf-8"))
        assert saved["answers"]["03-missing-voice"]["value"] == ANSWER

        # Kernel > Restart Kernel and Run All Cells..., and confirm, as a student would
        page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Kernel$")).click()
        page.locator('.lm-Menu-item[data-command="runmenu:restart-and-run-all"]').click()
        page.locator(".jp-Dialog .jp-mod-accept").click()
        wait_until(lambda: "is back" in (_exercise(page).text_content() or ""), RUN_ALL_TIMEOUT,
                   "the exercise to run again and restore the answer", page, step=0.5)
        accept_kernel_dialog(page)
        run_all_cells_done(page, expected)
        assert _box(page).input_value() == ANSWER
        shown = _exercise(page).text_content() or ""
        assert "✔ Yes" in shown and "Right on the first try." in shown, shown

        # save, stop the kernel, open the lesson again: no "model not found", a note to run the cell instead
        page.keyboard.press("Control+s")
        wait_until(lambda: not page.locator(f"{PANEL} .jp-mod-dirty").count(), 30, "the notebook to be saved", page)
        page.wait_for_timeout(1000)
        notebook = json.loads((lab_server.root / LESSON).read_text(encoding="utf-8"))
        assert "application/vnd.jupyter.widget-state+json" in notebook["metadata"].get("widgets", {}), (
            "the widget state was not saved in the notebook (saveState)")
        lab_server.shutdown_kernels()
        page.close()
        page = browser_context.new_page()
        page.goto(f"{lab_server.url}/lab/tree/{LESSON}?reset&token={lab_server.token}")
        page.locator(PANEL).wait_for(timeout=KERNEL_READY_TIMEOUT * 1000)
        wait_for_idle_kernel(page)
        wait_until(lambda: "Loading widget..." not in (page.locator(f"{PANEL} .jp-Notebook").text_content() or ""),
                   60, "the saved widgets to be drawn", page)
        text = page.locator(f"{PANEL} .jp-Notebook").text_content() or ""
        assert not [f for f in WIDGET_FAILURES if f in text], text[:500]
        stale = _exercise(page).locator(".kit-stale")
        assert stale.is_visible() and "Run this cell again" in (stale.text_content() or "")
        # one note, not also ipywidgets' red broken-link icon drawn before the disconnected exercise
        assert "jupyter-widgets-disconnected" in (_exercise(page).get_attribute("class") or "")
        icon = _exercise(page).evaluate("el => getComputedStyle(el, '::before').content")
        assert icon in ("none", "normal"), f"a broken-link icon is drawn before the exercise: {icon}"
        assert _box(page).input_value() == ANSWER  # what the student typed is still on the page
    finally:
        try:
            save_screenshots(page, "03_who_speaks-work-kept")
        except Exception as exc:  # a screenshot failure must not hide the real one
            print(f"could not save a screenshot: {exc}")
        page.close()
        try:
            lab_server.shutdown_kernels()
        except OSError:
            pass


def run_all_cells_done(page, expected: int) -> None:
    """Wait for the restarted run to finish (every code cell numbered again, the kernel idle)."""
    from .test_lessons_in_browser import RUN_STATE_JS

    wait_until(lambda: page.evaluate(RUN_STATE_JS, [PANEL, expected])["done"], RUN_ALL_TIMEOUT,
               "Restart and Run All to finish", page, step=0.5)
