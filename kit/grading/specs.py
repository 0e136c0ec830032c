"""Exercises as data: one JSON file per lesson in `exercises/`, loaded and checked once.

Every exercise has an `id` ("03-missing-voice"), a `kind` and a `question`;
the other keys depend on the kind (see `REQUIRED`). A broken file is a
KitInputError naming the file and the exercise, never a traceback deep in a
lesson.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from kit.errors import KitInputError

KINDS = ("multiple_choice", "dropdowns", "pick_the_word", "built", "free_text", "rewrite")
REQUIRED: dict[str, tuple[str, ...]] = {
    "multiple_choice": ("options", "answer", "explanations"),
    "dropdowns": ("items", "choices", "explanations"),
    "pick_the_word": ("passage", "targets"),
    "built": ("builder", "params"),
    "free_text": ("model_answer", "self_check", "ideas"),
    "rewrite": ("original", "model_answer", "self_check", "ideas"),
}
OPEN_KINDS = ("free_text", "rewrite")
_ID = re.compile(r"^\d\d-[a-z0-9]+(-[a-z0-9]+)*$")
# keys whose values are regular expressions (compiled once here, so a typo fails at load time)
_PATTERN_LISTS = ("ideas", "speakers", "keep", "rules", "key_verbs")


def _check(ex: dict, where: str) -> None:
    """Raise KitInputError if one exercise's data is incomplete or inconsistent."""
    ex_id = ex.get("id")
    if not isinstance(ex_id, str) or not _ID.match(ex_id):
        raise KitInputError(f"{where}: an exercise id must look like '03-missing-voice', not {ex_id!r}")
    kind = ex.get("kind")
    if kind not in KINDS:
        raise KitInputError(f"{where}, {ex_id}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    missing = [k for k in ("question", *REQUIRED[kind]) if k not in ex]
    if missing:
        raise KitInputError(f"{where}, {ex_id}: missing {', '.join(missing)}")
    if kind == "multiple_choice":
        if ex["answer"] not in ex["options"]:
            raise KitInputError(f"{where}, {ex_id}: the answer is not one of the options")
        if set(ex["explanations"]) != set(ex["options"]):
            raise KitInputError(f"{where}, {ex_id}: every option needs an explanation, and only the options")
    if kind == "dropdowns":
        bad = [label for label, answer in ex["items"] if answer not in ex["choices"]]
        if bad:
            raise KitInputError(f"{where}, {ex_id}: the right choice of {bad[0]!r} is not among the choices")
    for key in _PATTERN_LISTS:
        for item in ex.get(key, ()):
            for pkey in ("pattern", "unless"):
                if pkey in item:
                    _compile(item[pkey], f"{where}, {ex_id}, {key}")
    decide = ex.get("decide")
    if isinstance(decide, list):
        for p in decide:
            _compile(p, f"{where}, {ex_id}, decide")
    elif decide not in (None, "all_ideas"):
        raise KitInputError(f"{where}, {ex_id}: decide must be a list of patterns or 'all_ideas'")
    names = {i["name"] for i in ex.get("ideas", ())}
    for rule in ex.get("rules", ()):
        unknown = [n for n in rule.get("unless_ideas", ()) if n not in names]
        if unknown or "problem" not in rule or "message" not in rule:
            raise KitInputError(f"{where}, {ex_id}: a rule needs a problem, a message and known unless_ideas")


@lru_cache(maxsize=None)
def _compile(pattern: str, where: str = "") -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise KitInputError(f"{where}: broken pattern {pattern!r} ({exc})") from None


def pattern(p: str) -> re.Pattern:
    """A case-insensitive compiled pattern from the exercise data (cached)."""
    return _compile(p)


@lru_cache(maxsize=1)
def _all() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    folder = resources.files(__package__).joinpath("exercises")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        where = f"exercises/{entry.name}"
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KitInputError(f"{where} is not valid JSON: {exc}") from None
        lesson = data.get("lesson", entry.name[:-5])
        for ex in data.get("exercises", ()):
            _check(ex, where)
            if ex["id"] in out:
                raise KitInputError(f"{where}: exercise id {ex['id']} is used twice")
            if not ex["id"].startswith(lesson[:2]):
                raise KitInputError(f"{where}: exercise {ex['id']} does not start with its lesson number")
            out[ex["id"]] = {"lesson": lesson, **ex}
    return out


def exercise_ids() -> list[str]:
    """Every exercise id, in lesson order."""
    return list(_all())


def spec(exercise_id: str) -> dict[str, Any]:
    """The data of one exercise (a copy: changing it does not change the kit).

    An unknown id is a KitInputError that lists the ids closest to it.
    """
    data = _all()
    if exercise_id not in data:
        close = difflib.get_close_matches(str(exercise_id), list(data), n=3, cutoff=0.4)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise KitInputError(f"there is no exercise {exercise_id!r}.{hint} "
                            "kit.grading.exercise_ids() lists them all.")
    return json.loads(json.dumps(data[exercise_id]))


def raw_spec(exercise_id: str) -> dict[str, Any]:
    """The shared (uncopied) data of one exercise, for the judge's own fast use; never change it."""
    data = _all()
    if exercise_id not in data:
        spec(exercise_id)  # raises the friendly error
    return data[exercise_id]
