"""Shared pieces for the hardening tests: the demo town imported once, shipped flows loaded once, a canary name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.assets.directory import AssetDirectory, load_demo_directory
from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.loader import load_flows
from cpi_chat.paths import shipped_flows_dir


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(load_flows(shipped_flows_dir()))


@pytest.fixture(scope="session")
def demo_assets_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("assets") / "assets.db"
    directory = AssetDirectory.open(path)
    load_demo_directory(directory)
    directory.close()
    return path


@pytest.fixture(scope="session")
def demo_assets(demo_assets_file: Path) -> Iterator[AssetDirectory]:
    directory = AssetDirectory.open(demo_assets_file)
    yield directory
    directory.close()


@pytest.fixture
def people_db(tmp_path: Path) -> Iterator[records.PeopleDatabase]:
    db = records.open_people_db(tmp_path / "data" / "people.db")
    yield db
    db.close()
