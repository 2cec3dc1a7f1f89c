"""A workspace in a temporary folder with the demo town loaded and no people yet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cpi_chat.assets.directory import load_demo_directory
from cpi_chat.paths import resolve_paths
from cpi_chat.workspace import Workspace

SHARED_ASSETS: dict[str, Path] = {}


@pytest.fixture
def workspace(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    if "db" not in SHARED_ASSETS:  # importing the demo town once per test run keeps the tests fast
        shared = tmp_path_factory.mktemp("assets") / "assets.db"
        seed = Workspace(resolve_paths(data_dir=shared.parent, assets_db=shared, environ={}))
        load_demo_directory(seed.assets)
        seed.close()
        SHARED_ASSETS["db"] = shared
    space = Workspace(resolve_paths(data_dir=tmp_path / "data", assets_db=SHARED_ASSETS["db"], environ={}))
    yield space
    space.close()
