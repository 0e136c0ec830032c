"""Judging a free-text answer or a rewrite against its exercise's data.

The order matters: first "is this an attempt?" (empty, don't know, a copy,
salad), then the mechanical checks a rule can decide (invented quotation or
source, the exercise's content rules, meaning reversed, gutted, broken
grammar, loaded words, grade), and only then the verdict. "correct" needs the
exercise's data to say a rule can decide (`decide`); everything else that
passes is "check": the model answer and a self-check list, never a guess.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from kit.article import Article
from kit.errors import KitInputError
from kit.grading import checks
from kit.grading.checks import Problem
from kit.grading.feedback import Feedback
from kit.grading.specs import OPEN_KINDS, pattern, raw_spec
from kit.grading.words import content_stems, is_verb, words

MIN_DECIDED_WORDS = 3
CHECK_INTRO = "The kit cannot judge what your answer means, so compare it with a model answer, point by point."


@lru_cache(maxsize=1)
def article_quotations() -> tuple[str, ...]:
    """The seed article's direct quotations (kit/grading/article_quotes.json), which a rewrite may quote."""
    data = json.loads(resources.files(__package__).joinpath("article_quotes.json").read_text(encoding="utf-8"))
    return tuple(data["quotations"])


def kept_share(original: str, answer: str) -> float:
    """The share of the original's content words (by stem) that the answer still uses, 0.0-1.0."""
    before = content_stems(original)
    return len(before & content_stems(answer)) / len(before) if before else 1.0


def sentence_case(text: str) -> str:
    """Capitals after each full stop, so a rewrite in lower case is scored sentence by sentence.

    The sentence splitter needs a capital to see where a sentence starts; a
    student who types in lower case must not be told their sentences are long.
    Only for scoring: nothing here reports offsets.
    """
    return re.sub(r"(^|[.!?]\s+|\(\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text.strip())


def _ideas(ex: dict[str, Any], answer: str) -> tuple[list[dict], list[dict]]:
    """(present, missing) ideas of the exercise in the answer."""
    present: list[dict] = []
    missing: list[dict] = []
    for idea in ex.get("ideas", ()):
        (present if pattern(idea["pattern"]).search(answer) else missing).append(idea)
    return present, missing


def _rule_fires(rule: dict[str, Any], answer: str, present: set[str]) -> bool:
    if "unless" in rule and pattern(rule["unless"]).search(answer):
        return False
    if present & set(rule.get("unless_ideas", ())):
        return False
    pat = pattern(rule["pattern"])
    if not pat.search(answer):
        return False
    if rule.get("skip_if_negated"):  # "Russia doesn't support the rebels" does not say it does
        return not all(checks.polarities(answer, pat, skip_objects=False))
    return True


def _gutted(ex: dict[str, Any], answer: str, missing: list[dict]) -> Problem | None:
    """A rewrite that lost the speaker, the source, most content words, or more than one key idea."""
    for item in (*ex.get("speakers", ()), *ex.get("keep", ())):
        if not pattern(item["pattern"]).search(answer):
            return Problem("gutted", item["message"])
    share = kept_share(ex["original"], answer)
    if share < ex.get("min_kept_share", 0.0):
        return Problem("gutted", f"your version keeps only {share:.0%} of the original's key words: it has lost "
                                 "what the original says. Keep every fact (who, what, where); change only how it "
                                 "is said.")
    if len(missing) > ex.get("max_missing_ideas", len(missing)):
        names = ", ".join(i["name"] for i in missing)
        return Problem("gutted", f"your version has dropped the original's main point ({names}). A rewrite must keep "
                                 "what the original says.")
    return None


def _loaded(answer: str) -> list:
    from kit.report import analyse_voices

    _q, _s, loaded = analyse_voices(Article(answer))
    return loaded.unquoted_matches()  # reported speech is reworded by the writer too


def _list_loaded(matches: list) -> str:
    return "; ".join(f"'{m.text}' (try: {' / '.join(m.alternatives[:2])})" for m in matches)


def _unsourced(answer: str) -> list[str]:
    from kit.sourcing import analyse

    return [u.text for u in analyse(Article(answer)).unattributed]


def _incorrect(p: Problem) -> Feedback:
    return Feedback("incorrect", p.message, p.name)


def judge(exercise_id: str, answer: str) -> Feedback:
    """The kit's verdict on one answer to an open exercise (free text or rewrite).

    "incorrect" only when a mechanical check or a content rule of the exercise
    fires (its name is in `.problem`); "correct" only when the exercise's data
    says a rule can decide and the answer satisfies it; otherwise "check".
    """
    ex = raw_spec(exercise_id)
    if ex["kind"] not in OPEN_KINDS:
        raise KitInputError(f"{exercise_id} is a {ex['kind'].replace('_', ' ')} exercise: use judge_choice or "
                            "judge_rows for it, not judge")
    return judge_spec(ex, answer)


def judge_spec(ex: dict[str, Any], answer: str) -> Feedback:
    """`judge` on exercise data given directly (a rewrite of a student's own paragraph has no id).

    The data needs at least `kind` ("free_text" or "rewrite"), `question`,
    `model_answer` (may be empty), `self_check`, and for a rewrite `original`.
    """
    if not isinstance(answer, str):
        raise KitInputError(f"an answer must be text, not {type(answer).__name__}")
    rewrite = ex["kind"] == "rewrite"
    original = ex.get("original", "")
    first = checks.empty(answer) or checks.dont_know(answer)
    if first is None:
        first = checks.copy_of_original(answer, original) if rewrite else checks.copy_of_question(answer,
                                                                                                  ex["question"])
    if first is None:
        first = checks.salad(answer, ex.get("sentence", True))
    if first is not None:
        return _incorrect(first)
    if rewrite:
        # what speakers really said in quotation marks; the outlet's own words (the original) are not among them
        allowed = list(article_quotations()) if ex.get("quotes_from") == "article" else []
        allowed += checks.quotations(original)
        speakers = [pattern(s["pattern"]) for s in (*ex.get("speakers", ()), *ex.get("keep", ()))]
        if "allowed_sources" in ex:
            speakers.append(pattern(ex["allowed_sources"]))
        p = checks.invented_quotation(answer, allowed) or checks.invented_source(original, answer, speakers)
        if p:
            return _incorrect(p)
    # a visible reversal comes before the exercise's wording rules: "will not face isolation" is first of all
    # the opposite of what was said, whatever else is wrong with it
    key_verbs = [(pattern(k["pattern"]), bool(k["negated"])) for k in ex.get("key_verbs", ())]
    p = checks.reversed_meaning(answer, key_verbs, original if rewrite else "")
    if p:
        return _incorrect(p)
    present, missing = _ideas(ex, answer)
    names = {i["name"] for i in present}
    for rule in ex.get("rules", ()):
        if _rule_fires(rule, answer, names):
            return _incorrect(Problem(rule["problem"], rule["message"]))
    if rewrite:
        p = _gutted(ex, answer, missing) or checks.broken_grammar(answer)
    if p:
        return _incorrect(p)
    notes: list[str] = [i["hint"] for i in missing]
    if ex.get("loaded"):
        left = _loaded(answer)
        if left and ex["loaded"] == "incorrect":
            return _incorrect(Problem("loaded_left", f"{len(left)} loaded word{'s' if len(left) != 1 else ''} left "
                                                     f"in the outlet's own voice: {_list_loaded(left)}"))
        if left:
            notes.append(f"The kit still finds loaded words in the outlet's voice: {_list_loaded(left)}. Are they "
                         "inside a speaker's quotation, or the outlet's own?")
    if ex.get("max_grade") is not None:
        from kit.readability import analyse_passage

        grade = analyse_passage(sentence_case(answer)).scores["flesch_kincaid_grade"]
        if grade > ex["max_grade"]:
            words_per = len(answer.split()) / max(1, len(re.findall(r"[.!?]+(\s|$)", answer)) or 1)
            tip = "split it into more sentences" if words_per > 15 else "swap a long word for a short one"
            return _incorrect(Problem("too_hard", f"grade {grade:.1f}; the target is {ex['max_grade']:g} or below: "
                                                  f"{tip}."))
    if ex.get("unsourced"):
        notes += [f"The kit finds no source for '{u}'. Who says so?" for u in _unsourced(answer)]
    return _verdict(ex, answer, missing, notes)


def _verdict(ex: dict[str, Any], answer: str, missing: list[dict], notes: list[str]) -> Feedback:
    decide = ex.get("decide")
    ws = words(answer)
    # two words decide nothing ("un say") unless they are an order: "Interview refugees."
    long_enough = len(ws) >= MIN_DECIDED_WORDS or is_verb(ws[0])
    decided = long_enough and not missing and not notes and (
        decide == "all_ideas" or (isinstance(decide, list) and any(pattern(p).search(answer) for p in decide)))
    if decided:
        msg = (ex.get("right") or "that is the idea.") + f" One way to put it: {ex['model_answer']}"
        return Feedback("correct", msg, None, ex["model_answer"], [])
    if not ex["model_answer"]:  # a rewrite of the student's own text: the original is what to compare with
        return Feedback("check", "Your version passes the kit's checks (no invented source or quotation, nothing "
                                 "reversed or dropped that a rule can see). The kit cannot judge what it means, so "
                                 "compare it with the original, point by point.", None, "", [*notes, *ex["self_check"]])
    intro = ("Your version passes the kit's checks (no invented source or quotation, nothing reversed or dropped "
             "that a rule can see). " if ex["kind"] == "rewrite" else "")
    return Feedback("check", intro + CHECK_INTRO, None, ex["model_answer"], [*notes, *ex["self_check"]])
