"""Shared fixtures for the training tests: a throwaway training workspace with the demo town."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cpi_chat.training.personas import training_workspace
from cpi_chat.workspace import Workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with training_workspace(base=tmp_path) as opened:
        yield opened


@pytest.fixture
def bare_workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A throwaway training workspace with an empty directory, as `training map` and `training barriers` use."""
    with training_workspace(base=tmp_path, with_town=False) as opened:
        yield opened
