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
