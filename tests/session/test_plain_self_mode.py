"""Plain self mode: the person alone types their own name (and their own PIN); no list, no one else's name, no one added.

Most tests here are of a team that turned the PIN off (`self-check-in-pin off`): the name alone lets the person in.
The PIN's own tests are at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.actions import pin, settings
from cpi_chat.errors import RecordsError
from cpi_chat.plain import PlainIO, ask_own_name, open_session
from cpi_chat.session import Session
from cpi_chat.wording import NOT_FOUND_ALONE, PIN_QUESTION
from cpi_chat.workspace import Workspace
from tests.running import cli

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def scripted(*typed: str) -> tuple[PlainIO, list[str]]:
    """A PlainIO that types these lines in turn (then ends input) and keeps everything written."""
    lines = iter(typed)
    shown: list[str] = []
    return PlainIO(read=lambda _prompt: next(lines, None), write=shown.append), shown


@pytest.fixture
def two_people(workspace: Workspace) -> Workspace:
    records.add_person(workspace.db, "Joy Tester")
    records.add_person(workspace.db, "Uma Other")
    settings.change_setting(workspace, "self-check-in-pin", "off")
    return workspace


def without_pins(data: Path) -> None:
    assert cli(data, "settings", "set", "self-check-in-pin", "off").returncode == 0


def test_self_mode_asks_for_your_name_not_who_the_session_is_with(two_people: Workspace) -> None:
    io, shown = scripted("Joy Tester")
    person = ask_own_name(two_people, io, None)
    assert person is not None and person.name == "Joy Tester"
    assert shown == ["Hello. Type your name, then press Enter."]


def test_a_name_not_found_says_the_apps_sentence_and_asks_again_without_offering_to_add(two_people: Workspace) -> None:
    io, shown = scripted("Joy Testr", "Joy Tester")
    person = ask_own_name(two_people, io, None)
    assert person is not None and person.name == "Joy Tester"
    assert NOT_FOUND_ALONE in shown
    assert shown[-1] == "Type your name, then press Enter."
    text = "\n".join(shown)
    assert "Add" not in text and "yes or no" not in text and "new person" not in text
    assert [p.name for p in records.list_people(two_people.db)] == ["Joy Tester", "Uma Other"]


def test_a_near_miss_never_suggests_or_shows_anyone_elses_name(two_people: Workspace) -> None:
    io, shown = scripted("Uma Othr", "Joy Tester")
    ask_own_name(two_people, io, None)
    text = "\n".join(shown)
    assert "Uma" not in text and "did you mean" not in text.lower() and "person list" not in text


def test_two_people_with_the_same_name_are_sent_to_their_worker_and_a_number_is_never_an_id(two_people: Workspace) -> None:
    records.add_person(two_people.db, "Joy Tester")
    io, shown = scripted("joy tester", "2")
    assert ask_own_name(two_people, io, None) is None  # input ended: a number typed alone never opens a check-in
    problem = next(line for line in shown if "More than one" in line)
    assert "ask your worker" in problem and "Uma" not in problem
    assert any("Please type your name in letters" in line for line in shown)


def test_quit_or_the_end_of_input_leaves_without_anyone_added(two_people: Workspace) -> None:
    for typed in (("quit",), ()):
        io, _shown = scripted(*typed)
        assert open_session(two_people, io, None, "self") is None
    assert len(records.list_people(two_people.db)) == 2


def test_a_name_given_for_self_mode_that_is_not_found_is_the_apps_sentence_as_an_error(two_people: Workspace) -> None:
    io, shown = scripted("yes")
    with pytest.raises(RecordsError) as raised:
        open_session(two_people, io, "Uma Othr", "self")
    assert str(raised.value) == NOT_FOUND_ALONE
    assert shown == [] and len(records.list_people(two_people.db)) == 2


def test_the_command_line_self_mode_never_offers_to_add_a_typed_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "person", "add", "Uma Other").returncode == 0
    without_pins(data)
    done = cli(data, "run", "--plain", "--mode", "self", stdin="Joyce Whitlo\nyes\n")
    assert done.returncode == 0, done.stderr
    assert "Hello. Type your name, then press Enter." in done.stdout
    assert NOT_FOUND_ALONE in done.stdout
    assert "Who is this session with?" not in done.stdout and "Add Joyce" not in done.stdout
    assert "Uma" not in done.stdout
    assert [line for line in cli(data, "person", "list").stdout.splitlines() if "Joyce" in line] == []


def test_the_command_line_self_mode_with_an_unknown_person_exits_1_with_the_apps_sentence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "person", "add", "Uma Other").returncode == 0
    without_pins(data)
    done = cli(data, "run", "--plain", "--mode", "self", "--person", "Nobody Here", stdin="yes\n")
    assert done.returncode == 1
    assert NOT_FOUND_ALONE in done.stderr and "Traceback" not in done.stderr
    assert "Add Nobody" not in done.stdout and "Uma" not in done.stdout + done.stderr


def test_the_app_and_plain_mode_say_the_same_sentence_for_a_name_not_found() -> None:
    from cpi_chat.tui import starting

    assert starting.NOT_FOUND_ALONE == NOT_FOUND_ALONE


def test_plain_self_mode_never_carries_on_the_session_held_with_the_worker(two_people: Workspace) -> None:
    joy = records.find_person(two_people.db, "Joy Tester")
    records.save_note(two_people.db, joy.id, None, None, "CANARY7731 worried about the rent", private=True)
    together, _ = Session.start(two_people.db, two_people.engine, two_people.assets, joy, "joint")
    io, shown = scripted("Joy Tester")
    opened = open_session(two_people, io, None, "self")
    assert opened is not None
    session, _turn = opened
    assert session.session_id != together.session_id
    assert not any("stopped part-way" in line for line in shown)
    assert records.get_session(two_people.db, together.session_id).ended is None, "the worker's session is left as it was"


# -- the team's default: the person's own PIN after their name --------------------------------------------------

PIN = "green door"


@pytest.fixture
def joy_with_pin(workspace: Workspace) -> Workspace:
    joy = records.add_person(workspace.db, "Joy Tester")
    records.add_person(workspace.db, "Uma Other")
    pin.set_pin(workspace, joy.id, PIN, PIN)
    return workspace


def test_plain_self_mode_asks_for_the_pin_after_the_name_and_reads_it_unseen(joy_with_pin: Workspace) -> None:
    lines, shown, unseen = iter(["Joy Tester"]), [], []
    io = PlainIO(read=lambda _prompt: next(lines, None), write=shown.append,
                 read_secret=lambda prompt: unseen.append(prompt) or PIN)
    person = ask_own_name(joy_with_pin, io, None)
    assert person is not None and person.name == "Joy Tester"
    assert len(unseen) == 1, "the PIN is read without being shown"
    assert PIN_QUESTION in shown and PIN not in "\n".join(shown)


def test_a_wrong_name_or_pin_is_one_sentence_and_after_a_few_tries_the_person_is_sent_to_their_worker(
        joy_with_pin: Workspace) -> None:
    io, shown = scripted("Joy Tester", "0000", "Uma Other", PIN, "Joy Testr", PIN, "Joy Tester", "1111",
                         "Joy Tester", "2222", "Joy Tester", PIN)
    assert ask_own_name(joy_with_pin, io, None) is None
    assert shown.count(pin.NOT_MATCHED) == pin.MAX_TRIES - 1 and pin.ASK_YOUR_WORKER in shown
    text = "\n".join(shown)
    assert NOT_FOUND_ALONE not in text, "never says whether it was the name or the PIN"
    assert "Uma" not in text


def test_the_command_line_self_mode_lets_the_person_in_by_name_and_pin_and_never_prints_the_pin(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "person", "add", "Joy Tester").returncode == 0
    assert cli(data, "goals", "add", "Joy Tester", "--commitment", "choir", "--every", "week").returncode == 0
    set_pin = cli(data, "person", "pin", "Joy Tester", stdin=f"{PIN}\n{PIN}\n")
    assert set_pin.returncode == 0 and "is saved" in set_pin.stdout and PIN not in set_pin.stdout
    done = cli(data, "run", "--plain", "--mode", "self", stdin=f"Joy Tester\n{PIN}\n1\nlovely\n")
    assert done.returncode == 0, done.stderr
    assert PIN_QUESTION in done.stdout and "choir: did you go this week?" in done.stdout
    assert PIN not in done.stdout + done.stderr, "a saved transcript never holds the PIN"


def test_the_command_line_self_mode_without_the_right_pin_never_opens_the_check_in(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "person", "add", "Joy Tester").returncode == 0
    assert cli(data, "person", "pin", "Joy Tester", stdin=f"{PIN}\n{PIN}\n").returncode == 0
    wrong = "".join(f"Joy Tester\nwrong {n}\n" for n in range(pin.MAX_TRIES))
    done = cli(data, "run", "--plain", "--mode", "self", stdin=wrong)
    assert pin.ASK_YOUR_WORKER in done.stdout and "Did you go" not in done.stdout and "Traceback" not in done.stderr
    given = cli(data, "run", "--plain", "--mode", "self", "--person", "Joy Tester", stdin="1\nyes\n")
    assert "Did you go" not in given.stdout, "a name on the command line still needs the PIN"
    assert cli(data, "person", "pin", "Joy Tester", "--remove").stdout.startswith("Removed the PIN")
    done = cli(data, "run", "--plain", "--mode", "self", stdin=f"Joy Tester\n{PIN}\n")
    assert "Did you go" not in done.stdout, "with no PIN set, a person alone cannot check in until one is set with them"


def test_the_settings_say_what_each_choice_means_and_turning_the_pin_off_lets_the_name_alone_in(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "person", "add", "Joy Tester").returncode == 0
    shown = cli(data, "settings").stdout
    assert "self-check-in-pin: on" in shown and "computer" in shown
    refused = cli(data, "settings", "set", "self-check-in-code", "off")
    assert refused.returncode == 1 and "no setting called" in refused.stderr
    without_pins(data)
    assert "self-check-in-pin: off" in cli(data, "settings").stdout
    done = cli(data, "run", "--plain", "--mode", "self", stdin="Joy Tester\n")
    assert PIN_QUESTION not in done.stdout and "Type your name" in done.stdout and done.returncode == 0


def test_plain_self_mode_with_a_pin_never_carries_on_the_session_held_with_the_worker(joy_with_pin: Workspace) -> None:
    joy = records.find_person(joy_with_pin.db, "Joy Tester")
    records.save_note(joy_with_pin.db, joy.id, None, None, "CANARY7731 worried about the rent", private=True)
    together, _ = Session.start(joy_with_pin.db, joy_with_pin.engine, joy_with_pin.assets, joy, "joint")
    io, shown = scripted("Joy Tester", PIN)
    opened = open_session(joy_with_pin, io, None, "self")
    assert opened is not None and opened[0].session_id != together.session_id
    assert not any("stopped part-way" in line or "CANARY7731" in line for line in shown)
