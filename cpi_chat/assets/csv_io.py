"""Reading and writing the asset CSV format, with line-numbered problems and formula-safe export."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import CSV_COLUMNS, REQUIRED_COLUMNS, Asset
from cpi_chat.assets.rows import validate_record
from cpi_chat.errors import AssetImportError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Progress = Callable[[int, int], None]

CSV_FIELD_LIMIT = 64 * 1024 * 1024  # far above our own limit, so an over-long cell is a bad row, not a crash


@dataclass(frozen=True)
class RowProblem:
    """A record that could not be imported: where it is (a line, or a service number) and why."""

    line: int
    reason: str
    where: str = "line"

    def __str__(self) -> str:
        return f"{self.where} {self.line}: {self.reason}"


@dataclass
class ParsedFile:
    """The good assets of a file and the problems with the rest."""

    assets: list[Asset] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    inactive_ids: list[str] = field(default_factory=list)  # services a feed lists as no longer running


MAX_FILE_BYTES = 500_000_000  # far above a real directory; stops /dev/zero from eating memory


def read_text(path: Path) -> str:
    """The file's text, or one sentence saying why it cannot be read as UTF-8 text."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise AssetImportError(f"There is no file called {path}.") from None
    except IsADirectoryError:
        raise AssetImportError(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise AssetImportError(f"The file {path} could not be read ({error.strerror}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise AssetImportError(f"The file {path.name} is bigger than {MAX_FILE_BYTES // 1_000_000} MB, too big to import in one go; split it into smaller files.")
    if not data.strip():
        raise AssetImportError(f"The file {path.name} is empty.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise AssetImportError(
            f"The file {path.name} is not UTF-8 text (line {line} has a byte it cannot read); "
            "save it from your spreadsheet as 'CSV UTF-8' and import it again."
        ) from None


def _column_name(header: str) -> str:
    return header.strip().lower().replace(" ", "_").replace("-", "_")


def parse_csv(text: str, lexicon: Lexicon, name: str = "the file", progress: Progress | None = None) -> ParsedFile:
    """Every asset in CSV text; bad rows become problems with their line numbers."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise AssetImportError(f"The file {name} is empty.") from None
    except csv.Error as error:
        raise AssetImportError(f"The first line of {name} is not valid CSV ({error}).") from None
    columns = [_column_name(h) for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise AssetImportError(
            f"The file {name} has no {', '.join(repr(c) for c in missing)} column; "
            f"its first line must name the columns {','.join(REQUIRED_COLUMNS)}."
        )
    parsed = ParsedFile()
    unknown = [h for h, c in zip(header, columns) if c not in CSV_COLUMNS and h.strip()]
    if unknown:
        parsed.notes.append(f"Columns not used: {', '.join(unknown[:10])}.")
    records: list[tuple[int, list[str]]] = []
    line = reader.line_num + 1
    try:
        for values in reader:
            if values and any(v.strip() for v in values):
                records.append((line, values))
            line = reader.line_num + 1
    except csv.Error as error:
        raise AssetImportError(f"Line {line} of {name} is not valid CSV ({error}); nothing was imported.") from None
    if not records:
        raise AssetImportError(f"The file {name} has a header but no assets.")
    first_line_of: dict[str, int] = {}
    total = len(records)
    for done, (line, values) in enumerate(records, start=1):
        if progress is not None and (done % 1000 == 0 or done == total):
            progress(done, total)
        if len(values) > len(columns) and any(v.strip() for v in values[len(columns):]):
            parsed.problems.append(RowProblem(line, f"it has {len(values)} values but the header names {len(columns)} columns"))
            continue
        row = {c: _unneutralise(v) for c, v in zip(columns, values) if c in CSV_COLUMNS}
        try:
            asset = validate_record(row, lexicon)
        except ValueError as error:
            parsed.problems.append(RowProblem(line, str(error)))
            continue
        if asset.id in first_line_of:
            parsed.problems.append(RowProblem(line, f"the id '{asset.id[:40]}' is already used on line {first_line_of[asset.id]}"))
            continue
        first_line_of[asset.id] = line
        parsed.assets.append(asset)
    return parsed


def _unneutralise(value: str) -> str:
    """Undo our own export's protection ('=x written as '=x), so round trips are lossless."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def neutralise(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    if value and value[0] in FORMULA_STARTS:
        return "'" + value
    return value


def write_csv(assets: list[Asset] | object, path: Path) -> int:
    """Write assets to a CSV file in the import format; returns how many were written."""
    count = 0
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for asset in assets:  # type: ignore[union-attr]
                row = asset.to_row()
                writer.writerow([neutralise(row[c] or "") for c in CSV_COLUMNS])
                count += 1
    except OSError as error:
        raise AssetImportError(f"Could not write {path} ({error.strerror}).") from None
    return count
