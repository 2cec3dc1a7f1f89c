"""A people.db made by an earlier release opens, upgrades and works: people, goals, check-ins and the people list."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.paths import resolve_paths
from cpi_chat.workspace import Workspace

OLD_PEOPLE_DB = Path(__file__).parents[1] / "fixtures" / "databases" / "people.db"


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    shutil.copyfile(OLD_PEOPLE_DB, data / "people.db")
    os.chmod(data / "people.db", 0o600)
    opened = Workspace(resolve_paths(data_dir=data, environ={}))
    yield opened
    opened.close()


def test_an_old_people_file_lists_everyone_with_their_goals(workspace: Workspace) -> None:
    names = [row.name for row in workspace.roster().people]
    assert sorted(names) == ["Callum Reid", "Dan Mercer", "Joyce Whitlow"]
    dan = records.find_person(workspace.db, "Dan Mercer")
    goals = records.list_goals(workspace.db, dan.id)
    assert {g.what for g in goals} >= {"Kick-Boxing Fitness Class", "run 5 km"}


def test_an_old_people_file_takes_a_new_check_in(workspace: Workspace) -> None:
    dan = records.find_person(workspace.db, "Dan Mercer")
    goal = next(g for g in records.list_goals(workspace.db, dan.id) if g.what == "run 5 km")
    records.add_checkin(workspace.db, dan.id, goal.id, on=date(2026, 6, 1), value="3 km")
    assert any(c.value == "3 km" for c in records.get_goal(workspace.db, goal.id).checkins)
