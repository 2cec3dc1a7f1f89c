"""A workspace for one person's months: the demo town's directory, and people.db in a folder of its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cpi_chat.actions import settings
from cpi_chat.assets.directory import load_demo_directory
from cpi_chat.paths import resolve_paths
from cpi_chat.workspace import Workspace

DAN = "Dan Mercer"


@pytest.fixture(scope="module")
def journey_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One workspace kept for a whole module, so the months are played once and looked at by each test."""
    folder = tmp_path_factory.mktemp("journey")
    space = Workspace(resolve_paths(data_dir=folder / "data", assets_db=folder / "assets.db", environ={}))
    load_demo_directory(space.assets)
    settings.change_setting(space, "self-check-in-pin", "off")  # the months are about the journey; PINs have tests of their own
    yield space
    space.close()
