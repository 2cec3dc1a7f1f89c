"""The flows that ship in flows/ pass their checks and transcripts, keep the names the session relies on, and have easy-read words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpi_chat.cli import cli
from cpi_chat.dialogue.checks import answers_set_by
from cpi_chat.dialogue.engine import INTERACTIVE_STEPS, Engine
from cpi_chat.dialogue.loader import load_flows, load_library
from cpi_chat.dialogue.model import EndStep, RecordStep, SayStep, SetGoalStep
from cpi_chat.dialogue.transcripts import load_transcript, run_transcript

ROOT = Path(__file__).resolve().parents[2]
FLOWS_DIR = ROOT / "flows"
TRANSCRIPTS = sorted((FLOWS_DIR / "transcripts").glob("*.yaml"))
FLOWS = load_flows(FLOWS_DIR)
ENGINE = Engine(FLOWS)


def test_cpi_chat_flows_check_passes_on_the_shipped_flows_with_no_warnings():
    done = subprocess.run([sys.executable, "-m", "cpi_chat", "flows", "check", str(FLOWS_DIR)],
                          check=False, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "0 errors." in done.stdout and "warning" not in done.stdout + done.stderr


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda p: p.stem)
def test_each_transcript_still_reaches_its_goals(path):
    result = run_transcript(ENGINE, load_transcript(path), str(path))
    assert result.passed, "\n".join(result.failures)


def test_cpi_chat_flows_test_runs_every_transcript_and_passes():
    result = CliRunner().invoke(cli, ["--flows", str(FLOWS_DIR), "flows", "test"])
    assert result.exit_code == 0, result.output
    assert f"{len(TRANSCRIPTS)} passed, 0 failed" in result.output


@pytest.mark.parametrize("flow_id", sorted(FLOWS))
def test_every_flow_has_at_least_one_transcript(flow_id):
    assert any(load_transcript(path).flow == flow_id for path in TRANSCRIPTS)


def test_the_transcripts_between_them_reach_every_question_of_every_flow():
    reached: set[tuple[str, str]] = set()
    for path in TRANSCRIPTS:
        transcript = load_transcript(path)
        state, reply = ENGINE.start(transcript.flow, transcript.start_context())
        for turn in [None, *transcript.turns]:
            if turn is not None:
                state, reply = ENGINE.handle(state, turn.event())
            if reply.prompt is not None:
                reached.add((reply.prompt.flow, reply.prompt.step))
    questions = {(f.id, s.id) for f in FLOWS.values() for s in f.steps if isinstance(s, INTERACTIVE_STEPS)}
    assert questions - reached == set()


def test_the_transcripts_cover_back_skip_help_stop_and_easy_read():
    turns = [turn for path in TRANSCRIPTS for turn in load_transcript(path).turns]
    for action in ("back", "skip", "help", "stop"):
        assert any(getattr(turn, action) for turn in turns), action
    assert any(load_transcript(path).context.get("easy_read") == "yes" for path in TRANSCRIPTS)


def test_the_flow_ids_the_session_starts_are_all_there():
    assert {"joint_session", "first_session", "finding_assets", "setting_goals", "small_steps",
            "overcoming_barriers", "follow_up", "review", "closing"} <= set(FLOWS)


@pytest.mark.parametrize(("flow_id", "inputs"), [
    ("finding_assets", ["interests_now", "interests_past", "wish_to_try"]),
    ("setting_goals", ["chosen_asset", "chosen_asset_id", "first_visit"]),
    ("follow_up", []),  # it goes through each goal given (for_each), each goal's answers given to check_in_goal
    ("review", ["interests_now", "interests_past", "wish_to_try"]),
])
def test_the_inputs_the_session_gives_each_flow_are_unchanged(flow_id, inputs):
    assert FLOWS[flow_id].inputs == inputs


@pytest.mark.parametrize(("flow_id", "names"), [
    ("first_session", {"interests_now", "interests_past", "wish_to_try"}),
    ("finding_assets", {"chosen_asset", "chosen_asset_id", "first_visit"}),
    ("setting_goals", {"goal_kind"}),
])
def test_the_answer_names_later_flows_and_the_session_read_are_still_set(flow_id, names):
    library = load_library([FLOWS_DIR])
    assert names <= answers_set_by(flow_id, library)


@pytest.mark.parametrize("path", sorted(FLOWS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_flow_file_points_editors_at_the_schema_on_its_first_line(path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../docs/flow.schema.json"


@pytest.mark.parametrize("flow_id", sorted(FLOWS))
def test_every_step_with_words_also_has_easy_read_words(flow_id):
    missing = []
    for step in FLOWS[flow_id].steps:
        has_words = isinstance(step, (*INTERACTIVE_STEPS, SayStep)) or (
            isinstance(step, (EndStep, SetGoalStep, RecordStep)) and getattr(step, "end", None) or getattr(step, "say", None)
        )
        if has_words and not step.easy_read:
            missing.append(step.id)
    assert missing == []


def test_a_whole_session_asks_how_the_person_will_go_the_first_time_only_once():
    transcript = load_transcript(FLOWS_DIR / "transcripts" / "joint_kickboxing_and_5k.yaml")
    state, reply = ENGINE.start(transcript.flow, {"today": "2026-11-25", **transcript.context})
    asked = []
    for turn in transcript.turns:
        if reply.prompt is not None and reply.prompt.step in {"first_visit", "first_time"}:
            asked.append(reply.prompt.step)
        state, reply = ENGINE.handle(state, turn.event())
    assert asked == ["first_visit"]
