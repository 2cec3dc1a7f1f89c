"""Fixtures for the Textual app's tests: a frozen clock, a demo workspace of fictional people, and a Pilot driver."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from cpi_chat.actions import settings
from cpi_chat.demo import fill_demo
from cpi_chat.paths import resolve_paths
from cpi_chat.workspace import Workspace

FROZEN_NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    """Every date on screen and in people.db is 25 November 2026."""
    with time_machine.travel(FROZEN_NOW, tick=False):
        yield


@pytest.fixture
def workspace_at(tmp_path: Path) -> Iterator[object]:
    """A function that opens a workspace over a data folder (several apps can share one, one after another)."""
    opened: list[Workspace] = []

    def open_at(folder: Path = tmp_path / "data") -> Workspace:
        workspace = Workspace(resolve_paths(data_dir=folder, environ={}), training=True)
        opened.append(workspace)
        return workspace

    yield open_at
    for workspace in opened:
        workspace.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data built once per run (on the frozen day); each test gets its own copy."""
    folder = tmp_path_factory.mktemp("demo-template")
    with time_machine.travel(FROZEN_NOW, tick=False):
        workspace = Workspace(resolve_paths(data_dir=folder, environ={}), training=True)
        fill_demo(workspace)
        # Most tests start a person alone past the door; the door's own tests turn the PIN on (tests/tui/test_pin_screens.py).
        settings.change_setting(workspace, "self-check-in-pin", "off")
        workspace.close()
    return folder


@pytest.fixture
def demo_workspace(workspace_at, demo_template: Path, tmp_path: Path) -> Workspace:  # type: ignore[no-untyped-def]
    """The demo town and its fictional people, in a folder of this test's own."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    for name in ("people.db", "assets.db"):
        shutil.copy2(demo_template / name, folder / name)
    return workspace_at(folder)


@pytest.fixture
def empty_workspace(workspace_at) -> Workspace:  # type: ignore[no-untyped-def]
    """A first run: no people and an empty community directory."""
    return workspace_at()
