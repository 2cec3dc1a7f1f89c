"""Reading and writing the asset CSV format, with line-numbered problems and formula-safe export."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cpi_chat.assets.lexicon import Lexicon
from cpi_chat.assets.model import CSV_COLUMNS, REQUIRED_COLUMNS, Asset
from cpi_chat.assets.rows import validate_record
from cpi_chat.errors import AssetImportError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Progress = Callable[[int, int], None]

CSV_FIELD_LIMIT = 64 * 1024 * 1024  # far above our own limit, so an over-long cell is a bad row, not a crash
_KNOWN_COLUMNS = frozenset(CSV_COLUMNS)


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
    records = CsvRecords(io.StringIO(text, newline=""), lexicon, name)
    parsed = ParsedFile()
    for record in records:
        if isinstance(record, RowProblem):
            parsed.problems.append(record)
        else:
            parsed.assets.append(record)
        done = len(parsed.assets) + len(parsed.problems)
        if progress is not None and done % 1000 == 0:
            progress(done, done)
    parsed.notes.extend(records.notes)
    return parsed


class CsvRecords:
    """The records of a CSV text read one at a time (assets, or problems with their line), and notes on the file."""

    def __init__(self, lines: Iterable[str], lexicon: Lexicon, name: str = "the file",
                 progress: Progress | None = None, where: Callable[[], tuple[int, int]] | None = None) -> None:
        self.lines = lines
        self.lexicon = lexicon
        self.name = name
        self.progress = progress
        self.where = where  # (bytes read, bytes in all), for a progress bar over a file being streamed
        self.notes: list[str] = []

    def __iter__(self) -> Iterator[Asset | RowProblem]:
        if csv.field_size_limit() < CSV_FIELD_LIMIT:
            csv.field_size_limit(CSV_FIELD_LIMIT)
        name = self.name
        reader = csv.reader(self.lines)
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
        unknown = [h for h, c in zip(header, columns) if c not in CSV_COLUMNS and h.strip()]
        if unknown:
            self.notes.append(f"Columns not used: {', '.join(unknown[:10])}.")
        first_line_of: dict[str, int] = {}
        line = reader.line_num + 1
        count = 0
        try:
            for values in reader:
                if values and any(v.strip() for v in values):
                    count += 1
                    yield self._record(line, values, columns, first_line_of)
                    if self.progress is not None and self.where is not None and count % 2000 == 0:
                        self.progress(*self.where())
                line = reader.line_num + 1
        except csv.Error as error:
            raise AssetImportError(f"Line {line} of {name} is not valid CSV ({error}); nothing was imported.") from None
        if not count:
            raise AssetImportError(f"The file {name} has a header but no assets.")

    def _record(self, line: int, values: list[str], columns: list[str], first_line_of: dict[str, int]) -> Asset | RowProblem:
        if len(values) > len(columns) and any(v.strip() for v in values[len(columns):]):
            return RowProblem(line, f"it has {len(values)} values but the header names {len(columns)} columns")
        row = dict(zip(columns, values))
        for column in set(row) - _KNOWN_COLUMNS:  # rarely any: a column the file adds
            del row[column]
        joined = "\n".join(values)
        if joined.startswith("'") or "\n'" in joined:  # a cell our export protected (rare): undo it cell by cell
            row = {c: _unneutralise(v) for c, v in row.items()}
        try:
            asset = validate_record(row, self.lexicon)
        except ValueError as error:
            return RowProblem(line, str(error))
        if asset.id in first_line_of:
            return RowProblem(line, f"the id '{asset.id[:40]}' is already used on line {first_line_of[asset.id]}")
        first_line_of[asset.id] = line
        return asset


@contextlib.contextmanager
def open_csv_records(path: Path, lexicon: Lexicon, progress: Progress | None = None) -> Iterator[CsvRecords]:
    """A CSV file's records, read from disk as they are used (a million rows never sit in memory at once)."""
    try:
        raw = path.open("rb")
    except FileNotFoundError:
        raise AssetImportError(f"There is no file called {path}.") from None
    except IsADirectoryError:
        raise AssetImportError(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise AssetImportError(f"The file {path} could not be read ({error.strerror}).") from None
    with raw:
        size = os.fstat(raw.fileno()).st_size
        if not raw.read(4096).strip():
            raise AssetImportError(f"The file {path.name} is empty.")
        raw.seek(0)
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        try:
            yield CsvRecords(text, lexicon, path.name, progress, lambda: (raw.tell(), size))
        except UnicodeDecodeError:
            raise AssetImportError(
                f"The file {path.name} is not UTF-8 text (line {_first_bad_line(path)} has a byte it cannot read); "
                "save it from your spreadsheet as 'CSV UTF-8' and import it again. Nothing was imported."
            ) from None


def _first_bad_line(path: Path) -> int:
    """The line holding the first byte that is not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 1
    with path.open("rb") as raw:
        while chunk := raw.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return lines + chunk[: error.start].count(b"\n")
            lines += chunk.count(b"\n")
    return lines


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
