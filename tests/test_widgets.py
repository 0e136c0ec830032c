"""Lesson widgets and exercises, driven without a browser: set a value, read the feedback."""

from __future__ import annotations

import re

import pytest

from kit import widgets as kw
from kit.errors import KitInputError
from kit.lessons.quizzes import Dropdowns, MultipleChoice, PickTheWord
from kit.readability import HARD_GRADE, analyse


def classes(w) -> list[str]:
    return list(w._dom_classes)


def text_of(html_value: str) -> str:
    """Feedback HTML -> visible text (tags dropped, entities kept simple)."""
    return re.sub(r"<[^>]+>", "", html_value).replace("&#x27;", "'").replace("&quot;", '"')


# -- seed loading ----------------------------------------------------------------
def test_load_seed_works_from_any_folder(tmp_path, monkeypatch, seed_text):
    monkeypatch.chdir(tmp_path)
    assert kw.load_seed() == seed_text  # byte-identical: offsets index this text
    assert "\u00a0" in kw.load_seed()  # the two non-breaking spaces are kept


def test_seed_article_is_the_lesson_article():
    a = kw.seed_article()
    assert a.title == "Putin: Russia supports and will support the Syrian government"


def test_missing_seed_is_a_clear_error():
    with pytest.raises(KitInputError, match="seeds/"):
        kw.find_seed("no_such_article.txt")


# -- exercises built without data (the quizzes the lessons compute from the article) ---------------
def test_multiple_choice_feedback_is_instant_and_explained():
    q = MultipleChoice("Who?", ["A", "B", "C"], "B", {"A": "A is a source it cites.", "B": "B signs it."})
    assert "kit-exercise" in classes(q) and "kit-feedback" in classes(q.feedback)
    assert text_of(q.feedback.value) == ""  # nothing is explained before the student picks
    q.choice.value = "A"
    assert "Not quite" in q.feedback.value and "A is a source it cites." in q.feedback.value
    assert "B signs it." not in q.feedback.value and not q.correct
    q.choice.value = "C"  # no explanation given: a generic nudge, still marked wrong
    assert "Not quite" in q.feedback.value and "try another" in q.feedback.value
    q.choice.value = "B"
    assert "✔ Yes" in q.feedback.value and "B signs it." in q.feedback.value
    assert q.correct and "Right on try 3." in text_of(q.feedback.value)


def test_multiple_choice_refuses_an_answer_that_is_not_an_option():
    with pytest.raises(ValueError):
        MultipleChoice("Q", ["a", "b"], "c")
    with pytest.raises(KitInputError, match="not an option"):
        MultipleChoice("Q", ["a", "b"], "a").submit("c")


def test_feedback_is_escaped():
    q = MultipleChoice("Q", ["<b>x</b>", "y"], "y", {"<b>x</b>": "<script>alert(1)</script>"})
    q.choice.value = "<b>x</b>"
    assert "<script>" not in q.feedback.value and "&lt;script&gt;" in q.feedback.value


def test_pick_the_word_marks_targets_and_explains_misses():
    q = PickTheWord("Pick the judgement", "Putin overshadows blood-hungry Obama",
                    {"blood-hungry": "an insult", "overshadows": "a verdict"}, {"putin": "a name, not a judgement"})
    assert "kit-exercise" in classes(q) and "kit-feedback" in classes(q.feedback)
    q.pick("Putin")
    assert "Not quite" in q.feedback.value and "a name, not a judgement" in q.feedback.value
    assert not q.complete
    fb = q.pick("blood-hungry")
    assert fb.status == "incorrect" and fb.problem == "more_to_find"  # right, but not done: no "correct" yet
    assert "✔ Yes" in q.feedback.value and "1 more to find" in q.feedback.value
    fb = q.pick("overshadows")
    assert fb.status == "correct" and "found them all" in q.feedback.value and q.complete
    assert "Found 2 of 2" in q.progress.value and "Right on try 3." in text_of(q.feedback.value)
    picked = [b for b in q.buttons if b.description == "blood-hungry"][0]
    assert picked.icon == "check"  # a shape, not only a colour


def test_pick_the_word_refuses_targets_not_in_the_passage():
    with pytest.raises(ValueError, match="not in the passage"):
        PickTheWord("Q", "a short passage", {"missing": "x"})


def test_dropdowns_count_right_answers_and_never_name_the_right_category():
    q = Dropdowns("Roles?", [("Also read: x", "related link"), ("Situation in Syria", "subhead")],
                  ["subhead", "related link"], {"subhead": "Short, between paragraphs.", "related link": "Links."})
    q.selects[0].value = "related link"
    assert "1 of 2 right" in text_of(q.feedback.value)
    q.selects[1].value = "related link"
    shown = text_of(q.feedback.value)
    assert "Not quite" in shown and "Situation in Syria" in shown and "subhead" not in shown.lower()
    assert "look again" in q.marks[1].value
    q.selects[1].value = "subhead"
    assert "all 2 right" in q.feedback.value and q.score == 2
    # every text box and dropdown is named by what it is about
    assert [d.description for d in q.selects] == ["Also read: x", "Situation in Syria"]
    assert not any(d.description_allow_html for d in q.selects)


# -- views ---------------------------------------------------------------------------
def test_paragraph_html_escapes_and_labels():
    from kit.article import Article

    a = Article("A headline <b>here</b>\n\nThe <script>alert(1)</script> body sentence is here.\n")
    page = kw.paragraph_html(a)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "HEADLINE" in page and "BODY" in page  # labels, not only colour


def test_anatomy_explorer_fades_unticked_roles(seed_article):
    ex = kw.AnatomyExplorer(seed_article)
    assert set(ex.boxes) == {"title", "body", "subhead", "related_link", "boilerplate"}
    assert "3 subhead" in ex.summary.value and "4 related link" in ex.summary.value
    ex.boxes["subhead"].value = False
    assert "subhead" not in ex.summary.value
    assert ex.view.value.count("para subhead dim") == 3
    assert "SUBHEAD" not in ex.view.value  # faded parts lose their label; the others keep it
    assert "RELATED LINK" in ex.view.value


def test_role_counts_for_the_seed(seed_article):
    # counted by hand in the seed: 1 headline, 3 subheads, 4 "Also read" lines, and the
    # signature, subscribe line, author line, "*" and "X" at the end
    assert kw.role_counts(seed_article) == {"headline": 1, "body": 20, "subhead": 3, "related link": 4,
                                            "boilerplate": 5}


def test_table_html_escapes():
    assert "&lt;i&gt;" in kw.table_html([("<i>", 1)], ("a", "b"))


def test_hard_word_quiz_answers_come_from_the_kit(seed_article):
    r = analyse(seed_article)
    urged = next(s for s in r.sentences if s.text.startswith("Putin urged"))
    q = kw.hard_word_quiz(seed_article.text, urged)
    assert set(q.targets) == {w.lower() for w in urged.hard_words}
    assert "geopolitical" in q.targets  # six syllables, not a familiar word
    q.pick("fight")
    assert "Not quite" in q.feedback.value and "1 syllable" in q.feedback.value
    q.pick("geopolitical")
    assert "Yes" in q.feedback.value


def test_scores_table_lists_every_formula(seed_article):
    page = kw.scores_table(analyse(seed_article)).data
    for name in ("Flesch Reading Ease", "Flesch-Kincaid grade", "Gunning Fog", "SMOG", "Coleman-Liau", "ARI",
                 "Dale-Chall", "Consensus grade", "words per sentence"):
        assert name in page


def test_hard_sentence_view_marks_hard_words_with_a_label(seed_article):
    r = analyse(seed_article)
    h = r.hardest(1)[0]
    page = kw.hard_sentence_view(seed_article.text, h).data
    assert page.count('<mark class="hard"') == len(h.hard_words)
    assert "[hard]" in page and "66 words" in page


# -- lesson 07 ----------------------------------------------------------------------------
def test_own_article_lab_explains_bad_input(tmp_path):
    lab = kw.OwnArticleLab(tmp_path)
    for bad in ("", "   \n ", "12 34 56"):
        assert lab.analyse_text(bad) is None
        assert "cannot analyse" in lab.feedback.value and "Traceback" not in lab.feedback.value
        assert lab.save_button.disabled
    assert lab.analyse_bytes(b"%PDF-1.7\x00\x00binary", "paper.pdf") is None
    assert "PDF" in lab.feedback.value


def test_own_article_lab_reports_an_internal_failure_in_words(tmp_path, monkeypatch):
    import kit.report

    def broken(*_a, **_k):
        raise IndexError("list index out of range")

    monkeypatch.setattr(kit.report, "build_report", broken)
    lab = kw.OwnArticleLab(tmp_path)
    assert lab.analyse_text("Headline\n\nThe council met on Monday and agreed the budget.\n") is None
    assert "bug in the kit" in lab.feedback.value and "IndexError" in lab.feedback.value
    assert lab.save_button.disabled and lab.report is None


def test_own_article_lab_analyses_an_uploaded_file(tmp_path, seed_text):
    lab = kw.OwnArticleLab(tmp_path)
    report = lab.analyse_bytes(seed_text.encode("utf-8"), "pravda.txt")
    assert report is not None and report.readability.counts.sentences == 36
    assert "Yes" in lab.feedback.value
    assert "Putin: Russia supports" in lab.result.value and not lab.save_button.disabled


def test_own_article_lab_reads_a_web_page(tmp_path):
    lab = kw.OwnArticleLab(tmp_path)
    page = ("<!DOCTYPE html><html><head><title>t</title><script>var x = 1;</script></head><body>"
            "<h1>Council opens library later</h1><p>The council voted on Tuesday to keep the library open until "
            "eight. The mayor said the change would help students.</p></body></html>")
    report = lab.analyse_bytes(page.encode(), "story.html")
    assert report is not None
    assert "var x" not in report.article.text and report.article.title == "Council opens library later"


def test_own_article_lab_calls_a_sentence_hard_only_above_grade_12(tmp_path, seed_text):
    lab = kw.OwnArticleLab(tmp_path)
    lab.analyse_text("The president met the leaders and said the talks went well.")
    assert lab.report.readability.hardest(1)[0].grade < HARD_GRADE  # grade 3.7, 11 words
    shown = lab.result.value
    assert "No sentence stands out as hard" in shown and "above grade 12" in shown
    assert "Hardest sentence" not in shown and 'class="hard"' not in shown
    lab.analyse_text(seed_text, "seed")
    shown = lab.result.value
    assert "Hardest sentence</strong> (grade 32.0, 66 words" in shown and 'class="hard"' in shown
    assert lab.report.readability.hard(3) and all(s.grade > 12 for s in lab.report.readability.hard(3))


def test_save_as_dropdown_is_wide_enough_for_its_labels(tmp_path):
    lab = kw.OwnArticleLab(tmp_path)
    longest = max(len(label) for label, _v in lab.format.options)
    assert longest <= 16  # "web page (.html)"
    # about 0.6em per character, 2em for the arrow and padding, and the label sits outside the box
    assert lab.format.style.description_width == "initial"
    assert float(lab.format.layout.width.removesuffix("em")) >= len("Save as") * 0.6 + longest * 0.6 + 4


def test_saving_never_overwrites(tmp_path, seed_text):
    sift = kw.SiftChecklist()
    lab = kw.OwnArticleLab(tmp_path, checklist=sift)
    assert lab.save() is None and "analyse an article first" in lab.save_feedback.value
    lab.analyse_bytes(seed_text.encode(), "pravda.txt")
    sift.checks[0].value = True
    sift.notes[0].value = "Pravda.Ru <is> a Russian outlet"
    first = lab.save()
    second = lab.save()
    # named after the article's headline, not the file it came from (issue 13)
    assert first.name == "Putin_Russia_supports_and_will_support_report.html"
    assert second.name == "Putin_Russia_supports_and_will_support_report-2.html"
    page = first.read_text(encoding="utf-8")
    assert "SIFT checklist" in page and "Pravda.Ru &lt;is&gt; a Russian outlet" in page
    lab.format.value = "md"
    md = lab.save()
    assert md.suffix == ".md" and "**Stop**" in md.read_text(encoding="utf-8")
    assert "kit-feedback" in classes(lab.save_feedback) and md.name in lab.save_feedback.value


def test_saved_report_names_are_sanitised_and_never_overwrite(tmp_path):
    from kit.files import write_new

    (tmp_path / "my_story_report.md").write_text("x")
    assert write_new(tmp_path, "my story/report", ".md", "new").name == "my_story_report-2.md"
    assert (tmp_path / "my_story_report.md").read_text() == "x"


def test_sift_checklist_feedback():
    sift = kw.SiftChecklist()
    assert "kit-exercise" in classes(sift) and "0 of 4 moves ticked, notes for 0" in sift.feedback.value
    sift.notes[1].value = "Wikipedia says the outlet is a tabloid"  # feedback answers notes as well as ticks
    assert "notes for 1" in sift.feedback.value
    sift.checks[0].value = True
    assert "write down what you found" in sift.feedback.value
    for c, t in zip(sift.checks, sift.notes):
        t.value = "Other sites say it is owned by a media group"
        c.value = True
    assert "all four moves done" in sift.feedback.value
    assert sift.to_markdown().count("- [x]") == 4


# -- lessons 03-06: sourcing and loaded-language views ----------------------------------------------
@pytest.fixture(scope="module")
def seed_all():
    a = kw.seed_article()
    return (a, *kw.analyse_all(a))


def test_who_speaks_most_quiz_answer_comes_from_the_kit(seed_all):
    _a, _q, sourcing, _l = seed_all
    q = kw.who_speaks_most_quiz(sourcing)
    assert "Vladimir Putin" in q.choice.options and "Josh Earnest" in q.choice.options
    q.choice.value = "Josh Earnest"
    # Earnest is only ever reported, never quoted (counted by hand: four reported statements)
    assert "Not quite" in q.feedback.value and "0 direct quotations" in q.feedback.value
    q.choice.value = "Vladimir Putin"
    assert "Yes" in q.feedback.value


def test_who_speaks_most_quiz_needs_speakers():
    from kit.article import Article

    _q, sourcing, _l = kw.analyse_all(Article("Headline\n\nThe sky was grey over the town on Monday.\n"))
    with pytest.raises(KitInputError):
        kw.who_speaks_most_quiz(sourcing)


def test_sourcing_tables_escape_and_label(seed_all):
    a, _q, sourcing, _l = seed_all
    assert "an analyst at the Shanghai International Studies University" in kw.speakers_table(sourcing).data
    assert ">no<" in kw.speakers_table(sourcing).data  # the anonymous analyst is marked as not named
    assert "According to Putin" in kw.attributions_table(sourcing, "indirect").data
    assert "said" in kw.cue_table(sourcing).data
    view = kw.sourcing_view(a, sourcing).data
    assert "[no source]" in view  # unattributed claims carry a text label


def test_loaded_highlighter_filters_by_voice_and_category(seed_all):
    a, _q, _s, loaded = seed_all
    h = kw.LoadedHighlighter(a, loaded)
    total = len(loaded.matches)
    assert f"Showing {total} of {total}" in h.summary.value
    h.voice.value = "the outlet's own words"
    outlet = sum(m.voice == "outlet" for m in loaded.matches)
    assert f"Showing {outlet} of {total}" in h.summary.value
    assert all(m.voice == "outlet" for m in h.shown)
    for box in h.boxes.values():
        box.value = False
    assert "Showing 0 of" in h.summary.value and "<mark" not in h.view.value
    h.boxes["name_calling"].value = True
    assert all(m.category == "name_calling" and m.voice == "outlet" for m in h.shown)
    assert "outlet]" in h.view.value  # each mark's label names the voice as text


def test_loaded_words_view_is_compact_and_keeps_every_word(seed_all):
    _a, _q, _s, loaded = seed_all
    outlet = [m for m in loaded.matches if m.voice == "outlet"]
    view = kw.loaded_words_view(loaded, voice="outlet")
    # one row per category: fits on a screen (the old table had one wrapped row per use, 35 for the seed)
    assert len(view.rows) <= 10 and sum(r[1] for r in view.rows) == len(outlet)
    assert all(any(m.text in d[0].split(" / ") for d in view.detail) for m in outlet)  # every use, as written
    assert len(view.detail) == len({m.term.lower() for m in outlet})  # one row per term
    # repeated words are counted, not repeated: "terrorism" twice in reported speech (counted by hand:
    # "Putin urged ... the fight against terrorism", "Putin said ... the fight against terrorism")
    assert "terrorism (×2)" in " ".join(r[2] for r in kw.loaded_words_view(loaded, voice="reported").rows)
    # every word, with why and alternatives, one click away in a closed Accordion
    assert view.every.selected_index is None and view.every.get_title(0).startswith("Show all")
    assert sum(d[1] for d in view.detail) == len(outlet)
    assert "blood-hungry" in view.every.children[0].value and "try instead" in view.every.children[0].value
    assert "<script>" not in view.every.children[0].value


def test_loaded_word_quiz_on_the_blood_hungry_link(seed_all):
    a, _q, _s, loaded = seed_all
    link = a.related_links[1]
    assert link.text == "Also read: Putin overshadows blood-hungry, exceptional Obama"
    q = kw.loaded_word_quiz(a, loaded, link)
    assert "blood-hungry" in q.targets
    q.pick("Obama")
    assert "a name" in q.feedback.value
    q.pick("blood-hungry")
    assert "Yes" in q.feedback.value


def test_loaded_rewrite_counts_change_as_you_type_and_judges_on_check(seed_all):
    a, _q, _s, _l = seed_all
    first = a.body_paragraphs[0].text
    lab = kw.LoadedRewrite(first)
    assert "kit-exercise" in classes(lab) and "kit-feedback" in classes(lab.feedback)
    assert "Find them" in lab.live.value and "war-torn" not in lab.live.value  # the start gives nothing away
    lab.box.value = ("Russian President Vladimir Putin said at the CSTO summit that the support of the current "
                     "government of Syria was not connected with the departure of refugees from the country at war.")
    assert ">0<" in lab.counts.value and text_of(lab.feedback.value) == ""  # typing measures, it does not judge
    fb = lab.check()
    # on its own (no exercise data) the kit cannot know the meaning: never a tick, a comparison instead
    assert fb.status == "check" and "✔" not in lab.feedback.value and "compare it with the original" in fb.message
    assert lab.submit("Putin spoke.").status == "incorrect"


def test_loaded_rewrite_protects_quotations():
    original = 'Putin said: "We fight terrorists." The summit ended on Tuesday afternoon in the capital.'
    lab = kw.LoadedRewrite(original)
    fb = lab.submit('Putin said: "We fight armed groups." The summit ended on Tuesday afternoon in the capital.')
    assert (fb.status, fb.problem) == ("incorrect", "invented_quote")  # those words were never in his quotation


def test_neutral_rewrite_counts_sources_then_asks_to_compare(seed_all):
    a, _q, _s, _l = seed_all
    para = next(p for p in a.body_paragraphs if p.text.startswith("Putin urged")).text
    lab = kw.NeutralRewrite(para)
    # only the loaded words changed: the outlet's claim "The West should ..." still has no source
    lab.box.value = ("Putin urged Western countries to put aside foreign policy aims and different treatment in the "
                     "fight against armed groups. The West should no longer replace governments it opposes with "
                     "the help of armed groups.")
    assert "No source yet for" in text_of(lab.live.value) and "The West should" in text_of(lab.live.value)
    fb = lab.check()
    assert fb.status == "check" and any("no source" in n for n in fb.self_check)
    lab.box.value = ("Putin urged Western countries to put aside their foreign policy aims in the fight against armed "
                     "groups. He said the West should no longer replace governments it opposes with the help of "
                     "armed groups.")
    assert lab.after["claims with no source"] == 0 and lab.after["loaded words (outlet's voice)"] == 0
    assert lab.check().status == "check"  # the kit found nothing wrong; the meaning is for the student to compare
    # on its own the lab knows only this paragraph: words in quotation marks that it does not have are invented
    assert lab.submit(lab.box.value.replace("their foreign policy aims", '"geopolitical ambitions"')).problem == (
        "invented_quote")
    # without the exercise's data the kit cannot see every reversal: it asks the student to check for one
    fb = lab.submit("Putin said the West should keep replacing governments with the help of armed groups. "
                    "He urged Western countries to put aside geopolitical ambitions.")
    assert fb.status != "correct" and any("opposite" in s for s in fb.self_check)


def test_terms_in_context_labels_part_and_quotation(seed_article):
    marks = kw.find_terms(seed_article, ["ridiculous", "unfounded"])
    # the subhead (paragraph 15) comes before the paragraph under it; "unfounded" is reported speech
    assert [(seed_article.text[m.start:m.end], m.label) for m in marks] == [
        ("ridiculous", "subhead, not in quotation marks"), ("unfounded", "body, not in quotation marks")]
    page = kw.terms_in_context(seed_article, ["so-called"]).data
    assert "inside quotation marks" in page
    assert "None of these words" in kw.terms_in_context(seed_article, ["zebra"]).data


def test_subheads_with_story_pairs_each_subhead(seed_article):
    page = kw.subheads_with_story(seed_article).data
    assert page.count("<tr>") == 1 + 3  # header + one row per subhead
    assert "Putin also said that accusations against Russia" in page


def test_article_metrics_on_both_seeds(seed_article):
    m = kw.article_metrics(seed_article)
    # counted by hand: ten pairs of quotation marks in the body
    assert m["body sentences"] == 36 and m["body words"] == 859 and m["direct quotations"] == 10
    # tests/fixtures/seed_attributions.json (by hand): 29 attributions, 17 of them Putin's; 4 unattributed claims
    assert m["% of statements by the top source"] == round(100 * 17 / 29, 1) and m["claims with no source"] == 4
    n = kw.article_metrics(kw.seed_article("neutral_library_hours.txt"))
    # the library story has four quotations (Okafor, Brennan, Adeyemi, Hale)
    assert n["direct quotations"] == 4 and n["loaded words, outlet's voice"] == 0
    assert "Gazette (library)" in kw.compare_table({"Pravda": seed_article, "Gazette (library)": kw.seed_article(
        "neutral_library_hours.txt")}).data


def test_categories_table_reads_the_lexicon():
    page = kw.categories_table().data
    assert "Name calling or labelling" in page and "Distancing" in page


def test_html_views_are_not_typeset_as_maths(seed_article):
    # "$86,000 ... $2.3 million" in the library story must stay text, not become LaTeX in JupyterLab
    neutral = kw.seed_article("neutral_library_hours.txt")
    for page in (kw.reader_view(neutral.text).data, kw.paragraph_html(neutral), kw.table_html([("$1", "$2")]),
                 kw.compare_table({"a": neutral}).data, kw.hard_sentence_view(neutral.text,
                                                                              analyse(neutral).sentences[0]).data):
        assert "mathjax_ignore" in page and "tex2jax_ignore" in page


# Symbols beyond Latin text that the lessons may show: all in DejaVu Sans and the default Windows and
# macOS fonts. Emoji (e.g. the light bulb) show as an empty box on machines without an emoji font.
BASIC_SYMBOLS = set("✔✘⚠…—–−→▶☐☑’‘“”·×")


def _unusual(text: str) -> set[str]:
    return {ch for ch in text if ord(ch) >= 0x2000 and ch not in BASIC_SYMBOLS}


def test_feedback_uses_words_and_basic_symbols_only():
    from kit.lessons import feedback

    for head in (feedback.RIGHT, feedback.WRONG, feedback.HINT, feedback.PROBLEM):
        assert re.search(r"[A-Za-z]{3}", head), f"{head!r}: a word, not only a symbol or a colour"
        assert not _unusual(head), head


def test_widgets_and_lessons_have_no_emoji():
    from pathlib import Path

    root = Path(kw.__file__).resolve().parent.parent
    files = [root / "kit" / "widgets.py", root / "kit" / "plots.py", *sorted((root / "kit" / "lessons").glob("*.py")),
             *sorted((root / "lessons").glob("*.ipynb")), root / "lessons" / "README.md"]
    assert len(files) > 10  # the lessons package was found
    for f in files:
        assert not _unusual(f.read_text(encoding="utf-8")), f"{f.name}: {_unusual(f.read_text(encoding='utf-8'))}"


# -- kw.exercise(ID): the lessons' exercises, from the kit's data ------------------------------------
import csv  # noqa: E402
import json  # noqa: E402
from pathlib import Path  # noqa: E402

from kit.grading import exercise_ids, judge, judge_rows, spec  # noqa: E402

ANSWERS = Path(__file__).parent / "fixtures" / "student_answers"
OPEN = [i for i in exercise_ids() if spec(i)["kind"] in ("free_text", "rewrite")]


@pytest.fixture(autouse=True)
def in_lessons(tmp_path, monkeypatch):
    """A fresh folder as the kernel's working directory (where my_work/ goes), and no remembered student."""
    from kit.lessons import work

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(work, "_students", {})
    return tmp_path


def new_session(monkeypatch):
    """What a kernel restart forgets: the cached student id (the widgets are built again by the caller)."""
    from kit.lessons import work

    monkeypatch.setattr(work, "_students", {})


def test_every_exercise_id_builds_a_widget_with_feedback(in_lessons):
    assert kw.exercise_ids() == exercise_ids() and len(exercise_ids()) >= 20
    for ex_id in kw.exercise_ids():
        w = kw.exercise(ex_id)
        assert "kit-exercise" in classes(w) and "kit-feedback" in classes(w.feedback), ex_id
        assert 'region.setAttribute("role", "status")' in w.feedback._esm and w.feedback.value == "", ex_id
        assert 'role="status"' not in w.feedback.value  # no second live region inside the first
        assert callable(w.submit) and w.exercise_id == ex_id


def test_an_unknown_id_is_a_clear_error(in_lessons):
    with pytest.raises(KitInputError, match="03-missing-voice"):
        kw.exercise("03-missing-voices")


def _rows(ex_id):
    with open(ANSWERS / f"{ex_id}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("ex_id", OPEN)
def test_submit_gives_the_verdict_of_the_hand_written_tables(ex_id, in_lessons):
    """The widget, not only kit.grading: every hand-written answer gets the status its table allows."""
    w = kw.exercise(ex_id)
    for row in _rows(ex_id):
        fb = w.submit(row["answer"])
        allowed = set(row["status"].split("|"))
        assert fb.status in allowed, f"{row['answer']!r}: {fb.status} ({fb.message}); {row['why']}"
        if row["problem"]:
            assert fb.problem == row["problem"], row["answer"]
        shown = text_of(w.feedback.value)
        assert ("✔" in shown) == (fb.status == "correct"), (row["answer"], shown)  # a tick only for "correct"
        if fb.status == "check":  # the model answer and the list to compare it with, point by point
            assert spec(ex_id)["model_answer"] in text_of(w.feedback.value.replace("&#x27;", "'"))
            assert "one by one" in shown and all(text_of(p) in shown for p in fb.self_check[:1])
        if fb.status == "incorrect" and fb.problem not in ("empty", "dont_know"):
            assert "Not quite" in shown
            assert spec(ex_id)["model_answer"] not in shown  # a wrong answer is not shown the answer


def test_the_check_button_and_submit_take_the_same_path(in_lessons):
    a = kw.exercise("03-missing-voice")
    a.answer.value = "Refugees are missing. A fair report would interview some of them."
    a.check_button.click()
    b = kw.exercise("06-reporter-action")
    assert a.last_feedback == judge("03-missing-voice", a.answer.value)
    assert b.submit("Ask the White House for a comment.") == judge("06-reporter-action",
                                                                    "Ask the White House for a comment.")


def test_tries_are_counted_and_stop_at_the_right_answer(in_lessons):
    w = kw.exercise("00-who-published")
    for wrong in ("Interfax", "Interfax", "The White House"):  # the same answer twice is one try
        w.submit(wrong)
    assert w.tries == 2 and w.solved_on is None
    assert w.submit("Pravda.Ru").status == "correct" and w.solved_on == 3
    assert "Right on try 3." in text_of(w.feedback.value)
    w.submit("Interfax")
    assert w.tries == 3 and "had it right on try 3" in text_of(w.feedback.value)
    empty = kw.exercise("03-missing-voice")
    empty.submit("")  # an empty box is not a try
    assert empty.tries == 0


def test_an_answer_and_its_verdict_survive_a_new_session(in_lessons, monkeypatch):
    w = kw.exercise("03-missing-voice")
    w.submit("un un un say")
    fb = w.submit("Refugees are missing. A fair report would interview some of them.")
    saved = json.loads((in_lessons / "my_work" / "03_who_speaks.json").read_text(encoding="utf-8"))
    entry = saved["answers"]["03-missing-voice"]
    assert entry["value"].startswith("Refugees are missing") and entry["status"] == fb.status == "correct"
    assert entry["tries"] == 2 and entry["solved_on"] == 2
    new_session(monkeypatch)
    again = kw.exercise("03-missing-voice")
    assert again.answer.value == w.answer.value and again.last_feedback == fb
    assert again.tries == 2 and "Right on try 2." in text_of(again.feedback.value)
    assert "is back" in again.saved.value
    # choices, dropdowns, picked words and rewrites come back too
    kw.exercise("01-line-roles").submit({"Situation in Syria very serious": "subhead"})
    kw.exercise("04-pick-loaded").submit("blood-hungry")
    kw.exercise("00-who-published").submit("Interfax")
    kw.exercise("02-rewrite-hardest").box.value = "An analyst wrote in People's Daily."  # a draft, never checked
    new_session(monkeypatch)
    assert kw.exercise("01-line-roles").selects[2].value == "subhead"
    assert kw.exercise("04-pick-loaded").found == {"blood-hungry"}
    assert kw.exercise("00-who-published").choice.value == "Interfax"
    lab = kw.exercise("02-rewrite-hardest")
    assert lab.box.value == "An analyst wrote in People's Daily." and text_of(lab.feedback.value) == ""


def test_a_corrupt_work_file_is_named_and_never_overwritten(in_lessons):
    folder = in_lessons / "my_work"
    folder.mkdir()
    broken = folder / "03_who_speaks.json"
    broken.write_text('{"answers": {"03-missing-voice": ', encoding="utf-8")
    w = kw.exercise("03-missing-voice")
    assert "03_who_speaks.json cannot be read" in text_of(w.saved.value) and "rename" in text_of(w.saved.value)
    assert w.submit("Interview refugees.").status in ("correct", "check")  # the exercise still answers
    assert broken.read_text(encoding="utf-8") == '{"answers": {"03-missing-voice": '
    assert "cannot be read" in text_of(w.saved.value)
    (folder / "00_start_here.json").write_text("[1, 2]", encoding="utf-8")
    assert "not a record of answers" in text_of(kw.exercise("00-who-published").saved.value)


def test_work_is_kept_next_to_the_notebook_never_in_the_package(in_lessons, monkeypatch):
    from kit.errors import KitOutputError
    from kit.lessons.work import work_folder

    assert work_folder() == in_lessons / "my_work"
    monkeypatch.chdir(Path(kw.__file__).parent / "lessons")
    with pytest.raises(KitOutputError, match="package"):
        work_folder()


def _orders(student: str, folder: Path, monkeypatch) -> dict[str, tuple]:
    (folder / "my_work").mkdir(exist_ok=True)
    (folder / "my_work" / "student.json").write_text(json.dumps({"student": student}), encoding="utf-8")
    new_session(monkeypatch)
    mc = [i for i in exercise_ids() if spec(i)["kind"] == "multiple_choice"]
    return {i: tuple(kw.exercise(i).choice.options) for i in mc}


def test_options_are_shuffled_per_student_and_stable_for_each(in_lessons, monkeypatch):
    first = _orders("a1b2c3d4e5f60718", in_lessons, monkeypatch)
    assert _orders("a1b2c3d4e5f60718", in_lessons, monkeypatch) == first  # rerun, restart, next day
    other = _orders("ffeeddccbbaa0099", in_lessons, monkeypatch)
    assert other != first and all(sorted(o) == sorted(first[i]) for i, o in other.items())
    # the answer is not in the same place for everyone (issue 12: 9 of 11 had it second)
    positions = {o.index(spec(i)["answer"]) for i, o in first.items()} | {
        o.index(spec(i)["answer"]) for i, o in other.items()}
    assert len(positions) >= 3


def test_a_new_student_gets_an_id_once(in_lessons, monkeypatch):
    kw.exercise("00-who-published")
    made = json.loads((in_lessons / "my_work" / "student.json").read_text(encoding="utf-8"))["student"]
    new_session(monkeypatch)
    kw.exercise("01-missing-info")
    assert json.loads((in_lessons / "my_work" / "student.json").read_text(encoding="utf-8"))["student"] == made


def test_dropdown_feedback_never_names_the_right_category_of_a_wrong_row():
    s = spec("01-line-roles")
    for line, right in s["items"]:
        for chosen in s["choices"]:
            if chosen != right:
                message = judge_rows("01-line-roles", {line: chosen}).message.lower()
                assert not re.search(rf"\b{re.escape(right)}\b", message), (line, chosen, message)


def test_every_box_and_dropdown_is_named_and_options_are_big_enough(in_lessons):
    from kit.lessons.feedback import STYLE

    for ex_id in exercise_ids():
        w = kw.exercise(ex_id)
        named = [c for c in _descendants(w) if type(c).__name__ in ("Textarea", "Dropdown", "Text")]
        for c in named:
            assert c.description.strip() and not c.description_allow_html, (ex_id, c)
            assert c.description in (spec(ex_id)["question"], *[i[0] for i in spec(ex_id).get("items", [])])
        assert STYLE in [c.value for c in _descendants(w) if type(c).__name__ == "HTML"], ex_id
    assert re.search(r"widget-radio-box label[^{]*\{[^}]*min-height: 24px", STYLE)


def _descendants(w):
    out = [w]
    for c in getattr(w, "children", ()):
        out += _descendants(c)
    return out


def test_a_stale_widget_says_run_this_cell_again():
    from kit.lessons.feedback import STYLE

    w = kw.exercise("05-also-read")
    stale = [c for c in _descendants(w) if "kit-stale" in getattr(c, "_dom_classes", ())]
    assert len(stale) == 1 and "Run this cell again" in stale[0].value
    # hidden, until JupyterLab marks the widget disconnected (kernel restarted, or restored from a saved notebook)
    assert ".kit-exercise .kit-stale {display: none;}" in STYLE
    assert ".kit-exercise.jupyter-widgets-disconnected .kit-stale {display: block;}" in STYLE


def test_where_no_widget_can_be_drawn_the_notebook_shows_the_question_and_what_to_do():
    w = kw.exercise("00-who-published")
    bundle = w._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "Who published this article?" in bundle["text/html"] and "Run this cell" in bundle["text/plain"]
    assert "Pravda.Ru" not in bundle["text/html"] + bundle["text/plain"]


def test_export_writes_escaped_markdown_and_html(in_lessons):
    mistune = pytest.importorskip("mistune")
    w = kw.exercise("03-missing-voice")
    w.submit("Refugees [click me](http://evil.example) ![x](http://evil.example/x.png) <script>alert(1)</script> "
             "www.evil.example https://evil.example *loud* # not a heading")
    kw.exercise("03-who-says-ready").submit("Putin")
    shown = kw.export_work("03").data
    assert "my_work/03_who_speaks_answers.md" in shown and "✔" not in shown
    md = (in_lessons / "my_work" / "03_who_speaks_answers.md").read_text(encoding="utf-8")
    page = (in_lessons / "my_work" / "03_who_speaks_answers.html").read_text(encoding="utf-8")
    rendered = mistune.create_markdown(plugins=["url", "strikethrough", "table"])(md)
    assert "<a " not in rendered and "<img" not in rendered and "<script" not in rendered and "<em>loud" not in rendered
    assert "click me" in rendered and "http://evil.example" in rendered  # the words stay, as text
    assert "<script>" not in page and "&lt;script&gt;" in page and "<a " not in page
    assert "Who says" in page and "not right yet (1 try)" in page and "(not answered yet)" in page
    # a second export replaces the pages (they are made from my_work/, which keeps the answers)
    kw.export_work("03")
    assert sorted(p.name for p in (in_lessons / "my_work").glob("03_*")) == [
        "03_who_speaks.json", "03_who_speaks_answers.html", "03_who_speaks_answers.md"]


def test_export_button_writes_the_pages(in_lessons):
    box = kw.export_button("07")
    assert "kit-exercise" in classes(box)
    button = next(c for c in _descendants(box) if type(c).__name__ == "Button")
    button.click()
    fb = next(c for c in _descendants(box) if "kit-feedback" in getattr(c, "_dom_classes", ()))
    assert "07_your_own_article_answers.html" in fb.value
    assert (in_lessons / "my_work" / "07_your_own_article_answers.md").is_file()
    assert "there is no lesson '42'" in text_of(kw.export_work("42").data)


def test_write_replace_replaces_whole_files_only(tmp_path):
    from kit.errors import KitOutputError
    from kit.files import write_replace

    target = tmp_path / "a.json"
    write_replace(target, "one")
    write_replace(target, "two")
    assert target.read_text() == "two" and [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temp file left
    (tmp_path / "d").mkdir()
    with pytest.raises(KitOutputError, match="folder"):
        write_replace(tmp_path / "d", "x")


def test_a_broken_student_file_is_named_and_answers_are_still_saved(in_lessons):
    folder = in_lessons / "my_work"
    folder.mkdir()
    (folder / "student.json").write_text("not json", encoding="utf-8")
    w = kw.exercise("00-who-published")
    assert "student.json cannot be read" in text_of(w.saved.value) and "fixed order" in text_of(w.saved.value)
    w.submit("Pravda.Ru")
    assert (folder / "student.json").read_text(encoding="utf-8") == "not json"  # never overwritten
    assert json.loads((folder / "00_start_here.json").read_text(encoding="utf-8"))["answers"]["00-who-published"][
        "status"] == "correct"
