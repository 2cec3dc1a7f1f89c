"""The published flow schema is current and accepts the shipped flows; `flows graph` draws every flow as Mermaid."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from cpi_chat.cli import cli
from cpi_chat.dialogue.loader import load_flows

ROOT = Path(__file__).resolve().parents[2]
FLOWS_DIR = ROOT / "flows"
SCHEMA_FILE = ROOT / "docs" / "flow.schema.json"
FLOWS = load_flows(FLOWS_DIR)


def _run(*args: str):
    result = CliRunner().invoke(cli, ["--flows", str(FLOWS_DIR), *args])
    assert "Traceback" not in result.output
    return result


def test_the_committed_schema_file_is_what_flows_schema_prints_now():
    result = _run("flows", "schema")
    assert result.exit_code == 0
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json.loads(result.output), (
        "docs/flow.schema.json is out of date: run `cpi-chat flows schema > docs/flow.schema.json`"
    )


@pytest.mark.parametrize("path", sorted(FLOWS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_flow_passes_the_schema_an_editor_uses(path):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert [e.message for e in errors] == []


def test_the_schema_catches_a_misspelt_key_as_an_editor_would():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    flow = {"id": "x", "title": "X", "start": "a", "steps": [{"id": "a", "say": "Hi", "nxt": "b"}]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(flow))


NODE = re.compile(r"^  (step_[a-z0-9_]+|flow_start)(\[\"|\{\{\"|\(\[\"|\(\(\")(.*)(\"\]|\"\}\}|\"\]\)|\"\)\))$")
EDGE = re.compile(r"^  (step_[a-z0-9_]+|flow_start)(?:\(\(\".*\"\)\))? (-->|-- \"[^\"]*\" -->) (step_[a-z0-9_]+)$")


@pytest.mark.parametrize("flow_id", sorted(FLOWS))
def test_flows_graph_draws_every_step_and_link_as_valid_looking_mermaid(flow_id):
    result = _run("flows", "graph", flow_id)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "flowchart TD"
    declared, linked = set(), set()
    for line in lines[1:]:
        node, edge = NODE.match(line), EDGE.match(line)
        assert node or edge, f"not a Mermaid node or link: {line!r}"
        if node:
            assert '"' not in node.group(3), f"a quote inside a label breaks Mermaid: {line!r}"
            declared.add(node.group(1))
        if edge:
            linked.update({edge.group(1), edge.group(3)})
    assert {f"step_{s.id}" for s in FLOWS[flow_id].steps} <= declared
    assert linked <= declared | {"flow_start"}
    assert f"flow_start((\"{FLOWS[flow_id].title}\")) --> step_{FLOWS[flow_id].start}" in result.output


def test_a_step_called_end_or_start_cannot_break_the_diagram(tmp_path):
    (tmp_path / "odd.yaml").write_text(
        'id: odd\ntitle: Odd "names"\nstart: start\nsteps:\n'
        '  - {id: start, say: "Say \\"hi\\" #1"}\n  - {id: end, end: null}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--flows", str(tmp_path), "flows", "graph", "odd"])
    assert result.exit_code == 0
    assert "step_start --> step_end" in result.output
    assert not re.search(r"^\s+end\b", result.output, re.MULTILINE)


def test_graph_of_an_unknown_flow_names_the_flows_there_are():
    result = _run("flows", "graph", "no_such_flow")
    assert result.exit_code == 1
    assert "There is no flow called 'no_such_flow'" in result.output and "closing" in result.output
