"""Plain mode as a new user meets it: a numbered people list, piped answers echoed, help naming the words, honest goodbyes."""

from __future__ import annotations

from pathlib import Path

from cpi_chat import records
from cpi_chat.plain import PlainConversation, PlainIO, choose_person, help_in_words, open_session
from cpi_chat.session import Session
from cpi_chat.workspace import Workspace
from tests.running import cli

WORDS = "Type back to go back a question, skip to skip one that is optional, stop to end the session, quit to save and carry on later."


def scripted(*typed: str) -> tuple[PlainIO, list[str]]:
    """A PlainIO that types these lines in turn (then ends input) and keeps everything written."""
    lines = iter(typed)
    shown: list[str] = []
    return PlainIO(read=lambda _prompt: next(lines, None), write=shown.append), shown


def add_people(workspace: Workspace, *names: str) -> None:
    for name in names:
        records.add_person(workspace.db, name)


# --- the people list ---------------------------------------------------------------------------

def test_the_people_list_is_numbered_in_the_order_shown(workspace: Workspace) -> None:
    add_people(workspace, "Dee Second", "Cal First")  # Dee has id 1 but is listed second
    io, shown = scripted("quit")
    choose_person(workspace, io, None)
    assert shown[0] == "People: 1. Cal First  2. Dee Second"


def test_typing_1_opens_the_person_listed_first_not_the_one_with_id_1(workspace: Workspace) -> None:
    add_people(workspace, "Dee Second", "Cal First")
    io, _shown = scripted("1")
    person = choose_person(workspace, io, None)
    assert person is not None and person.name == "Cal First"


def test_a_number_outside_the_list_is_explained_and_asked_again_without_adding_anyone(workspace: Workspace) -> None:
    add_people(workspace, "Dee Second", "Cal First")
    io, shown = scripted("7", "2")
    person = choose_person(workspace, io, None)
    assert person is not None and person.name == "Dee Second"
    assert "Please type a number from 1 to 2, or a name." in shown
    assert not any("new person?" in line for line in shown)


def test_an_id_on_the_command_line_still_finds_that_person(workspace: Workspace) -> None:
    add_people(workspace, "Dee Second", "Cal First")
    io, _shown = scripted()
    person = choose_person(workspace, io, "1")
    assert person is not None and person.name == "Dee Second"


def test_in_the_demo_typing_1_starts_callum_who_is_listed_first() -> None:
    done = cli(None, "demo", "--plain", stdin="1\nquit\n")
    assert done.returncode == 0, done.stderr
    assert "People: 1. Callum Reid  2. Dan Mercer  3. Joyce Whitlow" in done.stdout
    assert "Callum" in done.stdout.split("> 1", 1)[1] and "Dan." not in done.stdout


# --- piped answers are echoed ------------------------------------------------------------------

def test_piped_answers_are_echoed_after_their_prompt_so_a_transcript_reads_as_a_conversation(tmp_path: Path) -> None:
    done = cli(tmp_path / "data", "run", "--plain", "--person", "Ann Test", stdin="yes\n1\nwalks by the canal\nquit\n")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Add Ann Test as a new person? (yes or no)" in lines
    assert "> yes" in lines and "> 1" in lines and "> walks by the canal" in lines and "> quit" in lines
    assert "> " not in lines  # no empty answer lines in a saved transcript


def test_an_echoed_answer_carries_no_escape_codes(tmp_path: Path) -> None:
    done = cli(tmp_path / "data", "run", "--plain", "--person", "Ann Test", stdin="yes\n1\nfilms \x1b[2J and walks\nquit\n")
    assert "> films  and walks" in done.stdout.splitlines()  # the whole escape sequence goes, not only its ESC
    assert "\x1b" not in done.stdout


# --- help names the words ----------------------------------------------------------------------

def test_help_names_the_words_to_type(workspace: Workspace) -> None:
    add_people(workspace, "Ann Test")
    io, shown = scripted("1", "help", "quit")
    opened = open_session(workspace, io, "Ann Test", "joint")
    assert opened is not None
    PlainConversation(opened[0], io).run(opened[1])
    assert WORDS in shown
    assert not any("You can go back, skip" in line for line in shown)


def test_help_keeps_a_steps_own_advice_and_drops_only_the_buttons_sentence() -> None:
    assert help_in_words("Answer in your own words; there are no wrong answers. "
                         "You can go back, skip a question that says it is optional, or stop at any time.") == (
        "Answer in your own words; there are no wrong answers.")
    assert help_in_words("Say it in your own words. You can go back, skip, or stop at any time.") == "Say it in your own words."
    assert help_in_words("Think of a usual week.") == "Think of a usual week."


# --- goodbyes ----------------------------------------------------------------------------------

def test_a_finished_session_says_everything_is_saved_and_nothing_about_carrying_on(workspace: Workspace) -> None:
    add_people(workspace, "Ann Test")
    person = records.find_person(workspace.db, "Ann Test")
    session, first = Session.start(workspace.db, workspace.engine, workspace.assets, person, "joint")
    io, shown = scripted("stop", "more typing after the end")
    assert PlainConversation(session, io).run(first) == "finished"
    assert shown[-1] == "Thank you. Everything is saved."
    assert not any("carry on" in line for line in shown[shown.index("This conversation has finished."):])


def test_quitting_the_demo_never_says_to_run_it_again_to_carry_on() -> None:
    for typed in ("2\nquit\n", "2\n", "2\nhelp\nquit\n"):
        done = cli(None, "demo", "--plain", stdin=typed)
        assert done.returncode == 0, done.stderr
        assert "again to carry on" not in done.stdout and "save and carry on" not in done.stdout
        assert "nothing to carry on" in done.stdout


def test_finishing_the_demo_says_thank_you_and_nothing_about_carrying_on() -> None:
    done = cli(None, "demo", "--plain", stdin="2\nstop\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("Thank you. That is the end of the demo.")
    assert "carry on" not in done.stdout.split("This conversation has finished.", 1)[1]


def test_two_people_with_the_same_name_are_told_apart_by_their_number_in_the_list(workspace: Workspace) -> None:
    add_people(workspace, "Cal First", "Dee Same", "Dee Same")
    io, shown = scripted("dee same", "3")
    person = choose_person(workspace, io, None)
    assert person is not None and person.id == 3
    assert "More than one person is called dee same: type the number of the one you mean from the list." in shown
    assert shown.count("People: 1. Cal First  2. Dee Same  3. Dee Same") == 2
