"""A lesson's answers (and lesson 07's SIFT notes) as one Markdown and one HTML page to hand in.

`export_work("03")` reads `my_work/03_who_speaks.json` and writes
`my_work/03_who_speaks_answers.md` and `.html`, replacing the previous export
(the pages are made from my_work/, which keeps the answers themselves).
Everything a student typed is escaped: in the HTML with `html.escape`, in the
Markdown with a backslash before every ASCII punctuation mark, so a link, an
image or a tag in an answer stays text and never becomes live.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import HTML

from kit.errors import KitInputError, KitOutputError
from kit.files import write_replace
from kit.grading import exercise_ids, spec
from kit.lessons.feedback import feedback_html, new_feedback
from kit.lessons.work import LessonWork, shown, work_folder

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation mark: CommonMark lets each be escaped
VERDICTS = {"correct": "right", "incorrect": "not right yet", "check": "compared with the model answer",
            None: "a draft, not checked yet"}


def md_escape(text: str) -> str:
    """`text` as literal Markdown: no link, image, tag, emphasis or heading can come out of it."""
    return _PUNCT.sub(r"\\\1", text)


def lesson_name(lesson: str) -> str:
    """'03' or '03_who_speaks' -> '03_who_speaks' (the lesson's name in the exercise data)."""
    names = sorted({spec(i)["lesson"] for i in exercise_ids()})
    found = [n for n in names if n == lesson or n[:2] == str(lesson)[:2]]
    if not found:
        raise KitInputError(f"there is no lesson {lesson!r}; the lessons are {', '.join(n[:2] for n in names)}")
    return found[0]


def _answer_lines(value: Any) -> list[str]:
    """A saved answer as lines of plain text (a dropdown's rows, a list of picked words, a text)."""
    if isinstance(value, dict):
        return [f"{line}: {choice}" for line, choice in value.items()]
    if isinstance(value, list):
        return [", ".join(str(v) for v in value)]
    return str(value).splitlines() or [""]


def _tries(entry: dict[str, Any]) -> str:
    solved = entry.get("solved_on")
    tries = entry.get("tries") or 0
    return f"right on try {solved}" if solved else f"{tries} tr{'y' if tries == 1 else 'ies'}"


def sift_notes() -> list[tuple[str, bool, str]]:
    """(move, ticked, notes) of the SIFT checklists open in this kernel (lesson 07), oldest first."""
    from ipywidgets.widgets import widget as _w

    out: list[tuple[str, bool, str]] = []
    for w in list(getattr(_w, "_instances", {}).values()):  # the widgets this kernel shows
        if type(w).__name__ == "SiftChecklist":
            out = [(c.description, bool(c.value), t.value) for c, t in zip(w.checks, w.notes)]
    return out


def work_pages(lesson: str, saved: dict[str, Any], notes: list[tuple[str, bool, str]]) -> tuple[str, str]:
    """(Markdown, HTML) of one lesson's answers, in the lesson's order."""
    title = f"My answers: lesson {lesson}"
    md = [f"# {md_escape(title)}", ""]
    page = [f"<h1>{html.escape(title)}</h1>"]
    answers = saved.get("answers", {})
    ids = [i for i in exercise_ids() if spec(i)["lesson"] == lesson]
    for n, ex_id in enumerate(ids, start=1):
        question = spec(ex_id)["question"]
        md += [f"## {n}\\. {md_escape(question)}", ""]
        page.append(f"<h2>{n}. {html.escape(question)}</h2>")
        entry = answers.get(ex_id)
        if not entry:
            md += ["*(not answered yet)*", ""]
            page.append("<p><em>(not answered yet)</em></p>")
            continue
        lines = _answer_lines(entry.get("value", ""))
        verdict = f"{VERDICTS.get(entry.get('status'), 'not checked')} ({_tries(entry)})"
        md += [*(f"> {md_escape(line)}" if line else ">" for line in lines), "", f"*The kit:* {md_escape(verdict)}", ""]
        page.append("<blockquote>" + "<br>".join(html.escape(line) for line in lines) + "</blockquote>"
                    f"<p><em>The kit:</em> {html.escape(verdict)}</p>")
    if notes:
        md += ["## SIFT notes", ""]
        page.append("<h2>SIFT notes</h2><ul>")
        for move, ticked, text in notes:
            mark = "[x]" if ticked else "[ ]"
            md.append(f"- {mark} **{md_escape(move)}**: {md_escape(' '.join(text.split()))}")
            page.append(f"<li>{'☑' if ticked else '☐'} <strong>{html.escape(move)}</strong>: "
                        f"{html.escape(text)}</li>")
        md.append("")
        page.append("</ul>")
    doc = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
           f"<title>{html.escape(title)}</title></head><body><main>{''.join(page)}</main></body></html>\n")
    return "\n".join(md), doc


def write_work(lesson: str, folder: Path | None = None) -> tuple[Path, Path]:
    """Write the lesson's answer pages into my_work/ and return (Markdown path, HTML path)."""
    name = lesson_name(lesson)
    work = LessonWork(name, folder)
    md, page = work_pages(name, work.read(), sift_notes() if name.startswith("07") else [])
    work.folder.mkdir(parents=True, exist_ok=True)
    return (write_replace(work.folder / f"{name}_answers.md", md),
            write_replace(work.folder / f"{name}_answers.html", page))


def _message(lesson: str) -> tuple[str, str]:
    try:
        md, page = write_work(lesson)
    except (KitInputError, KitOutputError) as exc:
        return "error", str(exc)
    return "saved", (f"your answers are in {shown(md)} and {shown(page)}. To hand them in, download one of them "
                     "(right-click it in the file list on the left, then Download).")


def export_work(lesson: str) -> HTML:
    """Write the lesson's answers as a Markdown and an HTML page next to the notebook; say where they are."""
    kind, message = _message(lesson)
    return HTML(feedback_html(kind, message))


def export_button(lesson: str = "07") -> widgets.VBox:
    """A button that writes the lesson's answers (and SIFT notes) as pages to hand in."""
    button = widgets.Button(description="Save my answers", icon="download", layout=widgets.Layout(width="auto"))
    fb = new_feedback()

    def save(_b: Any = None) -> None:
        kind, message = _message(lesson)
        fb.value = feedback_html(kind, message)

    button.on_click(save)
    box = widgets.VBox([widgets.HTML(f"<p>Save your answers from this lesson as pages to hand in (in "
                                     f"{html.escape(work_folder().name)}/).</p>"), button, fb])
    box.add_class("kit-exercise")
    return box
