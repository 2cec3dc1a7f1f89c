"""The people list (who, their active goals, last session, a session stopped part-way) read with the standard library only.

The home screen is the app's first screen; reading it through a bare sqlite3 connection means
starting the app never waits for sqlite-utils (which imports numpy) to load.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cpi_chat.records.model import CommunicationNeeds, Person, PersonSummary

# The names of the migrations in records/migrations.py, in order (a test keeps the two the same).
SCHEMA_MIGRATIONS = ("m001_people_sessions_goals", "m002_ratings_theme_pause_reason", "m003_the_journey",
                     "m004_more_communication_needs", "m005_wellbeing_and_caseload", "m006_own_keys_and_settings",
                     "m007_changes_made_in_a_session")
MIGRATION_SET = "cpi_chat.people"
_IDS_AT_ONCE = 500  # ids per query: well under the most an SQLite build accepts


@dataclass(frozen=True)
class Roster:
    """Everyone, by name, and the ids of those with a session that stopped part-way and can be carried on."""

    people: tuple[PersonSummary, ...]
    stopped: frozenset[int]


def rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """Run a SELECT and return its rows as dicts."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def person_from_row(row: dict[str, Any]) -> Person:
    """A Person from a row of the person table."""
    needs = CommunicationNeeds(
        easy_read=bool(row["easy_read"]), large_print=bool(row["large_print"]),
        high_contrast=bool(row["high_contrast"]), plain_mode=bool(row["plain_mode"]),
        larger_spacing=bool(row.get("larger_spacing")), reads_with_someone=bool(row.get("reads_with_someone")),
        preferred_name=row.get("preferred_name") or "",
    )
    return Person(id=row["id"], name=row["name"], needs=needs, theme=row.get("theme") or "", created=row["created"])


def schema_is_current(conn: sqlite3.Connection) -> bool:
    """Whether every migration has been applied, so the tables can be read as they are."""
    # Asked of the schema rather than caught as an error: an encrypted file's connection (sqlcipher3) raises its own kind.
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'").fetchone() is None:
        return False  # a new, empty file: no migrations table yet
    applied = {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,))}
    return applied.issuperset(SCHEMA_MIGRATIONS)


def read_roster(conn: sqlite3.Connection) -> Roster:
    """Everyone, by name (any case), with their active goals, last session and whether one stopped part-way."""
    names = read_names(conn)
    found = read_summaries(conn, [person_id for person_id, _ in names])
    return Roster(tuple(found[person_id] for person_id, _ in names if person_id in found), read_stopped(conn))


def read_names(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Everyone's id and name, by name (any case): all a search by name needs, so 10,000 people are read at once."""
    return conn.execute("SELECT id, name FROM person ORDER BY name COLLATE NOCASE, id").fetchall()


def read_stopped(conn: sqlite3.Connection) -> frozenset[int]:
    """Ids of the people with a session that stopped part-way and can be carried on."""
    return frozenset(row[0] for row in conn.execute(
        "SELECT DISTINCT person_id FROM session WHERE ended IS NULL AND engine_state IS NOT NULL"))


def read_summaries(conn: sqlite3.Connection, person_ids: Sequence[int]) -> dict[int, PersonSummary]:
    """The people list's line for each of these people (needs, active goals, last session), by id; the absent left out.

    Read as plain rows of the columns shown, without a dict or a `Person` per person, so 10,000 people cost little.
    """
    found: dict[int, PersonSummary] = {}
    needs_made: dict[tuple[object, ...], CommunicationNeeds] = {}  # most people share a few sets of needs
    for first in range(0, len(person_ids), _IDS_AT_ONCE):
        chunk = list(person_ids[first:first + _IDS_AT_ONCE])
        marks = ",".join("?" * len(chunk))
        goals: dict[int, list[str]] = {}
        for person_id, what in conn.execute(
                f"SELECT person_id, what FROM goal WHERE status = 'active' AND person_id IN ({marks}) ORDER BY id", chunk):
            goals.setdefault(person_id, []).append(what or "")
        for person_id, name, *needs, last in conn.execute(
                "SELECT p.id, p.name, p.easy_read, p.large_print, p.high_contrast, p.plain_mode, p.larger_spacing, "
                "p.reads_with_someone, p.preferred_name, (SELECT max(s.started) FROM session s WHERE s.person_id = p.id) "
                f"FROM person p WHERE p.id IN ({marks})", chunk):
            key = (*(bool(need) for need in needs[:-1]), needs[-1] or "")
            if (shared := needs_made.get(key)) is None:
                shared = needs_made[key] = CommunicationNeeds(*key)  # type: ignore[arg-type]
            found[person_id] = PersonSummary(id=person_id, name=name, needs=shared,
                                             active_goals=tuple(goals.get(person_id, ())), last_session=last)
    return found
