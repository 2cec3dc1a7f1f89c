"""A fresh data folder for each test of the actions, opened as the front ends open it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from cpi_chat.actions import goals, people
from cpi_chat.paths import resolve_paths
from cpi_chat.records.model import Goal, Person
from cpi_chat.words import typed_date
from cpi_chat.workspace import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    space = Workspace(resolve_paths(data_dir=tmp_path / "data", assets_db=tmp_path / "assets.db", environ={}))
    yield space
    space.close()


@pytest.fixture
def ann(workspace: Workspace) -> Person:
    return people.add_person(workspace, "Ann Test")


@pytest.fixture
def walking(workspace: Workspace, ann: Person) -> Goal:
    return goals.add_commitment_goal(workspace, ann.id, "Walking group", "every week")


@pytest.fixture
def five_k(workspace: Workspace, ann: Person) -> Goal:
    return goals.add_target_goal(workspace, ann.id, "Run 5 km", "distance without stopping", typed_date(date.today() + timedelta(days=90)))


@pytest.fixture
def audit(workspace: Workspace) -> Callable[[], list[tuple[str, str]]]:
    """The audit trail as (action, table) pairs, oldest first: never any content."""

    def trail() -> list[tuple[str, str]]:
        return [(row[0], row[1]) for row in workspace.db.execute("SELECT action, table_name FROM audit ORDER BY id").fetchall()]

    return trail
