"""Everything held about one person, as a dict (JSON) and a readable HTML page, for subject access requests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cpi_chat.errors import RecordsError
from cpi_chat.private_files import may_replace, write_private_file
from cpi_chat.records.db import guarded, now_utc, transaction, write_audit
from cpi_chat.records.people import get_person
from cpi_chat.records.store import fetch_all

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

EXPORT_FORMAT = "cpi-chat person export"
EXPORT_VERSION = 1
# The marks an export written before holds near its start, so exporting twice in a day replaces it.
EXPORT_JSON_MARK = f'"format": "{EXPORT_FORMAT}"'
EXPORT_HTML_MARK = "<title>Everything cpi-chat holds about "
SKIPPED_TABLES = {"person", "audit", "_sqlite_migrations"}


def _tables_with_person_id(db: PeopleDatabase) -> list[str]:
    return sorted(
        table.name for table in db.tables
        if table.name not in SKIPPED_TABLES and "person_id" in table.columns_dict
    )


def _readable(table: str, row: dict[str, Any]) -> dict[str, Any]:
    if table == "self_check_in_key":  # a hash helps no one read their record, and would let a PIN be guessed offline
        return {**row, "pin_hash": "(a PIN is set; only a one-way hash of it is kept, and it is not shown)"}
    if table == "session" and row.get("engine_state"):
        try:
            row = {**row, "engine_state": json.loads(row["engine_state"])}
        except ValueError:
            pass  # kept as the text it is
    return row


@guarded
def export_person(db: PeopleDatabase, person_id: int) -> dict[str, Any]:
    """Every row held about a person (private worker notes included) and the audit entries about those rows."""
    get_person(db, person_id)
    person_row = fetch_all(db, "SELECT * FROM person WHERE id = ?", [person_id])[0]
    tables: dict[str, list[dict[str, Any]]] = {}
    held: set[tuple[str, int]] = {("person", person_id)}
    for table in _tables_with_person_id(db):
        rows = fetch_all(db, f'SELECT * FROM "{table}" WHERE person_id = ? ORDER BY id', [person_id])
        tables[table] = [_readable(table, row) for row in rows]
        held.update((table, row["id"]) for row in rows)
    audit = [row for row in fetch_all(db, "SELECT * FROM audit ORDER BY id") if (row["table_name"], row["record_id"]) in held]
    with transaction(db):
        write_audit(db, "export", "person", person_id)
    return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "exported_at": now_utc(),
            "person": person_row, "tables": tables, "audit": audit}


def render_export_html(export: dict[str, Any]) -> str:
    """The export as one self-contained, printable HTML page (all text escaped)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    tables = export["tables"]
    goals = [
        {**goal,
         "steps": [s for s in tables.get("small_step", []) if s["goal_id"] == goal["id"]],
         "checkins": [c for c in tables.get("checkin", []) if c["goal_id"] == goal["id"]]}
        for goal in tables.get("goal", [])
    ]
    barriers = [
        {**barrier, "solutions": [s for s in tables.get("solution", []) if s["barrier_id"] == barrier["id"]]}
        for barrier in tables.get("barrier", [])
    ]
    shown = {"goal", "small_step", "checkin", "barrier", "solution", "interest", "connection", "note", "rating", "session"}
    other = {name: rows for name, rows in tables.items() if name not in shown and rows}
    return env.get_template("export.html.j2").render(export=export, person=export["person"], tables=tables,
                                                     goals=goals, barriers=barriers, other=other)


def _not_written(out_dir: Path, error: OSError) -> RecordsError:
    return RecordsError(f"The export could not be written to {out_dir} ({error.strerror}); choose another folder with --out.")


@guarded
def write_export(db: PeopleDatabase, person_id: int, out_dir: Path) -> tuple[Path, Path]:
    """Write person-<id>-<date>.json and .html (0600, no name in the file names) into `out_dir`."""
    stem = out_dir / f"person-{person_id}-{date.today().isoformat()}"
    json_path, html_path = stem.with_suffix(".json"), stem.with_suffix(".html")
    try:  # both checked first, so a refusal leaves both files (and the audit) as they were
        may_replace(json_path, EXPORT_JSON_MARK)
        may_replace(html_path, EXPORT_HTML_MARK)
    except OSError as error:
        raise _not_written(out_dir, error) from None
    export = export_person(db, person_id)
    try:
        write_private_file(json_path, json.dumps(export, indent=2, ensure_ascii=False) + "\n", replaces=EXPORT_JSON_MARK)
        write_private_file(html_path, render_export_html(export), replaces=EXPORT_HTML_MARK)
    except OSError as error:
        raise _not_written(out_dir, error) from None
    return json_path, html_path
