"""The one way the kit writes a file: never over an existing one, and complete or absent.

Every output (a report with `-o`, a batch's pages, index, JSON Lines or
summary, a lesson's saved report) goes through here:

* the content goes to a hidden temporary file in the target folder
  (`.kit-….tmp`: a batch reading that folder skips hidden files), is flushed
  and fsynced, and only then gets its final name. A full disk, a permission
  problem or Ctrl-C removes the temporary file, so no truncated file is left
  behind to be mistaken for a report or to block the next run;
* the final name is given with `os.link`, which fails if the name is taken
  by anything (a file, a folder, a dangling symbolic link), so an existing
  file is never replaced, even by a race with another program. Where hard
  links are not supported (some USB sticks, network shares) a rename after a
  check is used instead;
* a failure is a `KitOutputError` with one line, "could not write NAME: disk
  full", which the command line shows and turns into exit status 1.

`write_new` picks the first free name `stem.suffix`, `stem-2.suffix`,
`stem-3.suffix`...; `write_exact` and `open_new` want one exact name (a
user's `-o FILE`) and refuse if it exists.
`write_replace` is the one exception: it updates a file the kit keeps for a
student (`my_work/<lesson>.json`), atomically, through the same temporary file.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from kit.errors import KitOutputError
from kit.terminal import shown_name

MAX_STEM_BYTES = 100  # file systems allow 255 bytes per name; leave room for "-9999.html" and be readable
MAX_NUMBERED = 10_000
_UNSAFE = re.compile(r"[^\w.-]+")  # \w keeps letters of every script (é, ж, 新)

_REASONS = {
    errno.ENOSPC: "disk full",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOENT: "no such folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "input/output error (is the disk still connected?)",
    errno.EISDIR: "it is a folder",
    errno.EEXIST: "the name is taken",
    errno.EBADF: "it is closed or not open for writing",
}
# os.link fails with these where the file system has no hard links
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}


def reason(exc: OSError) -> str:
    """A few plain words for why an OSError happened ("disk full", "permission denied")."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def safe_stem(stem: str, max_bytes: int = MAX_STEM_BYTES, default: str = "article") -> str:
    """`stem` fit for a file name on any system: no separators, controls or leading dots, at most `max_bytes`.

    Letters of every script are kept; other runs become `_`. The length is
    capped on the UTF-8 bytes (a CJK character is 3 bytes), cut on a character
    boundary, so a 300-letter headline or a 90-character Chinese file name
    still saves instead of failing with "File name too long".
    """
    safe = _UNSAFE.sub("_", stem).strip("._")
    cut = safe.encode("utf-8", "surrogatepass")[:max_bytes].decode("utf-8", "ignore")
    return cut.rstrip("._") or default


def _suffix(suffix: str) -> str:
    return suffix if not suffix or suffix.startswith(".") else "." + suffix


def _fail(path: Path, exc: OSError) -> KitOutputError:
    return KitOutputError(f"could not write {shown_name(path)}: {reason(exc)}")


def _exists_error(path: Path) -> KitOutputError:
    if path.is_dir():
        return KitOutputError(f"{shown_name(path)} is a folder; give the name of a new file")
    return KitOutputError(f"{shown_name(path)} already exists; choose a new file name (the kit never overwrites)")


def _temp_in(folder: Path, final: Path, encoding: str) -> tuple[Path, IO[str]]:
    """A new hidden temporary file in `folder`, open for writing text (mode from the umask, as a plain open)."""
    for _ in range(100):
        tmp = folder / f".kit-{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _fail(final, exc) from None
        return tmp, os.fdopen(fd, "w", encoding=encoding)
    raise KitOutputError(f"could not write {shown_name(final)}: no free temporary name in {shown_name(folder)}")


def _finish(fh: IO[str]) -> None:
    """Flush and fsync, then close: a full disk shows up here at the latest, not after the rename."""
    try:
        fh.flush()
        os.fsync(fh.fileno())
    finally:
        fh.close()


def _place(tmp: Path, final: Path) -> None:
    """Give the complete file `tmp` the name `final`; FileExistsError if anything has that name."""
    try:
        os.link(tmp, final)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        # no hard links here: check, then rename (a race is possible only on such file systems;
        # on Windows os.rename itself refuses an existing name)
        if os.path.lexists(final):
            raise FileExistsError(errno.EEXIST, "File exists", str(final)) from None
        os.rename(tmp, final)
        return
    os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX); best effort, not possible everywhere."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(tmp: Path) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _names(folder: Path, stem: str, suffix: str) -> Iterator[Path]:
    yield folder / f"{stem}{suffix}"
    for n in range(2, MAX_NUMBERED):
        yield folder / f"{stem}-{n}{suffix}"


def _write(folder: Path, candidates: Iterator[Path], content: str, encoding: str, first: Path) -> Path | None:
    """Write `content` once, then give it the first free name of `candidates` (None: all taken)."""
    tmp, fh = _temp_in(folder, first, encoding)
    try:
        try:
            fh.write(content)
            _finish(fh)
        except OSError as exc:
            raise _fail(first, exc) from None
        for final in candidates:
            try:
                _place(tmp, final)
            except FileExistsError:
                continue
            except OSError as exc:
                raise _fail(final, exc) from None
            _sync_folder(folder)
            return final
        return None
    finally:
        fh.close()  # a no-op when already closed; closes it after an error or Ctrl-C in write
        _remove(tmp)  # gone after a link, or never placed: either way it must not stay


def write_new(folder: str | os.PathLike, stem: str, suffix: str, content: str, *,
              encoding: str = "utf-8") -> Path:
    """Write `content` to a new file `folder/stem.suffix` (or `stem-2.suffix`, ...) and return its path.

    `stem` is made safe and short with `safe_stem`; `suffix` is ".html" or
    "html". Never overwrites; the file is complete or absent; any OSError is a
    one-line KitOutputError.
    """
    folder = Path(folder)
    stem, suffix = safe_stem(stem), _suffix(suffix)
    first = folder / f"{stem}{suffix}"
    if len(f"{stem}-{MAX_NUMBERED}{suffix}".encode("utf-8", "surrogatepass")) > 255:
        raise KitOutputError(f"could not write {shown_name(first)}: the suffix is too long")
    written = _write(folder, _names(folder, stem, suffix), content, encoding, first)
    if written is None:
        raise KitOutputError(f"{shown_name(folder)}: too many files called {stem}{suffix}; choose another folder")
    return written


def check_new(path: str | os.PathLike) -> None:
    """KitOutputError now if `path` is taken or its folder missing, so a user's `-o FILE` fails before any work."""
    path = Path(path)
    if os.path.lexists(path):
        raise _exists_error(path)
    folder = path.parent
    if not folder.is_dir():
        code = errno.ENOTDIR if folder.exists() else errno.ENOENT
        raise _fail(path, OSError(code, os.strerror(code)))


def write_exact(path: str | os.PathLike, content: str, *, encoding: str = "utf-8") -> Path:
    """Write `content` to the new file `path` exactly; KitOutputError if it exists. Complete or absent."""
    path = Path(path)
    check_new(path)
    if _write(path.parent, iter([path]), content, encoding, path) is None:
        raise _exists_error(path)
    return path


class NewFile:
    """What `open_new` yields: `write(text)` into the temporary file; an OSError is a KitOutputError."""

    def __init__(self, path: Path, fh: IO[str]):
        self.path = path
        self._fh = fh

    def write(self, text: str) -> int:
        try:
            return self._fh.write(text)
        except OSError as exc:
            raise _fail(self.path, exc) from None


@contextmanager
def open_new(path: str | os.PathLike, *, encoding: str = "utf-8") -> Iterator[NewFile]:
    """`with open_new(path) as out:` write a new file piece by piece, named `path` only on a clean exit.

    The temporary file is created on entry, so a taken name, a missing folder
    or no permission fails before any work. On an exception or Ctrl-C inside
    the block the temporary file is removed and `path` is never created. A
    write error (disk full) is a KitOutputError, inside the block or at the end.
    """
    path = Path(path)
    check_new(path)
    tmp, fh = _temp_in(path.parent, path, encoding)
    try:
        yield NewFile(path, fh)
        try:
            _finish(fh)
            _place(tmp, path)
        except FileExistsError:
            raise _exists_error(path) from None
        except OSError as exc:
            raise _fail(path, exc) from None
        _sync_folder(path.parent)
    finally:
        fh.close()
        _remove(tmp)


def write_replace(path: str | os.PathLike, content: str, *, encoding: str = "utf-8") -> Path:
    """Write `content` to `path`, replacing the file if it exists: the old or the new file, never half of one.

    The one exception to "never overwrite", for a file the kit itself keeps up
    to date (a student's saved answers, `my_work/<lesson>.json`): the new
    content goes to a temporary file that is fsynced and then renamed over the
    old one (`os.replace`, atomic on one file system). A folder of that name is
    refused; any OSError is a one-line KitOutputError.
    """
    path = Path(path)
    if path.is_dir():
        raise _exists_error(path)
    tmp, fh = _temp_in(path.parent, path, encoding)
    try:
        try:
            fh.write(content)
            _finish(fh)
            os.replace(tmp, path)
        except OSError as exc:
            raise _fail(path, exc) from None
        _sync_folder(path.parent)
    finally:
        fh.close()
        _remove(tmp)
    return path
