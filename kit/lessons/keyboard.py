"""Typing into a kit widget never reaches JupyterLab's command-mode shortcuts.

Why it happens: in command mode JupyterLab (Lumino) matches every keystroke
against its shortcuts, walking from the focused element up to the page. It
leaves text boxes alone (they make the notebook `jp-mod-readWrite`), but a
focused dropdown, checkbox, radio button or button is not "editable" for it:
typing `r` in lesson 01's role dropdown turned the exercise cell into a Raw
cell, `b` inserted a cell. Lumino stops that walk at an element carrying the
attribute `data-lm-suppress-shortcuts` (its own way to keep keys for a widget).

The one mechanism: a small script, installed once per page, listens to every
keydown in the capture phase (before Lumino, which listens while the event
bubbles) and, when the key comes from inside an element with the class
`kit-exercise` or `kit-view`, puts that attribute on the focused element. The
widget still gets the key (the dropdown jumps to "related link"); JupyterLab
does not. Keys with Ctrl, Alt or Cmd still reach JupyterLab (Ctrl+S saves).

How it reaches the page: importing `kit.lessons` registers a display hook for
ipywidgets, so every kit widget (any widget with one of those classes: the
exercises, labs and explorers) is shown with the script in front of it, in an
empty HTML output. Widgets without the classes are shown exactly as before.
"""

from __future__ import annotations

import json
from typing import Any

KIT_CLASSES = frozenset({"kit-exercise", "kit-view"})
SELECTOR = ", ".join(f".{c}" for c in sorted(KIT_CLASSES))
SUPPRESS = "data-lm-suppress-shortcuts"

GUARD_JS = ("(() => {\n"
            "  if (window.__kitKeyGuard) return;\n"
            "  window.__kitKeyGuard = true;\n"
            "  document.addEventListener('keydown', (event) => {\n"
            "    const target = event.target;\n"
            f"    if (!(target instanceof Element) || !target.closest({json.dumps(SELECTOR)})) return;\n"
            "    if (event.ctrlKey || event.metaKey || event.altKey) {\n"
            f"      target.removeAttribute({json.dumps(SUPPRESS)});\n"
            "    } else {\n"
            f"      target.setAttribute({json.dumps(SUPPRESS)}, 'true');\n"
            "    }\n"
            "  }, true);\n"
            "})();")
GUARD_HTML = f'<script data-kit="keyboard-guard">\n{GUARD_JS}\n</script>'


def is_kit_widget(widget: Any) -> bool:
    """True for a widget that carries one of the kit's CSS classes."""
    return bool(KIT_CLASSES & set(getattr(widget, "_dom_classes", ()) or ()))


def _show(widget: Any) -> None:
    """The display hook: the guard script first for a kit widget, then the widget as ipywidgets shows it."""
    from IPython.display import HTML, display

    if is_kit_widget(widget):
        display(HTML(GUARD_HTML))
    mimebundle = getattr(widget, "_repr_mimebundle_", None)  # None once the widget is closed
    bundle = mimebundle() if callable(mimebundle) else None
    display(bundle or {"text/plain": repr(widget)}, raw=True)


def install() -> bool:
    """Register the display hook in the running IPython (once); False outside IPython or without widgets."""
    try:
        from IPython import get_ipython
        import ipywidgets
    except ImportError:  # pragma: no cover - the lessons extra installs both
        return False
    shell = get_ipython()
    if shell is None:
        return False
    formatter = shell.display_formatter.ipython_display_formatter
    formatter.for_type(ipywidgets.DOMWidget, _show)
    return True
