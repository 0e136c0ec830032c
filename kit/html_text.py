"""A web page (HTML) -> the article's plain text, with the standard library's html.parser.

Students save pages from a browser; the kit analyses words, not markup. The
extraction keeps what a reader reads and leaves out what a page wraps around
it:

* skipped: `script`, `style`, `noscript`, `template`, `svg`, `head` (except
  `<title>`), `nav`, `aside`, `form`, every `footer`, and the site's `header` (a
  `<header>` inside `<article>`/`<main>` is kept: news sites put the headline
  there); a page made only of those is read again with them kept;
* every heading, paragraph, list item, quotation block, table cell and `div`
  becomes its own line, with a blank line between paragraphs, which is the
  plain-text shape `kit.article.Article` expects; `<br>` is a line break;
* entities (`&amp;`, `&nbsp;`, `&#8220;`) are decoded; runs of ASCII white
  space collapse to one space as a browser shows them (a non-breaking space
  stays a non-breaking space);
* when the page has no `<h1>`, its `<title>` becomes the first line.

The report then describes the *extracted* text: its offsets index that text,
not the HTML source. `kit.inputs` says so in the report's warnings.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kit.errors import KitInputError

# Elements whose content a reader never sees as the article.
_ALWAYS_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "aside", "form",
                          "iframe", "object", "canvas", "select", "button"})
_CONTENT = frozenset({"article", "main"})
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "section", "article", "main", "header", "footer", "figure", "figcaption", "table", "tr", "td", "th",
    "caption", "pre", "address", "hr", "body", "html", "details", "summary",
})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")  # what HTML collapses; U+00A0 is not in it

# A whole page, not an article that merely mentions a tag ("<script>" in a quote).
_PAGE_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_FRAGMENT_START = re.compile(r"\s*<(?:p|div|article|section|main|h[1-6])\b[^>]*>", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(r"</(?:p|div|h[1-6]|li|article|section)\s*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for a web page's source (or a fragment that opens with a block tag and closes several).

    Conservative on purpose: an article that quotes `<script>` is still an
    article, so only text that *starts* like markup counts.
    """
    head = text[:5000]
    if _PAGE_START.match(head):
        return True
    return bool(_FRAGMENT_START.match(head)) and len(_BLOCK_CLOSE.findall(head)) >= 2


class _Extractor(HTMLParser):
    def __init__(self, skip_chrome: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_chrome = skip_chrome
        self.lines: list[str] = []  # finished paragraphs; "" marks a <br> break inside one
        self.current: list[str | None] = []  # text pieces; None is a <br>
        self.skip: list[str] = []  # open elements whose text is dropped
        self.content_depth = 0  # inside <article>/<main>
        self.in_title = False
        self.title: list[str] = []
        self.saw_h1 = False

    # -- paragraphs ---------------------------------------------------------------
    def _flush(self) -> None:
        pieces, run = [], []
        for piece in self.current + [None]:
            if piece is None:  # a <br>: the lines inside one paragraph stay separate
                line = _ASCII_SPACE.sub(" ", "".join(run)).strip(" ")
                if line:
                    pieces.append(line)
                run = []
            else:
                run.append(piece)
        self.current = []
        if pieces:
            self.lines.append("\n".join(pieces))

    def _line_break(self) -> None:
        self.current.append(None)

    # -- parser callbacks ----------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title" and self.skip in ([], ["head"]):  # <title> lives in <head>, which is skipped
            self.in_title = True
            return
        if tag == "body" and self.skip[:1] == ["head"]:
            self.skip = []  # "<head>...<body>" without </head> is valid HTML
        if self.skip:
            if tag not in _VOID:
                self.skip.append(tag)
            return
        chrome = self.skip_chrome and (tag == "footer" or (tag == "header" and not self.content_depth))
        if tag in _ALWAYS_SKIP or chrome or \
                any(k == "hidden" for k, _ in attrs):
            if tag not in _VOID:
                self._flush()
                self.skip.append(tag)
            return
        if tag in _CONTENT:
            self.content_depth += 1
        if tag == "h1":
            self.saw_h1 = True
        if tag == "br":
            self._line_break()
        elif tag in _BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs) -> None:
        # <br/>, <img/>, <div/>: never opens anything
        if not self.skip and tag == "br":
            self._line_break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
            return
        if self.skip:
            # close up to the matching open element (HTML forgives missing end tags)
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _CONTENT and self.content_depth:
            self.content_depth -= 1
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.current.append(data)

    def text(self) -> str:
        self._flush()
        paragraphs = list(self.lines)
        title = _ASCII_SPACE.sub(" ", "".join(self.title)).strip(" ")
        if title and not self.saw_h1:
            paragraphs.insert(0, title)
        return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")


def extract_text(html_source: str) -> str:
    """The readable text of a page: headings and paragraphs as lines with blank lines between.

    Raises KitInputError when the page has no readable text at all.
    """
    text = ""
    for skip_chrome in (True, False):  # a page made only of <header>/<footer>: try again keeping them
        parser = _Extractor(skip_chrome)
        try:
            parser.feed(html_source)
            parser.close()
        except Exception as exc:  # html.parser is forgiving, but a broken declaration can still assert
            raise KitInputError(f"the HTML could not be read ({type(exc).__name__}); save the article's "
                                "text as a .txt file instead") from None
        text = parser.text()
        if any(ch.isalpha() for ch in text):
            return text
    raise KitInputError("the HTML page has no readable text (only scripts, menus or markup); "
                        "copy the article's text into a .txt file instead")
