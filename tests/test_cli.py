"""The command line: formats, stdin, and a clear one-line message for every bad input."""

import json
import subprocess
import sys

import pytest

from conftest import SEED


def run(*args, stdin: bytes | None = None):
    proc = subprocess.run([sys.executable, "-m", "kit", *args], input=stdin, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def assert_clear_refusal(code, out, err, *words):
    assert code == 1
    assert "Traceback" not in err
    assert err.startswith("kit: ") and err.count("\n") == 1, err
    for w in words:
        assert w in err


def test_json_report_on_the_seed_follows_the_contract():
    code, out, err = run("report", str(SEED), "--format", "json")
    assert code == 0, err
    d = json.loads(out)
    s = d["structure"]
    assert s["title"] == "Putin: Russia supports and will support the Syrian government"
    assert (s["outlet"], s["author"]) == ("Pravda.Ru", "Dmitry Sudakov")
    assert len(s["subheads"]) == 3 and len(s["related_links"]) == 4
    assert len(s["body_sentences"]) == 36
    assert sum(p["role"] == "body" for p in s["paragraphs"]) == 20
    r = d["readability"]
    assert r["sentences"] == 36
    # every score is the published formula on the counts the report gives (rounded to 2 places)
    w, n, c = r["words"], r["sentences"], r["counts"]
    wps, spw = w / n, c["syllables"] / w
    formulas = {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * c["complex_words"] / w),
        "smog_index": 1.043 * (c["polysyllabic_words"] * 30 / n) ** 0.5 + 3.1291,
        "coleman_liau_index": 0.0588 * 100 * c["letters"] / w - 0.296 * 100 * n / w - 15.8,
        "automated_readability_index": 4.71 * c["characters"] / w + 0.5 * wps - 21.43,
        # + 3.6365: more than 5% of the words are difficult
        "dale_chall_readability_score": 0.1579 * 100 * c["difficult_words"] / w + 0.0496 * wps + 3.6365,
    }
    assert c["difficult_words"] / w > 0.05
    for key, value in formulas.items():
        assert r[key] == pytest.approx(value, abs=0.006), key
    # the seed is hard: Reading Ease 30-50 is grade 14 in Flesch's table, Dale-Chall above 9.9 is grade 16;
    # the consensus is the median of those two and the five grade formulas
    assert 30 <= r["flesch_reading_ease"] < 50 and r["dale_chall_readability_score"] > 9.9
    grades = [r[k] for k in ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                             "automated_readability_index")] + [14, 16]
    assert r["consensus_grade"] == pytest.approx(sorted(grades)[3], abs=0.006)
    text = SEED.read_text(encoding="utf-8")
    hardest = r["hardest_sentences"]
    assert len(hardest) == 3 and [h["score"] for h in hardest] == sorted((h["score"] for h in hardest), reverse=True)
    assert text[hardest[0]["start"]:hardest[0]["end"]].startswith("An analyst at the Shanghai")
    assert all({"start": h["start"], "end": h["end"]} in s["body_sentences"] for h in hardest)
    for span in s["body_sentences"] + s["paragraphs"] + d["readability"]["hardest_sentences"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
    assert {"sourcing", "loaded_language", "kit_version"} <= d.keys()


def test_stdin_and_all_formats():
    data = SEED.read_bytes()
    for fmt, marker in (("text", "READABILITY"), ("md", "## Readability"), ("html", "<!DOCTYPE html>")):
        code, out, err = run("report", "-", "--format", fmt, stdin=data)
        assert code == 0, err
        assert marker in out
        assert "Putin: Russia supports" in out


def test_html_report_escapes_the_article():
    evil = b'Evil <b>headline</b>\n\n"<script>alert(1)</script>," he said. <img src=x onerror=alert(2)> is here.\n'
    code, out, err = run("report", "-", "--format", "html", stdin=evil)
    assert code == 0, err
    assert "<script>alert" not in out and "<img src=x" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_missing_file(tmp_path):
    assert_clear_refusal(*run("report", str(tmp_path / "nope.txt")), "no such file")


def test_directory(tmp_path):
    assert_clear_refusal(*run("report", str(tmp_path)), "folder")


@pytest.mark.parametrize("data, words", [
    (b"", ("empty",)),
    (b"  \n\t\n   ", ("white space",)),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ("picture",)),
    (b"Some text\x00 with a NUL byte.", ("NUL",)),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", ("PDF",)),
    (b"12345 67890 !!! ???", ("no letters",)),
])
def test_bad_bytes_get_one_clear_line(tmp_path, data, words):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    assert_clear_refusal(*run("report", str(f)), *words)


def test_latin1_file_is_read_with_a_stated_fallback(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Café owners protest\n\nThe café owners said the new tax was unfair. They will meet again.\n".encode("latin-1"))
    code, out, err = run("report", str(f), "--format", "json")
    assert code == 0, err
    d = json.loads(out)
    assert d["structure"]["title"] == "Café owners protest"
    assert any("Windows-1252" in w for w in d["warnings"])


def test_huge_file_is_refused_quickly(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"This is a sentence. " * 600_000)  # 12 MB
    assert_clear_refusal(*run("report", str(f)), "MB")


def test_output_file_is_never_overwritten(tmp_path):
    target = tmp_path / "mine.html"
    target.write_text("a student's own work", encoding="utf-8")
    assert_clear_refusal(*run("report", str(SEED), "--format", "html", "--output", str(target)), "already exists")
    assert target.read_text(encoding="utf-8") == "a student's own work"
    fresh = tmp_path / "new.html"
    code, _, err = run("report", str(SEED), "--format", "html", "--output", str(fresh))
    assert code == 0, err
    assert fresh.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_usage_error_exit_code():
    code, out, err = run("report")
    assert code == 2 and "usage" in err


def test_console_script_is_installed():
    import shutil
    from pathlib import Path

    script = Path(sys.executable).parent / "kit"
    assert script.exists() or shutil.which("kit"), "pip install -e . should create the `kit` command"


# -- exit codes, encodings, interruptions (issue 7) ------------------------------------
def test_help_documents_the_exit_codes():
    code, out, _ = run("report", "--help")
    assert code == 0
    for line in ("0    every report was written", "1    an input could not be analysed",
                 "2    the command line was wrong", "130  interrupted"):
        assert line in out
    import kit.__main__

    assert "130" in kit.__main__.__doc__ and "skipped" in kit.__main__.__doc__


def test_utf16_on_stdin():
    code, out, err = run("report", "-", "--format", "json", stdin=SEED.read_text(encoding="utf-8").encode("utf-16"))
    assert code == 0, err
    d = json.loads(out)
    assert d["structure"]["title"].startswith("Putin: Russia supports")
    assert any("UTF-16" in w for w in d["warnings"])


def test_html_file_report_describes_the_extracted_text(tmp_path):
    f = tmp_path / "page.htm"
    f.write_text("<!DOCTYPE html><html><head><title>T</title><script>x()</script></head><body>"
                 "<nav>Home | World</nav><h1>Council approves bike lanes</h1>"
                 "<p>The city council voted on Tuesday. &ldquo;Good,&rdquo; the mayor said.</p></body></html>",
                 encoding="utf-8")
    code, out, err = run("report", str(f), "--format", "json")
    assert code == 0, err
    d = json.loads(out)
    assert d["structure"]["title"] == "Council approves bike lanes"
    assert any("extracted" in w and "offsets" in w for w in d["warnings"])


def test_huge_file_message_says_limit_reason_and_split(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(12_000_000)
    code, out, err = run("report", str(f))
    assert_clear_refusal(code, out, err, "12.0 MB", "5 MB", "split", "FOLDER")


def test_json_stays_utf8_on_a_latin1_terminal(tmp_path):
    import os

    f = tmp_path / "ru.txt"
    f.write_text("Новости дня\n\nПрезидент заявил, что «всё будет хорошо». Это важно.\n", encoding="utf-8")
    for fmt in ("json", "text"):
        proc = subprocess.run([sys.executable, "-m", "kit", "report", str(f), "--format", fmt], capture_output=True,
                              timeout=120, env={**os.environ, "PYTHONIOENCODING": "latin-1"})
        assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr
        if fmt == "json":
            assert json.loads(proc.stdout.decode("utf-8"))["structure"]["title"] == "Новости дня"


def test_interrupt_and_internal_error_exit_codes(monkeypatch, capsys):
    import kit.__main__ as cli

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run_report", interrupted)
    assert cli.main(["report", str(SEED)]) == 130
    assert "interrupted" in capsys.readouterr().err

    def bug(args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "run_report", bug)
    monkeypatch.delenv("KIT_DEBUG", raising=False)
    assert cli.main(["report", str(SEED)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("kit: internal error (ZeroDivisionError") and "Traceback" not in err


def test_reader_leaving_early_is_not_an_error(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "kit", "report", str(SEED), str(SEED.parent / "README.md"),
                             "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # like `| head -0`
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) in (0, 1)
    assert "Traceback" not in err and "Exception ignored" not in err


def test_output_into_a_missing_folder_is_a_clear_refusal(tmp_path):
    assert_clear_refusal(*run("report", str(SEED), "--output", str(tmp_path / "no" / "such" / "r.txt")),
                          "could not write", "r.txt: no such folder")


# -- output errors and the terminal (issue 15) -------------------------------------------
def test_disk_full_on_output_leaves_no_file_and_exits_1(tmp_path, monkeypatch, capsys):
    import errno
    import os

    import kit.__main__ as cli

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    target = tmp_path / "r.html"
    assert cli.main(["report", str(SEED), "-f", "html", "-o", str(target)]) == 1
    assert capsys.readouterr().err == f"kit: could not write {target}: disk full\n"
    assert os.listdir(tmp_path) == []  # no truncated report to block the rerun
    monkeypatch.undo()
    assert cli.main(["report", str(SEED), "-f", "html", "-o", str(target)]) == 0  # the rerun just works
    assert target.read_text(encoding="utf-8").endswith("</html>\n")


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="/dev/full is Linux-only")
@pytest.mark.parametrize("paths, fmt", [([SEED], "text"), ([SEED], "json"), ([SEED, SEED.parent / "README.md"], "json")])
def test_standard_output_on_a_full_disk_is_exit_1_with_one_line(paths, fmt):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "kit", "report", *map(str, paths), "-f", fmt], stdout=full,
                              stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.decode("utf-8") == "kit: could not write to standard output: disk full\n"


def test_closed_or_unwritable_standard_output_is_exit_1_with_one_line():
    import os

    closed = subprocess.run([sys.executable, "-m", "kit", "report", str(SEED)], stderr=subprocess.PIPE,
                            preexec_fn=lambda: os.close(1), timeout=120)  # like `kit report x >&-`
    assert closed.returncode == 1
    assert closed.stderr.decode("utf-8") == ("kit: could not write to standard output: it is closed; "
                                             "use --output FILE\n")
    with open(os.devnull, "rb") as read_only:  # like `kit report x 1</dev/null`
        proc = subprocess.run([sys.executable, "-m", "kit", "report", str(SEED)], stdout=read_only,
                              stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.decode("utf-8") == ("kit: could not write to standard output: "
                                           "it is closed or not open for writing\n")


EVIL = ("Mayor \x1b[31mred\x1b[0m wins \x1b]0;owned\x07 vote\n\n"
        "The council voted on Tuesday. \"It went well,\" the mayor said. Critics called it a disgrace.\n")


def test_escape_sequences_in_an_article_do_not_reach_the_terminal_raw():
    code, out, err = run("report", "-", stdin=EVIL.encode("utf-8"))
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    assert "Mayor \\x1b[31mred\\x1b[0m wins \\x1b]0;owned\\x07 vote" in out.splitlines()[1]  # shown, escaped
    code, out, err = run("report", "-", "-f", "json", stdin=EVIL.encode("utf-8"))
    d = json.loads(out)
    assert d["structure"]["title"] == EVIL.split("\n")[0]  # JSON keeps the exact text...
    body = d["structure"]["body_sentences"][0]
    assert EVIL[body["start"]:body["end"]] == "The council voted on Tuesday."  # ...and the offsets


def test_a_file_name_with_a_newline_or_escapes_gives_one_line(tmp_path):
    evil = tmp_path / "bad\nname\x1b[2J.txt"
    evil.write_bytes(b"")
    code, out, err = run("report", str(evil))
    assert_clear_refusal(code, out, err, "bad\\nname\\x1b[2J.txt", "empty")
    assert "\x1b" not in err


def test_the_word_list_is_checked_before_the_article(tmp_path):
    bad = tmp_path / "mine.csv"
    bad.write_text("term,category,explanation,alternatives\nregime,nonsense,x,y\n", encoding="utf-8")
    # the article does not even exist: the broken word list is what the user hears about, with its row
    assert_clear_refusal(*run("report", str(tmp_path / "nope.txt"), "--lexicon", str(bad)),
                         f"{bad}, line 2: unknown category 'nonsense'")


def test_output_to_an_existing_folder_is_refused(tmp_path):
    assert_clear_refusal(*run("report", str(SEED), "-o", str(tmp_path)), "is a folder")
    assert list(tmp_path.iterdir()) == []
