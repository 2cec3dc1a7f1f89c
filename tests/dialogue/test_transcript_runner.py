"""`cpi-chat flows test` tells a trainer in plain words which transcript failed and why, never with a traceback."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cpi_chat.cli import cli

FLOWS_DIR = Path(__file__).resolve().parents[2] / "flows"


def _flows_test(*paths: Path):
    result = CliRunner().invoke(cli, ["--flows", str(FLOWS_DIR), "flows", "test", *map(str, paths)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def test_a_transcript_that_no_longer_reaches_its_goal_fails_with_the_reason(tmp_path):
    script = tmp_path / "changed.yaml"
    script.write_text(
        "title: Ada sets a goal\nflow: small_steps\nturns:\n"
        "  - {expect: 'first small step', answer: 'ring the choir'}\n"
        "  - {expect: 'Who will do', choose: 'Me'}\n"
        "  - {expect: 'another small step', choose: 'No'}\n"
        "expect_effects:\n  - SaveSmallStep: {owner: worker}\n"
        "expect_messages: ['a word never said']\n",
        encoding="utf-8",
    )
    result = _flows_test(script)
    assert result.exit_code == 1
    assert f"FAIL {script}: Ada sets a goal" in result.output
    assert "expected SaveSmallStep {'owner': 'worker'}, but it was not saved" in result.output
    assert "the app never said 'a word never said'" in result.output
    assert "0 passed, 1 failed" in result.output


def test_a_question_that_changed_its_words_is_named_in_the_failure(tmp_path):
    script = tmp_path / "words.yaml"
    script.write_text("flow: closing\nturns:\n  - {expect: 'Who shall we phone', skip: true}\nexpect_end: waiting\n",
                      encoding="utf-8")
    result = _flows_test(script)
    assert "turn 1: expected the question to mention 'Who shall we phone'" in result.output


def test_a_transcript_for_a_flow_that_does_not_exist_fails_without_stopping_the_others(tmp_path):
    (tmp_path / "a_missing.yaml").write_text("flow: no_such_flow\nturns: []\n", encoding="utf-8")
    (tmp_path / "b_fine.yaml").write_text(
        "flow: overcoming_barriers\nturns:\n  - {choose: 'Not right now'}\n", encoding="utf-8")
    result = _flows_test(tmp_path)
    assert result.exit_code == 1
    assert "There is no flow called 'no_such_flow'" in result.output
    assert "1 passed, 1 failed" in result.output


def test_a_malformed_transcript_is_one_clear_sentence(tmp_path):
    script = tmp_path / "bad.yaml"
    script.write_text("flow: closing\nturns:\n  - {answer: hi, skip: true}\n", encoding="utf-8")
    result = _flows_test(script)
    assert result.exit_code == 1
    assert f"{script}: turns.0" in result.output and "exactly one of" in result.output


def test_a_transcript_that_is_not_there_is_named(tmp_path):
    result = _flows_test(tmp_path / "nope.yaml")
    assert result.exit_code == 1 and "nope.yaml does not exist" in result.output
