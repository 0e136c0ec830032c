"""Typing into a kit widget never reaches JupyterLab's shortcuts: the guard and how it reaches the page.

The browser test (tests/e2e) types into every kind of kit widget and checks the
notebook is unchanged; these tests check the pieces without a browser.
"""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from kit.lessons import keyboard


def test_the_guard_marks_keys_from_kit_widgets_for_lumino_to_ignore():
    js = keyboard.GUARD_JS
    # Lumino stops looking for a shortcut at an element with this attribute (its own mechanism)
    assert "data-lm-suppress-shortcuts" in js
    # capture phase: before JupyterLab's own keydown listener sees the event
    assert "addEventListener('keydown'" in js and js.rstrip().endswith("}, true);\n})();")
    assert '".kit-exercise, .kit-view"' in js  # the classes every kit widget carries
    assert "window.__kitKeyGuard" in js  # installed once per page, however many widgets show it
    assert "ctrlKey" in js and "metaKey" in js  # Ctrl+S still saves


@pytest.mark.parametrize("classes,expected", [(("kit-exercise",), True), (("kit-view",), True),
                                               (("other",), False), ((), False)])
def test_only_kit_widgets_get_the_guard(classes, expected):
    box = widgets.VBox([widgets.Dropdown(options=["a", "b"])])
    for c in classes:
        box.add_class(c)
    assert keyboard.is_kit_widget(box) is expected


class _Formatter:
    def __init__(self):
        self.printers = {}

    def for_type(self, cls, func):
        self.printers[cls] = func


def test_install_registers_a_display_hook_for_widgets(monkeypatch):
    formatter = _Formatter()

    class Shell:
        display_formatter = type("DF", (), {"ipython_display_formatter": formatter})()

    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: Shell())
    assert keyboard.install() is True
    assert formatter.printers[widgets.DOMWidget] is keyboard._show


def test_install_outside_ipython_does_nothing():
    assert keyboard.install() is False  # plain pytest: no shell, nothing registered


def test_a_kit_widget_is_shown_with_the_guard_first_and_others_as_before(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append((obj, raw)))
    kit = widgets.VBox()
    kit.add_class("kit-exercise")
    keyboard._show(kit)
    guard, view = shown
    assert "data-lm-suppress-shortcuts" in guard[0].data and "<script" in guard[0].data
    assert view[1] is True and "application/vnd.jupyter.widget-view+json" in view[0]
    assert view[0]["application/vnd.jupyter.widget-view+json"]["model_id"] == kit.model_id
    shown.clear()
    keyboard._show(widgets.Button())
    assert len(shown) == 1 and "application/vnd.jupyter.widget-view+json" in shown[0][0]
    shown.clear()
    closed = widgets.VBox()
    closed.add_class("kit-view")
    closed.close()
    keyboard._show(closed)  # a closed widget has no view any more: its text, never a traceback
    assert "text/plain" in shown[-1][0]


def test_every_kit_widget_of_the_lessons_carries_a_kit_class(seed_article):
    from kit import widgets as kw

    _q, sourcing, loaded = kw.analyse_all(seed_article)
    for w in (kw.AnatomyExplorer(seed_article), kw.LoadedHighlighter(seed_article, loaded),
              kw.loaded_words_view(loaded), kw.OwnArticleLab(), kw.OwnArticleLab().save_row, kw.SiftChecklist()):
        assert keyboard.is_kit_widget(w), type(w).__name__
