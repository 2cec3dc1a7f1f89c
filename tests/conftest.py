"""Shared test setup: the terminal environment Textual reads is cleared, so runs and snapshots are the same everywhere."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime

import pytest
import time_machine


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--today", metavar="YYYY-MM-DD", default=None,
        help="Run every test as if today were this date (10:00), to prove no test depends on the real day.",
    )


@pytest.fixture(autouse=True, scope="session")
def _tests_today(request: pytest.FixtureRequest) -> Iterator[None]:
    """With --today, the clock starts at 10:00 on that date and ticks on; tests that move it themselves still can."""
    chosen = request.config.getoption("--today")
    if chosen is None:
        yield
        return
    moment = datetime.combine(date.fromisoformat(chosen), datetime.min.time()).replace(hour=10).astimezone()
    with time_machine.travel(moment, tick=True):
        yield


@pytest.fixture(autouse=True)
def _plain_terminal_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No NO_COLOR, no TEXTUAL_* settings (theme, animations, driver) from the machine running the tests.

    The snapshot plugin's own TEXTUAL_SNAPSHOT_* variables are kept: it passes its report folder in one.
    """
    for name in list(os.environ):
        if name == "NO_COLOR" or (name.startswith("TEXTUAL_") and not name.startswith("TEXTUAL_SNAPSHOT_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
