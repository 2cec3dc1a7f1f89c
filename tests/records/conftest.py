"""Fixtures for people's records: a fresh people.db in a temporary data folder, and a fictional person."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cpi_chat import records


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db_path(data_dir: Path) -> Path:
    return data_dir / "people.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[records.PeopleDatabase]:
    database = records.open_people_db(db_path)
    yield database
    database.close()


@pytest.fixture
def person(db: records.PeopleDatabase) -> records.Person:
    return records.add_person(db, "Dev Okafor")


@pytest.fixture
def session_id(db: records.PeopleDatabase, person: records.Person) -> int:
    return records.start_session(db, person.id, "joint", "setting_goals")
