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

Linear time on any input. CPython's `html.parser` rescans the rest of the page
from every `<` that opens something it cannot finish (`<a` with no `>` after
it, `<!--` with no `-->`, `<a x='` with no closing quote): a page with many
such fragments took minutes. `_defuse` walks the page once first and turns
every `<` that does not open a complete tag, comment or declaration into
`&lt;`, which the parser reads as the same text it would have produced, so it
never rescans. Open elements inside a skipped part are counted, not searched.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from kit import budget
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


# What html.parser will finish, in a grammar that cannot backtrack (possessive quantifiers): a
# tag name, attributes (quoted, bare or none) and `>`. Stricter than the parser's own: a `<` that
# fails here becomes text, which is what the parser would show for it anyway, or near enough.
_START_TAG = re.compile(r"""
    <([a-zA-Z][^\t\n\r\f\x00<>/\s"'=]*+)             # tag name
    (?:
        (?:[\s/]++|(?<=["']))                       # white space or slashes, or right after a quote
        [^\s/>"'=<][^\s/=>"'<]*+                     # attribute name
        (?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|(?!["'])[^\s<>]*+))?+
    )*+
    [\s/]*+>
""", re.VERBOSE)
_MARKED_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")  # as _markupbase._declname_match
_GT = re.compile(">")
_COMMENT_CLOSE = re.compile(r"--\s*>")  # as _markupbase._commentclose
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")  # <![CDATA[ ... ]]>
_CONDITIONAL_CLOSE = re.compile(r"]\s*>")  # <![if ...]>, <![endif]>
# html.parser.HTMLParser.CDATA_CONTENT_ELEMENTS, and the end tag its set_cdata_mode waits for
_RAW_TEXT = {name: re.compile(r"</\s*" + name + r"\s*>", re.IGNORECASE) for name in ("script", "style")}


class _Next:
    """The next match of a pattern at or after a position, for positions that only grow.

    The last answer stays right until the position passes it, so each search
    covers new ground: linear over a whole walk, where a fresh search from
    every `<` is quadratic.
    """

    def __init__(self, text: str, pattern: re.Pattern) -> None:
        self.text, self.pattern = text, pattern
        self.searched_from = -1
        self.match: re.Match | None = None

    def start_at_or_after(self, pos: int) -> int:
        """Start of the first match at or after `pos`, or -1."""
        m = self.match
        if not (0 <= self.searched_from <= pos and (m is None or m.start() >= pos)):
            self.searched_from = pos
            self.match = m = self.pattern.search(self.text, pos)
        return m.start() if m else -1

    def end_at_or_after(self, pos: int) -> int:
        """End of the first match at or after `pos`, or -1."""
        return self.match.end() if self.start_at_or_after(pos) >= 0 and self.match else -1


def _defuse(source: str) -> str:
    """The page with every `<` that html.parser could not finish written as `&lt;` (one pass)."""
    gt, comment, section, conditional = (_Next(source, p) for p in
                                         (_GT, _COMMENT_CLOSE, _SECTION_CLOSE, _CONDITIONAL_CLOSE))
    out: list[str] = []
    copied = 0
    i = source.find("<")
    steps = 0
    while i >= 0:
        steps += 1
        if not steps & 4095:
            budget.check("reading the web page")
        end, raw_text = _construct_end(source, i, gt, comment, section, conditional)
        if end < 0:
            out += (source[copied:i], "&lt;")
            copied = i + 1
            i = source.find("<", i + 1)
            continue
        if raw_text:  # <script>/<style>: the parser reads no tags until the matching end tag
            close = _RAW_TEXT[raw_text].search(source, end)
            if close is None:
                break  # the rest is script text, which the parser drops without a rescan
            end = close.end()
        i = source.find("<", end)
    out.append(source[copied:])
    return "".join(out)


def _construct_end(source: str, i: int, gt: _Next, comment: _Next, section: _Next,
                   conditional: _Next) -> tuple[int, str]:
    """(end of what the `<` at `i` opens, or -1 if html.parser could not finish it; raw-text tag name)."""
    nxt = source[i + 1:i + 2]
    if nxt.isascii() and nxt.isalpha():
        m = _START_TAG.match(source, i)
        if not m:
            return -1, ""
        name = m.group(1).lower()
        raw = name if name in _RAW_TEXT and not m.group().endswith("/>") else ""
        return m.end(), raw
    if nxt == "/":
        return gt.end_at_or_after(i + 2), ""
    if nxt == "?":
        return gt.end_at_or_after(i + 2), ""
    if nxt == "!":
        if source.startswith("<!--", i):
            return comment.end_at_or_after(i + 4), ""
        if source.startswith("<![", i):
            # html.parser raises on an unknown keyword here; only the known ones are kept
            m = _MARKED_NAME.match(source, i + 3)
            keyword = m.group().strip().lower() if m else ""
            if keyword in ("temp", "cdata", "ignore", "include", "rcdata"):
                return section.end_at_or_after(i + 3), ""
            if keyword in ("if", "else", "endif"):
                return conditional.end_at_or_after(i + 3), ""
            return -1, ""
        return gt.end_at_or_after(i + 2), ""
    return i + 1, ""  # "<" before a space or a digit is text to the parser too


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
        self.skip_count: Counter[str] = Counter()  # the same, counted: `in` on the list was quadratic
        self.tags = 0
        self.content_depth = 0  # inside <article>/<main>
        self.in_title = False
        self.title: list[str] = []
        self.saw_h1 = False

    # -- paragraphs ---------------------------------------------------------------
    def _flush(self) -> None:
        pieces: list[str] = []
        run: list[str] = []
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
    def _skip_push(self, tag: str) -> None:
        self.skip.append(tag)
        self.skip_count[tag] += 1

    def _skip_pop(self) -> str:
        tag = self.skip.pop()
        self.skip_count[tag] -= 1
        return tag

    def handle_starttag(self, tag: str, attrs) -> None:
        self.tags += 1
        if not self.tags & 4095:
            budget.check("reading the web page")
        if tag == "title" and self.skip in ([], ["head"]):  # <title> lives in <head>, which is skipped
            self.in_title = True
            return
        if tag == "body" and self.skip[:1] == ["head"]:
            self.skip = []  # "<head>...<body>" without </head> is valid HTML
            self.skip_count.clear()
        if self.skip:
            if tag not in _VOID:
                self._skip_push(tag)
            return
        chrome = self.skip_chrome and (tag == "footer" or (tag == "header" and not self.content_depth))
        if tag in _ALWAYS_SKIP or chrome or \
                any(k == "hidden" for k, _ in attrs):
            if tag not in _VOID:
                self._flush()
                self._skip_push(tag)
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
            if self.skip_count[tag] > 0:
                while self.skip and self._skip_pop() != tag:
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
    html_source = _defuse(html_source)
    for skip_chrome in (True, False):  # a page made only of <header>/<footer>: try again keeping them
        parser = _Extractor(skip_chrome)
        try:
            parser.feed(html_source)
            parser.close()
        except KitInputError:
            raise  # the time budget ran out inside a callback: its own message
        except Exception as exc:  # noqa: BLE001  html.parser is forgiving, but a broken declaration can still assert
            raise KitInputError(f"the HTML could not be read ({type(exc).__name__}); save the article's "
                                "text as a .txt file instead") from None
        text = parser.text()
        if any(ch.isalpha() for ch in text):
            return text
    raise KitInputError("the HTML page has no readable text (only scripts, menus or markup); "
                        "copy the article's text into a .txt file instead")
