"""Hard inputs through the Python API and kit.inputs: a clear KitInputError or a sensible report, never a crash."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from kit import inputs, render
from kit.article import Article
from kit.errors import KitInputError
from kit.html_text import extract_text, looks_like_html
from kit.inputs import MAX_BYTES, decode, prepare_text, read_source
from kit.report import build_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pravda_putin_syria_csto.txt"
STORY = ("Council approves new bike lanes\n\n"
         "The city council voted on Tuesday to add bike lanes along Main Street. "
         "\"It is a good day for the city,\" the mayor said.\n")


def spans_are_true(text: str, report) -> None:
    """Every span of the report is a slice of `text` (the same check as the property tests, on one text)."""
    def walk(obj):
        if isinstance(obj, dict):
            if isinstance(obj.get("start"), int):
                assert 0 <= obj["start"] <= obj["end"] <= len(text)
                if isinstance(obj.get("text"), str):
                    assert text[obj["start"]:obj["end"]] == obj["text"]
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(report.to_dict())
    for s in report.article.body_sentences + report.article.paragraphs:
        assert text[s.start:s.end] == s.text


# -- the Python API -----------------------------------------------------------------
@pytest.mark.parametrize("text, words", [
    ("", ("empty",)),
    ("   \n\t \u00a0\n", ("white space",)),
    ("A headline\x00 with a NUL.", ("NUL",)),
    ("Text " + "\x01\x02\x03\x04\x05\x06\x07\x08" * 10, ("control characters",)),
    ("1234 5678 !!! ??? ...", ("no letters",)),
    (b"Bytes, not text.", ("bytes", "decode")),
    (None, ("NoneType",)),
    ("Broken \udc80 Unicode here.", ("surrogates",)),
    ("<!DOCTYPE html><html><body><p>A page.</p></body></html>", ("HTML", "prepare_text")),
])
def test_build_report_refuses_with_a_reason(text, words):
    with pytest.raises(KitInputError) as exc:
        build_report(text)
    for w in words:
        assert w in str(exc.value)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "x", "\x00\x00", "...", "\u00a0\u00a0"])
def test_article_of_next_to_nothing_is_empty_not_an_error(text):
    a = Article(text)
    assert a.title == "" and a.body_sentences == [] and a.subheads == []
    # what is left is a stray mark at most ("x", "...", NULs): page furniture, never the news
    assert [p.role for p in a.paragraphs] == (["boilerplate"] if text.strip() else [])
    assert all(text[p.start:p.end] == p.text for p in a.paragraphs)


@pytest.mark.parametrize("text", [
    "Old Mac line ends\r\rThe council voted today. The mayor said it was good.\r",
    "Windows line ends\r\n\r\nThe council voted today. The mayor said it was good.\r\n",
    "Line\u2028separator and paragraph\u2029separator. The council voted today.",
    "Emoji headline 🚲\n\nThe council voted 🚲 today. \"Great,\" said the 👩‍🔬 mayor.\n",
    "Combining marks\n\nThe cafe\u0301 owners met. Their re\u0301sume\u0301s were long.\n",
    "A single word",
    "Title only, no body at all",
    "x" * 5000,
    "Tabs\tand\fform feeds\vand vertical tabs. The council voted.",
    "\u05e9\u05dc\u05d5\u05dd world. Mixed right-to-left text works.",
    "\ufeffA byte-order mark pasted in front. The council voted.",
])
def test_odd_but_real_text_gets_a_report_with_true_spans(text):
    report = build_report(text)
    spans_are_true(text, report)
    for out in (render.to_text(report), render.to_markdown(report), render.to_html(report), report.to_json()):
        assert out


def test_non_english_text_is_analysed_with_a_warning():
    russian = ("Президент России заявил\n\n"
               "Президент России Владимир Путин заявил на саммите, что Россия поддерживает законное "
               "правительство Сирии. По его словам, без сирийской армии невозможно изгнать террористов "
               "из страны. Саммит проходит в Душанбе, где лидеры обсудят вопросы терроризма и экстремизма, "
               "а также ситуацию на границах стран-участниц.\n")
    report = build_report(russian)
    assert any("English" in w for w in report.warnings)
    assert report.readability.counts.words > 20
    spans_are_true(russian, report)


def test_a_200_kb_single_line_is_analysed():
    line = ("The city council voted on Tuesday to add protected bike lanes along Main Street. " * 2500)[:200_000]
    report = build_report(line)
    assert len(report.article.body_sentences) > 2000
    spans_are_true(line, report)


@pytest.mark.parametrize("line", [
    ("U.S. President U.S. Army " * 8000)[:200_000],  # no sentence ends: once quadratic (100 s)
    "a" * 200_000,  # one 200,000-letter "word"
    ("word. word. " * 17000)[:200_000],
])
def test_pathological_200_kb_lines_finish_with_true_spans(line):
    report = build_report(line)
    spans_are_true(line, report)


def test_quotes_with_markup_show_as_text_in_every_rendering():
    text = ('Evil <b>headline</b>\n\n'
            '"<script>alert(1)</script> is what I wrote," he said. <img src=x onerror=alert(2)> is here. '
            'The council voted on Tuesday.\n')
    report = build_report(text)
    page = render.to_html(report)
    assert "<script" not in page and "<img" not in page and "<b>headline" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    md = render.to_markdown(report)
    assert "<script" not in md and "<img" not in md


# -- decoding ---------------------------------------------------------------------
def test_latin1_and_windows_1252_bytes_are_read_and_noted():
    s = decode("Café owners said the tax was unfair.".encode("latin-1"), "f.txt")
    assert s.text == "Café owners said the tax was unfair." and "Windows-1252" in s.note
    s = decode(b"\x93Quoted,\x94 he said \x96 twice.", "f.txt")
    assert s.text == "“Quoted,” he said – twice."
    s = decode(b"Undefined in cp1252: \x81 here, caf\xe9.", "f.txt")  # 0x81: only Latin-1 maps it
    assert s.text.endswith("café.") and "Latin-1" in s.note


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark(codec):
    text = "Café news\n\nThe “council” voted on Tuesday. Prices rose 5 %.\n"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    s = decode(bom + text.encode(codec), "f.txt")
    assert s.text == text
    assert ("UTF-16" in s.note) or ("UTF-32" in s.note)


def test_utf8_bom_is_dropped_silently():
    s = decode(b"\xef\xbb\xbfHello world.", "f.txt")
    assert s.text == "Hello world." and s.note == ""


def test_utf16_without_a_mark_gets_a_hint():
    with pytest.raises(KitInputError, match="UTF-16 text without a byte-order mark"):
        decode("The council voted on Tuesday.".encode("utf-16-le"), "f.txt")


# -- files --------------------------------------------------------------------------
def test_missing_file_folder_and_broken_link(tmp_path):
    with pytest.raises(KitInputError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(KitInputError, match="folder"):
        read_source(str(tmp_path))
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(KitInputError, match="does not exist"):
        read_source(str(link))


def test_a_pipe_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(KitInputError, match="not a regular file"):
        read_source(str(fifo))  # would block forever if it were opened


def test_unreadable_file_says_permission(tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text(STORY, encoding="utf-8")

    def denied(*args, **kwargs):  # tests may run as root, where chmod 000 still reads
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs, "open", denied, raising=False)
    with pytest.raises(KitInputError, match="permission"):
        read_source(str(f))


def test_a_12_mb_file_is_refused_with_the_limit_the_reason_and_how_to_split(tmp_path, monkeypatch):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(12_000_000)  # sparse: 12 MB on paper

    def never(*args, **kwargs):
        raise AssertionError("a file over the limit must be refused before it is read")

    monkeypatch.setattr(inputs, "open", never, raising=False)
    with pytest.raises(KitInputError) as exc:
        read_source(str(f))
    msg = str(exc.value)
    for words in ("12.0 MB", "5 MB", "many articles", "split", "FOLDER"):
        assert words in msg
    assert "\n" not in msg


def test_a_text_over_the_limit_is_refused_by_the_api():
    with pytest.raises(KitInputError, match="characters"):
        build_report("word " * (inputs.MAX_CHARS // 5 + 1))


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("utf-16"))))
    s = read_source("-")
    assert s.name == "standard input" and s.text == STORY and "UTF-16" in s.note
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * (MAX_BYTES + 10))))
    with pytest.raises(KitInputError, match="over 5 MB"):
        read_source("-")


# -- HTML -----------------------------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html><head><title>Bike lanes | City News</title><style>p { color: red }</style>
<script>var ad = "<p>Buy now</p>";</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<aside>Most read: celebrity gossip</aside>
<article><header><h1>Council approves &ldquo;bike lanes&rdquo;</h1><p>By Maria&nbsp;Lopez</p></header>
<p>The city   council voted
on Tuesday to add bike lanes. &lt;script&gt;alert(1)&lt;/script&gt; was in a comment.</p>
<p>&quot;It is a good day,&quot; the mayor said.<br>Shops were not so sure.</p>
<h2>What happens next</h2>
<p>Work starts in May &amp; ends in July.</p>
<footer>Tags: city, bikes</footer></article>
<footer>&copy; City News</footer></body></html>
"""


def test_extract_text_keeps_headings_and_paragraphs_and_drops_the_page_furniture():
    text = extract_text(PAGE)
    assert text.split("\n\n") == [
        "Council approves “bike lanes”",
        "By Maria\u00a0Lopez",
        "The city council voted on Tuesday to add bike lanes. <script>alert(1)</script> was in a comment.",
        "\"It is a good day,\" the mayor said.\nShops were not so sure.",
        "What happens next",
        "Work starts in May & ends in July.\n",
    ]
    for gone in ("Home", "celebrity", "Buy now", "color", "Tags:", "©"):
        assert gone not in text


def test_extract_text_uses_the_title_when_there_is_no_h1_and_refuses_an_empty_page():
    assert extract_text("<html><head><title>Just a title</title></head><body><p>Body text.</p></body></html>") \
        == "Just a title\n\nBody text.\n"
    with pytest.raises(KitInputError, match="no readable text"):
        extract_text("<html><head><script>x()</script></head><body><nav>Home</nav></body></html>")


def test_looks_like_html_is_for_pages_not_for_articles_that_quote_tags():
    assert looks_like_html(PAGE)
    assert looks_like_html("  <html><body>x</body></html>")
    assert looks_like_html("<p>One paragraph.</p>\n<p>Two paragraphs.</p>")
    assert not looks_like_html('Hackers\n\n"<script>alert(1)</script>," he wrote. <p>Then</p> more.')
    assert not looks_like_html(SEED.read_text(encoding="utf-8"))


def test_an_html_file_is_read_as_its_text_and_the_report_says_so(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    source = read_source(str(f))
    assert source.text == extract_text(PAGE)
    assert "extracted" in source.note and "offsets" in source.note
    report = build_report(source.text, source.name, note=source.note)
    assert report.article.title == "Council approves “bike lanes”"
    assert any("web page" in w for w in report.warnings)
    spans_are_true(source.text, report)  # offsets index the extracted text
    page = render.to_html(report)
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_pasted_html_goes_through_prepare_text():
    s = prepare_text(PAGE, "pasted")
    assert s.text == extract_text(PAGE) and "web page" in s.note
    assert prepare_text(STORY).text == STORY and prepare_text(STORY).note == ""
    with pytest.raises(KitInputError, match="pasted: the HTML page has no readable text"):
        prepare_text("<html><body><script>x()</script></body></html>", "pasted")


# -- odd markup: read once, never rescanned (issue 15) ---------------------------------------
def test_tag_fragments_that_never_close_are_shown_as_text():
    # html.parser rescanned the rest of the page from each of these: 20,000 took minutes
    page = "<html><body><p>The council met.</p><p>Notes: " + "x <a " * 20_000 + "</p></body></html>"
    text = extract_text(page)
    assert text.startswith("The council met.\n\nNotes: x <a x <a ")
    assert text.count("<a") == 20_000


@pytest.mark.parametrize("junk, shown", [
    ("<!-- never closed ", "<!-- never closed"),
    ("<![CDATA[ never closed ", "<![CDATA[ never closed"),
    ("<a title='never closed ", "<a title='never closed"),
])
def test_unfinished_comments_sections_and_quotes_are_text_and_the_rest_is_read(junk, shown):
    page = f"<html><body><p>Before.</p>{junk * 3}<p>After the junk.</p></body></html>"
    paragraphs = extract_text(page).split("\n\n")
    assert paragraphs[0] == "Before."
    assert shown in paragraphs[1]
    assert paragraphs[-1].strip() == "After the junk."


def test_a_marked_section_html_parser_cannot_name_no_longer_loses_the_page():
    # html.parser raises AssertionError on "<![foo": the whole page used to be refused
    text = extract_text("<html><body><p>A story.</p><![foo bar]><p>More text.</p></body></html>")
    assert text.split("\n\n")[0] == "A story." and text.rstrip().endswith("More text.")


def test_tags_inside_scripts_and_quoted_attributes_are_still_markup():
    page = ("<html><body><script>if (a<b && c>d) { x = '<p>hidden</p>'; }</script>"
            "<div class=\"a\"id=\"b\"><p title=\"x>y\">Kept</p><br/><img src=x.png></div></body></html>")
    assert extract_text(page) == "Kept\n"


def test_unclosed_tags_after_a_nav_are_skipped_and_the_story_after_it_is_kept():
    page = ("<html><body><nav>" + "<b>menu " * 5_000 + "</i>" * 5_000 + "</nav>"
            "<p>The story itself.</p></body></html>")
    assert extract_text(page) == "The story itself.\n"


# -- what a file is, from its first bytes (issue 15) ------------------------------------------
def _zip_with(member: str) -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if member == "mimetype":
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        else:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr(member, "<w:document>The council voted.</w:document>")
    return buf.getvalue()


ASCII_PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
             b"BT /F1 12 Tf (The council voted on Tuesday.) Tj ET\n%%EOF\n")


@pytest.mark.parametrize("data, kind", [
    (ASCII_PDF, "this is a PDF file"),
    (_zip_with("word/document.xml"), "this is a Word document (.docx)"),
    (_zip_with("mimetype"), "this is an OpenDocument text (.odt)"),
    (_zip_with("notes.txt"), "this is a ZIP archive (or a Word or OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "this is an old Microsoft Office file (.doc, .xls or .ppt)"),
    (b"{\\rtf1\\ansi The council voted on Tuesday.\\par }", "this is an RTF (rich text) document"),
    (b"%!PS-Adobe-3.0\n/Times findfont 12 scalefont setfont (The council voted.) show\n", "this is a PostScript file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a picture (PNG)"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "this is a picture (JPEG)"),
    (b"\x1f\x8b\x08\x00" + bytes(20), "this is a compressed file (gzip)"),
])
def test_documents_and_binaries_are_named_by_their_first_bytes(tmp_path, data, kind):
    f = tmp_path / "article.txt"  # the name says text; the bytes say otherwise
    f.write_bytes(data)
    with pytest.raises(KitInputError) as exc:
        read_source(str(f))
    msg = str(exc.value)
    assert msg.startswith(f"{f}: {kind}, not plain text: ")
    assert "\n" not in msg


def test_an_all_ascii_pdf_is_refused_with_what_to_do_not_analysed_as_an_article(tmp_path):
    assert b"\x00" not in ASCII_PDF
    with pytest.raises(KitInputError, match=r"this is a PDF file, not plain text: .*copy it into a \.txt file"):
        decode(ASCII_PDF, "report.pdf")
    with pytest.raises(KitInputError, match="pasted: this is a PDF file"):  # the same text through the API
        build_report(ASCII_PDF.decode("ascii"), "pasted")


def test_text_that_merely_mentions_a_format_is_still_an_article():
    for text in ("PDF files and the %PDF header\n\nThe council voted on Tuesday.\n",
                 "Rich text: {\\rtf is how RTF begins.\n\nThe council voted.\n"):
        assert decode(text.encode(), "f.txt").text == text
        assert build_report(text).article.body_sentences


# -- file names and files that change while being read ----------------------------------------
def test_a_file_deleted_while_being_read_says_so(tmp_path, monkeypatch):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    real_open = open

    def delete_then_open(path, *args, **kwargs):  # another program removes it between the look and the read
        os.remove(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(inputs, "open", delete_then_open, raising=False)
    with pytest.raises(KitInputError) as exc:
        read_source(str(f))
    assert str(exc.value) == f"{f}: the file disappeared while being read (deleted or moved); " \
                             "check it is still there and try again"
    assert "regular file" not in str(exc.value)


def test_names_with_a_newline_or_an_escape_code_stay_on_one_line(tmp_path):
    f = tmp_path / "bad\nname\x1b[31m.txt"
    with pytest.raises(KitInputError) as exc:
        read_source(str(f))
    msg = str(exc.value)
    assert "\n" not in msg and "\x1b" not in msg
    assert msg == f"{tmp_path}/bad\\nname\\x1b[31m.txt: no such file"
    f.write_bytes(ASCII_PDF)
    with pytest.raises(KitInputError, match=r"bad\\nname\\x1b\[31m\.txt: this is a PDF file"):
        read_source(str(f))
    assert inputs.display_name("plain name \u00e9\u00a0.txt") == "plain name \u00e9\u00a0.txt"
    assert inputs.display_name("evil\u202etxt.exe") == "evil\\u202etxt.exe"


# -- what students paste: a web address, a text that is not English (issue 13) ------------------------------
@pytest.mark.parametrize("address", ["https://www.example.com/news/2015/09/putin.html", "www.example.org/a",
                                     "example.com/world/123", "http://a.example/x\nhttp://b.example/y"])
def test_a_web_address_alone_is_refused_with_what_to_do(address):
    from kit.errors import KitInputError
    from kit.inputs import check_text

    with pytest.raises(KitInputError) as exc:
        check_text(address, "pasted text")
    assert "this is a web address" in str(exc.value) and "paste the article's text, not its link" in str(exc.value)


@pytest.mark.parametrize("text", ["Read it at https://example.com/a today.", "See www.example.org for more",
                                  "The meeting ended at 9.30 in room 4.2."])
def test_text_that_mentions_a_link_is_not_a_web_address(text):
    from kit.inputs import check_text, looks_like_web_address

    assert not looks_like_web_address(text) and check_text(text) == text


@pytest.mark.parametrize("text,says", [
    ("Путин заявил, что Москва поддерживает Сирию.", "Cyrillic"),
    ("Ο πρόεδρος είπε ότι η χώρα στηρίζει τη Συρία.", "Greek"),
    ("Der Präsident sagte, dass Russland die Regierung in Syrien unterstützt.", "common English words"),
    ("Путин", "Cyrillic"),  # any length: one word in another script is enough to say so
])
def test_a_text_that_is_not_english_gets_a_note_at_any_length(text, says):
    from kit.inputs import language_note

    note = language_note(text)
    assert says in note and "made for English" in note


@pytest.mark.parametrize("text", ["Putin met leaders in Dushanbe.", "The council voted on Tuesday.",
                                  "Café owners in Montréal said the new rules were fair."])
def test_english_gets_no_language_note(text):
    from kit.inputs import language_note

    assert language_note(text) == ""
