"""The people.db schema as a list of migrations, applied in order by sqlite-utils' Migrations.

Never edit a migration that has shipped: add a new one. Use `table.add_column` or
`table.transform()` for changes (the audit triggers must be re-created if `audit` is transformed).
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

migrations = Migrations("cpi_chat.people")

# Every row saved from a session carries (session_id, effect_key); a UNIQUE index on the pair
# makes replaying an effect after a crash update the same row instead of adding a second one.
EFFECT_TABLES = ("interest", "connection", "goal", "small_step", "barrier", "solution", "note", "checkin", "rating")

_EFFECT_COLUMNS: dict[str, type] = {"person_id": int, "session_id": int, "effect_key": str, "created": str}
_EFFECT_FOREIGN_KEYS = [("person_id", "person", "id"), ("session_id", "session", "id")]


def _create_effect_table(db: sqlite_utils.Database, name: str, columns: dict[str, type], extra_foreign_keys: list[tuple[str, str, str]] | None = None, defaults: dict[str, object] | None = None) -> None:
    table = db.table(name)
    table.create(
        {"id": int, **_EFFECT_COLUMNS, **columns},
        pk="id",
        not_null={"person_id", "created"},
        foreign_keys=_EFFECT_FOREIGN_KEYS + (extra_foreign_keys or []),
        defaults=defaults or {},
    )
    table.create_index(["session_id", "effect_key"], unique=True, index_name=f"{name}_effect_once")
    table.create_index(["person_id"], index_name=f"{name}_by_person")


@migrations()
def m001_people_sessions_goals(db: sqlite_utils.Database) -> None:
    """The first schema: people, sessions, interests, connections, goals, steps, check-ins, barriers, notes, audit."""
    db.table("person").create(
        {"id": int, "name": str, "easy_read": int, "large_print": int, "high_contrast": int, "plain_mode": int, "created": str},
        pk="id",
        not_null={"name", "created"},
        defaults={"easy_read": 0, "large_print": 0, "high_contrast": 0, "plain_mode": 0},
    )
    db.table("session").create(
        {"id": int, "person_id": int, "mode": str, "flow_id": str, "engine_state": str, "started": str, "ended": str, "outcome": str},
        pk="id",
        not_null={"person_id", "mode", "flow_id", "started"},
        foreign_keys=[("person_id", "person", "id")],
    )
    db.table("session").create_index(["person_id", "started"], index_name="session_by_person")
    _create_effect_table(db, "interest", {"text": str, "when": str})
    _create_effect_table(db, "connection", {"text": str, "kind": str})
    _create_effect_table(
        db, "goal",
        {"kind": str, "what": str, "where": str, "how_often": str, "asset_id": str, "first_visit": str, "measure": str,
         "starting_point": str, "expected": str, "better_than_expected": str, "by_when": str, "status": str},
        defaults={"status": "active"},
    )
    _create_effect_table(db, "small_step", {"goal_id": int, "position": int, "text": str, "owner": str, "done": int},
                         [("goal_id", "goal", "id")], defaults={"done": 0})
    db.table("small_step").create_index(["goal_id", "position"], index_name="small_step_by_goal")
    _create_effect_table(db, "checkin", {"goal_id": int, "date": str, "attended": str, "value": str, "feeling": str, "by": str, "note": str},
                         [("goal_id", "goal", "id")])
    db.table("checkin").create_index(["goal_id", "date"], index_name="checkin_by_goal")
    _create_effect_table(db, "barrier", {"parent_id": int, "owner": str, "text": str}, [("parent_id", "barrier", "id")])
    _create_effect_table(db, "solution", {"barrier_id": int, "text": str, "realistic": int, "chosen": int},
                         [("barrier_id", "barrier", "id")], defaults={"realistic": 1, "chosen": 0})
    _create_effect_table(db, "note", {"text": str, "private": int, "remind_on": str}, defaults={"private": 0})
    db.table("audit").create(
        {"id": int, "at": str, "os_user": str, "action": str, "table_name": str, "record_id": int},
        pk="id",
        not_null={"at", "os_user", "action", "table_name"},
    )
    # Append-only: any attempt to change or remove an audit row is refused by SQLite itself.
    db.execute("CREATE TRIGGER audit_never_updated BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END")
    db.execute("CREATE TRIGGER audit_never_deleted BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows cannot be removed'); END")


@migrations()
def m002_ratings_theme_pause_reason(db: sqlite_utils.Database) -> None:
    """Add how-things-are-going ratings, each person's theme, and why a goal is paused."""
    db.table("person").add_column("theme", str, not_null_default="")
    db.table("goal").add_column("pause_reason", str, not_null_default="")
    _create_effect_table(db, "rating", {"topic": str, "score": int, "words": str, "date": str})
