"""A student's work, kept next to the notebook: `my_work/<lesson>.json`, and a random student id.

The folder is `my_work/` in the kernel's working directory, which for a
lesson is the folder of the notebook (`lessons/`), never the package. Each
answer is written as the student gives it, atomically (`kit.files.
write_replace`), so a crash or a full disk leaves the old file or the new
one, never half of one. Every write reads the file again first, so two
exercise cells of one lesson (or two kernels) never undo each other's answers.

A file that cannot be read (edited by hand, cut short by a copy) is never
overwritten: the exercise says what is wrong and stops saving for that lesson,
so nothing in the file is lost. `my_work/student.json` holds a random id,
made once, that makes each student's option order their own and stable.
"""

from __future__ import annotations

import json
import random
import re
import secrets
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import kit
from kit.errors import KitInputError, KitOutputError
from kit.files import write_exact, write_replace

WORK_FOLDER = "my_work"
STUDENT_FILE = "student.json"
FORMAT = 1
_ID = re.compile(r"^[0-9a-f]{8,64}$")
_PACKAGE = Path(kit.__file__).resolve().parent
T = TypeVar("T")


class WorkFileError(KitInputError):
    """A file in my_work/ that the kit cannot read; the message says what to do."""


def work_folder() -> Path:
    """`my_work/` in the working directory (next to the notebook); refused inside the package itself."""
    folder = Path.cwd() / WORK_FOLDER
    resolved = folder.resolve()
    if resolved == _PACKAGE or _PACKAGE in resolved.parents:
        raise KitOutputError("the kit does not keep answers inside its own package folder: open the lesson from "
                             "the lessons/ folder")
    return folder


def shown(path: Path) -> str:
    """A path as a student should read it: `my_work/03_who_speaks.json`."""
    return f"{path.parent.name}/{path.name}"


def _unreadable(path: Path, why: str) -> WorkFileError:
    return WorkFileError(f"{shown(path)} cannot be read ({why}). The kit will not write over it, so nothing in it "
                         f"is lost, but it cannot save new answers there either: rename the file (for example to "
                         f"{path.stem}-old.json) and run this cell again, or ask your teacher.")


def _read_json(path: Path) -> Any:
    """The file's JSON; None if it does not exist; WorkFileError if it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise _unreadable(path, "it is a folder") from None
    except OSError as exc:
        raise _unreadable(path, exc.strerror or type(exc).__name__) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _unreadable(path, "it is not text") from None
    except json.JSONDecodeError as exc:
        raise _unreadable(path, f"it is not valid JSON: {exc.msg}, line {exc.lineno}") from None


_students: dict[Path, str] = {}


def student_id(folder: Path | None = None) -> str:
    """This student's random id, read from my_work/student.json, made (once) if it is missing."""
    folder = folder or work_folder()
    key = folder.resolve()
    if key in _students:
        return _students[key]
    path = folder / STUDENT_FILE
    data = _read_json(path)
    if data is None:
        sid = secrets.token_hex(8)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_exact(path, json.dumps({"student": sid, "format": FORMAT}, indent=1) + "\n")
        except KitOutputError:
            data = _read_json(path)  # another kernel made it a moment ago: use that one
            if data is None:
                raise
    if data is not None:
        if not isinstance(data, dict) or not _ID.match(str(data.get("student", ""))):
            raise _unreadable(path, "it has no student id")
        sid = data["student"]
    _students[key] = sid
    return sid


def shuffled(items: Sequence[T], exercise_id: str, student: str) -> list[T]:
    """`items` in this student's own order for this exercise: the same on every run, different per student."""
    out = list(items)
    random.Random(f"{student}/{exercise_id}").shuffle(out)  # a str seed is hashed (SHA-512): stable everywhere
    return out


def now() -> str:
    """The time, for the record, in UTC to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class LessonWork:
    """The saved answers of one lesson: `my_work/<lesson>.json`.

    `{"lesson": ..., "format": 1, "answers": {exercise_id: entry}}`, where an
    entry holds the answer as given (`value`), the kit's verdict (`status`,
    `problem`), the number of `tries`, the try that solved it (`solved_on`)
    and when it was given.
    """

    def __init__(self, lesson: str, folder: Path | None = None):
        self.lesson = lesson
        self.folder = folder or work_folder()
        self.path = self.folder / f"{lesson}.json"

    def read(self) -> dict[str, Any]:
        """Everything saved for the lesson (an empty record if nothing is); WorkFileError if unreadable."""
        data = _read_json(self.path)
        if data is None:
            return {"lesson": self.lesson, "format": FORMAT, "answers": {}}
        if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
            raise _unreadable(self.path, "it is not a record of answers")
        if not all(isinstance(e, dict) for e in data["answers"].values()):
            raise _unreadable(self.path, "an answer in it is broken")
        return data

    def entry(self, exercise_id: str) -> dict[str, Any] | None:
        """The saved entry of one exercise, or None."""
        return self.read()["answers"].get(exercise_id)

    def save(self, exercise_id: str, entry: dict[str, Any]) -> Path:
        """Store one exercise's entry (the others as they are in the file now) and return the file's path."""
        data = self.read()  # raises before anything is written if the file is broken
        data["answers"][exercise_id] = {**entry, "saved": now()}
        self.folder.mkdir(parents=True, exist_ok=True)
        return write_replace(self.path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
