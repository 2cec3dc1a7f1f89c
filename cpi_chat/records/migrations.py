"""The people.db schema as a list of migrations, applied in order by sqlite-utils' Migrations.

Never edit a migration that has shipped: add a new one. Use `table.add_column` or
`table.transform()` for changes (the audit triggers must be re-created if `audit` is transformed).
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

from cpi_chat.records.model import EFFECT_TABLES  # noqa: F401  (kept importable from here)

migrations = Migrations("cpi_chat.people")


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


@migrations()
def m003_the_journey(db: sqlite_utils.Database) -> None:
    """Keep the journey over months: groups chosen, goal levels and scores (GAS), steps done, goals closed, barriers tied to goals."""
    # A group chosen in a session (from the directory, or the person's own idea), kept until it becomes a goal.
    _create_effect_table(db, "chosen_group", {"asset_id": str, "name": str, "first_visit": str})
    # Goal Attainment Scaling: the five levels agreed for a goal (the latest row for a goal counts).
    _create_effect_table(
        db, "goal_levels",
        {"goal_id": int, "baseline": int, "much_less": str, "somewhat_less": str, "expected": str, "somewhat_more": str,
         "much_more": str},
        [("goal_id", "goal", "id")], defaults={"baseline": -1},
    )
    db.table("goal_levels").create_index(["goal_id"], index_name="goal_levels_by_goal")
    # One row per review (a session together, or scores given outside one) with its T-score, and one per goal scored.
    db.table("gas_review").create(
        {"id": int, "person_id": int, "session_id": int, "date": str, "t_score": float, "goals": int, "created": str},
        pk="id", not_null={"person_id", "date", "created"},
        foreign_keys=[("person_id", "person", "id"), ("session_id", "session", "id")],
    )
    db.table("gas_review").create_index(["session_id"], unique=True, index_name="gas_review_once_per_session")
    db.table("gas_review").create_index(["person_id", "date"], index_name="gas_review_by_person")
    _create_effect_table(db, "gas_score", {"review_id": int, "goal_id": int, "level": int, "weight": float},
                         [("review_id", "gas_review", "id"), ("goal_id", "goal", "id")], defaults={"weight": 1.0})
    db.table("gas_score").create_index(["review_id"], index_name="gas_score_by_review")
    # The day a goal took its status (achieved, paused, stopped, reopened), until when a pause lasts, and why it stopped.
    goal = db.table("goal")
    goal.add_column("status_since", str, not_null_default="")
    goal.add_column("paused_until", str, not_null_default="")
    goal.add_column("stop_reason", str, not_null_default="")
    # Goals closed before this column existed: the day of their last change in the audit trail.
    db.execute(
        "UPDATE goal SET status_since = coalesce((SELECT substr(max(a.at), 1, 10) FROM audit a WHERE a.table_name = 'goal' "
        "AND a.record_id = goal.id AND a.action = 'update'), substr(created, 1, 10)) WHERE status != 'active'"
    )
    db.execute("UPDATE goal SET status_since = substr(created, 1, 10) WHERE status = 'active'")
    # A small step: the day it was ticked, the name of the 'someone else' who does it, the solution it came from.
    step = db.table("small_step")
    step.add_column("done_on", str, not_null_default="")
    step.add_column("owner_name", str, not_null_default="")
    step.add_column("solution_id", int, fk="solution", fk_col="id")
    db.table("barrier").add_column("goal_id", int, fk="goal", fk_col="id")
    # A private note's reminder stays on the people list and the worker panel until the worker marks it dealt with.
    db.table("note").add_column("dealt_with", str, not_null_default="")


@migrations()
def m004_more_communication_needs(db: sqlite_utils.Database) -> None:
    """Add larger spacing, someone to read with them and a preferred name; the screen once chosen becomes a need."""
    person = db.table("person")
    person.add_column("larger_spacing", int, not_null_default=0)
    person.add_column("reads_with_someone", int, not_null_default=0)
    person.add_column("preferred_name", str, not_null_default="")
    # F5 and F6 used to be kept as a theme string; they are the person's needs now, set in one place.
    db.execute("UPDATE person SET high_contrast = 1 WHERE theme LIKE 'cpi-high-contrast%'")
    db.execute("UPDATE person SET larger_spacing = 1 WHERE theme LIKE '%+spacious' OR (theme = '' AND large_print = 1)")
    db.execute("UPDATE person SET theme = ''")


@migrations()
def m005_wellbeing_and_caseload(db: sqlite_utils.Database) -> None:
    """Add the ONS personal wellbeing answers (0 to 10), and indexes for the caseload view on the people list."""
    _create_effect_table(db, "wellbeing", {"question": str, "score": int, "date": str})
    db.table("wellbeing").create_index(["person_id", "date"], index_name="wellbeing_by_date")
    # The caseload view asks each person's last session of each kind, and the reminders that are due.
    db.table("session").create_index(["person_id", "mode", "started"], index_name="session_by_person_mode")
    db.table("note").create_index(["remind_on"], index_name="note_by_reminder")
    # The people list asks whose session stopped part-way: only unfinished sessions are indexed.
    db.execute("CREATE INDEX session_unfinished ON session (person_id) WHERE ended IS NULL")


@migrations()
def m006_own_keys_and_settings(db: sqlite_utils.Database) -> None:
    """Add each person's own key to self mode (a salted hash of their PIN, never the PIN) and the team's settings."""
    db.table("self_check_in_key").create(
        {"id": int, "person_id": int, "pin_hash": str, "set_on": str, "failed_tries": int, "created": str},
        pk="id", not_null={"person_id", "pin_hash", "set_on", "created"}, defaults={"failed_tries": 0},
        foreign_keys=[("person_id", "person", "id")],
    )
    db.table("self_check_in_key").create_index(["person_id"], unique=True, index_name="one_key_per_person")
    db.table("setting").create({"name": str, "value": str}, pk="name", not_null={"value"})


@migrations()
def m007_changes_made_in_a_session(db: sqlite_utils.Database) -> None:
    """Keep what a session changed in an existing row (a step ticked, a goal achieved), so going back can undo it."""
    _create_effect_table(db, "effect_change", {"table_name": str, "row_id": int, "before": str})
