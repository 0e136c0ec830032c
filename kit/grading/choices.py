"""Judging a choice: one option of a multiple-choice question, a word to pick, or a row of dropdowns.

A wrong choice hears why that option is tempting but wrong; the right
option's explanation is given only when the student picks it. Dropdown
feedback counts the right rows and names the rows to look at again, never the
right category of a wrong row.
"""

from __future__ import annotations

from collections.abc import Mapping

from kit.errors import KitInputError
from kit.grading.feedback import Feedback
from kit.grading.specs import raw_spec

UNCHOSEN = (None, "", "(choose)")


def _short(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def judge_choice(exercise_id: str, choice: str | int) -> Feedback:
    """Feedback on one option (its text, or its index in the data's order) or one picked word."""
    ex = raw_spec(exercise_id)
    kind = ex["kind"]
    if kind == "multiple_choice":
        options = ex["options"]
        if isinstance(choice, int) and not isinstance(choice, bool) and 0 <= choice < len(options):
            choice = options[choice]
        if choice not in options:
            raise KitInputError(f"{choice!r} is not an option of {exercise_id}; the options are: "
                                + "; ".join(options))
        why = ex["explanations"][choice]
        if choice == ex["answer"]:
            return Feedback("correct", why, None, ex["answer"])
        return Feedback("incorrect", why or "read the passage again and try another option.", "wrong_option")
    if kind == "pick_the_word":
        word = str(choice).strip().lower()
        targets = {k.lower(): v for k, v in ex["targets"].items()}
        others = {k.lower(): v for k, v in ex.get("others", {}).items()}
        if word in targets:
            return Feedback("correct", f"'{choice}': {targets[word]}")
        if word not in ex["passage"].lower().split():
            raise KitInputError(f"{choice!r} is not a word of the passage of {exercise_id}")
        return Feedback("incorrect", f"'{choice}': " + others.get(word, "that word is not one of the answers; "
                                                                       "look again."), "wrong_word")
    if kind == "built":
        raise KitInputError(f"{exercise_id} is built from the article when the lesson runs "
                            f"(kit.widgets.{ex['builder']}); its widget checks the answers")
    raise KitInputError(f"{exercise_id} is a {kind.replace('_', ' ')} exercise: use "
                        + ("judge_rows" if kind == "dropdowns" else "judge") + " for it")


def judge_rows(exercise_id: str, rows: Mapping[str, str | None]) -> Feedback:
    """Feedback on a dropdown exercise: `rows` maps each line to the chosen category (missing = not chosen)."""
    ex = raw_spec(exercise_id)
    if ex["kind"] != "dropdowns":
        raise KitInputError(f"{exercise_id} is not a dropdown exercise")
    items = [(label, answer) for label, answer in ex["items"]]
    labels = {label for label, _ in items}
    unknown = [r for r in rows if r not in labels]
    if unknown:
        raise KitInputError(f"{_short(unknown[0])!r} is not a line of {exercise_id}")
    bad = [c for c in rows.values() if c not in UNCHOSEN and c not in ex["choices"]]
    if bad:
        raise KitInputError(f"{bad[0]!r} is not a choice; the choices are: {', '.join(ex['choices'])}")
    total = len(items)
    right = [label for label, answer in items if rows.get(label) == answer]
    wrong = [label for label, answer in items if rows.get(label) not in UNCHOSEN and rows.get(label) != answer]
    todo = total - len(right) - len(wrong)
    if len(right) == total:
        return Feedback("correct", f"all {total} right.")
    if wrong:
        # what the chosen category means, so the student can see the mismatch; never the right category
        chosen = rows[wrong[0]] or ""
        about = ex["explanations"].get(chosen, "")
        look = "; ".join(f"“{_short(w)}”" for w in wrong)
        msg = f"{len(right)} of {total} right. Look again at {look}."
        if about:
            msg += f" Remember: {about}"
        return Feedback("incorrect", msg, "wrong_rows")
    return Feedback("incorrect", f"{len(right)} of {total} right so far; {todo} to go.", "incomplete")
