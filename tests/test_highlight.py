"""Escaped highlighting shared by the HTML report and the widgets."""

from kit.render import Mark, highlight


def test_article_text_is_escaped_inside_and_outside_marks():
    text = 'A <script>alert(1)</script> and "<img src=x onerror=alert(2)>" here'
    q0 = text.index('"<img')
    out = highlight(text, [Mark(q0, q0 + 28, "quote", "Smith", 'a "title" <b>')])
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'title="a &quot;title&quot; &lt;b&gt;"' in out


def test_a_mark_inside_another_nests_and_both_labels_show():
    text = 'He said "a brutal regime" today.'
    outer = Mark(8, 25, "quote", "Putin")
    inner = Mark(11, 17, "loaded", "loaded")
    assert text[11:17] == "brutal"
    out = highlight(text, [inner, outer])
    assert out == ('He said <mark class="quote">&quot;a <mark class="loaded">brutal'
                   '<sup class="tag">[loaded]</sup></mark> regime&quot;<sup class="tag">[Putin]</sup></mark> today.')


def test_a_mark_crossing_another_is_dropped_not_mangled():
    text = "one two three four"
    out = highlight(text, [Mark(0, 7, "a"), Mark(4, 13, "b")])
    assert out == '<mark class="a">one two</mark> three four'


def test_range_limits_output_and_newlines_become_breaks():
    text = "title\n\nbody line\nnext"
    assert highlight(text, [], 7, len(text)) == "body line<br>\nnext"


def test_an_index_of_marks_gives_the_same_html_as_the_list():
    import random

    from kit.render import MarkIndex

    rng = random.Random(15)
    text = "Para one says \"a brutal regime\" here.\n\nPara two, also <b>.\n\nThird & last."
    two, three = text.index("Para two"), text.index("Third")
    paras = [(0, two - 2), (two, three - 2), (three, len(text))]
    for _ in range(300):
        marks = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randint(0, len(text))
            e = rng.randint(s - 2, len(text) + 2)  # also empty, reversed and past-the-end marks
            marks.append(Mark(s, e, rng.choice("ab"), rng.choice(["", "x"])))
        marks += marks[: rng.randint(0, 2)]  # duplicates are shown once
        index = MarkIndex(marks)
        for s, e in paras + [(0, None)]:
            assert highlight(text, index, s, e) == highlight(text, marks, s, e)
