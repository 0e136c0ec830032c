"""`exercise(ID)`: the widget of any exercise in the kit's data (kit/grading/exercises/), ready to answer.

A lesson cell is one line, `from kit import widgets as kw; kw.exercise("03-missing-voice")`:
the question, options, accepted ideas and model answer come from the data, so
none of them is on the student's screen before they answer. Exercises built
from the article (who speaks most, the loaded words of a link, the hard words
of a sentence) load their seed themselves, so the cell runs in any order.
Every widget has `submit(value)`, which checks an answer exactly as its
controls do, and keeps the student's answers in `my_work/<lesson>.json`.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import Any

import ipywidgets as widgets

from kit.article import Article
from kit.errors import KitInputError
from kit.grading import exercise_ids as _exercise_ids
from kit.grading import judge, spec
from kit.lessons.labs import LoadedRewrite, NeutralRewrite, RewriteLab
from kit.lessons.open_answer import OpenAnswer
from kit.lessons.quizzes import (Dropdowns, MultipleChoice, PickTheWord, hard_word_quiz, loaded_word_quiz,
                                 who_speaks_most_quiz)
from kit.lessons.seeds import load_seed

_PART = re.compile(r"^(\w+)\[(\d+)\]$")  # "related_links[1]"


def exercise_ids() -> list[str]:
    """Every exercise id, in lesson order (`kw.exercise(ID)` builds each)."""
    return _exercise_ids()


@lru_cache(maxsize=4)
def _seed(name: str) -> tuple[str, Article]:
    text = load_seed(name)
    return text, Article(text)


@lru_cache(maxsize=4)
def _voices(name: str) -> tuple[Any, Any, Any]:
    from kit.report import analyse_voices

    return analyse_voices(_seed(name)[1])


def _built(ex: dict[str, Any], common: dict[str, Any]) -> widgets.VBox:
    params = ex["params"]
    text, article = _seed(params["seed"])
    if ex["builder"] == "hard_word_quiz":
        from kit.readability import analyse

        opening = params["sentence_starts_with"]
        sentence = next((s for s in analyse(article).sentences if s.text.startswith(opening)), None)
        if sentence is None:
            raise KitInputError(f"{ex['id']}: no sentence of {params['seed']} starts with {opening!r}")
        return hard_word_quiz(text, sentence, **common)
    if ex["builder"] == "who_speaks_most_quiz":
        return who_speaks_most_quiz(_voices(params["seed"])[1], **common)
    if ex["builder"] == "loaded_word_quiz":
        m = _PART.match(params["paragraph"])
        if not m or not isinstance(getattr(article, m.group(1), None), list):
            raise KitInputError(f"{ex['id']}: cannot find the paragraph {params['paragraph']!r}")
        return loaded_word_quiz(article, _voices(params["seed"])[2], getattr(article, m.group(1))[int(m.group(2))],
                                **common)
    raise KitInputError(f"{ex['id']}: there is no builder called {ex['builder']!r}")


def exercise(exercise_id: str) -> widgets.VBox:
    """The widget of one exercise; an unknown id is a clear error that lists the closest ids."""
    ex = spec(exercise_id)
    kind, q = ex["kind"], ex["question"]
    common: dict[str, Any] = {"exercise_id": exercise_id, "lesson": ex["lesson"]}
    if kind == "multiple_choice":
        return MultipleChoice(q, ex["options"], ex["answer"], ex["explanations"], **common)
    if kind == "dropdowns":
        return Dropdowns(q, [(label, answer) for label, answer in ex["items"]], ex["choices"], ex["explanations"],
                         **common)
    if kind == "pick_the_word":
        return PickTheWord(q, ex["passage"], ex["targets"], ex.get("others", {}), **common)
    if kind == "built":
        return _built(ex, common)
    check = partial(judge, exercise_id)
    if kind == "free_text":
        return OpenAnswer(q, check, ex.get("hints", ()), **common)
    lab = ex.get("lab")
    if lab == "readability":
        return RewriteLab(ex["original"], target=ex.get("max_grade", 10), question=q, judge=check, **common)
    if lab == "loaded":
        return LoadedRewrite(ex["original"], question=q, judge=check, **common)
    if lab == "neutral":
        return NeutralRewrite(ex["original"], question=q, judge=check, **common)
    return OpenAnswer(q, check, ex.get("hints", ()), placeholder="Write your version here", rows=2, **common)
