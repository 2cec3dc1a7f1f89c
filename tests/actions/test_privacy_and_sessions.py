"""Subject access, erasure and restoring, and setting aside a session that stopped part-way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.actions import people, plan, privacy, sessions
from cpi_chat.errors import RecordsError, Refused


def test_everything_held_is_written_owner_only_and_the_export_is_audited(workspace, ann, audit, tmp_path: Path) -> None:
    json_path, html_path = privacy.export_everything(workspace, ann.id, tmp_path / "sar")
    assert json.loads(json_path.read_text())["person"]["name"] == "Ann Test"
    assert "Ann" not in json_path.name and html_path.stat().st_mode & 0o077 == 0
    assert audit()[-1] == ("export", "person")


def test_erasing_removes_the_person_their_plan_page_and_their_backups(workspace, ann) -> None:
    page = plan.save_plan_page(workspace, ann.id)
    records.rolling_backup(workspace.paths.people_db, workspace.paths.backups_dir)
    erased = privacy.erase(workspace, ann.id)
    assert erased.plan_page_removed == page and not page.exists()
    assert len(erased.backups_scrubbed) == 1 and erased.not_scrubbed == ()
    assert people.everyone(workspace) == [], "the workspace opens people.db again after erasing"
    assert b"Ann Test" not in workspace.paths.people_db.read_bytes()


def test_erasing_someone_who_is_not_there_is_one_sentence(workspace) -> None:
    with pytest.raises(RecordsError, match="no person with id 9"):
        privacy.erase(workspace, 9)


def test_restoring_without_backups_is_refused_and_with_one_brings_it_back(workspace, ann) -> None:
    with pytest.raises(Refused, match="There are no backups"):
        privacy.restore_latest(workspace)
    records.rolling_backup(workspace.paths.people_db, workspace.paths.backups_dir)
    people.add_person(workspace, "Added After The Backup")
    restored = privacy.restore_latest(workspace)
    assert restored.kept_aside is not None and restored.kept_aside.exists()
    assert [p.name for p in people.everyone(workspace)] == ["Ann Test"]


def test_starting_afresh_sets_the_stopped_session_aside(workspace, ann) -> None:
    session_id = records.start_session(workspace.db, ann.id, "joint", "joint_session")
    records.save_engine_state(workspace.db, session_id, '{"flow": "joint_session"}')
    assert sessions.session_to_carry_on(workspace, ann.id).id == session_id  # type: ignore[union-attr]
    sessions.start_afresh(workspace, session_id)
    assert sessions.session_to_carry_on(workspace, ann.id) is None
    assert records.get_session(workspace.db, session_id).outcome == "stopped"


def test_erasing_leaves_the_directory_open_for_the_screens_that_hold_it(workspace, ann) -> None:
    directory = workspace.assets
    privacy.erase(workspace, ann.id)
    assert workspace.assets is directory and directory.is_empty()  # still open: no 'closed database' for the app
