"""Reading word lists: a teacher's CSV from Excel or a text editor loads, a broken one is named by line."""

import pytest

from kit.errors import KitInputError
from kit.lexicons import read_rows


def test_excel_csv_with_byte_order_mark_and_windows_line_ends(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_bytes("\ufeffterm,category\r\nthug,name_calling\r\n".encode("utf-8"))
    assert read_rows(path, ("term", "category")) == [{"term": "thug", "category": "name_calling"}]


def test_latin1_file_is_a_clear_error_not_a_crash(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_bytes("term,category\ncaf\xe9 society,loaded_language\n".encode("latin-1"))
    with pytest.raises(KitInputError, match="not UTF-8"):
        read_rows(path, ("term",))


def test_short_row_names_its_line(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text("term,category,explanation\nthug,name_calling,An insult.\nregime\n", encoding="utf-8")
    with pytest.raises(KitInputError, match=r"line 3: expected 3 fields"):
        read_rows(path)


def test_missing_column_and_missing_file(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text("word,category\nthug,name_calling\n", encoding="utf-8")
    with pytest.raises(KitInputError, match="missing column"):
        read_rows(path, ("term",))
    with pytest.raises(KitInputError, match="cannot read"):
        read_rows(tmp_path / "nope.csv")


def test_function_words_have_no_duplicate_rows_and_every_set_says_why():
    from kit.lexicons import numbered_rows

    seen: dict[tuple[str, str], int] = {}
    for line, row in numbered_rows("function_words.csv", ("set", "word", "why")):
        key = (row["set"], row["word"])
        assert key not in seen, f"function_words.csv line {line} repeats line {seen[key]}: {key}"
        seen[key] = line
        assert row["set"] and row["word"] and row["why"], line
        assert row["word"] == row["word"].strip() and row["set"].isidentifier(), line


def test_function_words_accessor():
    from kit.lexicons import function_words

    assert "that" in function_words("clause_words") and "in" in function_words("clause_ok_after")
    assert function_words("opening_cue_words") == {"According", "In"}  # case is kept
    assert isinstance(function_words("determiners"), frozenset)
    with pytest.raises(KeyError, match="no set"):
        function_words("no_such_set")


def test_every_csv_of_the_lexicons_folder_is_documented_in_its_readme():
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "kit" / "lexicons"
    index = (folder / "README.md").read_text(encoding="utf-8").split("# Every file in this folder", 1)[1]
    for csv_file in sorted(folder.glob("*.csv")):
        assert f"| `{csv_file.name}` |" in index, f"{csv_file.name} is not in kit/lexicons/README.md's index"
