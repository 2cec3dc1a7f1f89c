"""`cpi-chat training play` in plain lines: the conversation, the worker's tips, step mode and taking over."""

from __future__ import annotations

from click.testing import CliRunner

from cpi_chat.cli.training import training


def run(args: list[str], given: str = "") -> str:
    result = CliRunner().invoke(training, args, input=given)
    assert result.exit_code == 0, result.output
    return result.output


def test_autoplay_prints_the_whole_conversation_with_tips_and_the_training_banner() -> None:
    output = run(["play", "dan", "--speed", "0"])
    assert output.startswith("Training — fictional people")
    assert "Tip for the worker:" in output
    assert "Dan: kikboxing" in output
    assert "Kick-Boxing Fitness Class" in output
    assert "End of the scripted session." in output
    assert output.count("[Training — fictional people") > 40


def test_step_mode_waits_for_enter_and_quit_stops_it() -> None:
    output = run(["play", "callum", "--step"], given="\n\nquit\n")
    assert "Callum: Yes" in output
    assert "Stopped at turn 2 of" in output


def test_typing_take_hands_the_session_to_the_trainer_as_a_normal_plain_session() -> None:
    output = run(["play", "joyce", "--step"], given="\n\ntake\nknitting\nquit\n")
    assert "you have taken over" in output
    assert "What did you use to enjoy?" in output
    assert "nothing is kept" in output
    assert "cpi-chat again" not in output, "the training folder is deleted, so there is nothing to carry on later"


def test_an_unknown_persona_gets_one_sentence_and_no_traceback() -> None:
    result = CliRunner().invoke(training, ["play", "bob", "--speed", "0"])
    assert result.exit_code == 1
    assert "There is no training persona called 'bob'" in result.output
    assert "Traceback" not in result.output


def test_people_lists_the_personas() -> None:
    output = run(["people"])
    for name in ("Dan Mercer", "Joyce Whitlow", "Callum Reid"):
        assert name in output
