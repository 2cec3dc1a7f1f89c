"""The people list read with the standard library alone (the app's quick start) says the same as the full records API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cpi_chat import records
from cpi_chat.paths import resolve_paths
from cpi_chat.records.migrations import migrations
from cpi_chat.records.roster import SCHEMA_MIGRATIONS, read_roster, schema_is_current
from cpi_chat.workspace import Workspace


def test_the_quick_reader_knows_every_migration_in_order() -> None:
    assert SCHEMA_MIGRATIONS == tuple(m.name for m in migrations._migrations)


def test_the_roster_lists_everyone_as_list_people_does_and_marks_a_session_that_stopped(db) -> None:
    dev = records.add_person(db, "Dev Okafor")
    ada = records.add_person(db, "ada Lowe")
    records.add_goal(db, dev.id, "commitment", "the walking group")
    stopped = records.start_session(db, ada.id, "joint", "joint_session")
    records.save_engine_state(db, stopped, "{}")
    finished = records.start_session(db, dev.id, "joint", "joint_session")
    records.save_engine_state(db, finished, "{}")
    records.end_session(db, finished)

    roster = read_roster(db.conn)

    assert [p.name for p in roster.people] == ["ada Lowe", "Dev Okafor"]  # by name, any case
    assert list(roster.people) == records.list_people(db)
    assert roster.people[1].active_goals == ("the walking group",)
    assert roster.stopped == {ada.id}
    assert records.unfinished_session(db, ada.id) is not None and records.unfinished_session(db, dev.id) is None


def test_a_new_file_is_not_read_quickly_until_migrations_have_built_it(tmp_path: Path) -> None:
    workspace = Workspace(resolve_paths(data_dir=tmp_path / "data", environ={}))
    try:
        assert not schema_is_current(workspace.connection)
        assert workspace.roster().people == ()  # built by the migrations, then read
        assert schema_is_current(workspace.connection)
        assert (tmp_path / "data" / "people.db").stat().st_mode & 0o777 == 0o600
    finally:
        workspace.close()


def test_an_up_to_date_file_is_listed_without_loading_sqlite_utils(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    workspace = Workspace(resolve_paths(data_dir=folder, environ={}))
    records.add_person(workspace.db, "Dev Okafor")
    workspace.close()
    program = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cpi_chat.paths import resolve_paths\n"
        "from cpi_chat.workspace import Workspace\n"
        f"workspace = Workspace(resolve_paths(data_dir=Path({str(folder)!r}), environ={{}}))\n"
        "print([p.name for p in workspace.roster().people], 'sqlite_utils' in sys.modules)\n"
    )
    shown = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "['Dev Okafor'] False"


def test_every_public_records_name_is_found_in_the_module_said_to_hold_it() -> None:
    assert sorted(records.__all__) == sorted(records._MODULE_OF)
    for name in records.__all__:
        assert getattr(records, name) is not None, name
