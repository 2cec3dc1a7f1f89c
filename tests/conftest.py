"""Shared test setup: the terminal environment Textual reads is cleared, so runs and snapshots are the same everywhere."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _plain_terminal_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No NO_COLOR, no TEXTUAL_* settings (theme, animations, driver) from the machine running the tests.

    The snapshot plugin's own TEXTUAL_SNAPSHOT_* variables are kept: it passes its report folder in one.
    """
    for name in list(os.environ):
        if name == "NO_COLOR" or (name.startswith("TEXTUAL_") and not name.startswith("TEXTUAL_SNAPSHOT_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
