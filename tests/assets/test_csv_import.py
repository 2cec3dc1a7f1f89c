"""Importing and exporting the asset CSV: every way a file can be wrong, and lossless round trips."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.model import CSV_COLUMNS, Asset
from cpi_chat.errors import AssetImportError
from tests.assets.conftest import DATA, write

HEADER = ",".join(CSV_COLUMNS)
SHORT_HEADER = "id,name,domain,description,tags,area,address,schedule,cost,contact,accessibility"


def test_a_good_file_imports_every_row(empty_directory: AssetDirectory) -> None:
    report = empty_directory.import_file(DATA / "mini_town.csv")
    assert (report.added, report.updated, report.skipped) == (10, 0, [])
    assert empty_directory.count() == 10


def test_the_original_eleven_column_header_is_accepted(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f"{SHORT_HEADER}\nx1,Chess Club,Neighbourhood,,chess,Millbrook,,Fridays,Free,,\n")
    empty_directory.import_file(path, bad_rows="refuse")
    asset = empty_directory.get("x1")
    assert asset is not None and asset.kind == "mainstream" and asset.last_verified is None


def test_columns_may_come_in_any_order_and_any_case(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    shuffled = list(reversed(SHORT_HEADER.upper().split(",")))
    values = {"ID": "x2", "NAME": "Bowls", "DOMAIN": "sport", "TAGS": "bowls; outdoors"}
    row = [values.get(c, "") for c in shuffled]
    path = write(tmp_path, ",".join(shuffled) + "\n" + ",".join(row) + "\n")
    empty_directory.import_file(path, bad_rows="refuse")
    assert empty_directory.get("x2").tags == ["bowls", "outdoors"]  # type: ignore[union-attr]


def test_reimporting_updates_by_id_and_never_duplicates(town: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f"{SHORT_HEADER}\nmt-001,Walking Football (Tuesdays),Sport,,,Millbrook,,,,,\nmt-999,New Choir,Arts and Crafts,,,,,,,,\n")
    report = town.import_file(path)
    assert (report.added, report.updated) == (1, 1)
    assert town.count() == 11
    assert town.get("mt-001").name == "Walking Football (Tuesdays)"  # type: ignore[union-attr]


def test_replace_starts_the_directory_afresh(town: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f"{SHORT_HEADER}\nonly,Only One,Other,,,,,,,,\n")
    town.import_file(path, replace=True)
    assert [a.id for a in town.all()] == ["only"]


def test_a_search_after_an_import_sees_the_new_assets(town: AssetDirectory, tmp_path: Path) -> None:
    town.search("football")
    town.import_file(write(tmp_path, f"{SHORT_HEADER}\nnew,Sea Swimming,Sport,,,,,,,,\n"))
    assert town.search("sea swimming")[0].asset.id == "new"


BAD_ROWS = [
    ("x,Unknown domain,Spurt,,,,,,,,", "line 2: the domain 'Spurt' is not one of the ten domains"),
    (",No id,Sport,,,,,,,,", "line 2: the id is empty"),
    ("x,,Sport,,,,,,,,", "line 2: the name is empty"),
    ("x,Odd kind,Sport,,,,,,,,,private,,", "line 2: the kind 'private' should be mainstream or specialist"),
    ("x,Bad date,Sport,,,,,,,,,,,31st June", "line 2: the last_verified '31st June' is not a date"),
    ("x,Too many,Sport" + "," * (len(CSV_COLUMNS) - 2) + "extra",
     f"line 2: it has {len(CSV_COLUMNS) + 1} values but the header names {len(CSV_COLUMNS)} columns"),
]


@pytest.mark.parametrize(("row", "reason"), BAD_ROWS)
def test_a_bad_row_is_reported_with_its_line_and_reason(empty_directory: AssetDirectory, tmp_path: Path, row: str, reason: str) -> None:
    parsed = empty_directory.read_file(write(tmp_path, f"{HEADER}\n{row}\n"))
    assert str(parsed.problems[0]).startswith(reason)


def test_a_duplicate_id_names_the_line_that_used_it_first(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f"{SHORT_HEADER}\na,One,Sport,,,,,,,,\n\nb,Two,Sport,,,,,,,,\na,Three,Sport,,,,,,,,\n")
    parsed = empty_directory.read_file(path)
    assert [str(p) for p in parsed.problems] == ["line 5: the id 'a' is already used on line 2"]


def test_a_line_number_counts_lines_inside_quoted_multi_line_cells(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f'{SHORT_HEADER}\na,One,Sport,"two\nlines",,,,,,,\nb,Bad,Spurt,,,,,,,,\n')
    assert empty_directory.read_file(path).problems[0].line == 4


def test_skipping_bad_rows_imports_the_good_ones_and_lists_the_bad(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f"{SHORT_HEADER}\na,One,Sport,,,,,,,,\nb,Two,Spurt,,,,,,,,\n")
    report = empty_directory.import_file(path, bad_rows="skip")
    assert report.imported == 1 and [p.line for p in report.skipped] == [3]
    assert "Skipped 1 bad record" in report.summary()


def test_refusing_bad_rows_imports_nothing_at_all(town: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f"{SHORT_HEADER}\nmt-001,Changed,Sport,,,,,,,,\nb,Two,Spurt,,,,,,,,\n")
    with pytest.raises(AssetImportError, match=r"Nothing was imported because 1 record\(s\) have problems \(line 3: .*Spurt"):
        town.import_file(path, bad_rows="refuse")
    assert town.get("mt-001").name == "Walking Football"  # type: ignore[union-attr]
    assert town.count() == 10


def _indexes(directory: AssetDirectory) -> list[tuple[str, str]]:
    rows = directory.store.db.execute("select name, sql from sqlite_master where type = 'index' and sql is not null order by name")
    return [tuple(row) for row in rows]


def test_filling_an_empty_directory_leaves_every_index_as_it_was_and_searches_by_area(empty_directory: AssetDirectory) -> None:
    before = _indexes(empty_directory)
    empty_directory.import_file(DATA / "mini_town.csv")  # the indexes are dropped while it fills, then built again
    assert _indexes(empty_directory) == before and len(before) >= 5
    plan = " ".join(str(row) for row in empty_directory.store.db.execute("explain query plan select id from assets where area = 'Millbrook'"))
    assert "idx_assets_area" in plan


def test_a_refused_import_into_an_empty_directory_keeps_every_index(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    before = _indexes(empty_directory)
    path = write(tmp_path, f"{SHORT_HEADER}\na,One,Sport,,,,,,,,\nb,Two,Spurt,,,,,,,,\n")
    with pytest.raises(AssetImportError):
        empty_directory.import_file(path, bad_rows="refuse")
    assert _indexes(empty_directory) == before and empty_directory.count() == 0


def test_a_failure_while_saving_leaves_the_directory_as_it_was(town: AssetDirectory) -> None:
    class Exploding(list):  # type: ignore[type-arg]
        def __iter__(self):  # type: ignore[no-untyped-def]
            yield Asset("mt-001", "Half written", "sport")
            raise RuntimeError("disk fell off")

    from cpi_chat.assets.csv_io import ParsedFile

    with pytest.raises(RuntimeError):
        town.import_parsed(ParsedFile(assets=Exploding()))
    assert town.get("mt-001").name == "Walking Football"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (HEADER.encode() + b"\n", "has a header but no assets"),
        (b"id,name,description\nx,y,z\n", "has no 'domain', 'tags', 'area'"),
        (HEADER.encode() + "\nx,Caf\u00e9,Sport,,,,,,,,,,,\n".encode("cp1252"), r"is not UTF-8 text \(line 2"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_clear_sentence(empty_directory: AssetDirectory, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(AssetImportError, match=message):
        empty_directory.import_file(path)
    assert empty_directory.is_empty()


def test_a_missing_file_is_one_clear_sentence(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    with pytest.raises(AssetImportError, match="There is no file called"):
        empty_directory.import_file(tmp_path / "nope.csv")


def test_a_ten_megabyte_field_is_refused_as_a_bad_row_not_a_crash(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    huge = "x" * (10 * 1024 * 1024)
    path = write(tmp_path, f"{SHORT_HEADER}\nbig,Big,Sport,{huge},,,,,,,\nok,Fine,Sport,,,,,,,,\n")
    report = empty_directory.import_file(path, bad_rows="skip")
    assert report.imported == 1
    assert str(report.skipped[0]) == "line 2: the description is 10,485,760 characters long; the most allowed is 10,000"


def test_a_byte_order_mark_from_a_spreadsheet_is_ignored(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f"\ufeff{SHORT_HEADER}\nx,Bowls,Sport,,,,,,,,\n")
    assert empty_directory.import_file(path, bad_rows="refuse").imported == 1


def test_uk_style_dates_are_understood(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nx,Bowls,Sport,,,,,,,,,specialist,Leaflet,05/03/2026\n")
    empty_directory.import_file(path, bad_rows="refuse")
    assert str(empty_directory.get("x").last_verified) == "2026-03-05"  # type: ignore[union-attr]


def test_formula_cells_are_neutralised_on_export(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f'{HEADER}\nx,=cmd|\' /C calc\'!A0,Sport,+SUM(1),@evil,-1,,,,"=HYPERLINK(""http://example.org"")",,,,\n')
    empty_directory.import_file(path, bad_rows="refuse")
    out = tmp_path / "out.csv"
    empty_directory.export_file(out)
    with out.open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    for column in ("name", "description", "tags", "area", "contact"):
        assert row[column].startswith("'"), column
    assert empty_directory.get("x").name == "=cmd|' /C calc'!A0"  # type: ignore[union-attr]


def test_csv_import_export_import_is_lossless(town: AssetDirectory, tmp_path: Path, lexicon) -> None:  # type: ignore[no-untyped-def]
    town.upsert(Asset("odd", "=Tricky, \"quoted\"\nname", "other", "Line one\nline two", ["a", "b c"], "Area", kind="specialist"))
    first = tmp_path / "first.csv"
    town.export_file(first)
    again = AssetDirectory.open(":memory:", lexicon=lexicon)
    again.import_file(first, bad_rows="refuse")
    second = tmp_path / "second.csv"
    again.export_file(second)
    assert first.read_bytes() == second.read_bytes()
    assert again.all() == town.all()


def test_the_question_about_bad_rows_is_asked_with_the_directory_free_for_others(tmp_path: Path) -> None:
    import sqlite3

    from cpi_chat.actions import directory as actions

    directory = AssetDirectory.open(tmp_path / "assets.db")
    directory.import_file(DATA / "mini_town.csv", bad_rows="refuse")
    path = write(tmp_path, f"{SHORT_HEADER}\nmt-001,Changed,Sport,,,,,,,,\nb,Two,Spurt,,,,,,,,\nc,Three,Sport,,,,,,,,\n")
    asked: list[tuple[int, int]] = []

    def ask(bad: int, good: int) -> str:
        asked.append((bad, good))
        # While a person thinks, another cpi-chat may edit the directory: nothing holds it locked,
        # and nothing of the file is in it yet.
        other = sqlite3.connect(tmp_path / "assets.db", timeout=0)
        other.execute("begin immediate")
        assert other.execute("select name from assets where id = 'mt-001'").fetchone() == ("Walking Football",)
        other.rollback()
        other.close()
        return "skip"

    report = actions.import_file(directory, path, bad_rows=None, ask=ask)
    assert asked == [(1, 2)]
    assert (report.added, report.updated, [p.line for p in report.skipped]) == (1, 1, [3])
    assert directory.get("mt-001").name == "Changed"  # type: ignore[union-attr]
    assert [h.asset.id for h in directory.search("three", 3)] == ["c"]


def test_saying_no_to_skipping_bad_rows_imports_nothing(town: AssetDirectory, tmp_path: Path) -> None:
    from cpi_chat.actions import directory as actions

    path = write(tmp_path, f"{SHORT_HEADER}\nmt-001,Changed,Sport,,,,,,,,\nb,Two,Spurt,,,,,,,,\n")
    with pytest.raises(AssetImportError, match=r"Nothing was imported because 1 record\(s\) have problems"):
        actions.import_file(town, path, bad_rows=None, ask=lambda bad, good: "refuse")
    assert town.get("mt-001").name == "Walking Football"  # type: ignore[union-attr]
    assert town.count() == 10


def test_the_quick_path_for_plain_rows_still_cleans_escapes_and_undoes_protection(empty_directory: AssetDirectory, tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n'=first,Plain name,Sport,,,,,,,,\nsecond,Bell\x07 \x1b[2Jclub,Sport,'+1 more,,,,,,,\n")
    empty_directory.import_file(path, bad_rows="refuse")
    assert empty_directory.get("=first") is not None, "our export's protection of the first cell is undone"
    second = empty_directory.get("second")
    assert second is not None and (second.name, second.description) == ("Bell club", "+1 more")
