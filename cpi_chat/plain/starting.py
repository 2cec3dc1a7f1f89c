"""Starting plain mode: who the session is with (picked, typed, or the person's own name), then carry on or start."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cpi_chat.actions import people, pin, sessions
from cpi_chat.errors import CpiChatError, RecordsError, Refused
from cpi_chat.plain.conversation import QUIT_WORDS, PlainIO, ask_line, ask_secret, ask_yes_no
from cpi_chat.plain.goals import GOALS_WORD, GoalsInLines
from cpi_chat.plain.reminders import REMINDERS_WORD, deal_with_reminders, reminders_line
from cpi_chat.session import Session, Turn
from cpi_chat.wording import FINISHED_MESSAGE, NOT_FOUND_ALONE, PIN_QUESTION

if TYPE_CHECKING:
    from cpi_chat.assets.directory import AssetDirectory
    from cpi_chat.records.model import Person
    from cpi_chat.workspace import Workspace

OWN_NAME_QUESTION = "Hello. Type your name, then press Enter."
OWN_NAME_AGAIN = "Type your name, then press Enter."


def ready_to_search(assets: AssetDirectory, io: PlainIO) -> None:
    """Bring the directory's saved search index up to date now, in words, rather than stall at the first suggestion."""
    try:
        if assets.index_is_current():
            return
        io.write("Getting the directory ready for searching...")
        said: set[int] = set()

        def progress(done: int, total: int) -> None:
            quarter = 4 * done // max(total, 1)
            if 0 < quarter < 4 and quarter not in said:
                said.add(quarter)
                io.write(f"  {25 * quarter}% done")

        assets.prepare_index(progress)
        io.write("The directory is ready.")
    except CpiChatError as problem:
        io.write(str(problem))


def choose_person(workspace: Workspace, io: PlainIO, name: str | None, show_people: bool = True,
                  checked: bool = False) -> Person | None:
    """The person named, or picked from the numbered list, or asked for; a new name can be added after a check.

    With `show_people` False (a person on their own, in self mode) see `ask_own_name`: no list, no adding.
    """
    if not show_people:
        return ask_own_name(workspace, io, name, checked)
    while True:
        if not name:
            picked = pick_from_list(workspace, io)
            if not isinstance(picked, str):  # a person picked by number, or None to leave
                return picked
            name = picked
        try:
            return people.find_person(workspace, name)
        except RecordsError as problem:
            if "more than one" in str(problem).lower():  # the list comes next, so a number there tells them apart
                io.write(f"More than one person is called {name}: type the number of the one you mean from the list.")
                name = None
                continue
            if "did you mean" in str(problem):
                io.write(str(problem))
        add = ask_yes_no(io, f"Add {name} as a new person?")
        if add is None:
            return None
        if add:
            try:
                return people.add_person(workspace, name)
            except CpiChatError as problem:  # empty once cleaned, only digits, too long, or taken: ask again
                io.write(str(problem))
        name = None


def pick_from_list(workspace: Workspace, io: PlainIO) -> Person | str | None:
    """Show everyone numbered and ask: the person whose number was typed, a name typed, or None to leave."""
    everyone = people.everyone(workspace)
    if everyone:
        io.write("People: " + "  ".join(f"{number}. {p.name}" for number, p in enumerate(everyone, start=1)))
    question = "Who is this session with? Type " + ("a number from the list, or " if everyone else "") + "a name (a new name adds someone)."
    while True:
        typed = ask_line(io, question)
        if typed is None or typed.lower() in QUIT_WORDS:
            return None
        if typed.isdecimal() and everyone:  # a number typed here is a place in the list shown, never an id
            if 1 <= int(typed) <= len(everyone):
                return people.person(workspace, everyone[int(typed) - 1].id)
            io.write(f"Please type a number from 1 to {len(everyone)}, or a name.")
            continue
        if typed:
            return typed


def ask_own_name(workspace: Workspace, io: PlainIO, name: str | None, checked: bool = False) -> Person | None:
    """Self mode: the person alone gives their own name (and PIN when the team asks); never a list, a suggestion, a new record.

    A name given on the command line is used as typed; `checked` says the app already let the person in (its id is given).
    Without a PIN, a name given on the command line that is not found raises RecordsError with the app's sentence.
    """
    if checked and name:
        return people.find_person(workspace, name)
    if pin.pin_needed(workspace):
        return _name_and_pin(workspace, io, name)
    given, question = name, OWN_NAME_QUESTION
    while True:
        if not given:
            given = ask_line(io, question)
            question = OWN_NAME_AGAIN
            if given is None or given.lower() in QUIT_WORDS:
                return None
            if not given:
                continue
        try:
            if name:  # given on the command line (by the worker, perhaps as an id)
                return people.find_person(workspace, given)
            return people.find_person_alone(workspace, given)  # typed: a name only, never suggesting others
        except RecordsError as problem:
            sentence = str(problem) if not name or "more than one" in str(problem).lower() else NOT_FOUND_ALONE
            if name:
                raise RecordsError(sentence) from None
            io.write(sentence)
        given = None


def _name_and_pin(workspace: Workspace, io: PlainIO, name: str | None) -> Person | None:
    """The name (unless given) then the PIN, with one sentence for any mismatch and a few tries in all."""
    tries, question = 0, OWN_NAME_QUESTION
    while True:
        given = name
        if not given:
            given = ask_line(io, question)
            question = OWN_NAME_AGAIN
            if given is None or given.lower() in QUIT_WORDS:
                return None
            if not given:
                continue
        typed = ask_secret(io, PIN_QUESTION)
        if typed is None:
            return None
        try:
            return pin.let_in(workspace, given, typed, tries)
        except pin.NoMoreTries as problem:
            io.write(str(problem))
            return None
        except Refused as problem:
            io.write(str(problem))
            tries += 1


def open_session(
    workspace: Workspace, io: PlainIO, person_name: str | None, mode: str, flow_id: str | None = None, checked: bool = False,
) -> tuple[Session, Turn] | None:
    """Find the person, offer to carry on an interrupted session, or start a new one.

    A workspace for training (the demo) marks `io` as throwaway, so nothing said afterwards offers to carry on later.
    `checked` says the app already let a person alone in (their PIN asked), when it hands over to plain mode.
    """
    io.throwaway = io.throwaway or workspace.training
    person = choose_person(workspace, io, person_name, show_people=mode != "self", checked=checked)
    if person is None:
        return None
    if mode != "self" and person.needs.in_words():  # the Accessible Information Standard: flagged every time
        io.write(f"For the worker: {person.needs.in_words()}")
    if mode != "self" and (due := reminders_line(workspace, person.id)):
        io.write(due)
    db, engine = workspace.db, workspace.engine
    assets, problem = workspace.directory_for_a_session()
    if assets is None:  # a damaged directory: say how to mend it, and go on without suggesting groups
        io.write(problem)
    else:
        ready_to_search(assets, io)
    unfinished = sessions.session_to_carry_on(workspace, person.id, alone=mode == "self")
    if unfinished is not None:
        carry_on = ask_yes_no(io, f"A session started on {unfinished.started[:10]} stopped part-way. Carry on where it stopped?")
        if carry_on is None:
            return None
        if carry_on:
            try:
                resumed = Session.resume(db, engine, assets, person, unfinished)
            except CpiChatError as problem:  # a damaged place, or a flow edited since: start afresh, keep what was saved
                io.write(str(problem))
                io.write("Starting a new session instead.")
            else:
                io.write("Carrying on where we stopped.")
                return resumed
        sessions.start_afresh(workspace, unfinished.id)
    session, turn = Session.start(db, engine, assets, person, mode, flow_id)
    for line in session.since_last_time():
        io.write(line)
    return session, turn


def words_at_any_question(workspace: Workspace, io: PlainIO, person_id: int, mode: str) -> dict[str, Callable[[], None]]:
    """The side trips a plain session offers at any question: the goals (as Ctrl+G), the worker's reminders (never alone)."""
    person = people.person(workspace, person_id)
    words: dict[str, Callable[[], None]] = {GOALS_WORD: lambda: GoalsInLines(workspace, io, person, mode).run()}
    if mode != "self":
        words[REMINDERS_WORD] = lambda: deal_with_reminders(workspace, io, person_id)
    return words


def open_goals(workspace: Workspace, io: PlainIO, person_name: str | None, mode: str, checked: bool = False) -> None:
    """How it's going in lines, outside a session: who (asked as a session asks, PIN and all), then their goals."""
    person = choose_person(workspace, io, person_name, show_people=mode != "self", checked=checked)
    if person is not None:
        GoalsInLines(workspace, io, person, mode, leave="finish").run()
        io.write(FINISHED_MESSAGE)
