"""Feedback for every exercise and lab: a word and a symbol first, then the message.

Feedback never relies on colour alone: it starts with a word ("Yes", "Not
quite", "Hint") and a symbol. Every exercise's feedback is an `ipywidgets.HTML`
carrying the CSS class `kit-feedback` (the browser tests look for it).
"""

from __future__ import annotations

import html

import ipywidgets as widgets

RIGHT = "✔ Yes."
WRONG = "✘ Not quite."
HINT = "Hint:"  # no emoji: school machines often lack an emoji font (it shows as an empty box)
PROBLEM = "⚠ The kit cannot analyse this:"

_COLOURS = {"right": "#006644", "wrong": "#8a3b00", "hint": "#333333", "error": "#8a3b00"}
_HEADS = {"right": RIGHT, "wrong": WRONG, "hint": HINT, "error": PROBLEM}


def feedback_html(kind: str, message: str) -> str:
    """Feedback as escaped HTML (`kind`: right, wrong, hint or error); colour is a bonus."""
    colour = _COLOURS.get(kind, "#333333")
    head = _HEADS.get(kind, "")
    return (f'<div style="border-left:4px solid {colour};padding:0.2em 0.6em;margin:0.3em 0">'
            f"<strong>{html.escape(head)}</strong> {html.escape(message)}</div>")


def new_feedback() -> widgets.HTML:
    """An empty feedback area with the `kit-feedback` class."""
    fb = widgets.HTML(value="")
    fb.add_class("kit-feedback")
    return fb


def question_html(text: str) -> widgets.HTML:
    """The exercise's question in bold (escaped)."""
    return widgets.HTML(value=f"<p><strong>{html.escape(text)}</strong></p>")


def short(s: str, n: int = 60) -> str:
    """`s` cut to `n` characters, the last one an ellipsis if anything was cut."""
    return s if len(s) <= n else s[: n - 1] + "…"


def clip(s: str, n: int) -> str:
    """Like `short`, with runs of white space (line breaks too) collapsed to one space first."""
    return short(" ".join(s.split()), n)
