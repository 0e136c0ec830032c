"""Feedback for every exercise and lab: a word and a symbol first, then the message.

Feedback never relies on colour alone: it starts with a word ("Yes", "Not
quite", "Compare", "Hint") and a symbol. "✔ Yes." is shown only for the
status "correct"; "check" (the kit cannot judge the meaning) shows the model
answer and the self-check list instead, and "incorrect" shows what the
problem is, never the model answer. Every exercise's feedback is an
`ipywidgets.HTML` carrying the CSS class `kit-feedback` (the browser tests
look for it). It is a `LiveRegion`: an element with `role="status"` that stays
in the page while only its content changes, so a screen reader announces each
new verdict. (ipywidgets' `HTML` replaces its whole inner markup on every
change, so a live region written into its value was a new element each time,
which screen readers often do not announce.)

`STYLE` is the exercises' own small stylesheet (kit.css belongs to the
views): option targets at least 24 px high, questions as the labels of their
boxes, and the "run this cell again" note that appears only when JupyterLab
marks a widget as disconnected from its kernel.
"""

from __future__ import annotations

import html

import anywidget
import ipywidgets as widgets
import traitlets

from kit.grading import Feedback

RIGHT = "✔ Yes."
WRONG = "✘ Not quite."
CHECK = "Compare:"
HINT = "Hint:"  # no emoji: school machines often lack an emoji font (it shows as an empty box)
PROBLEM = "⚠ The kit cannot analyse this:"

SAVED = "Saved:"
_COLOURS = {"right": "#006644", "wrong": "#8a3b00", "hint": "#333333", "error": "#8a3b00", "check": "#0b4f8a",
            "saved": "#006644"}
_HEADS = {"right": RIGHT, "wrong": WRONG, "hint": HINT, "error": PROBLEM, "check": CHECK, "saved": SAVED}
_KIND = {"correct": "right", "incorrect": "wrong", "check": "check"}
# problems that mean "not an attempt yet": a hint, not a mark
NOT_YET = frozenset({"empty", "dont_know", "incomplete"})

STALE = ("This exercise has lost its connection to Python (the kernel was restarted or stopped), so it cannot "
         "check answers now. Run this cell again (Shift+Enter): your saved answers come back.")

# Scoped to the exercises' own classes; JupyterLab adds `jupyter-widgets-disconnected` to every widget view
# whose kernel side is gone (a restart, or a widget restored from a saved notebook); the exercise shows one note
# instead of ipywidgets' broken-link icon on each of its parts.
STYLE = """<style>
.kit-exercise .widget-radio-box label, .kit-exercise .widget-radio-box input {min-height: 24px;}
.kit-exercise .widget-radio-box label {display: flex; align-items: center; gap: 0.4em;
  white-space: normal; line-height: 1.3; padding: 2px 0;}
.kit-exercise .widget-radio-box input {width: 18px; height: 18px; margin: 3px;}
.kit-exercise .kit-stacked {flex-direction: column; align-items: flex-start;}
.kit-exercise .kit-stacked > .widget-label {max-width: none; width: auto; white-space: normal;
  font-weight: bold; line-height: 1.4; margin-bottom: 0.3em; text-align: left;}
.kit-exercise .kit-row > .widget-label {max-width: 40em; width: auto; white-space: normal; text-align: left;}
.kit-exercise select, .kit-exercise button {min-height: 28px;}
.kit-exercise .kit-stale {display: none;}
.kit-exercise.jupyter-widgets-disconnected .kit-stale {display: block;}
.kit-exercise.jupyter-widgets-disconnected::before, .kit-exercise .jupyter-widgets-disconnected::before {
  content: none; display: none;}
</style>"""


def feedback_html(kind: str, message: str) -> str:
    """Feedback as escaped HTML (`kind`: right, wrong, check, hint, saved or error); colour is a bonus."""
    colour = _COLOURS.get(kind, "#333333")
    head = _HEADS.get(kind, "")
    return _box(colour, f"<strong>{html.escape(head)}</strong> {html.escape(message)}")


def verdict_html(fb: Feedback, note: str = "") -> str:
    """A Feedback as the student sees it; `note` (escaped) is added under it (tries, where it is saved)."""
    if fb.status == "incorrect" and fb.problem in NOT_YET:
        kind = "hint"
    else:
        kind = _KIND[fb.status]
    colour = _COLOURS[kind]
    parts = [f"<strong>{html.escape(_HEADS[kind])}</strong> {html.escape(fb.message)}"]
    if fb.status == "check":
        if fb.model_answer:
            parts.append(f"<p><strong>A model answer:</strong> {html.escape(fb.model_answer)}</p>")
        if fb.self_check:
            items = "".join(f"<li>{html.escape(s)}</li>" for s in fb.self_check)
            parts.append("<p>Go through these points one by one, for your answer and the model answer:</p>"
                         f"<ol>{items}</ol><p>Change your answer where it misses a point, then check it again.</p>")
    if note:
        parts.append(f"<p><small>{html.escape(note)}</small></p>")
    return _box(colour, "".join(parts))


def _box(colour: str, inner: str) -> str:
    """Feedback's frame: a coloured bar on the left (the word and symbol inside carry the meaning)."""
    return f'<div style="border-left:4px solid {colour};padding:0.2em 0.6em;margin:0.3em 0">{inner}</div>'


class LiveRegion(anywidget.AnyWidget):
    """HTML (`value`, written by the kit and already escaped) inside a `role="status"` element that stays put.

    The element exists, empty, before the first verdict and is never replaced, so a screen reader reads
    each new content as it arrives (the way ARIA live regions are meant to work).
    """

    _esm = """
export default {
  render({ model, el }) {
    const region = document.createElement("div");
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    region.className = "kit-live";
    el.appendChild(region);
    const show = () => { region.innerHTML = model.get("value"); };
    show();
    model.on("change:value", show);
  }
};
"""
    value = traitlets.Unicode("").tag(sync=True)


def new_feedback() -> LiveRegion:
    """An empty feedback area with the `kit-feedback` class: a live region, so later text is announced."""
    fb = LiveRegion()
    fb.add_class("kit-feedback")
    return fb


def question_html(text: str) -> widgets.HTML:
    """The exercise's question in bold (escaped)."""
    return widgets.HTML(value=f"<p><strong>{html.escape(text)}</strong></p>")


def style_and_stale() -> list[widgets.HTML]:
    """The exercises' stylesheet and the hidden "run this cell again" note: the first children of an exercise."""
    stale = widgets.HTML(value=f'<p role="alert"><strong>⚠ {html.escape(STALE)}</strong></p>')
    stale.add_class("kit-stale")
    return [widgets.HTML(value=STYLE), stale]


def stacked(w: widgets.DOMWidget) -> widgets.DOMWidget:
    """Show a control's `description` (its accessible name: the question) above it, in full."""
    w.add_class("kit-stacked")
    return w


def short(s: str, n: int = 60) -> str:
    """`s` cut to `n` characters, the last one an ellipsis if anything was cut."""
    return s if len(s) <= n else s[: n - 1] + "…"


def clip(s: str, n: int) -> str:
    """Like `short`, with runs of white space (line breaks too) collapsed to one space first."""
    return short(" ".join(s.split()), n)
