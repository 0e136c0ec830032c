"""kit.grading: exercise data, the mechanical checks on short texts, choices and dropdowns, speed.

The verdicts on the hand-written student answers are in test_student_answers.py.
"""

from __future__ import annotations

import ast
import json
import re
import time
from pathlib import Path

import pytest

from kit.article import Article
from kit.errors import KitInputError
from kit.grading import exercise_ids, judge, judge_choice, judge_rows, spec
from kit.grading import checks
from kit.grading.open_answers import article_quotations, kept_share, sentence_case
from kit.grading.specs import _check

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pravda_putin_syria_csto.txt"
OPEN_IDS = ["00-main-message", "02-rewrite-hardest", "03-missing-voice", "04-rewrite-loaded", "05-rewrite-subhead",
            "06-neutral-rewrite", "06-reporter-action"]
WIDGET_CALLS = {"MultipleChoice": "multiple_choice", "FreeText": "open", "Dropdowns": "dropdowns",
                "PickTheWord": "pick_the_word", "RewriteLab": "open", "LoadedRewrite": "open",
                "NeutralRewrite": "open", "who_speaks_most_quiz": "built", "hard_word_quiz": "built",
                "loaded_word_quiz": "built"}
# a FreeText that asks for a rewrite of a given text (the subhead) is judged as a rewrite


def _kind(s: dict) -> str:
    return "open" if s["kind"] in ("free_text", "rewrite") else s["kind"]


def seed() -> Article:
    return Article(SEED.read_text(encoding="utf-8"))


# -- the data ----------------------------------------------------------------------------------
def test_the_open_exercises_keep_their_ids_and_every_id_has_the_house_style():
    ids = exercise_ids()
    assert set(OPEN_IDS) <= set(ids)
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"\d\d-[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert {spec(i)["kind"] for i in OPEN_IDS} <= {"free_text", "rewrite"}


def test_an_unknown_id_is_a_clear_error_that_lists_close_ids():
    with pytest.raises(KitInputError, match="03-missing-voice"):
        spec("03-missing-voices")
    with pytest.raises(KitInputError, match="exercise_ids"):
        judge("99-nothing-like-it", "an answer")


def test_spec_is_a_copy_the_caller_may_change():
    s = spec("00-who-published")
    s["answer"] = "Interfax"
    assert judge_choice("00-who-published", "Pravda.Ru").status == "correct"


@pytest.mark.parametrize("bad, message", [
    ({"id": "3-x", "kind": "free_text", "question": "q"}, "look like"),
    ({"id": "03-x", "kind": "essay", "question": "q"}, "kind must be"),
    ({"id": "03-x", "kind": "multiple_choice", "question": "q", "options": ["a"], "answer": "b",
      "explanations": {"a": ""}}, "not one of the options"),
    ({"id": "03-x", "kind": "free_text", "question": "q", "model_answer": "m", "self_check": [],
      "ideas": [{"name": "n", "pattern": "(unclosed"}]}, "broken pattern"),
])
def test_broken_exercise_data_is_named_clearly(bad, message):
    with pytest.raises(KitInputError, match=message):
        _check(bad, "exercises/test.json")


def _notebook_calls(nb_path: Path) -> list[tuple[str, ast.Call]]:
    """(widget name, call) for each exercise built in a notebook's code cells, in order."""
    out = []
    for cell in json.loads(nb_path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        try:
            tree = ast.parse("".join(cell["source"]))
        except SyntaxError:
            continue
        found = [(node.func.attr, node) for node in ast.walk(tree)
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WIDGET_CALLS]
        out += sorted(found, key=lambda c: (c[1].lineno, c[1].col_offset))
    return out


def _lesson_specs(stem: str) -> list[dict]:
    return [spec(i) for i in exercise_ids() if spec(i)["lesson"] == stem]


@pytest.mark.parametrize("nb", sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.stem)
def test_every_exercise_of_a_lesson_has_its_data_in_the_same_order(nb):
    calls = _notebook_calls(nb)
    if not calls:  # the lesson already calls kw.exercise("ID"): the ids must exist
        text = nb.read_text(encoding="utf-8")
        for ex_id in re.findall(r"exercise\(\\?[\"'](\d\d-[a-z0-9-]+)", text):
            assert ex_id in exercise_ids()
        return
    specs = _lesson_specs(nb.stem)
    assert [WIDGET_CALLS[name] for name, _ in calls] == [_kind(s) for s in specs]
    for (name, call), s in zip(calls, specs):
        kw = {k.arg: k.value for k in call.keywords}
        if name == "MultipleChoice":
            assert ast.literal_eval(call.args[0]) == s["question"]
            assert ast.literal_eval(call.args[1]) == s["options"]
            assert ast.literal_eval(kw["answer"]) == s["answer"]
            assert ast.literal_eval(kw["explanations"]) == s["explanations"]
        elif name == "Dropdowns":
            assert [list(i) for i in ast.literal_eval(kw["items"])] == s["items"]
            assert ast.literal_eval(kw["choices"]) == s["choices"]
        elif name == "PickTheWord":
            assert ast.literal_eval(call.args[1]) == s["passage"]
            assert ast.literal_eval(call.args[2]) == s["targets"]
        elif name == "FreeText":
            assert ast.literal_eval(call.args[0]) == s["question"]
            assert ast.literal_eval(kw["model_answer"]) == s["model_answer"]
            # hints may be reworded in the data: lesson 05's called Earnest's reported words his own, which
            # would invite an invented quotation
            assert len(ast.literal_eval(kw["hints"])) == len(s["hints"])
        elif name in ("who_speaks_most_quiz", "hard_word_quiz", "loaded_word_quiz"):
            assert s["builder"] == name


def test_the_rewrites_start_from_the_parts_of_the_seed_the_lessons_use():
    from kit.readability import analyse

    article = seed()
    assert spec("02-rewrite-hardest")["original"] == analyse(article).hardest(1)[0].text
    assert spec("04-rewrite-loaded")["original"] == article.body_paragraphs[0].text
    urged = next(p for p in article.body_paragraphs if p.text.startswith("Putin urged"))
    assert spec("06-neutral-rewrite")["original"] == urged.text
    assert spec("05-rewrite-subhead")["original"] == article.subheads[2].text
    assert len(spec("02-rewrite-hardest")["original"].split()) == 66


def test_the_quotations_a_rewrite_may_use_are_the_seeds_own():
    from kit.quotes import find_quotations

    assert list(article_quotations()) == [q.text for q in find_quotations(seed()).quotations]


def test_built_exercises_name_a_builder_the_widgets_have():
    kw = pytest.importorskip("kit.widgets")
    for ex_id in exercise_ids():
        s = spec(ex_id)
        if s["kind"] == "built":
            assert callable(getattr(kw, s["builder"])), ex_id
            assert (ROOT / "seeds" / s["params"]["seed"]).is_file()


# -- choices and dropdowns ---------------------------------------------------------------------
def test_a_right_choice_gets_its_explanation_and_a_wrong_one_only_its_own():
    right = judge_choice("01-missing-info", "The date")
    assert right.status == "correct" and "no date" in right.message
    wrong = judge_choice("01-missing-info", "The author")
    assert wrong.status == "incorrect" and "Dmitry Sudakov" in wrong.message
    assert "no date" not in wrong.message and "The date" not in wrong.message
    assert judge_choice("01-missing-info", 2).status == "correct"  # by index in the data's order


def test_every_multiple_choice_has_exactly_one_right_option():
    for ex_id in exercise_ids():
        s = spec(ex_id)
        if s["kind"] == "multiple_choice":
            verdicts = [judge_choice(ex_id, o).status for o in s["options"]]
            assert verdicts.count("correct") == 1, ex_id


def test_a_choice_that_is_not_an_option_is_a_clear_error():
    with pytest.raises(KitInputError, match="options are"):
        judge_choice("00-who-published", "The Guardian")
    with pytest.raises(KitInputError, match="use judge"):
        judge_choice("03-missing-voice", "refugees")
    with pytest.raises(KitInputError, match="built from the article"):
        judge_choice("03-who-speaks-most", "Putin")
    with pytest.raises(KitInputError, match="judge_choice or judge_rows"):
        judge("00-who-published", "Pravda.Ru")


def test_pick_the_word():
    assert judge_choice("05-pick-judgement", "ridiculous").status == "correct"
    fb = judge_choice("05-pick-judgement", "Europe")
    assert fb.status == "incorrect" and "ridiculous" not in fb.message.lower()


def test_dropdowns_count_right_rows_and_name_wrong_rows_without_their_right_category():
    s = spec("01-line-roles")
    answers = {label: right for label, right in s["items"]}
    assert judge_rows("01-line-roles", answers).status == "correct"
    subhead_line = "Situation in Syria very serious"
    fb = judge_rows("01-line-roles", {**answers, subhead_line: "body"})
    assert fb.status == "incorrect" and "4 of 5 right" in fb.message and subhead_line in fb.message
    assert "subhead" not in fb.message.lower().replace(subhead_line.lower(), "")
    assert s["explanations"]["subhead"] not in fb.message
    partial = judge_rows("01-line-roles", {subhead_line: "subhead"})
    assert partial.status == "incorrect" and "1 of 5" in partial.message and "4 to go" in partial.message
    with pytest.raises(KitInputError, match="not a choice"):
        judge_rows("01-line-roles", {subhead_line: "footer"})


# -- mechanical checks on short texts ------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty(text):
    assert checks.empty(text).name == "empty"


@pytest.mark.parametrize("text", ["idk", "I don't know", "no idea tbh", "dunno lol", "???", "i dont get it"])
def test_dont_know(text):
    assert checks.dont_know(text).name == "dont_know"


def test_dont_know_only_in_a_short_answer():
    assert checks.dont_know("Russia supports Syria, and I don't know why the West is angry about that") is None
    assert checks.dont_know("Russia supports Syria") is None


def test_copy_of_the_question_or_the_original():
    assert checks.copy_of_question("what is the main message", "What is the main message?").name == "copy"
    assert checks.copy_of_question("Russia supports Syria", "What is the main message?") is None
    assert checks.copy_of_original("the WEST  should stop", "The West should stop.").name == "copy"
    assert checks.copy_of_original("The West should not stop.", "The West should stop.") is None


@pytest.mark.parametrize("text", ["un un un say", "russia russia russia support syria", "asdfghjkl",
                                  "kjdfkjdf", "Syria support syria support", "west support west west"])
def test_salad(text):
    assert checks.salad(text).name == "salad"


@pytest.mark.parametrize("text", ["refugees", "the kurds", "Russia, Syria, support", "refugees, UN, white house"])
def test_not_a_sentence(text):
    assert checks.salad(text).name == "not_sentence"


@pytest.mark.parametrize("text", ["Interview refugees.", "russia support syria", "Ask the UN.",
                                  "The goverment of Syria gets help", "Interview refugees, Kurds, rebels",
                                  "it's the refugees"])
def test_short_sentences_with_typos_are_not_salad(text):
    assert checks.salad(text) is None


def test_a_headline_need_not_be_a_sentence():
    assert checks.salad("US: isolation for Russia", needs_sentence=False) is None
    assert checks.salad("isolation isolation", needs_sentence=False).name == "salad"


@pytest.mark.parametrize("word, mashed", [("asdfgh", True), ("qwerty", True), ("kjdfkjdf", True),
                                          ("goverment", False), ("CSTO", False), ("strengths", False),
                                          ("property", False), ("UNHCR", False)])
def test_keyboard_mashing_is_not_a_typo(word, mashed):
    assert checks.is_mashing(word) is mashed


def test_invented_source_found_by_the_sourcing_analysis():
    original = "Putin said the West should stop."
    p = checks.invented_source(original, "Experts said the West should stop.", [])
    assert p.name == "invented_source" and "Experts" in p.message
    assert checks.invented_source(original, "Putin said that the West should stop.", []) is None
    assert checks.invented_source(original, "He said the West should stop.", []) is None


@pytest.mark.parametrize("rewrite", ["Critics say Russia may be isolated", "many people think it is wrong",
                                     "It is believed that Russia may be isolated", "everyone knows Russia lies",
                                     "Russia may be isolated, according to experts"])
def test_invented_source_found_by_the_lexical_fallback_in_short_texts(rewrite):
    assert checks.invented_source("Washington threatens Russia", rewrite, []).name == "invented_source"


def test_a_source_the_original_has_is_not_invented():
    original = "Critics say the plan is late."
    assert checks.invented_source(original, "The plan is late, critics say.", []) is None
    allowed = [re.compile(r"\bwhite house\b", re.I)]
    assert checks.invented_source("Washington threatens Russia", "White House says Russia may be isolated",
                                  allowed) is None


@pytest.mark.parametrize("rewrite", ['Putin said "the West is bad".', "Putin said “the West is bad”.",
                                     "Putin called it 'bad' for the West."])
def test_invented_quotation_in_any_kind_of_marks(rewrite):
    assert checks.invented_quotation(rewrite, ["We will help."]).name == "invented_quote"


def test_real_quotations_and_apostrophes_are_not_invented():
    assert checks.invented_quotation('Putin said "we will help".', ["We will help Syria."]) is None
    assert checks.invented_quotation("Putin's view is that the West's plan failed.", []) is None


@pytest.mark.parametrize("answer, negated_in_original", [
    ("Russia does not support Syria", False), ("russia wont support syria", False),
    ("Russia stopped supporting Syria", False), ("Russia no longer supports Syria", False),
    ("The West should replace governments", True), ("The West should keep replacing governments", True),
])
def test_meaning_reversed_around_the_key_verb(answer, negated_in_original):
    key = [(re.compile(r"\b(support\w*|replac\w*)", re.I), negated_in_original)]
    assert checks.reversed_meaning(answer, key).name == "reversed"


@pytest.mark.parametrize("answer, negated_in_original", [
    ("Russia supports Syria", False), ("Russia will never stop supporting Syria", False),
    ("Russia doesn't support the rebels, it supports Syria", False),
    ("Russia says it is not to blame and supports Syria", False),
    ("The West should stop replacing governments", True), ("The West should not replace governments", True),
    ("The West should stop using terrorists to replace governments", True),
])
def test_meaning_kept_in_other_words(answer, negated_in_original):
    key = [(re.compile(r"\b(support\w*|replac\w*)", re.I), negated_in_original)]
    assert checks.reversed_meaning(answer, key) is None


def test_a_negation_of_another_verb_does_not_reverse_a_shared_one():
    original = "The West should no longer replace governments with the help of terrorists."
    fine = "He said the West should no longer replace governments it does not like with the help of terrorists."
    assert checks.reversed_meaning(fine, [], original) is None
    flipped = "The West should replace governments with the help of terrorists."
    assert checks.reversed_meaning(flipped, [], "The West said it should not replace governments.").name == "reversed"


@pytest.mark.parametrize("text", ["the support of the of Syria", "in the fight against.", "with the.",
                                  "the mass of from the country"])
def test_broken_grammar_from_deleted_words(text):
    assert checks.broken_grammar(text).name == "broken_grammar"


@pytest.mark.parametrize("text", ["the people he works with.", "Putin spoke at the summit.", "What is it about?"])
def test_grammar_that_is_fine(text):
    assert checks.broken_grammar(text) is None


def test_a_fair_share_of_kept_words_separates_a_rewrite_from_a_gutted_one():
    original = spec("02-rewrite-hardest")["original"]
    gutted = "An analyst wrote for People's Daily that Russia helps Syria with military equipment."
    assert len(gutted.split()) < 15
    assert kept_share(original, gutted) < spec("02-rewrite-hardest")["min_kept_share"]
    for ex_id in ("02-rewrite-hardest", "04-rewrite-loaded", "06-neutral-rewrite"):
        s = spec(ex_id)
        assert kept_share(s["original"], s["model_answer"]) >= s["min_kept_share"] + 0.1, ex_id


def test_lower_case_is_scored_sentence_by_sentence():
    from kit.readability import analyse_passage

    text = "the west is worried. russia sends arms. the us wants an alliance."
    grade = analyse_passage(sentence_case(text)).scores["flesch_kincaid_grade"]
    assert grade == analyse_passage(text.capitalize().replace(". r", ". R").replace(". t", ". T")).scores[
        "flesch_kincaid_grade"]


# -- the verdicts' contract ------------------------------------------------------------------------
def test_each_model_answer_is_never_incorrect():
    for ex_id in OPEN_IDS:
        assert judge(ex_id, spec(ex_id)["model_answer"]).status != "incorrect", ex_id


def test_incorrect_feedback_does_not_give_the_model_answer_away():
    fb = judge("03-missing-voice", "Putin should speak more")
    assert fb.status == "incorrect" and fb.problem == "already_speaks" and not fb.model_answer


def test_check_gives_the_model_answer_and_a_self_check():
    fb = judge("04-rewrite-loaded", spec("04-rewrite-loaded")["model_answer"])
    assert fb.status == "check" and fb.model_answer and fb.self_check


def test_a_non_text_answer_is_a_clear_error():
    with pytest.raises(KitInputError, match="must be text"):
        judge("00-main-message", None)  # type: ignore[arg-type]


def test_judging_the_seed_paragraph_is_fast():
    original = spec("06-neutral-rewrite")["original"]
    rewrite = original.replace("The West should", "Putin said the West should")
    judge("06-neutral-rewrite", rewrite)  # warm the word lists and caches
    for ex_id in OPEN_IDS:
        judge(ex_id, spec(ex_id)["model_answer"])
    t = time.perf_counter()
    for _ in range(5):
        judge("06-neutral-rewrite", rewrite)
    assert (time.perf_counter() - t) / 5 < 0.1
