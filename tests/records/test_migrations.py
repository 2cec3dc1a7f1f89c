"""The schema is built by migrations, from an empty file and from the previous schema version, keeping data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from cpi_chat import records
from cpi_chat.records.migrations import EFFECT_TABLES, migrations

EXPECTED_TABLES = {"person", "session", "interest", "connection", "goal", "small_step", "checkin", "barrier",
                   "solution", "note", "rating", "audit"}


def test_an_empty_file_gets_every_table_and_every_migration_recorded(db) -> None:
    assert EXPECTED_TABLES <= set(db.table_names())
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    assert migrations.pending(db) == []


def test_every_table_saved_from_a_session_refuses_a_second_row_for_the_same_effect(db) -> None:
    for table in EFFECT_TABLES:
        unique = [index.columns for index in db.table(table).indexes if index.unique]
        assert ["session_id", "effect_key"] in unique, table


def test_opening_twice_applies_nothing_new(db_path: Path) -> None:
    records.open_people_db(db_path).close()
    db = records.open_people_db(db_path)
    assert len(migrations.applied(db)) == len(migrations._migrations)
    db.close()


def test_a_database_from_the_previous_version_is_upgraded_and_keeps_its_people_and_goals(db_path: Path) -> None:
    db_path.parent.mkdir(mode=0o700)
    old = sqlite_utils.Database(sqlite3.connect(db_path))
    migrations.apply(old, stop_before="m002_ratings_theme_pause_reason")
    assert "rating" not in old.table_names()
    old["person"].insert({"id": 1, "name": "Maud Pennick", "easy_read": 0, "large_print": 1, "high_contrast": 0,
                          "plain_mode": 0, "created": "2026-01-05T10:00:00+00:00"})
    old["goal"].insert({"id": 1, "person_id": 1, "created": "2026-01-05T10:05:00+00:00", "kind": "commitment",
                        "what": "Leave the house twice a week", "status": "active"})
    old.close()

    db = records.open_people_db(db_path)
    maud = records.find_person(db, "Maud Pennick")
    assert maud.needs.large_print and maud.theme == ""
    [goal] = records.list_goals(db, maud.id)
    assert goal.what == "Leave the house twice a week" and goal.pause_reason == ""
    records.set_goal_status(db, goal.id, "paused", pause_reason="unwell")
    assert records.get_goal(db, goal.id).pause_reason == "unwell"
    records.save_rating(db, maud.id, None, None, "getting out", 3)
    assert [r.score for r in records.list_ratings(db, maud.id)] == [3]
    db.close()


def test_a_screen_chosen_before_needs_held_it_becomes_the_persons_needs(db_path: Path) -> None:
    db_path.parent.mkdir(mode=0o700)
    old = sqlite_utils.Database(sqlite3.connect(db_path))
    migrations.apply(old, stop_before="m004_more_communication_needs")
    for number, theme in enumerate(("cpi-high-contrast+spacious", "+spacious", ""), start=1):
        old["person"].insert({"id": number, "name": f"Person {'ABC'[number - 1]}", "easy_read": 0, "large_print": 0,
                              "high_contrast": 0, "plain_mode": 0, "created": "2026-01-05T10:00:00+00:00", "theme": theme})
    old.close()

    db = records.open_people_db(db_path)
    needs = [records.get_person(db, number).needs for number in (1, 2, 3)]
    assert [(n.high_contrast, n.larger_spacing) for n in needs] == [(True, True), (False, True), (False, False)]
    assert needs[0].preferred_name == "" and not needs[0].reads_with_someone
