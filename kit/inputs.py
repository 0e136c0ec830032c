"""Reading what a user gives the kit: files, stdin, pasted text, with clear refusals.

Decoding: UTF-8 (a byte-order mark is dropped); UTF-16 when the file starts
with a UTF-16 byte-order mark; otherwise, if the bytes are not UTF-8, they are
read as Windows-1252 (a superset of Latin-1) and `Source.note` says so.
Offsets in every report index the decoded text.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from kit.errors import KitInputError

MAX_BYTES = 5_000_000  # far above any news article (a long feature is ~100 KB)
_CONTROL_OK = "\n\r\t\f\v"


@dataclass(frozen=True)
class Source:
    """Decoded text with its name and a note on how it was decoded (or "")."""

    name: str
    text: str
    note: str = ""


def _kind_hint(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        return "it is a PDF; copy the article's text into a .txt file first"
    if data.startswith(b"PK\x03\x04"):
        return "it looks like a Word/ZIP file; save the article as plain text (.txt) first"
    if data[:4] in (b"\x89PNG", b"GIF8") or data[:3] == b"\xff\xd8\xff":
        return "it is a picture, not text"
    return "it looks like a binary file, not text; save the article as plain text (.txt)"


def decode(data: bytes, name: str = "input") -> Source:
    """Bytes -> Source, or KitInputError with a hint for binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Source(name, data.decode("utf-16"), "read as UTF-16 (it starts with a UTF-16 mark)")
        except UnicodeDecodeError:
            raise KitInputError(f"{name}: starts like UTF-16 but is not valid UTF-16") from None
    if b"\x00" in data:
        raise KitInputError(f"{name}: contains NUL bytes, {_kind_hint(data)}")
    try:
        return Source(name, data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise KitInputError(
            f"{name}: byte {bad} is not UTF-8 and the file is not Windows-1252/Latin-1 either; "
            "save it as UTF-8 text"
        ) from None
    return Source(name, text, f"not UTF-8 (byte {bad}); read as Windows-1252/Latin-1")


def check_text(text: str, name: str = "input") -> str:
    """The text itself, or KitInputError when there is nothing an analysis could use."""
    if not isinstance(text, str):
        raise KitInputError(f"{name}: expected text (a str), got {type(text).__name__}")
    if not text:
        raise KitInputError(f"{name} is empty: paste or load an article first")
    if not text.strip():
        raise KitInputError(f"{name} has only white space: paste or load an article first")
    if "\x00" in text:
        raise KitInputError(f"{name}: contains NUL characters, it looks like a binary file, not text")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _CONTROL_OK)
    if controls > max(5, len(text) // 100):
        raise KitInputError(f"{name}: {controls} control characters, it looks like a binary file, not text")
    if not any(ch.isalpha() for ch in text):
        raise KitInputError(f"{name} has no letters: there are no words to analyse")
    return text


def read_source(path: str) -> Source:
    """Read a file (or `-` for standard input) as text, refusing what is not an article."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "standard input"
    else:
        p = Path(path)
        name = str(p)
        if not p.exists():
            raise KitInputError(f"{name}: no such file")
        if p.is_dir():
            raise KitInputError(f"{name} is a folder; give the article's file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise KitInputError(
                f"{name} is {size / 1e6:.1f} MB; the kit reads articles up to {MAX_BYTES // 1_000_000} MB "
                "(a long news story is about 0.1 MB)"
            )
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise KitInputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise KitInputError(f"{name} is over {MAX_BYTES // 1_000_000} MB; the kit reads articles up to that size")
    source = decode(data, name)
    check_text(source.text, name)
    return source
