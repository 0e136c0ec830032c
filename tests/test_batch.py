"""Batch reports: a folder of a class's articles, one bad file never ends the batch."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit import render

from kit import batch
from kit.batch import expand_paths, summary_row, summary_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pravda_putin_syria_csto.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
WIRE = FIXTURES / "wire_story.txt"


def run(*args, stdin: bytes | None = None):
    proc = subprocess.run([sys.executable, "-m", "kit", *args], input=stdin, capture_output=True, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


@pytest.fixture
def classroom(tmp_path):
    """b_seed.txt, a_wire.txt, c_page.html, d_broken.txt (a PNG), notes.pdf (not an article), sub/e.txt."""
    d = tmp_path / "class"
    d.mkdir()
    (d / "b_seed.txt").write_bytes(SEED.read_bytes())
    (d / "a_wire.txt").write_bytes(WIRE.read_bytes())
    (d / "c_page.html").write_text("<html><body><h1>Page headline here</h1><p>The council voted today. "
                                   "The mayor was happy.</p></body></html>", encoding="utf-8")
    (d / "d_broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d / "notes.pdf").write_bytes(b"%PDF-1.7")
    (d / ".hidden.txt").write_text("Hidden\n\nShould not be read.\n", encoding="utf-8")
    (d / "sub").mkdir()
    (d / "sub" / "e.txt").write_bytes(WIRE.read_bytes())
    return d


def test_folder_gives_its_article_files_sorted_non_recursively(classroom):
    files, problems = expand_paths([str(classroom)])
    assert [Path(f).name for f in files] == ["a_wire.txt", "b_seed.txt", "c_page.html", "d_broken.txt"]
    assert problems == []
    files, _ = expand_paths([str(classroom)], recursive=True)
    assert [Path(f).relative_to(classroom).as_posix() for f in files] == [
        "a_wire.txt", "b_seed.txt", "c_page.html", "d_broken.txt", "sub/e.txt"]


def test_duplicates_are_read_once_and_named_files_keep_their_order(classroom):
    a, b = str(classroom / "a_wire.txt"), str(classroom / "b_seed.txt")
    files, _ = expand_paths([b, a, str(classroom), b])
    assert files[:2] == [b, a] and len(files) == 4


def test_json_lines_one_object_per_article_bad_file_on_stderr(classroom):
    code, out, err = run("report", str(classroom), "--format", "json")
    assert code == 1  # one file was skipped; the others were still reported
    lines = out.splitlines()
    assert len(lines) == 3
    reports = [json.loads(line) for line in lines]
    assert [Path(r["source"]).name for r in reports] == ["a_wire.txt", "b_seed.txt", "c_page.html"]
    seed = reports[1]
    assert seed["structure"]["title"] == "Putin: Russia supports and will support the Syrian government"
    assert seed["readability"]["sentences"] == 36
    assert reports[2]["structure"]["title"] == "Page headline here"
    assert "Traceback" not in err
    assert err.count("\n") == 1 and "d_broken.txt" in err and "picture" in err


def test_all_good_files_exit_0(tmp_path):
    code, out, err = run("report", str(SEED), str(WIRE), "--format", "json")
    assert code == 0, err
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(SEED), str(WIRE)]


def test_text_batch_has_a_summary_table_then_each_report(classroom):
    code, out, err = run("report", str(classroom))
    assert code == 1
    table, _, rest = out.partition("Skipped:")
    assert "BATCH SUMMARY: 3 article(s) reported, 1 skipped" in table
    rows = {line.split()[0].rsplit("/", 1)[-1]: line.split() for line in table.splitlines() if "/class/" in line}
    assert set(rows) == {"a_wire.txt", "b_seed.txt", "c_page.html"}
    seed = json.loads(run("report", str(SEED), "--format", "json")[1])
    # words, sentences and Reading Ease in the row are the single report's figures
    assert rows["b_seed.txt"][1:4] == [str(seed["readability"]["words"]), "36",
                                        f"{seed['readability']['flesch_reading_ease']:.1f}"]
    assert "d_broken.txt" in rest
    assert rest.count("READABILITY (body only)") == 3


def test_summary_only(classroom):
    code, out, _ = run("report", str(classroom), "--summary-only")
    assert "BATCH SUMMARY" in out and "READABILITY" not in out


def test_markdown_batch(classroom):
    code, out, _ = run("report", str(classroom / "a_wire.txt"), str(classroom / "b_seed.txt"), "--format", "md")
    assert code == 0
    assert out.startswith("# Batch summary: 2 article(s)")
    assert out.count("## Readability") == 2 and "| file | words |" in out


def test_html_batch_needs_a_folder_and_never_overwrites(classroom, tmp_path):
    code, out, err = run("report", str(classroom), "--format", "html")
    assert code == 2 and "--output DIR" in err
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "index.html").write_text("the teacher's own index", encoding="utf-8")
    code, out, err = run("report", str(classroom), "--format", "html", "--output", str(pages))
    assert code == 1 and "d_broken.txt" in err
    assert (pages / "index.html").read_text(encoding="utf-8") == "the teacher's own index"
    names = sorted(p.name for p in pages.iterdir())
    assert names == ["a_wire.html", "b_seed.html", "c_page.html", "index-2.html", "index.html"]
    index = (pages / "index-2.html").read_text(encoding="utf-8")
    assert 'href="b_seed.html"' in index and "Putin: Russia supports" in index
    # a second run writes new files beside the first ones
    run("report", str(classroom / "a_wire.txt"), str(classroom / "b_seed.txt"), "-f", "html", "-o", str(pages))
    assert (pages / "a_wire-2.html").exists() and (pages / "index-3.html").exists()


def test_missing_file_among_others_is_skipped(tmp_path):
    code, out, err = run("report", str(tmp_path / "nope.txt"), str(WIRE), "--format", "json")
    assert code == 1
    assert len(out.splitlines()) == 1 and "no such file" in err


def test_empty_folder_is_a_clear_refusal(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes(WIRE.read_bytes())
    code, out, err = run("report", str(tmp_path))
    assert code == 1 and out == ""
    assert err.startswith("kit: ") and "--recursive" in err and err.count("\n") == 1
    code, out, err = run("report", str(tmp_path), "--recursive", "--format", "json")
    assert code == 0 and len(out.splitlines()) == 1


def test_summary_row_reads_what_is_there():
    d = {"source": "x.txt", "readability": {"words": 100, "sentences": 5, "flesch_reading_ease": 55.5,
                                            "consensus_grade": 9.0},
         "sourcing": {"speakers": [{"speaker": "Ann", "direct": 2, "indirect": 1},
                                   {"speaker": "Bob", "direct": 1, "indirect": 0}]},
         "loaded_language": {"per_100_words": 1.5}}
    row = summary_row(d)
    assert (row["words"], row["sentences"], row["grade"], row["speakers"]) == (100, 5, 9.0, 2)
    assert row["top_speaker"] == "Ann" and row["top_speaker_share"] == 0.75  # 3 of 4 attributions
    assert row["loaded_per_100_words"] == 1.5
    bare = summary_row({"source": "y.txt", "readability": {"words": 3, "sentences": 1}})
    assert bare["speakers"] is None and bare["top_speaker_share"] is None and bare["flesch_reading_ease"] is None
    table = summary_text([row, bare])
    assert "75%" in table and "y.txt" in table and " - " in table


def test_an_internal_error_in_one_file_does_not_end_the_batch(monkeypatch):
    import kit.report

    real = kit.report.build_report

    def flaky(text, source_name="input", *args, **kwargs):
        if source_name == str(WIRE):
            raise RuntimeError("boom")
        return real(text, source_name, *args, **kwargs)

    monkeypatch.setattr(kit.report, "build_report", flaky)
    out, err = io.StringIO(), io.StringIO()
    result = batch.run([str(WIRE), str(SEED)], "json", write=out.write, err=err)
    assert result.exit_code == 1 and len(result.rows) == 1
    assert "internal error (RuntimeError: boom)" in err.getvalue()
    assert json.loads(out.getvalue())["source"] == str(SEED)


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_bytes(WIRE.read_bytes())
    out, err = io.StringIO(), io.StringIO()
    batch.run([str(tmp_path)], "json", write=out.write, err=err)  # StringIO is not a terminal
    assert err.getvalue() == "" and len(out.getvalue().splitlines()) == 6
    out, err = io.StringIO(), io.StringIO()
    result = batch.run([str(tmp_path)], "json", write=out.write, err=err, progress=True)
    assert "kit report" in err.getvalue() and "/6" in err.getvalue() and result.exit_code == 0


def test_a_file_name_that_is_not_utf8_is_shown_not_crashed_on(tmp_path):
    import os

    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name on a UTF-8 file system
    (tmp_path / name).write_bytes(WIRE.read_bytes())
    out = tmp_path / "all.jsonl"
    code, _, err = run("report", str(tmp_path), "--format", "json", "--output", str(out))
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["source"].endswith("caf\ufffd.txt")


def test_a_broken_word_list_is_reported_once_before_any_file(tmp_path, classroom):
    bad = tmp_path / "mine.csv"
    bad.write_text("term,category\nx\n", encoding="utf-8")
    code, out, err = run("report", str(classroom), "--lexicon", str(bad), "--format", "json")
    assert code == 1 and out == ""
    assert err.startswith("kit: ") and err.count("\n") == 1 and "mine.csv" in err


# -- complete or absent: interruptions, full disks, its own output (issue 15) ---------
def _cli(*args) -> int:
    import kit.__main__ as cli

    return cli.main(list(args))


def _interrupt_second_report(monkeypatch):
    import kit.report

    real, calls = kit.report.build_report, []

    def build(*args, **kwargs):
        calls.append(args[1] if len(args) > 1 else kwargs.get("source_name"))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(kit.report, "build_report", build)
    return real


def test_an_interrupted_html_batch_leaves_complete_pages_and_an_index(tmp_path, monkeypatch, capsys):
    real = _interrupt_second_report(monkeypatch)
    pages = tmp_path / "pages"
    assert _cli("report", str(WIRE), str(SEED), str(FIXTURES / "wire_story.txt"), "-f", "html", "-o", str(pages)) == 130
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "kit: interrupted"
    assert sorted(os.listdir(pages)) == ["index.html", "wire_story.html"]  # no half page, no temporary file
    assert (pages / "wire_story.html").read_text(encoding="utf-8") == \
        render.to_html(real(WIRE.read_text(encoding="utf-8"), str(WIRE)))
    index = (pages / "index.html").read_text(encoding="utf-8")
    assert 'href="wire_story.html"' in index and "Batch summary: 1 article(s)" in index
    assert "stopped after 1 of 2 file(s); 1 not reported" in index  # the duplicate wire story is read once
    assert index.endswith("</html>\n")


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_an_interrupted_batch_to_a_file_leaves_no_file(tmp_path, monkeypatch, capsys, fmt):
    _interrupt_second_report(monkeypatch)
    target = tmp_path / "all.out"
    assert _cli("report", str(WIRE), str(SEED), "-f", fmt, "-o", str(target)) == 130
    assert os.listdir(tmp_path) == []  # a rerun with the same -o is not refused by a 0-byte leftover
    assert capsys.readouterr().err == "kit: interrupted\n"


def test_a_disk_full_in_an_html_batch_stops_it_and_indexes_what_was_written(classroom, tmp_path, monkeypatch,
                                                                           capsys):
    real, opened = os.fdopen, []

    class FullAfterFirst:
        def __init__(self, fh):
            self._fh = fh

        def write(self, s):
            if len(opened) == 2:  # the second page: the disk is full
                raise OSError(errno.ENOSPC, "No space left on device")
            return self._fh.write(s)

        def __getattr__(self, name):
            return getattr(self._fh, name)

    def fdopen(*args, **kwargs):
        opened.append(1)
        return FullAfterFirst(real(*args, **kwargs))

    monkeypatch.setattr(os, "fdopen", fdopen)
    pages = tmp_path / "pages"
    assert _cli("report", str(classroom), "-f", "html", "-o", str(pages)) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"kit: could not write {pages / 'b_seed.html'}: disk full"
    assert "Traceback" not in "".join(err)
    assert sorted(os.listdir(pages)) == ["a_wire.html", "index.html"]
    assert (pages / "a_wire.html").read_text(encoding="utf-8").endswith("</html>\n")
    index = (pages / "index.html").read_text(encoding="utf-8")
    assert 'href="a_wire.html"' in index and "stopped after 1 of 4 file(s)" in index


def test_an_output_folder_inside_the_input_folder_is_not_read_back(classroom):
    pages = classroom / "pages"
    for _ in range(2):
        code, _, err = run("report", str(classroom), "-r", "-f", "html", "-o", str(pages))
        assert code == 1 and err.count("d_broken.txt") == 1
    # the second run read the same 4 articles (plus the broken one), not the first run's pages
    assert sorted(os.listdir(pages)) == ["a_wire-2.html", "a_wire.html", "b_seed-2.html", "b_seed.html",
                                         "c_page-2.html", "c_page.html", "e-2.html", "e.html",
                                         "index-2.html", "index.html"]
    assert "Batch summary: 4 article(s)" in (pages / "index-2.html").read_text(encoding="utf-8")


def test_pages_written_into_the_folder_being_read_are_not_read_back(classroom):
    for _ in range(2):
        code, _, err = run("report", str(classroom), "-f", "html", "-o", str(classroom))
        assert code == 1, err
    index = (classroom / "index-2.html").read_text(encoding="utf-8")
    assert "Batch summary: 3 article(s)" in index  # a_wire, b_seed and the teacher's own c_page.html
    # the first run's page for c_page.html took the next free name; the article itself is untouched
    assert (classroom / "c_page-2.html").exists() and (classroom / "c_page.html").read_text(
        encoding="utf-8").startswith("<html><body><h1>Page headline here")


def test_an_unreadable_sub_folder_is_reported_not_dropped(classroom, monkeypatch):
    real = os.scandir
    locked = str(classroom / "sub")

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root can read anything, so chmod 000 would prove nothing
    files, problems = expand_paths([str(classroom)], recursive=True)
    assert [Path(f).name for f in files] == ["a_wire.txt", "b_seed.txt", "c_page.html", "d_broken.txt"]
    assert problems == [(locked, f"{locked}: cannot read the folder (permission denied); its files were skipped")]
    out, err = io.StringIO(), io.StringIO()
    result = batch.run([str(classroom)], "json", write=out.write, err=err, recursive=True)
    assert result.exit_code == 1 and len(out.getvalue().splitlines()) == 3
    assert f"kit: {locked}: cannot read the folder (permission denied)" in err.getvalue()


def test_escape_sequences_and_newlines_in_file_names_stay_on_one_line(tmp_path):
    evil = tmp_path / "a\x1b]0;owned\x07\nb.txt"
    evil.write_bytes(b"\x89PNG\r\n\x1a\n\x00")  # unreadable, so its name goes into an error line
    (tmp_path / "c\x1b[2J.txt").write_bytes(WIRE.read_bytes())
    proc = subprocess.run([sys.executable, "-m", "kit", "report", str(tmp_path)], capture_output=True, timeout=300)
    assert proc.returncode == 1
    assert b"\x1b" not in proc.stdout and b"\x1b" not in proc.stderr and b"\x07" not in proc.stderr
    err = proc.stderr.decode("utf-8")
    assert err.count("\n") == 1 and "a\\x1b]0;owned\\x07\\nb.txt" in err
    assert "c\\x1b[2J.txt" in proc.stdout.decode("utf-8")  # the summary row, shown escaped
