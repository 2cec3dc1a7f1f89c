"""Fixtures for the plan tests: a fresh people.db and the fictional demo person's plan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.plan.plan import PlanView
from tests.plan.demo import demo_plan


@pytest.fixture
def db(tmp_path: Path) -> Iterator[records.PeopleDatabase]:
    database = records.open_people_db(tmp_path / "data" / "people.db")
    yield database
    database.close()


@pytest.fixture
def plan(db: records.PeopleDatabase) -> PlanView:
    return demo_plan(db)
