"""Article anatomy: the seed's truth, other layouts, sentence splitting, offsets."""

import pytest

from conftest import SEED, fixture_text
from kit.article import Article, split_sentences, words_in


def test_seed_is_byte_identical_to_shared_copy():
    shared = SEED.parent.parent.parent / "shared" / "seeds" / "000_9e9285c4fc5a6b8b.txt"
    if shared.exists():  # shared/ sits beside the project on CI and dev machines
        assert SEED.read_bytes() == shared.read_bytes()
    data = SEED.read_bytes()
    assert len(data) == 5983
    assert data.count("\u00a0".encode()) == 2


def test_seed_anatomy_truth(seed_article):
    a = seed_article
    assert a.title == "Putin: Russia supports and will support the Syrian government"
    assert len(a.body_paragraphs) == 20
    assert [p.text for p in a.subheads] == [
        "Situation in Syria very serious",
        "Accusing Russia of refugee crisis in Europe ridiculous",
        "Washington threatens larger isolation to Russia",
    ]
    assert len(a.related_links) == 4
    assert all(p.text.startswith("Also read:") for p in a.related_links)
    assert a.outlet == "Pravda.Ru"
    assert a.author == "Dmitry Sudakov"
    assert len(a.body_sentences) == 36


def test_seed_boilerplate_lines(seed_article):
    assert [p.text for p in seed_article.boilerplate] == [
        "Pravda.Ru",
        "Subscribe to Pravda.Ru Telegram channel, Facebook, RSS!",
        "Author`s name Dmitry Sudakov",
        "*",
        "X",
    ]


def test_headline_never_runs_into_first_sentence(seed_article):
    first = seed_article.body_sentences[0]
    assert first.text.startswith("Russian President Vladimir Putin said at the CSTO summit")
    assert "government\n" not in first.text


def test_seed_sentences_checked_by_hand(seed_article):
    texts = [s.text for s in seed_article.body_sentences]
    # a paragraph of three sentences, one of them a colon quote
    assert "Russia is ready to join such an alliance." in texts
    assert ('He reminded what President Putin has repeatedly stated before: '
            '"The future of Syria depends on the Syrians."') in texts
    # ,"  does not end a sentence; ."  does
    assert texts.count('"Together, with out joint effort, we will solve this problem," Russian President Putin said.') == 1
    assert '"We support the government of Syria in confronting the terrorist aggression.' in texts


def test_every_span_indexes_the_raw_text(seed_text, seed_article):
    a = seed_article
    for p in a.paragraphs:
        assert seed_text[p.start:p.end] == p.text
    for s in a.body_sentences:
        assert seed_text[s.start:s.end] == s.text
    for w in a.body_words:
        assert seed_text[w.start:w.end] == w.text
    # the non-breaking spaces stay where they were
    nbsp = [s.text for s in a.body_sentences if "\u00a0" in s.text]
    assert len(nbsp) == 2
    d = a.to_dict()
    for p in d["paragraphs"]:
        assert p["role"] in ("title", "body", "subhead", "related_link", "boilerplate")
    for s in d["body_sentences"]:
        assert seed_text[s["start"]:s["end"]].strip() == seed_text[s["start"]:s["end"]]


def test_wire_story_with_byline_dateline_and_no_subheads():
    text = fixture_text("wire_story.txt")
    a = Article(text)
    assert a.title == "Council approves new bike lanes on Main Street"
    assert a.author == "Maria Lopez"
    assert a.outlet == "The Associated Press"
    assert a.subheads == [] and a.related_links == []
    assert [p.text for p in a.boilerplate] == [
        "By Maria Lopez", "March 3, 2024", "© 2024 The Associated Press. All rights reserved."]
    assert len(a.body_paragraphs) == 4
    texts = [s.text for s in a.body_sentences]
    assert len(texts) == 8
    assert texts[-2] == '"Where will my customers go?" asked Sam Patel, who runs a bakery on Main St.'
    assert texts[3] == '"We have waited a long time for this," said Dr. Ann Lee, who leads a local cycling group.'


def test_dateline_agency_is_the_outlet_when_nothing_else_names_it():
    a = Article("Storm hits coast\n\nMIAMI (Reuters) — A storm hit the coast on Monday. Nobody was hurt.\n")
    assert a.outlet == "Reuters"
    assert len(a.body_sentences) == 2


def test_hard_wrapped_text_with_curly_quotes_and_subhead():
    text = fixture_text("wrapped_curly.txt")
    a = Article(text)
    assert a.title == "Heatwave: schools told to keep pupils indoors"
    assert [p.role for p in a.paragraphs] == [
        "title", "body", "body", "subhead", "body", "related_link", "body", "boilerplate"]
    assert a.paragraphs[1].text.count("\n") == 2  # three wrapped lines are one paragraph
    texts = [s.text for s in a.body_sentences]
    assert len(texts) == 6
    assert texts[2] == "“Water,\nshade and rest are what matter.”"
    assert a.outlet is None and a.author is None


def test_prose_only_text_has_no_title_and_keeps_abbreviations():
    a = Article(fixture_text("prose_only.txt"))
    assert a.title == ""
    assert len(a.body_paragraphs) == 2
    texts = [s.text for s in a.body_sentences]
    assert len(texts) == 4
    assert texts[2].startswith("J. R. Hartley, who chairs")
    assert texts[3] == "The U.S. Embassy donated 300 books last year."


@pytest.mark.parametrize("text, expected", [
    ("Dr. Smith met Mr. Jones at 3 p.m. in Washington, D.C. They talked.", 2),
    ('"Is it true?" she asked. "Yes." He left.', 3),
    ("Prices rose 3.5 percent. Wages did not.", 2),
    ("George W. Bush spoke. Then he left.", 2),
    ("He likes fruit, e.g. apples. She does not.", 2),
    ('"We will win," he said. "We always do."', 2),
    ("The U.S. President arrived. Crowds cheered.", 2),
    ("Wait... What happened? Nobody knows!", 3),
])
def test_sentence_splitting(text, expected):
    spans = split_sentences(text)
    assert len(spans) == expected, [s.text for s in spans]
    for s in spans:
        assert text[s.start:s.end] == s.text


def test_words_keep_hyphens_apostrophes_and_decimals():
    text = "Putin’s war-torn U.S. 3.5 don't"
    assert [w.text for w in words_in(text)] == ["Putin’s", "war-torn", "U.S", "3.5", "don't"]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "*\nX\n", "Just a headline"])
def test_degenerate_texts_do_not_crash(text):
    a = Article(text)
    assert a.body_sentences == []
    for p in a.paragraphs:
        assert text[p.start:p.end] == p.text


def test_web_page_paste_with_time_stamp_caption_and_topics():
    a = Article(fixture_text("web_paste.txt"))
    assert a.title == "Why are energy bills going up again?"
    assert a.author == "Simon Jack"
    roles = [p.role for p in a.paragraphs]
    assert roles.count("body") == 4
    assert [p.text for p in a.subheads] == ["What is the price cap?"]
    # the caption line after "Image caption," is furniture, not a subhead
    caption = next(p for p in a.paragraphs if p.text == "Households will pay more from April")
    assert caption.role == "boilerplate"
    assert next(p for p in a.paragraphs if p.text == "Business editor").role == "boilerplate"
    assert [p.role for p in a.paragraphs[-3:]] == ["boilerplate"] * 3
    assert len(a.body_sentences) == 5


@pytest.mark.parametrize(
    "line, author, outlet",
    [
        ("By Maria Lopez, Riverside Gazette", "Maria Lopez", "Riverside Gazette"),
        ("By Ann Lee, Reuters", "Ann Lee", "Reuters"),
        ("By John Smith, Staff Writer", "John Smith", None),  # a job title, not an outlet
        ("By Ann Lee, political correspondent", "Ann Lee", None),
        ("By Ann Lee in Moscow", "Ann Lee", None),
    ],
)
def test_byline_may_name_the_outlet_after_a_comma(line, author, outlet):
    a = Article("Council passes budget\n\n" + line + "\n\nThe council met on Tuesday and voted on the budget. It passed.")
    assert (a.author, a.outlet) == (author, outlet)
    assert a.paragraphs[1].role == "boilerplate"


def test_british_and_police_titles_do_not_end_sentences():
    text = "The Mayor, Cllr. Jane Roe, said the bins would go. Det. Insp. Ann Lee arrived. Then it rained."
    assert [s.text for s in split_sentences(text)] == [
        "The Mayor, Cllr. Jane Roe, said the bins would go.", "Det. Insp. Ann Lee arrived.", "Then it rained."]


# -- line endings: layout, not rewriting (issue 15) -------------------------------------------
@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_cr_and_crlf_files_have_the_same_anatomy_as_the_lf_file(seed_text, seed_article, newline):
    raw = seed_text.replace("\n", newline)
    a = Article(raw)
    assert a.text is raw  # offsets index what the user gave, nothing is normalised
    assert a.title == seed_article.title == "Putin: Russia supports and will support the Syrian government"
    assert [p.text for p in a.subheads] == [p.text for p in seed_article.subheads]
    assert len(a.subheads) == 3
    assert [p.role for p in a.paragraphs] == [p.role for p in seed_article.paragraphs]
    assert len(a.body_paragraphs) == 20
    assert (a.author, a.outlet) == ("Dmitry Sudakov", "Pravda.Ru")
    assert [s.text for s in a.body_sentences] == [s.text for s in seed_article.body_sentences]
    for part in a.paragraphs + a.body_sentences:
        assert raw[part.start:part.end] == part.text
        assert "\r" not in part.text and "\n" not in part.text


def test_a_lone_cr_inside_a_line_of_an_lf_file_breaks_the_line():
    a = Article("Council votes\r\rThe council voted on Tuesday to add lanes. It was close.\n")
    assert a.title == "Council votes"
    assert [s.text for s in a.body_sentences] == ["The council voted on Tuesday to add lanes.", "It was close."]


# -- long runs that used to backtrack (issue 15) -----------------------------------------------
def test_a_first_paragraph_of_two_letters_and_160000_spaces_is_read():
    # the dateline pattern took 43 s on this; it now looks at the paragraph's first characters
    text = "Title here\n\nAB" + " " * 160_000 + "x.\n\nThe council met on Tuesday.\n"
    a = Article(text)
    assert a.title == "Title here" and a.outlet is None
    assert [s.text for s in a.body_sentences][-1] == "The council met on Tuesday."


def test_a_dateline_with_a_date_is_still_found():
    a = Article("Vote on lanes\n\nLONDON, March 3 (Reuters) - The council voted. It was close.\n")
    assert a.outlet == "Reuters"


def test_a_byline_rule_over_a_long_run_of_spaces_gives_the_same_author():
    a = Article("Vote on lanes\n\nAuthor's name: Maria Lopez" + " " * 500 + "\n\nThe council voted. It was close.\n")
    assert a.author == "Maria Lopez"
    long = Article("Vote on lanes\n\nAuthor's name: Maria" + " " * 5000 + "Lopez\n\nThe council voted.\n")
    assert long.author is None  # 2 words in 5,000 characters is not a byline line


def test_paragraph_at_finds_the_paragraph_and_none_between_paragraphs(seed_article):
    a = seed_article
    for p in a.paragraphs:
        assert a.paragraph_at(p.start) is p and a.paragraph_at(p.end - 1) is p
        assert a.paragraph_at(p.end) is not p
    assert a.paragraph_at(a.paragraphs[0].end) is None  # the line break after the title
    assert a.paragraph_at(-1) is None and a.paragraph_at(len(a.text)) is None


def test_seed_layout_is_blank_line_paragraphs(seed_article):
    layout = seed_article.layout
    assert (layout.kind, layout.unit, layout.joined, layout.turns) == ("blank_lines", "paragraph", 0, ())
    assert layout.paragraphs == len(seed_article.paragraphs)
    assert layout.note.startswith("Your text had blank lines between paragraphs")
    assert seed_article.to_dict()["layout"]["kind"] == "blank_lines"


def test_run_on_line_is_joined_in_a_line_per_sentence_paste():
    text = ("Bridge repairs start\nWork on the river bridge began on Monday and will last for\n"
            "about six weeks, the county council said.\nOne lane will stay open for cars.\n"
            "Cyclists are asked to use the ferry path.\nThe footpath will be closed at night.\n")
    a = Article(text)
    assert a.layout.joined == 1
    first = a.body_paragraphs[0]
    assert first.text == "Work on the river bridge began on Monday and will last for\nabout six weeks, the county council said."
    assert [s.text for s in a.body_sentences][0] == first.text
