"""Lesson 07 with what students really paste: the sentence a student sees for each (issue 13)."""

from __future__ import annotations

import html

import pytest

from kit import widgets as kw
from kit.lessons.own_article import OwnArticleLab, figures_html, report_name
from kit.lessons.sift import SiftChecklist

RUSSIAN = ("Путин: Россия поддерживает Сирию\n\n"
           "Президент России Владимир Путин заявил, что Москва поддерживает правительство Сирии. "
           "Он сказал это на встрече в Душанбе.\n")
FRENCH = ("La Russie soutient la Syrie\n\n"
          "Le président a dit que la Russie soutient le gouvernement syrien et que les accusations sont fausses.\n")
STORY = ("Council keeps the library open late\n\n"
         "The council voted on Tuesday to keep the library open until eight. The mayor said the change "
         "would help students who work after school.\n")


@pytest.mark.parametrize("address", ["https://www.pravda.ru/news/world/1285-putin_syria/",
                                     "  www.bbc.co.uk/news/world-europe-34265372\n",
                                     "https://a.example/one https://b.example/two"])
def test_a_web_address_is_not_analysed_and_the_student_is_told_to_paste_the_text(tmp_path, address):
    lab = OwnArticleLab(tmp_path)
    assert lab.analyse_text(address) is None
    shown = lab.feedback.value
    assert "this is a web address" in shown and "paste the article&#x27;s text, not its link" in shown
    assert lab.report is None and lab.result.value == "" and lab.save_button.disabled  # nothing to save
    assert "Analyse an article first" in lab.figures.value


def test_a_link_inside_an_article_is_still_an_article(tmp_path):
    lab = OwnArticleLab(tmp_path)
    assert lab.analyse_text(STORY + "\nRead more at https://example.org/library\n") is not None


@pytest.mark.parametrize("text,script", [(RUSSIAN, "Cyrillic"), (FRENCH, None)])
def test_a_text_that_is_not_english_gets_a_note_and_never_a_yes(tmp_path, text, script):
    lab = OwnArticleLab(tmp_path)
    report = lab.analyse_text(text)
    assert report is not None
    shown = lab.feedback.value
    assert "✔" not in shown and "Yes" not in shown and "Hint" in shown
    assert "not" in shown and "English" in shown and "made for English" in shown
    if script:
        assert script in shown
    assert "English" in lab.result.value  # the summary carries the note too, and so does a saved report
    assert any("English" in w for w in report.warnings)


def test_an_english_story_gets_a_yes(tmp_path):
    lab = OwnArticleLab(tmp_path)
    lab.analyse_text(STORY)
    assert "✔ Yes." in lab.feedback.value


def test_a_reading_ease_above_100_is_explained_where_it_is_shown(tmp_path):
    lab = OwnArticleLab(tmp_path)
    report = lab.analyse_text("Dogs run\n\nThe dog ran. The cat sat. We all had fun. It was a good day. "
                              "We went home.\n")
    assert report.readability.scores["flesch_reading_ease"] > 100  # the arithmetic itself is not clipped
    assert "above 100, off the top of the 0-100 scale" in lab.result.value


def test_the_html_note_is_in_a_students_words(tmp_path):
    lab = OwnArticleLab(tmp_path)
    page = ("<!DOCTYPE html><html><body><h1>Council keeps the library open late</h1><p>The council voted on "
            "Tuesday to keep the library open until eight. The mayor said the change would help.</p></body></html>")
    lab.analyse_bytes(page.encode(), "story.html")
    for shown in (lab.feedback.value, lab.result.value):
        assert "web page (HTML)" in shown and "offsets" not in shown and "characters" not in shown


def test_a_paste_with_one_sentence_per_line_says_what_the_kit_assumed(tmp_path):
    # copied from a web page: one sentence per line, no blank lines
    paste = ("Council keeps the library open late\n"
             "The council voted on Tuesday to keep the library open until 8 p.m.\n"
             "The mayor said the change would help students who work after school.\n"
             "Councillor Ruth Adeyemi said the cost should come from the library's own budget.\n"
             "The trial starts in April and will be reviewed after six months.\n"
             "Visitors rose by nine percent last year, according to the library's annual report.\n")
    lab = OwnArticleLab(tmp_path)
    lab.analyse_text(paste)
    note = lab.report.article.layout.note
    assert lab.report.article.layout.kind != "blank_lines" and note
    assert note in html.unescape(lab.feedback.value) or note in html.unescape(lab.result.value)


def test_an_ordinary_article_gets_no_layout_note(tmp_path):
    lab = OwnArticleLab(tmp_path)
    lab.analyse_text(STORY)
    assert lab.report.article.layout.note not in html.unescape(lab.feedback.value)


def test_one_current_article_everywhere_in_the_lab(tmp_path, seed_text):
    sift = SiftChecklist()
    lab = OwnArticleLab(tmp_path, checklist=sift)
    lab.analyse_bytes(seed_text.encode(), "fake.txt")
    assert "Putin: Russia supports" in lab.figures.value  # the figures follow the article at once
    assert lab.paste.value == seed_text  # "Load a file" replaces the text in the box
    lab.paste.value = STORY
    lab.analyse_text(lab.paste.value)
    assert "Council keeps the library open late" in lab.figures.value and "Putin" not in lab.figures.value
    saved = lab.save()
    # named and titled after the current (pasted) article, not after the earlier upload
    assert saved.name == "Council_keeps_the_library_open_late_report.html"
    page = saved.read_text(encoding="utf-8")
    assert "<title>Council keeps the library open late</title>" in page
    assert "Council keeps the library open late" in page and "fake" not in saved.name


def test_an_article_without_a_headline_is_named_after_its_file_or_my_article(tmp_path):
    lab = OwnArticleLab(tmp_path)
    report = lab.analyse_text(STORY)
    assert report_name(report) == "Council_keeps_the_library_open_late"
    prose = lab.analyse_text(STORY.split("\n\n", 1)[1])  # only the body: no headline
    assert not prose.article.title
    assert report_name(prose) == "my_article" and report_name(prose, "story") == "story"
    lab.analyse_bytes(STORY.split("\n\n", 1)[1].encode(), "council notes.txt")
    assert lab.name == "council notes"  # then the file's own name, made safe when saved


def test_the_practice_cell_never_overwrites_the_students_own_text(tmp_path):
    lab = OwnArticleLab(tmp_path, keep_text=True)
    lab.practise()  # an empty box: the practice article is loaded and analysed
    assert "Riverside" in lab.paste.value and lab.report is not None
    lab.paste.value = STORY  # the student pastes their own article ...
    lab.analyse_text(lab.paste.value)
    lab.practise()  # ... and the practice cell runs again (Run All)
    assert lab.paste.value == STORY and lab.report.article.title == "Council keeps the library open late"
    assert "your own text is in the box" in lab.feedback.value
    again = OwnArticleLab(tmp_path, keep_text=True)  # Run All makes a new lab in the same kernel
    again.practise()
    assert again.paste.value == STORY and again.report.article.title == "Council keeps the library open late"


def test_a_lab_without_keep_text_starts_empty(tmp_path):
    OwnArticleLab(tmp_path, keep_text=True).paste.value = STORY
    fresh = OwnArticleLab(tmp_path)
    assert fresh.paste.value == "" and fresh.report is None


@pytest.mark.parametrize("note", ["ok", "done", "yes I did", "  looked  "])
def test_a_sift_note_of_a_word_or_two_is_not_praised(note):
    sift = SiftChecklist()
    for c, t in zip(sift.checks, sift.notes):
        c.value = True
        t.value = note
    shown = sift.feedback.value
    assert "all four moves done" not in shown and "✔" not in shown
    assert "too short to show what you found" in shown and "notes for 0" in shown


def test_figures_html_says_why_there_is_nothing_to_plot():
    assert "Analyse an article first" in figures_html(None)


def test_the_lesson_namespace_still_offers_the_lab():
    assert kw.OwnArticleLab is OwnArticleLab and kw.SiftChecklist is SiftChecklist


def test_a_huge_paste_is_shown_in_part_and_says_so(tmp_path):
    from kit.lessons.own_article import SHOWN_CHARS

    story = STORY.strip() + "\n\n"
    paste = story + "".join(f"Paragraph {i}: the council met again and the mayor said it went well.\n\n"
                            for i in range(2 * SHOWN_CHARS // 60))
    lab = OwnArticleLab(tmp_path)
    lab.analyse_text(paste)
    shown = lab.result.value
    assert "The marked article stops here" in shown and "The saved report marks the whole article" in shown
    assert "Paragraph 10:" in shown and f"Paragraph {2 * SHOWN_CHARS // 60 - 1}:" not in shown
    assert len(shown) < 40 * SHOWN_CHARS  # the page sent to the browser stays bounded


def test_sift_notes_cannot_smuggle_live_links_or_images_into_the_markdown_report():
    sift = SiftChecklist()
    sift.notes[0].value = "see [my source](javascript:alert(1)) and ![x](http://tracker.example/p.png) <b>hi</b>"
    md = sift.to_markdown()
    assert "\\[my source\\]" in md and "!\\[x\\]" in md and "<b>" not in md


def test_sift_ticks_and_notes_come_back_after_a_restart_and_a_broken_file_is_left_alone(tmp_path):
    first = SiftChecklist(lesson="07_your_own_article", folder=tmp_path)
    first.checks[1].value = True
    first.notes[1].value = "Wikipedia says the outlet is owned by the state broadcaster."
    again = SiftChecklist(lesson="07_your_own_article", folder=tmp_path)  # the next session
    assert again.checks[1].value is True and again.checks[0].value is False
    assert again.notes[1].value == "Wikipedia says the outlet is owned by the state broadcaster."
    broken = tmp_path / "07_your_own_article.json"
    broken.write_text("{not json", encoding="utf-8")
    third = SiftChecklist(lesson="07_your_own_article", folder=tmp_path)
    third.notes[0].value = "I stopped and noticed the story made me angry."
    assert "not being kept" in third.feedback.value and "07_your_own_article.json" in third.feedback.value
    assert broken.read_text(encoding="utf-8") == "{not json"
