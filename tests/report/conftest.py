"""A generated caseload (1,000 fictional people over a year) and the demo town's directory, made once for the report tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.assets.directory import AssetDirectory, load_demo_directory
from cpi_chat.paths import Paths, resolve_paths
from cpi_chat.workspace import Workspace
from tests.caseload import Caseload, generate_caseload

START, END = date(2026, 4, 1), date(2027, 3, 31)


@dataclass(frozen=True)
class CaseloadFolder:
    """A data folder holding a generated caseload, and what the generator wrote into it."""

    paths: Paths
    caseload: Caseload

    @contextlib.contextmanager
    def workspace(self) -> Iterator[Workspace]:
        workspace = Workspace(self.paths)
        try:
            yield workspace
        finally:
            workspace.close()


def make_folder(folder: Path, assets_db: Path, people: int, first: int = 0) -> CaseloadFolder:
    """A data folder with `people` generated people (numbers first, first+1, ...) and the shared directory."""
    paths = resolve_paths(data_dir=folder, assets_db=assets_db, environ={})
    return CaseloadFolder(paths, generate_caseload(paths.people_db, people, first=first))


@pytest.fixture(scope="session")
def demo_directory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """assets.db holding the demo town, shared by every caseload (a team shares one directory)."""
    path = tmp_path_factory.mktemp("directory") / "assets.db"
    directory = AssetDirectory.open(path)
    load_demo_directory(directory)
    directory.close()
    return path


@pytest.fixture(scope="session")
def thousand(tmp_path_factory: pytest.TempPathFactory, demo_directory: Path) -> CaseloadFolder:
    """1,000 fictional people supported over a year."""
    return make_folder(tmp_path_factory.mktemp("thousand"), demo_directory, 1_000)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[records.PeopleDatabase]:
    """An empty people.db for hand-made cases."""
    database = records.open_people_db(tmp_path / "data" / "people.db")
    yield database
    database.close()
