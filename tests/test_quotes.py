"""Direct quotations (kit.quotes): marks, pairing within a paragraph, across line breaks and paragraphs.

Texts written for these tests; each quotation's offsets slice the raw text.
"""

from kit.article import Article
from kit.quotes import find_quotations, quote_marks


def _quotes(text: str) -> list[str]:
    scan = find_quotations(Article(text))
    for q in scan.quotations:
        assert text[q.start:q.end] == q.text
        assert text[q.outer_start:q.outer_end].strip("“”\"'‘’") == q.text.strip("“”\"'‘’")
    return [q.text for q in scan.quotations]


def test_marks_skip_apostrophes_and_read_straight_quotes_by_position():
    text = 'He said "it\'s fine" and left.'
    assert quote_marks(text, 0, len(text), single=False) == [(8, "open"), (18, "close")]
    # a plural possessive closes nothing: only the scare quotes are a quotation
    assert _quotes("School meals\n\nParents’ groups say the new menu is ‘a step back’ for pupils.\n") == ["a step back"]


def test_quotation_over_three_lines_in_a_sentence_per_line_text():
    text = ("Bakery wins prize\nThe bakery on Mill Lane won the county prize on Saturday.\n"
            "“We started at four every morning.\nSome weeks we barely slept.\n"
            "It was worth it,” said the owner, Lena Fox.\nThe prize comes with a cheque for 500 pounds.\n")
    assert _quotes(text) == ["We started at four every morning.\nSome weeks we barely slept.\nIt was worth it,"]
    assert find_quotations(Article(text)).unbalanced == []


def test_quotation_over_lines_inside_a_blank_line_block():
    # one block (no blank line inside), lines too long for hard-wrapped prose: the quotation still pairs
    text = ("Harbour plan approved\n\nThe harbour board approved the plan on Monday after a debate of more than three hours "
            "in the old customs house.\n“The boats will have room at last, and the fish market can stay where it is,\n"
            "which is what the fishermen asked for,” said the chair, Ewan Moss, after the vote.\n")
    assert _quotes(text) == ["The boats will have room at last, and the fish market can stay where it is,\n"
                             "which is what the fishermen asked for,"]


def test_news_convention_reopened_paragraph_is_one_group():
    text = ("Long quote\n\n“The first part of what she said runs to the end of this paragraph.\n\n"
            "“The second part closes here,” she said.\n")
    scan = find_quotations(Article(text))
    assert [q.closed for q in scan.quotations] == [False, True]
    assert len({q.group for q in scan.quotations}) == 1


def test_a_quotation_never_closed_is_reported_not_guessed():
    text = "Stray mark\n\nThe mayor said “we will see and then left the hall.\n\nThe meeting ended at nine.\n"
    scan = find_quotations(Article(text))
    assert scan.quotations == [] and [u.text for u in scan.unbalanced] == ["“"]
