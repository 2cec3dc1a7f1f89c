"""Shared fixtures for the dialogue tests: the shipped flows, and small flows written inline."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.loader import load_flows
from cpi_chat.dialogue.model import Flow

FLOWS_DIR = Path(__file__).resolve().parents[2] / "flows"
TODAY = "2026-11-25"


@pytest.fixture(scope="session")
def shipped_engine() -> Engine:
    """An engine over the flows that ship in flows/."""
    return Engine(load_flows(FLOWS_DIR))


@pytest.fixture
def engine_for() -> Callable[..., Engine]:
    """Builds an engine from flow YAML written inline in a test (indentation is removed)."""

    def build(*texts: str) -> Engine:
        flows = [Flow.model_validate(yaml.safe_load(textwrap.dedent(text))) for text in texts]
        return Engine({flow.id: flow for flow in flows})

    return build
