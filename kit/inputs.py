"""Reading what a user gives the kit: files, stdin, pasted text, with clear refusals.

Decoding: UTF-8 (a byte-order mark is dropped); UTF-16 or UTF-32 when the file
starts with that byte-order mark; otherwise, if the bytes are not UTF-8, they
are read as Windows-1252 (a superset of Latin-1, falling back to Latin-1 for
the five bytes Windows-1252 leaves undefined) and `Source.note` says so.

A web page (a `.html`/`.htm` file, or text that starts like one) is turned
into its readable text by `kit.html_text.extract_text`; the note says that the
report, and every offset in it, describes that extracted text.

Offsets in every report index the decoded (or extracted) text.

What a file is comes first from its first bytes (`lexicons/file_signatures.csv`:
PDF, Word, OpenDocument, RTF, PostScript, pictures, sound, archives,
programs), whatever its name and even when it has no NUL byte (an all-ASCII
PDF), so the message can say what to do: "this is a PDF file, ...".

File names in messages are shown with control characters escaped the way
Python's repr() writes them (`\n`, `\x1b`), so an error stays on one line and
a name cannot send terminal escape codes.

A web address on its own ("https://...", "www....") is refused: the kit
cannot fetch it (it never goes online), and a report of a link is a report of
zeros. `language_note()` says when a text of any length is not English (a
non-Latin script, or few common English words), which the word lists and the
readability formulas cannot serve.

Size: files over `MAX_BYTES` (5 MB) and texts over `MAX_CHARS` are refused. A
long news feature is about 0.1 MB; a file fifty times that is not one article
but a book, a dump or a folder's worth of articles pasted together, and one
report over it would average their figures into numbers that describe none of
them. The message says how to split it and analyse the pieces as a batch.
"""

from __future__ import annotations

import re
import stat
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kit.errors import KitInputError
from kit.lexicons import numbered_rows

MAX_BYTES = 5_000_000  # far above any news article (a long feature is ~100 KB)
MAX_CHARS = 5_000_000  # the same limit for text handed to the Python API
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# C0 controls except tab, newline, vertical tab, form feed, carriage return; DEL; C1 controls
_CONTROL = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPLIT_HINT = ("split it into one file per article (or pieces: `split -C 4M --additional-suffix=.txt FILE part_`) "
               "in a folder and run `python -m kit report FOLDER`")
HTML_NOTE = ("read as a web page (HTML): this report describes the text extracted from it (headings and "
             "paragraphs; scripts, menus, sidebars and footers left out), and its offsets count characters "
             "of that extracted text, not of the HTML source")
# The same, said to a student (lesson 07): what the kit read, and what to check
HTML_NOTE_FOR_STUDENTS = ("you gave the kit a web page (HTML), so it kept the page's headings and paragraphs "
                          "and left out its code, menus, sidebars and footers: the report is about that text. "
                          "Check that the whole story is there and nothing else")
WEB_ADDRESS = ("this is a web address, not an article: paste the article's text, not its link (open the "
               "page, select the story from its headline to its last line, copy and paste it)")
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_SCRIPT_OF = {"CYRILLIC": "Cyrillic", "GREEK": "Greek", "ARABIC": "Arabic", "HEBREW": "Hebrew",
              "CJK": "Chinese or Japanese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese",
              "HANGUL": "Korean", "DEVANAGARI": "Devanagari", "THAI": "Thai", "ARMENIAN": "Armenian",
              "GEORGIAN": "Georgian"}
MIN_WORDS_FOR_LANGUAGE = 5  # fewer words cannot tell English from another language written in Latin letters
ENGLISH_SHARE = 0.25  # below this share of common English words a text is probably not English


@dataclass(frozen=True)
class Source:
    """Decoded text with its name and a note on how it was decoded (or "")."""

    name: str
    text: str
    note: str = ""


_SIGNATURE_WINDOW = 65536  # a ZIP's member names ("word/...") sit in its first entries


@dataclass(frozen=True)
class FileKind:
    """What a file's first bytes say it is, and what to do instead (a row of file_signatures.csv)."""

    kind: str  # "a PDF file"
    advice: str  # "open it, select the article's text, ..."
    signature: tuple[tuple[int, bytes], ...]
    contains: bytes

    def message(self, name: str) -> str:
        """One line for the user: the name, what the file is, and what to do."""
        return f"{name}: this is {self.kind}, not plain text: {self.advice}"


@lru_cache(maxsize=1)
def _signatures() -> tuple[FileKind, ...]:
    kinds = []
    for line, row in numbered_rows("file_signatures.csv", ("signature", "contains", "kind", "advice")):
        try:
            parts = tuple((int(off), bytes.fromhex(hexa))
                          for off, hexa in (p.split(":") for p in row["signature"].split()))
        except ValueError:
            raise KitInputError(f"file_signatures.csv, line {line}: the signature {row['signature']!r} is "
                                "not offset:hex pairs (e.g. 0:25504446)") from None
        kinds.append(FileKind(row["kind"], row["advice"], parts, row["contains"].encode()))
    return tuple(kinds)


def file_kind(data: bytes) -> FileKind | None:
    """The kind of document or binary file `data` starts like (PDF, Word, picture, ...), or None for text."""
    head = data[:_SIGNATURE_WINDOW]
    for kind in _signatures():
        if all(head.startswith(magic, off) for off, magic in kind.signature) and \
                (not kind.contains or kind.contains in head):
            return kind
    return None


def _kind_hint(data: bytes) -> str:
    sample = data[:4000]
    if len(sample) >= 8:
        odd_nuls = sample[1::2].count(0) / len(sample[1::2])
        even_nuls = sample[0::2].count(0) / len(sample[0::2])
        if max(odd_nuls, even_nuls) > 0.9 and min(odd_nuls, even_nuls) < 0.1:
            return "it looks like UTF-16 text without a byte-order mark; save it as UTF-8 text"
    return "it looks like a binary file, not text; save the article as plain text (.txt)"


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def too_big_message(name: str, size: int, unit: str = "MB", over: bool = False) -> str:
    """One line that says the limit, why, and how to split.

    `over=True` when only the first bytes were read (standard input), so the size is "over the limit".
    """
    limit = f"{MAX_BYTES // 1_000_000} MB" if unit == "MB" else f"{MAX_CHARS:,} characters"
    have = f"over {limit}" if over else _mb(size) if unit == "MB" else f"{size:,} characters"
    return (f"{name} is {have}; the kit reads up to {limit} at once (a long news story is about 0.1 MB, "
            f"so this is many articles, and one report would mix their figures): {_SPLIT_HINT}")


def decode(data: bytes, name: str = "input") -> Source:
    """Bytes -> Source, or KitInputError saying what the file is (PDF, Word, picture, ...) when it is not text."""
    kind = file_kind(data)
    if kind is not None:
        raise KitInputError(kind.message(name))
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: same first bytes
        try:
            return Source(name, data.decode("utf-32"), "read as UTF-32 (it starts with a UTF-32 mark)")
        except UnicodeDecodeError:
            raise KitInputError(f"{name}: starts like UTF-32 but is not valid UTF-32; save it as UTF-8 text") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Source(name, data.decode("utf-16"), "read as UTF-16 (it starts with a UTF-16 mark)")
        except UnicodeDecodeError:
            raise KitInputError(f"{name}: starts like UTF-16 but is not valid UTF-16; save it as UTF-8 text") from None
    if b"\x00" in data:
        raise KitInputError(f"{name}: contains NUL bytes, {_kind_hint(data)}")
    try:
        return Source(name, data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        return Source(name, data.decode("cp1252"), f"not UTF-8 (byte {bad}); read as Windows-1252/Latin-1")
    except UnicodeDecodeError:
        # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in Windows-1252; Latin-1 maps every byte
        return Source(name, data.decode("latin-1"), f"not UTF-8 (byte {bad}); read as Latin-1")


def check_text(text: str, name: str = "input", *, html_ok: bool = False) -> str:
    """The text itself, or KitInputError when there is nothing an analysis could use.

    A web page's source is refused with a hint (its tags are not words); use
    `prepare_text` or a `.html` file to analyse the page's extracted text.
    """
    if not isinstance(text, str):
        hint = "; decode it first with kit.inputs.decode(data)" if isinstance(text, (bytes, bytearray)) else ""
        raise KitInputError(f"{name}: expected text (a str), got {type(text).__name__}{hint}")
    if not text:
        raise KitInputError(f"{name} is empty: paste or load an article first")
    if len(text) > MAX_CHARS:
        raise KitInputError(too_big_message(name, len(text), unit="chars"))
    if not text.strip():
        raise KitInputError(f"{name} has only white space: paste or load an article first")
    kind = file_kind(text[:_SIGNATURE_WINDOW].encode("utf-8", "ignore"))  # a PDF read as text, say
    if kind is not None:
        raise KitInputError(kind.message(name))
    if "\x00" in text:
        raise KitInputError(f"{name}: contains NUL characters, it looks like a binary file, not text")
    if _SURROGATE.search(text):
        raise KitInputError(f"{name}: contains broken Unicode (unpaired surrogates); "
                            "it was decoded wrongly, read the file as UTF-8")
    controls = len(_CONTROL.findall(text))
    if controls > max(5, len(text) // 100):
        raise KitInputError(f"{name}: {controls} control characters, it looks like a binary file, not text")
    if not any(ch.isalpha() for ch in text):
        raise KitInputError(f"{name} has no letters: there are no words to analyse")
    if looks_like_web_address(text):
        raise KitInputError(f"{name}: {WEB_ADDRESS}")
    if not html_ok and _looks_html(text):
        raise KitInputError(
            f"{name} looks like a web page's source (HTML), and tags are not words: save it as a .html "
            "file and run `python -m kit report FILE.html`, or pass it through kit.inputs.prepare_text(), "
            "which extracts the article's text"
        )
    return text


def looks_like_web_address(text: str) -> bool:
    """True when the text is only web addresses (one or a few links), with no words around them."""
    tokens = text[:10_000].split()
    return bool(tokens) and len(tokens) <= 20 and len(text) < 10_000 and all(_URL.fullmatch(t) for t in tokens)


def _script(ch: str) -> str:
    import unicodedata

    name = unicodedata.name(ch, "")
    return next((label for key, label in _SCRIPT_OF.items() if name.startswith(key)),
                "Latin" if name.startswith("LATIN") else "other")


def language_note(text: str) -> str:
    """A note for a student when `text` is not English, whatever its length ("" when it looks English).

    The word lists and readability formulas are built for English: on another
    language they give numbers that mean nothing (a Flesch Reading Ease of 114
    for a short Russian paragraph). Two tests: most letters in another script,
    or (from five words on) few of the words on the list of common English words.
    """
    sample = text[:30_000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return ""
    scripts: dict[str, int] = {}
    for ch in letters[:5000]:
        script = "Latin" if ch.isascii() else _script(ch)
        scripts[script] = scripts.get(script, 0) + 1
    top, count = max(scripts.items(), key=lambda kv: kv[1])
    if top != "Latin" and count > sum(scripts.values()) / 2:
        return (f"this text does not look like English: most of its letters are {top}. The kit's word lists "
                "and readability formulas are made for English, so its numbers would mean nothing here; "
                "analyse an article in English")
    from kit.syllables import easy_words  # on demand: most callers never need the word list

    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", sample)[:2000]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return ""
    common = easy_words()
    share = sum(w.lower().replace("’", "'") in common for w in words) / len(words)
    if share < ENGLISH_SHARE:
        return (f"this text may not be English: only {share:.0%} of its words are common English words. The "
                "kit's word lists and readability formulas are made for English, so its numbers would mean "
                "little here; analyse an article in English")
    return ""


def prepare_text(text: str, name: str = "input", html: bool | None = None) -> Source:
    """Pasted or loaded text -> Source ready for `build_report(source.text, note=source.note)`.

    HTML (`html=True`, or `None` and the text starts like a web page) is
    replaced by its extracted text, and the note says so.
    """
    if isinstance(text, str) and (html or (html is None and _looks_html(text))):
        from kit.html_text import extract_text

        if len(text) > MAX_CHARS:
            raise KitInputError(too_big_message(name, len(text), unit="chars"))
        try:
            extracted = extract_text(text)
        except KitInputError as exc:
            raise KitInputError(f"{name}: {exc}") from None
        return Source(name, check_text(extracted, name, html_ok=True), HTML_NOTE)
    return Source(name, check_text(text, name))


def _looks_html(text: str) -> bool:
    from kit.html_text import looks_like_html  # imported on demand: most input is plain text

    return looks_like_html(text)


# Characters that would break a one-line message or act on a terminal: controls (newline, ESC),
# line and paragraph separators, and the bidirectional overrides that reorder what is shown.
_UNSAFE_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    return repr(match.group())[1:-1]  # "\n", "\x1b", "\u202e": what Python's repr() writes


def display_name(path: str) -> str:
    """A file name fit to print on one line and to store in JSON.

    Bytes that are not UTF-8 become U+FFFD; control characters (a newline, an
    ANSI escape) and bidirectional overrides are written as repr() writes them.
    """
    name = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return name if name.isprintable() else _UNSAFE_IN_NAME.sub(_escape, name)


def _vanished(name: str) -> KitInputError:
    return KitInputError(f"{name}: the file disappeared while being read (deleted or moved); "
                         "check it is still there and try again")


def _read_file(p: Path, name: str) -> bytes:
    try:
        info = p.stat()  # one look: exists(), is_dir() and is_file() could each see a different moment
    except FileNotFoundError:
        if p.is_symlink():
            raise KitInputError(f"{name}: a link to a file that does not exist") from None
        raise KitInputError(f"{name}: no such file") from None
    except PermissionError:
        raise KitInputError(f"{name}: no permission to read it; check the permissions of its folder") from None
    except OSError as exc:
        raise KitInputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise KitInputError(f"{name} is a folder; give the article's file")
    if not stat.S_ISREG(info.st_mode):
        raise KitInputError(f"{name} is not a regular file (a device or a pipe); save the article to a file")
    if info.st_size > MAX_BYTES:
        raise KitInputError(too_big_message(name, info.st_size))
    try:
        with open(p, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _vanished(name) from None
    except PermissionError:
        raise KitInputError(f"{name}: no permission to read it; check the file's permissions "
                            "(or copy it somewhere you can read)") from None
    except OSError as exc:
        raise KitInputError(f"{name}: cannot read it ({exc.strerror or exc})") from None


def read_source(path: str) -> Source:
    """Read a file (or `-` for standard input) as text, refusing what is not an article."""
    if path == "-":
        name = "standard input"
        if sys.stdin is None:
            raise KitInputError("there is no standard input to read; give a file name")
        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        except OSError as exc:
            raise KitInputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    else:
        p = Path(path)
        name = display_name(path)
        data = _read_file(p, name)
    if len(data) > MAX_BYTES:
        raise KitInputError(too_big_message(name, len(data), over=True))
    source = decode(data, name)
    is_html = path != "-" and Path(path).suffix.lower() in HTML_SUFFIXES
    prepared = prepare_text(source.text, name, html=True if is_html else None)
    note = "; ".join(n for n in (source.note, prepared.note) if n)
    return Source(name, prepared.text, note)
