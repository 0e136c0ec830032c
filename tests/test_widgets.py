"""Lesson widgets and exercises, driven without a browser: set a value, read the feedback."""

from __future__ import annotations

import re

import pytest

from kit import widgets as kw
from kit.errors import KitInputError
from kit.lessons.quizzes import Dropdowns, FreeText, MultipleChoice, PickTheWord
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


# -- exercises ---------------------------------------------------------------------
def test_multiple_choice_feedback_is_instant_and_explained():
    q = MultipleChoice("Who?", ["A", "B", "C"], "B", {"A": "A is a source it cites.", "B": "B signs it."})
    assert "kit-exercise" in classes(q) and "kit-feedback" in classes(q.feedback)
    assert q.feedback.value == ""
    q.choice.value = "A"
    assert "Not quite" in q.feedback.value and "A is a source it cites." in q.feedback.value
    assert not q.correct
    q.choice.value = "C"  # no explanation given: a generic nudge, still marked wrong
    assert "Not quite" in q.feedback.value and "try another" in q.feedback.value
    q.choice.value = "B"
    assert "Yes" in q.feedback.value and "B signs it." in q.feedback.value
    assert q.correct


def test_multiple_choice_refuses_an_answer_that_is_not_an_option():
    with pytest.raises(ValueError):
        MultipleChoice("Q", ["a", "b"], "c")


def test_feedback_is_escaped():
    q = MultipleChoice("Q", ["<b>x</b>", "y"], "y", {"<b>x</b>": "<script>alert(1)</script>"})
    q.choice.value = "<b>x</b>"
    assert "<script>" not in q.feedback.value and "&lt;script&gt;" in q.feedback.value


def test_pick_the_word_marks_targets_and_explains_misses():
    q = PickTheWord("Pick the judgement", "Putin overshadows blood-hungry Obama", {"blood-hungry": "an insult"},
                    {"putin": "a name, not a judgement"})
    assert "kit-exercise" in classes(q) and "kit-feedback" in classes(q.feedback)
    q.pick("Putin")
    assert "Not quite" in q.feedback.value and "a name, not a judgement" in q.feedback.value
    assert not q.complete
    q.pick("blood-hungry")
    assert "Yes" in q.feedback.value and "an insult" in q.feedback.value and "found them all" in q.feedback.value
    assert q.complete
    assert "Found 1 of 1" in q.progress.value
    picked = [b for b in q.buttons if b.description == "blood-hungry"][0]
    assert picked.icon == "check"  # a shape, not only a colour


def test_pick_the_word_refuses_targets_not_in_the_passage():
    with pytest.raises(ValueError, match="not in the passage"):
        PickTheWord("Q", "a short passage", {"missing": "x"})


def test_free_text_hints_then_accepts():
    q = FreeText("Main message?", accept=[r"support", r"syria"], need=2,
                 hints=["Look at the headline.", "Name the country."], model_answer="Russia supports Syria.")
    assert "kit-feedback" in classes(q.feedback)
    q.check()
    assert "write an answer first" in q.feedback.value
    q.answer.value = "It is about support"  # one of two ideas
    assert "Not quite" in q.feedback.value and "Look at the headline." in q.feedback.value
    q.hint()
    assert "Name the country." in q.feedback.value
    q.answer.value = "Russia will keep supporting Syria's government"
    assert "Yes" in q.feedback.value and "Russia supports Syria." in q.feedback.value


def test_free_text_gives_a_hint_not_praise_for_lazy_answers():
    q = FreeText("What would a reporter still have to do?", accept=[r"\btalk(ing)? to\b"], hints=["Who?"])
    for lazy in ("I don't know", "idk", "???", "asdf", "talk to"):
        q.answer.value = lazy
        assert "Hint" in q.feedback.value and "Yes" not in q.feedback.value, lazy
    q.answer.value = "What would a reporter still have to do?"  # the question copied back
    assert "repeats the question" in q.feedback.value
    q.answer.value = "The president met the leaders and said the talks went well."
    assert "Not quite" in q.feedback.value  # 'talks' is not 'talk to': word boundaries
    q.answer.value = "Talk to the refugees."
    assert "Yes" in q.feedback.value


def test_free_text_names_the_missing_idea_and_can_need_all():
    q = FreeText("Rewrite the subhead.", need=None,
                 accept=[(r"\bisolat\w*", "Keep the isolation."), (r"\b(may|could)\b", "Use 'may'.")])
    assert q.need == 2
    q.answer.value = "Russia faces isolation, US says"
    assert "Not quite" in q.feedback.value and "Use &#x27;may&#x27;." in q.feedback.value
    q.answer.value = "Russia may face isolation, US says"
    assert "Yes" in q.feedback.value


def test_dropdowns_count_right_answers():
    q = Dropdowns("Roles?", [("Also read: x", "related link"), ("Situation in Syria", "subhead")],
                  ["subhead", "related link"], {"subhead": "Short, between body paragraphs."})
    q.selects[0].value = "related link"
    assert "1 of 2 right" in text_of(q.feedback.value)
    q.selects[1].value = "related link"
    assert "Not quite" in q.feedback.value and "Short, between body paragraphs." in q.feedback.value
    assert "try again" in q.marks[1].value
    q.selects[1].value = "subhead"
    assert "all 2 right" in q.feedback.value and q.score == 2


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


# -- readability lab -------------------------------------------------------------------
ORIGINAL = ("An analyst at the Shanghai International Studies University wrote for People's Daily, a Chinese "
            "publication, that Russia's assistance to Syria in the form of supplies of military equipment "
            "raised serious concerns in the West.")


def test_rewrite_lab_starts_with_a_hint_and_rescoring_is_live():
    lab = kw.RewriteLab(ORIGINAL, target=10, keep=("analyst", "People's Daily"))
    assert "kit-exercise" in classes(lab) and "kit-feedback" in classes(lab.feedback)
    assert "this is the original" in lab.feedback.value
    assert lab.box.continuous_update  # re-scores on every keystroke
    lab.box.value = "An analyst wrote for People's Daily. Russia sends arms to Syria. The West is worried."
    assert "Yes" in lab.feedback.value
    assert lab.after["sentences"] == 3 and lab.after["words"] == 15
    assert lab.after["grade"] < lab.before["grade"]
    assert ">15<" in lab.table.value  # the words column shows the new count


def test_rewrite_lab_accepts_curly_apostrophes():
    lab = kw.RewriteLab(ORIGINAL, target=10, keep=("analyst", "People's Daily"))
    lab.box.value = "An analyst wrote for People’s  Daily. Russia sends arms to Syria. The West is worried."
    assert "Yes" in lab.feedback.value


def test_rewrite_lab_insists_on_keeping_the_source():
    lab = kw.RewriteLab(ORIGINAL, target=10, keep=("analyst", "People's Daily"))
    lab.box.value = "Russia sends arms to Syria. The West is worried."
    assert "Not quite" in lab.feedback.value and "People's Daily" in text_of(lab.feedback.value)


def test_rewrite_lab_does_not_praise_an_off_topic_sentence(seed_article):
    hardest = analyse(seed_article).hardest(1)[0]
    lab = kw.RewriteLab(hardest.text, target=10, keep=("analyst", "People's Daily"))
    lab.box.value = "The analyst at People's Daily met the leaders and said the talks went well."
    assert "Yes" not in lab.feedback.value and "about something else" in lab.feedback.value
    # a real simplification drops words but keeps the facts: about a third of the content words here
    lab.box.value = ("An analyst wrote in People's Daily. Russia sends arms to Syria. The West is worried. "
                     "It wants a group to fight the Islamic State with Syria's government.")
    assert "Yes" in lab.feedback.value, lab.feedback.value


def test_loaded_and_neutral_rewrites_do_not_praise_an_off_topic_passage(seed_article):
    off_topic = ("The president met the leaders on Monday and said the talks went well. Everyone agreed to "
                 "meet again next year in a different city, and the weather was pleasant for the whole visit.")
    first = seed_article.body_paragraphs[0].text
    lab = kw.LoadedRewrite(first)
    lab.box.value = off_topic
    assert "Yes" not in lab.feedback.value and "about something else" in lab.feedback.value
    urged = next(p for p in seed_article.body_paragraphs if p.text.startswith("Putin urged"))
    lab = kw.NeutralRewrite(urged.text)
    lab.box.value = off_topic
    assert "Yes" not in lab.feedback.value and "about something else" in lab.feedback.value


def test_rewrite_lab_says_when_the_grade_is_still_too_high():
    lab = kw.RewriteLab(ORIGINAL, target=10, keep=("analyst",))
    long_one = ORIGINAL.replace("Chinese", "Chinese-language")
    lab.box.value = long_one
    assert "Not quite" in lab.feedback.value and "split it into more sentences" in lab.feedback.value
    lab.box.value = ""
    assert "empty" in lab.feedback.value


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
    words = " ".join(r[2] for r in view.rows)
    assert all(any(m.text in d[0].split(" / ") for d in view.detail) for m in outlet)  # every use, as written
    assert len(view.detail) == len({m.term.lower() for m in outlet})  # one row per term
    assert "terrorism (×3)" in words  # repeated words are counted, not repeated
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


def test_loaded_rewrite_counts_change_as_you_type(seed_all):
    a, _q, _s, _l = seed_all
    first = a.body_paragraphs[0].text
    lab = kw.LoadedRewrite(first)
    assert "kit-exercise" in classes(lab) and "kit-feedback" in classes(lab.feedback)
    assert "Find them" in lab.feedback.value  # the start does not give the answers away
    lab.box.value = first.replace("war-torn", "warring")
    assert "Not quite" in lab.feedback.value
    lab.box.value = ("Russian President Vladimir Putin said at the CSTO summit that the support of the current "
                     "government of Syria was not connected with the departure of refugees from the country at war.")
    assert "Yes" in lab.feedback.value, lab.feedback.value
    assert ">0<" in lab.counts.value
    lab.box.value = "Putin spoke."
    assert "less than half" in lab.feedback.value


def test_loaded_rewrite_protects_quotations():
    original = 'Putin said: "We fight terrorists." The summit ended on Tuesday afternoon in the capital.'
    lab = kw.LoadedRewrite(original)
    lab.box.value = 'Putin said: "We fight armed groups." The summit ended on Tuesday afternoon in the capital.'
    assert "inside a quotation" in lab.feedback.value


def test_neutral_rewrite_asks_for_sources_then_words(seed_all):
    a, _q, _s, _l = seed_all
    para = next(p for p in a.body_paragraphs if p.text.startswith("Putin urged")).text
    lab = kw.NeutralRewrite(para)
    assert "claim(s) with no source" in lab.feedback.value
    # only the loaded words changed: the outlet's claim "The West should ..." still has no source
    lab.box.value = ("Putin urged Western countries to put aside foreign policy aims and different treatment in the "
                     "fight against armed groups. The West should no longer replace governments it opposes with "
                     "the help of armed groups.")
    assert "still has no source" in text_of(lab.feedback.value) and "should" in text_of(lab.feedback.value)
    # attributed, but a loaded phrase left in the outlet's voice
    lab.box.value = ("Putin urged Western countries to put aside geopolitical ambitions in the fight against armed "
                     "groups. He said the West should no longer replace governments it opposes with the help of "
                     "armed groups.")
    assert "geopolitical ambitions" in text_of(lab.feedback.value) and "Not quite" in lab.feedback.value
    # quoting the speaker's own phrase makes it his, not the outlet's
    lab.box.value = ('Putin urged Western countries to put aside "geopolitical ambitions" in the fight against armed '
                     "groups. He said the West should no longer replace governments it opposes with the help of "
                     "armed groups.")
    assert "Yes" in lab.feedback.value, lab.feedback.value
    assert lab.after["claims with no source"] == 0 and lab.after["loaded words (outlet's voice)"] == 0


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
