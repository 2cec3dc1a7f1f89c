"""Subject access: the export holds every row about the person, private notes included, and the HTML is escaped."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.errors import CpiChatError
from cpi_chat.records.own_keys import set_key


def test_the_export_holds_every_row_of_every_table_linked_to_the_person(save_one_of_each, db, person, session_id) -> None:
    save_one_of_each(db, person.id, session_id)
    goal_id = records.save_goal(db, person.id, session_id, "g2", "target", "Run 5 km", by_when="2027-02-28")
    records.add_checkin(db, person.id, goal_id, value="3 km")
    records.save_engine_state(db, session_id, '{"step": "small_steps"}')
    set_key(db, person.id, "blue kettle 42")  # their own PIN for checking in alone: said to be set, never shown
    other = records.add_person(db, "Ann Lee")
    records.add_goal(db, other.id, "commitment", "Knitting circle")

    export = records.export_person(db, person.id)

    for table in db.table_names():
        if "person_id" not in db.table(table).columns_dict:
            continue
        held = {row["id"] for row in db.query(f'SELECT id FROM "{table}" WHERE person_id = ?', [person.id])}
        exported = {row["id"] for row in export["tables"][table]}
        assert held == exported, table
        assert held, f"the test saved nothing in {table}"
    assert export["person"]["name"] == "Dev Okafor"
    assert "Knitting circle" not in json.dumps(export)
    assert export["tables"]["session"][0]["engine_state"] == {"step": "small_steps"}


def test_private_worker_notes_are_in_the_export(db, person, session_id) -> None:
    records.save_note(db, person.id, session_id, "n1", "Seemed low today", private=True)
    export = records.export_person(db, person.id)
    assert [(n["text"], n["private"]) for n in export["tables"]["note"]] == [("Seemed low today", 1)]
    assert "Private worker note:</strong> Seemed low today" in records.render_export_html(export)


def test_the_export_lists_the_audit_entries_about_the_persons_records(db, person, session_id) -> None:
    goal_id = records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing class")
    export = records.export_person(db, person.id)
    assert ("create", "goal", goal_id) in [(a["action"], a["table_name"], a["record_id"]) for a in export["audit"]]
    assert db.execute("SELECT count(*) FROM audit WHERE action = 'export'").fetchone()[0] == 1


def test_words_that_look_like_html_are_shown_as_words(db, person, session_id) -> None:
    records.save_interest(db, person.id, session_id, "i1", "<script>alert('hi')</script> & chips", "present")
    html = records.render_export_html(records.export_person(db, person.id))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "&amp; chips" in html


def test_the_written_files_are_private_and_carry_no_name(db, person, tmp_path: Path) -> None:
    json_path, html_path = records.write_export(db, person.id, tmp_path / "out")
    for path in (json_path, html_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert "Okafor" not in path.name
    assert json.loads(json_path.read_text())["person"]["id"] == person.id
    assert "Everything cpi-chat holds about Dev Okafor" in html_path.read_text()


def test_exporting_twice_in_a_day_replaces_the_first_files_but_never_someone_elses(db, person, tmp_path: Path) -> None:
    json_path, html_path = records.write_export(db, person.id, tmp_path / "out")
    assert records.write_export(db, person.id, tmp_path / "out") == (json_path, html_path)
    html_path.write_text("<p>my own page</p>")
    with pytest.raises(CpiChatError, match="was not written by cpi-chat"):
        records.write_export(db, person.id, tmp_path / "out")
    assert html_path.read_text() == "<p>my own page</p>"
