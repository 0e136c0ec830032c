"""Text bound for a terminal: control characters shown escaped, never sent raw.

An article or a file name can carry terminal escape sequences (ANSI colours,
an OSC title change, a cursor move) or line breaks. Written raw they recolour
or rewrite a teacher's terminal, and a newline in a file name splits a "one
line on standard error" message in two. These helpers show each such character
as its Python escape (`\\x1b`, `\\n`), which is visible and harmless. They are
for display only: JSON output and every offset keep the exact text.
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls (U+009B is a one-character CSI on some terminals)
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
# keeps tab, newline and the \r of a Windows line ending (a lone \r can overwrite a line)
_CONTROLS_BUT_LAYOUT = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _escape(m: re.Match) -> str:
    ch = m.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\x{ord(ch):02x}")


def one_line(message: str) -> str:
    """A message for standard error: every control character (newlines too) shown escaped."""
    return _CONTROLS.sub(_escape, message)


def shown_name(name: object) -> str:
    """A file name for a message: not-UTF-8 bytes as U+FFFD, control characters escaped."""
    text = str(name).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return one_line(text)


def safe_text(text: str) -> str:
    """A text report for the screen: tabs and line breaks kept, other control characters escaped."""
    return _CONTROLS_BUT_LAYOUT.sub(_escape, text)
