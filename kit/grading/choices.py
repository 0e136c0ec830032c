"""Judging a choice: one option of a multiple-choice question, a word to pick, or a row of dropdowns.

A wrong choice hears why that option is tempting but wrong; the right
option's explanation is given only when the student picks it. Dropdown
feedback counts the right rows and names the rows to look at again, never the
right category of a wrong row.

The `*_feedback` functions judge against data given directly (the quizzes the
lessons build from the article use them); `judge_choice` and `judge_rows` read
the exercise's data and call the same functions, so both kinds judge alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kit.errors import KitInputError
from kit.grading.feedback import Feedback
from kit.grading.specs import raw_spec

UNCHOSEN = (None, "", "(choose)")
# a word of a passage as the pick-the-word buttons show it ("blood-hungry", "Putin's")
PASSAGE_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def _short(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def passage_words(passage: str) -> list[str]:
    """The words of a passage, in order, as the pick-the-word buttons show them."""
    return PASSAGE_WORD.findall(passage)


def choice_feedback(options: Sequence[str], answer: str, explanations: Mapping[str, str], choice: str,
                    where: str = "this question") -> Feedback:
    """Feedback on one option of a multiple-choice question."""
    if choice not in options:
        raise KitInputError(f"{choice!r} is not an option of {where}; the options are: " + "; ".join(options))
    why = explanations.get(choice, "")
    if choice == answer:
        return Feedback("correct", why or "that is the answer.", None, answer)
    return Feedback("incorrect", why or "read the passage again and try another option.", "wrong_option")


def word_feedback(passage: str, targets: Mapping[str, str], others: Mapping[str, str], word: str,
                  where: str = "this passage") -> Feedback:
    """Feedback on one picked word (case-insensitive): a target gets its explanation, another word why not."""
    low = str(word).strip().lower()
    lowered = {k.lower(): v for k, v in targets.items()}
    if low in lowered:
        return Feedback("correct", f"'{word}': {lowered[low]}")
    if low not in {w.lower() for w in passage_words(passage)}:
        raise KitInputError(f"{word!r} is not a word of {where}")
    why = {k.lower(): v for k, v in others.items()}.get(low, "that word is not one of the answers; look again.")
    return Feedback("incorrect", f"'{word}': {why}", "wrong_word")


def rows_feedback(items: Sequence[tuple[str, str]], choices: Sequence[str], explanations: Mapping[str, str],
                  rows: Mapping[str, str | None], where: str = "this exercise") -> Feedback:
    """Feedback on a dropdown exercise: `rows` maps each line to the chosen category (missing = not chosen)."""
    labels = {label for label, _ in items}
    unknown = [r for r in rows if r not in labels]
    if unknown:
        raise KitInputError(f"{_short(unknown[0])!r} is not a line of {where}")
    bad = [c for c in rows.values() if c not in UNCHOSEN and c not in choices]
    if bad:
        raise KitInputError(f"{bad[0]!r} is not a choice; the choices are: {', '.join(choices)}")
    total = len(items)
    right = [label for label, answer in items if rows.get(label) == answer]
    wrong = [label for label, answer in items if rows.get(label) not in UNCHOSEN and rows.get(label) != answer]
    todo = total - len(right) - len(wrong)
    if len(right) == total:
        return Feedback("correct", f"all {total} right.")
    if wrong:
        # what the chosen category means, so the student can see the mismatch; never the right category
        chosen = rows[wrong[0]] or ""
        about = explanations.get(chosen, "")
        look = "; ".join(f"“{_short(w)}”" for w in wrong)
        msg = f"{len(right)} of {total} right. Look again at {look}."
        if about:
            msg += f" Remember: {about}"
        return Feedback("incorrect", msg, "wrong_rows")
    return Feedback("incorrect", f"{len(right)} of {total} right so far; {todo} to go.", "incomplete")


def judge_choice(exercise_id: str, choice: str | int) -> Feedback:
    """Feedback on one option (its text, or its index in the data's order) or one picked word."""
    ex = raw_spec(exercise_id)
    kind = ex["kind"]
    if kind == "multiple_choice":
        options = ex["options"]
        if isinstance(choice, int) and not isinstance(choice, bool) and 0 <= choice < len(options):
            choice = options[choice]
        return choice_feedback(options, ex["answer"], ex["explanations"], str(choice), exercise_id)
    if kind == "pick_the_word":
        return word_feedback(ex["passage"], ex["targets"], ex.get("others", {}), str(choice),
                             f"the passage of {exercise_id}")
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
    return rows_feedback(items, ex["choices"], ex["explanations"], rows, exercise_id)
