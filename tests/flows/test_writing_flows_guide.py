"""The guide for flow writers stays true: its examples still check and run, and it covers every step kind and command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.loader import load_flows, load_library
from cpi_chat.dialogue.transcripts import Transcript, run_transcript

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "writing-flows.md").read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", GUIDE, re.DOTALL)


def test_the_whole_example_flow_in_the_guide_passes_the_check(tmp_path):
    (tmp_path / "checking_the_bus.yaml").write_text(YAML_BLOCKS[0], encoding="utf-8")
    library = load_library([tmp_path])
    assert library.problems == []


def test_the_example_transcript_in_the_guide_passes_against_the_shipped_flows():
    import yaml

    block = next(b for b in YAML_BLOCKS if b.startswith("title:"))
    result = run_transcript(Engine(load_flows(ROOT / "flows")), Transcript.model_validate(yaml.safe_load(block)))
    assert result.passed, result.failures


@pytest.mark.parametrize("kind", ["say", "ask", "choose", "suggest_assets", "set_goal", "record", "set", "branch", "call", "end"])
def test_the_guide_explains_every_kind_of_step(kind):
    assert f"### {kind}:" in GUIDE


@pytest.mark.parametrize("command", ["flows check", "flows test", "flows graph", "flows schema"])
def test_the_guide_shows_every_flows_command(command):
    assert f"cpi-chat {command}" in GUIDE
