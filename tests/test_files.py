"""kit.files: every output is complete or absent, and never replaces anything already there."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess

import pytest

from kit import files
from kit.errors import KitInputError, KitOutputError

PAGE = "<!DOCTYPE html>\n<p>a whole page, ünïcödé and 新闻</p>\n" * 50


def listing(folder) -> list[str]:
    """Every name in `folder`, hidden temporary files included."""
    return sorted(os.listdir(folder))


class _FullDisk:
    """A text file whose disk fills up: the first `room` characters are written, then ENOSPC."""

    def __init__(self, fh, room: int = 10, error: BaseException | None = None):
        self._fh, self._room = fh, room
        self._error = error or OSError(errno.ENOSPC, "No space left on device")

    def write(self, s: str) -> int:
        self._fh.write(s[:self._room])
        self._fh.flush()  # the truncated part really is on disk, as after a real full disk
        raise self._error

    def __getattr__(self, name):
        return getattr(self._fh, name)


@pytest.fixture
def full_disk(monkeypatch):
    """Make every file kit.files opens run out of space after 10 characters (or raise `error`)."""
    real = os.fdopen

    def install(error: BaseException | None = None):
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FullDisk(real(*a, **k), error=error))

    return install


def test_write_new_writes_the_whole_content_and_numbers_taken_names(tmp_path):
    first = files.write_new(tmp_path, "story", ".html", PAGE)
    second = files.write_new(tmp_path, "story", "html", "second")  # a suffix without its dot is fine
    third = files.write_new(tmp_path, "story", ".html", "third")
    assert (first.name, second.name, third.name) == ("story.html", "story-2.html", "story-3.html")
    assert first.read_text(encoding="utf-8") == PAGE
    assert second.read_text(encoding="utf-8") == "second" and third.read_text(encoding="utf-8") == "third"
    assert listing(tmp_path) == ["story-2.html", "story-3.html", "story.html"]  # no temporary file left


def test_a_name_taken_by_a_file_a_folder_or_a_dangling_link_is_skipped(tmp_path):
    (tmp_path / "r.html").write_text("a student's work", encoding="utf-8")
    (tmp_path / "r-2.html").mkdir()
    (tmp_path / "r-3.html").symlink_to(tmp_path / "nowhere.html")  # a link to a file that does not exist
    path = files.write_new(tmp_path, "r", ".html", PAGE)
    assert path == tmp_path / "r-4.html" and path.read_text(encoding="utf-8") == PAGE
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == "a student's work"
    assert (tmp_path / "r-2.html").is_dir() and not any((tmp_path / "r-2.html").iterdir())
    # the link was not followed: its target was not created behind the user's back
    assert (tmp_path / "r-3.html").is_symlink() and not (tmp_path / "nowhere.html").exists()
    assert listing(tmp_path) == ["r-2.html", "r-3.html", "r-4.html", "r.html"]


def test_a_long_or_cjk_name_saves_instead_of_file_name_too_long(tmp_path):
    latin = files.write_new(tmp_path, "a" * 300, ".html", PAGE)
    cjk = files.write_new(tmp_path, "新闻报道" * 23, ".html", PAGE)  # 92 characters, 276 bytes in UTF-8
    assert latin.name == "a" * 100 + ".html"
    # cut on a character boundary: 33 whole characters (99 bytes), not a broken last one
    assert cjk.name == ("新闻报道" * 23)[:33] + ".html"
    assert cjk.read_text(encoding="utf-8") == PAGE
    again = files.write_new(tmp_path, "新闻报道" * 23, ".html", "again")
    assert again.name == ("新闻报道" * 23)[:33] + "-2.html"


@pytest.mark.parametrize("stem, expected", [
    ("../../etc/passwd", "etc_passwd"),
    ("my story: part 1?", "my_story_part_1"),
    ("a\x1b[31mred\nline", "a_31mred_line"),
    ("...", "article"),
    ("café Москва", "café_Москва"),
])
def test_safe_stem_has_no_separators_controls_or_leading_dots(stem, expected):
    assert files.safe_stem(stem) == expected


def test_disk_full_leaves_no_file_and_says_so_in_one_line(tmp_path, full_disk):
    (tmp_path / "old.html").write_text("kept", encoding="utf-8")
    full_disk()
    with pytest.raises(KitOutputError) as caught:
        files.write_new(tmp_path, "report", ".html", PAGE)
    assert str(caught.value) == f"could not write {tmp_path / 'report.html'}: disk full"
    assert isinstance(caught.value, KitInputError)  # a user's problem: the command line exits 1
    assert listing(tmp_path) == ["old.html"]  # neither a truncated report nor its temporary file


def test_fsync_reporting_a_full_disk_also_leaves_nothing(tmp_path, monkeypatch):
    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)  # delayed allocation: the error comes at fsync
    with pytest.raises(KitOutputError, match="disk full"):
        files.write_exact(tmp_path / "r.txt", PAGE)
    assert listing(tmp_path) == []


def test_ctrl_c_while_writing_leaves_nothing(tmp_path, full_disk):
    full_disk(KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        files.write_new(tmp_path, "report", ".html", PAGE)
    assert listing(tmp_path) == []


def test_permission_denied_is_one_line(tmp_path, monkeypatch):
    real = os.open

    def refuse(path, *args, **kwargs):
        if str(path).startswith(str(tmp_path)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(KitOutputError) as caught:
        files.write_new(tmp_path, "r", ".md", "x")
    assert str(caught.value) == f"could not write {tmp_path / 'r.md'}: permission denied"


def test_write_exact_refuses_an_existing_name(tmp_path):
    target = tmp_path / "mine.txt"
    target.write_text("a student's work", encoding="utf-8")
    with pytest.raises(KitOutputError, match="already exists; choose a new file name"):
        files.write_exact(target, PAGE)
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(KitOutputError, match="already exists"):
        files.write_exact(tmp_path / "link.txt", PAGE)
    with pytest.raises(KitOutputError, match="is a folder"):
        files.write_exact(tmp_path, PAGE)
    assert target.read_text(encoding="utf-8") == "a student's work"
    assert listing(tmp_path) == ["link.txt", "mine.txt"] and not (tmp_path / "gone.txt").exists()
    assert files.write_exact(tmp_path / "new.txt", PAGE).read_text(encoding="utf-8") == PAGE


def test_write_exact_into_a_missing_folder(tmp_path):
    with pytest.raises(KitOutputError) as caught:
        files.write_exact(tmp_path / "no" / "r.txt", PAGE)
    assert str(caught.value) == f"could not write {tmp_path / 'no' / 'r.txt'}: no such folder"


def test_without_hard_links_a_checked_rename_still_never_overwrites(tmp_path, monkeypatch):
    def no_links(src, dst, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")  # what a FAT USB stick says

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "r.html").write_text("kept", encoding="utf-8")
    (tmp_path / "r-2.html").symlink_to(tmp_path / "nowhere")
    path = files.write_new(tmp_path, "r", ".html", PAGE)
    assert path.name == "r-3.html" and path.read_text(encoding="utf-8") == PAGE
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == "kept"
    assert listing(tmp_path) == ["r-2.html", "r-3.html", "r.html"]


def test_open_new_names_the_file_only_on_a_clean_exit(tmp_path):
    target = tmp_path / "all.jsonl"
    with files.open_new(target) as out:
        out.write('{"a": 1}\n')
        assert not target.exists()  # a reader never sees a half-written file under the real name
        out.write('{"b": 2}\n')
    assert target.read_text(encoding="utf-8") == '{"a": 1}\n{"b": 2}\n'
    for interruption in (KeyboardInterrupt, RuntimeError):
        with pytest.raises(interruption), files.open_new(tmp_path / "summary.txt") as out:
            out.write("half a table")
            raise interruption
    assert listing(tmp_path) == ["all.jsonl"]


def test_open_new_refuses_a_taken_name_before_the_work(tmp_path):
    (tmp_path / "summary.txt").write_text("kept", encoding="utf-8")
    ran = []
    with pytest.raises(KitOutputError, match="already exists"), files.open_new(tmp_path / "summary.txt"):
        ran.append(True)
    assert ran == [] and listing(tmp_path) == ["summary.txt"]


def test_open_new_disk_full_mid_stream(tmp_path, full_disk):
    full_disk()
    with pytest.raises(KitOutputError) as caught, files.open_new(tmp_path / "all.jsonl") as out:
        out.write('{"a": 1}\n')
    assert str(caught.value) == f"could not write {tmp_path / 'all.jsonl'}: disk full"
    assert listing(tmp_path) == []


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 64 KB tmpfs (needs root and a kernel that allows it; otherwise the test is skipped)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a real full disk needs root to mount a small tmpfs; the monkeypatched tests cover the logic")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True,
                          check=False)
    if proc.returncode:
        pytest.skip(f"mount -t tmpfs was refused here ({proc.stderr.decode(errors='replace').strip()})")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_a_real_full_disk_leaves_no_file(tiny_disk):
    big = "x" * 200_000  # three times the disk
    with pytest.raises(KitOutputError, match="disk full"):
        files.write_new(tiny_disk, "report", ".html", big)
    assert listing(tiny_disk) == []
    with pytest.raises(KitOutputError, match="disk full"), files.open_new(tiny_disk / "all.jsonl") as out:
        for _ in range(100):
            out.write("y" * 2_000 + "\n")
    assert listing(tiny_disk) == []
    # the space was given back: a report that fits is written whole
    assert files.write_new(tiny_disk, "report", ".html", PAGE).read_text(encoding="utf-8") == PAGE
