"""`cpi-chat flows check` names the file, the line and the problem for every kind of broken flow, and never shows a traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpi_chat.cli import cli

GOOD_STEPS = """
steps:
  - id: hello
    say: "Hello {name}."
  - id: hobby
    ask: "What do you enjoy?"
  - id: bye
    end: "Bye."
"""


def _flow(flow_id: str, body: str) -> str:
    return f"id: {flow_id}\ntitle: A test flow\n" + textwrap.dedent(body).lstrip("\n")


# name of the case, {file name: content}, the file and line the message must name, words it must contain
CASES: list[tuple[str, dict[str, str | bytes], str, int, list[str]]] = [
    ("yaml_syntax_error", {"broken.yaml": _flow("broken", """
        start: hello
        steps:
          - id: hello
            say: [not closed
          - id: bye
            end: null
        """)}, "broken.yaml", 7, ["YAML syntax error"]),
    ("unknown_key", {"typo.yaml": _flow("typo", """
        start: hello
        steps:
          - id: hello
            say: "Hi."
            nxt: bye
          - id: bye
            end: null
        """)}, "typo.yaml", 7, ["steps[0].nxt", "unknown key 'nxt'", "did you mean 'next'"]),
    ("wrong_type", {"types.yaml": _flow("types", """
        start: hello
        steps:
          - id: hello
            ask: [1, 2]
            optional: sometimes
          - id: bye
            end: null
        """)}, "types.yaml", 6, ["steps[0].ask", "should be text"]),
    ("missing_start", {"nostart.yaml": _flow("nostart", GOOD_STEPS)}, "nostart.yaml", 1, ["'start' is missing"]),
    ("start_names_no_step", {"badstart.yaml": _flow("badstart", "start: helo\n" + GOOD_STEPS)},
     "badstart.yaml", 3, ["start", "no step named 'helo'", "did you mean 'hello'"]),
    ("duplicate_step_ids", {"twice.yaml": _flow("twice", """
        start: hello
        steps:
          - id: hello
            say: "Hi."
          - id: hello
            end: null
        """)}, "twice.yaml", 7, ["steps[1].id", "'hello' is used twice"]),
    ("next_to_missing_step", {"dangling.yaml": _flow("dangling", """
        start: hello
        steps:
          - id: hello
            say: "Hi."
            next: smal_steps
          - id: small_steps
            end: null
        """)}, "dangling.yaml", 7, ["steps[0].next", "no step named 'smal_steps'", "did you mean 'small_steps'"]),
    ("call_to_missing_flow", {"caller.yaml": _flow("caller", """
        start: part
        steps:
          - id: part
            call: setting_goal
          - id: bye
            end: null
        """)}, "caller.yaml", 6, ["steps[0].call", "no flow named 'setting_goal'"]),
    ("call_cycle_between_two_flows", {
        "ping.yaml": _flow("ping", "start: go\nsteps:\n  - id: go\n    call: pong\n"),
        "pong.yaml": _flow("pong", "start: go\nsteps:\n  - id: go\n    call: ping\n"),
    }, "pong.yaml", 6, ["call each other in a circle", "ping -> pong -> ping"]),
    ("choose_without_options", {"nochoice.yaml": _flow("nochoice", """
        start: pick
        steps:
          - id: pick
            say: "Which?"
            choose: []
          - id: bye
            end: null
        """)}, "nochoice.yaml", 7, ["steps[0].choose", "needs at least one option"]),
    ("template_names_unknown_answer", {"unknown.yaml": _flow("unknown", """
        start: hobby
        steps:
          - id: hobby
            ask: "What do you enjoy?"
          - id: echo
            say: "You enjoy {hobbby}."
          - id: bye
            end: null
        """)}, "unknown.yaml", 8, ["steps[1].say", "uses {hobbby}", "did you mean 'hobby'"]),
    ("placeholder_names_unknown_answer", {"hint.yaml": _flow("hint", """
        start: hobby
        steps:
          - id: hobby
            ask: "What do you enjoy?"
            placeholder: "For example: {interests_now}"
          - id: bye
            end: null
        """)}, "hint.yaml", 7, ["steps[0].placeholder", "uses {interests_now}", "inputs"]),
    ("branch_to_nowhere", {"branchy.yaml": _flow("branchy", """
        start: hobby
        steps:
          - id: hobby
            ask: "What do you enjoy?"
            optional: true
          - id: route
            branch:
              - when: {answer: hobby, is_empty: true}
                next: nowhere
            otherwise: bye
          - id: bye
            end: null
        """)}, "branchy.yaml", 11, ["steps[1].branch[0].next", "no step named 'nowhere'"]),
    ("empty_file", {"empty.yaml": ""}, "empty.yaml", 1, ["is empty"]),
    ("only_comments", {"comments.yaml": "# a flow will go here\n# one day\n"}, "comments.yaml", 1, ["is empty"]),
    ("not_utf8", {"latin1.yaml": "id: latin\ntitle: Caf\xe9\nstart: a\n".encode("latin-1")},
     "latin1.yaml", 2, ["not UTF-8"]),
    ("a_list", {"list.yaml": "- id: hello\n- say: hi\n"}, "list.yaml", 1, ["should be a mapping", "not a list"]),
    ("a_single_value", {"scalar.yaml": "just some words\n"}, "scalar.yaml", 1, ["should be a mapping"]),
    ("huge_file", {"huge.yaml": _flow("huge", "description: " + "x" * 2_100_000 + "\nstart: hello\n" + GOOD_STEPS)},
     "huge.yaml", 1, ["too big"]),
    ("deeply_nested", {"deep.yaml": "id: deep\nsteps: " + "[" * 3000 + "]" * 3000 + "\n"},
     "deep.yaml", 2, ["nested too deeply"]),
    ("key_written_twice", {"twicekey.yaml": _flow("twicekey", """
        start: hello
        steps:
          - id: hello
            say: "Hi."
            say: "Hello again."
          - id: bye
            end: null
        """)}, "twicekey.yaml", 7, ["steps[0].say", "written twice", "first on line 6"]),
    ("step_of_no_kind", {"nokind.yaml": _flow("nokind", """
        start: hello
        steps:
          - id: hello
            tell: "Hi."
          - id: bye
            end: null
        """)}, "nokind.yaml", 5, ["steps[0]", "a step needs one of: say, ask, choose"]),
    ("stray_brace", {"brace.yaml": _flow("brace", """
        start: hello
        steps:
          - id: hello
            say: "Hello {Name}."
          - id: bye
            end: null
        """)}, "brace.yaml", 6, ["steps[0].say", "brace that is not an answer name"]),
    ("loop_without_questions", {"loop.yaml": _flow("loop", """
        start: one
        steps:
          - id: one
            say: "Round"
            next: two
          - id: two
            say: "and round"
            next: one
        """)}, "loop.yaml", 5, ["circle without asking anything", "one -> two -> one"]),
    ("unknown_validation", {"validate.yaml": _flow("validate", """
        start: age
        steps:
          - id: age
            ask: "How old?"
            validate: colour
          - id: bye
            end: null
        """)}, "validate.yaml", 7, ["steps[0].validate", "'number'"]),
    ("flow_id_used_twice", {
        "one.yaml": _flow("same", "start: hello\n" + GOOD_STEPS),
        "two.yaml": _flow("same", "start: hello\n" + GOOD_STEPS),
    }, "two.yaml", 1, ["flow id 'same' is already used by"]),
]


def _write(tmp_path: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        target = tmp_path / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def _check(*args: str):
    result = CliRunner().invoke(cli, ["flows", "check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize(("files", "where", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_broken_flow_is_reported_with_its_file_its_line_and_the_problem(tmp_path, files, where, line, words):
    _write(tmp_path, files)
    result = _check(str(tmp_path))
    assert result.exit_code == 1, result.output
    lines = [text for text in result.output.splitlines() if text.startswith(f"{tmp_path / where}:{line}: ")]
    assert lines, f"nothing reported at {where}:{line}:\n{result.output}"
    assert any(all(word in text for word in words) for text in lines), result.output
    assert "error" in result.output.splitlines()[-1]


def test_there_are_at_least_fifteen_kinds_of_broken_flow_covered():
    assert len({case[0] for case in CASES}) >= 15


def test_an_unreachable_step_is_only_a_warning_and_the_check_still_passes(tmp_path):
    (tmp_path / "island.yaml").write_text(_flow("island", """
        start: hello
        steps:
          - id: hello
            end: "Hi."
          - id: island
            say: "Nobody comes here."
        """), encoding="utf-8")
    result = _check(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'island.yaml'}:7: warning: steps[1].id: step 'island' can never be reached" in result.output
    assert "0 errors, 1 warning" in result.output


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    files = {name: content for case in CASES if case[0] in {"unknown_key", "start_names_no_step", "empty_file"}
             for name, content in case[1].items()}
    _write(tmp_path, files)
    result = _check(str(tmp_path))
    assert result.exit_code == 1
    for name in ("typo.yaml", "badstart.yaml", "empty.yaml"):
        assert f"{tmp_path / name}:" in result.output
    assert "3 files checked: 3 errors" in result.output


def test_a_file_that_does_not_exist_is_reported_without_a_traceback(tmp_path):
    result = _check(str(tmp_path / "missing.yaml"))
    assert result.exit_code == 1 and "missing.yaml:1: does not exist" in result.output


@pytest.mark.parametrize("case", ["not_utf8", "deeply_nested"])
def test_the_real_command_prints_no_traceback_for_the_nastiest_files(tmp_path, case):
    files = next(c[1] for c in CASES if c[0] == case)
    _write(tmp_path, files)
    done = subprocess.run([sys.executable, "-m", "cpi_chat", "flows", "check", str(tmp_path)],
                          check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{tmp_path / next(iter(files))}:" in done.stderr


def test_a_flow_saved_by_a_windows_editor_with_a_bom_and_crlf_line_ends_passes(tmp_path):
    text = _flow("windows", "start: hello\n" + GOOD_STEPS).replace("\n", "\r\n")
    (tmp_path / "windows.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = _check(str(tmp_path))
    assert result.exit_code == 0, result.output
