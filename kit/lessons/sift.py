"""Lesson 07's SIFT checklist: four moves before you trust a story, each ticked with a note of what was found.

A note must say something: "ok" or "done" is not praised; the checklist asks
for a sentence or two instead (`is_real_note`).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from kit.lessons.feedback import feedback_html, new_feedback
from kit.errors import KitOutputError
from kit.lessons.work import LessonWork, WorkFileError
from kit.render import markdown_escape

SIFT_ID = "07-sift"  # its entry in my_work/07_your_own_article.json

MIN_NOTE_WORDS = 4  # "ok" or "done" is not a note: a SIFT note says what was found, in a sentence

SIFT = (  # (move, what the student does)
    ("Stop", ("Before you read on or share: do you know this outlet and its reputation? "
              "Notice how the story makes you feel.")),
    ("Investigate the source", ("Open a new tab and look up the outlet and the author (not on their own "
                                "site): who owns it, what do others say about it?")),
    ("Find better coverage", ("Search for the same event: do reliable outlets report it, and what do "
                              "they say differently?")),
    ("Trace claims to the original", ("Pick one claim or quote and follow it back to where it first "
                                      "appeared: the speech, the report, the study.")),
)


class SiftChecklist(widgets.VBox):
    """The SIFT moves for judging a source: tick each one and write what you found."""

    def __init__(self, lesson: str | None = None, folder: Path | None = None) -> None:
        """With `lesson`, the ticks and notes are kept in my_work/<lesson>.json and come back on a rerun."""
        self.work = LessonWork(lesson, folder) if lesson else None
        self.problem = ""  # why the notes could not be kept, when they could not
        self.checks: list[widgets.Checkbox] = []
        self.notes: list[widgets.Textarea] = []
        rows = []
        for i, (move, what) in enumerate(SIFT):
            c = widgets.Checkbox(value=False, description=f"{i + 1}. {move}", indent=False,
                                 layout=widgets.Layout(width="auto"))
            t = widgets.Textarea(placeholder="What did you find? (a sentence or two)", rows=2,
                                 continuous_update=False, layout=widgets.Layout(width="95%"))
            self.checks.append(c)
            self.notes.append(t)
            rows += [c, widgets.HTML(f"<small>{html.escape(what)}</small>"), t]
        self.feedback = new_feedback()
        super().__init__([widgets.HTML("<p><strong>SIFT: four moves before you trust a story.</strong></p>"),
                          *rows, self.feedback])
        self.add_class("kit-exercise")
        self._restore()  # before observing, so restoring is not saved again
        for c, t in zip(self.checks, self.notes):
            c.observe(self._changed, names="value")
            t.observe(self._changed, names="value")
        self._update()

    def _restore(self) -> None:
        if self.work is None:
            return
        try:
            entry = self.work.entry(SIFT_ID) or {}
        except WorkFileError as exc:  # a broken file is named, never overwritten
            self.problem, self.work = str(exc), None
            return
        for c, ticked in zip(self.checks, entry.get("ticks", [])):
            c.value = bool(ticked)
        for t, note in zip(self.notes, entry.get("notes", [])):
            t.value = str(note)

    def _changed(self, change: Any = None) -> None:
        if self.work is not None:
            try:
                self.work.save(SIFT_ID, {"ticks": [c.value for c in self.checks],
                                         "notes": [t.value for t in self.notes]})
            except (WorkFileError, KitOutputError) as exc:
                self.problem = str(exc)
        self._update()

    def _update(self, change: Any = None) -> None:
        done = [c.value for c in self.checks]
        noted = [is_real_note(t.value) for t in self.notes]
        thin = [SIFT[i][0] for i, t in enumerate(self.notes) if t.value.strip() and not noted[i]]
        empty = [SIFT[i][0] for i, (d, n) in enumerate(zip(done, noted)) if d and not n]
        progress = f"{sum(done)} of 4 moves ticked, notes for {sum(noted)}"
        if thin:
            self.feedback.value = feedback_html(
                "hint", f"{progress}. Your note for '{thin[0]}' is too short to show what you found: write a "
                        "sentence or two (what did you look up, and what did it say?).")
        elif empty:
            self.feedback.value = feedback_html("hint", f"{progress}. You ticked '{empty[0]}': write down what "
                                                        "you found, so you can show it later.")
        elif all(done):
            self.feedback.value = feedback_html("right", "all four moves done, with notes. Save your report below.")
        else:
            left = [SIFT[i][0] for i, d in enumerate(done) if not d]
            self.feedback.value = feedback_html("hint", f"{progress}; next: {left[0]}.")
        if self.problem:  # the notes still show and still go into the saved report
            self.feedback.value += feedback_html("error", f"your notes are not being kept: {self.problem}")

    def to_markdown(self) -> str:
        """The checklist and notes as a Markdown section (for the saved .md report)."""
        out = ["## SIFT checklist", ""]
        for (move, _what), c, t in zip(SIFT, self.checks, self.notes):
            out.append(f"- [{'x' if c.value else ' '}] **{move}**: {markdown_escape(t.value.strip()) or '(no notes)'}")
        return "\n".join(out) + "\n"

    def to_html(self) -> str:
        """The checklist and notes as an escaped HTML section (for the saved .html report)."""
        items = "".join(
            f"<li>{'&#9745;' if c.value else '&#9744;'} <strong>{html.escape(move)}</strong>: "
            f"{html.escape(t.value.strip()) or '(no notes)'}</li>"
            for (move, _w), c, t in zip(SIFT, self.checks, self.notes))
        return f"<section><h2>SIFT checklist</h2><ul>{items}</ul></section>"


def is_real_note(text: str) -> bool:
    """A note that says something: at least MIN_NOTE_WORDS words ("ok", "done", "yes I did" are not)."""
    return len([w for w in text.split() if any(ch.isalpha() for ch in w)]) >= MIN_NOTE_WORDS
