"""Plain mode: the same conversation as lines of text, for screen readers, braille displays, scripts and slow terminals."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cpi_chat.assets.why import why_in_words
from cpi_chat.dialogue.events import Answer, Back, Event, Help, Pick, PickAsset, Skip, Stop
from cpi_chat.errors import CpiChatError
from cpi_chat.session import Session, Turn
from cpi_chat.wording import FINISHED_MESSAGE, NOT_FOUND_ALONE

if TYPE_CHECKING:
    from cpi_chat.records import Person
    from cpi_chat.workspace import Workspace

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
COMMANDS = "back, skip, help, stop or quit"
QUIT_WORDS = {"quit", "exit", "q"}
# The engine's help says "You can go back, skip … or stop" for buttons; plain mode names the words to type instead.
BUTTON_NAVIGATION = re.compile(r"\s*You can go back[^.]*\.")
WORDS_TO_TYPE = "Type back to go back a question, skip to skip one that is optional, stop to end the session, "
WORDS_HELP = WORDS_TO_TYPE + "quit to save and carry on later."
DEMO_WORDS_HELP = WORDS_TO_TYPE + "quit to leave the demo."
SAVED_FOR_LATER = "Saved. Run cpi-chat again to carry on where you stopped."
INPUT_ENDED_SAVED = "Input ended. Everything so far is saved: run cpi-chat again to carry on."
DEMO_NOTHING_TO_CARRY_ON = "This is a demo with fictional people, so there is nothing to carry on later."
DEMO_FINISHED = "Thank you. That is the end of the demo."
OWN_NAME_QUESTION = "Hello. Type your name, then press Enter."
OWN_NAME_AGAIN = "Type your name, then press Enter."


def safe(text: str) -> str:
    """Text with control and escape characters removed, so nothing typed can change the terminal."""
    return CONTROL.sub("", text)


def without_stray_bytes(text: str) -> str:
    """Text with bytes that were not valid UTF-8 (read as lone surrogates) shown as the replacement character."""
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


@dataclass
class PlainIO:
    """Where plain mode reads and writes; `read` returns None at the end of input.

    `throwaway` is True when the data folder is deleted afterwards (the demo, training): never say to carry on later.
    """

    read: Callable[[str], str | None]
    write: Callable[[str], None]
    throwaway: bool = False


def input_is_a_terminal() -> bool:
    """Whether standard input is a terminal (False when piped from a file or another program)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # replaced by an object without isatty, or already closed
        return False


def stdin_io(throwaway: bool = False) -> PlainIO:
    """Read lines from standard input (works when piped), write to standard output.

    When input is piped, each line read is echoed after its prompt, so a saved transcript reads as a conversation.
    """
    echo = not input_is_a_terminal()

    def read(prompt: str) -> str | None:
        try:
            line = input(prompt)
        except EOFError:
            return None
        line = without_stray_bytes(line)
        if echo:  # only what was typed, made safe for the terminal
            print(safe(line), flush=True)
        return line

    return PlainIO(read=read, write=lambda line: print(safe(line), flush=True), throwaway=throwaway)


def help_in_words(help_text: str) -> str:
    """A step's help without the engine's sentence about going back, skipping or stopping (plain mode names the words)."""
    return BUTTON_NAVIGATION.sub("", help_text).strip()


class PlainConversation:
    """Holds a session in lines: numbered choices, suggestions as short lists, and word commands."""

    def __init__(self, session: Session, io: PlainIO):
        self.session = session
        self.io = io
        self.turn: Turn | None = None
        self.last_progress = ""

    def run(self, first: Turn) -> str:
        """Talk until the conversation ends, the person quits, or input ends; returns how it ended."""
        self.turn = first
        self.show(first)
        while not first.finished:
            line = self.io.read("> ")
            if line is None:
                self.io.write("")
                self.io.write(f"Input ended. {DEMO_NOTHING_TO_CARRY_ON}" if self.io.throwaway else INPUT_ENDED_SAVED)
                return "paused"
            event = self.event_for(line.strip())
            if event == "quit":
                self.io.write(f"Goodbye. {DEMO_NOTHING_TO_CARRY_ON}" if self.io.throwaway else SAVED_FOR_LATER)
                return "paused"
            if event is None or isinstance(event, str):
                continue
            try:
                self.turn = self.session.handle(event)
            except CpiChatError as problem:  # a full disk or a busy file: nothing of this answer was saved
                self.io.write(str(problem))
                self.io.write("That answer was not saved. Type it again when the problem is sorted, or type quit.")
                continue
            self.show(self.turn)
            if self.turn.finished:
                break
        for block in self.session.closing_blocks():
            self.io.write("")
            for line in block:
                self.io.write(line)
        self.io.write("")
        self.io.write(DEMO_FINISHED if self.io.throwaway else FINISHED_MESSAGE)
        return "finished"

    def event_for(self, line: str) -> Event | str | None:
        """The event a typed line means, or 'quit', or None after explaining what would work."""
        assert self.turn is not None
        prompt = self.turn.reply.prompt
        word = line.lower()
        if word in QUIT_WORDS:
            return "quit"
        if word in {"back", "b"}:
            return Back()
        if word in {"skip", "s"}:
            return Skip()
        if word in {"help", "?", "h"}:
            return Help()
        if word == "stop":
            return Stop()
        if prompt is None:
            return None
        if prompt.kind == "suggest" and word.isdecimal():
            return self._pick_asset(int(word))
        if prompt.kind == "choose" and word.isdecimal():
            number = int(word)
            if 1 <= number <= len(prompt.options):
                return Pick(number - 1)
            self.io.write(f"Please type a number from 1 to {len(prompt.options)}, or {COMMANDS}.")
            return None
        return Answer(line)

    def _pick_asset(self, number: int) -> Event | None:
        assert self.turn is not None
        hits = self.turn.suggestions
        if number == 0:
            return Skip()
        if 1 <= number <= len(hits):
            asset = hits[number - 1].asset
            return PickAsset(asset.id, asset.name)
        self.io.write(f"Please type a number from 1 to {len(hits)}, or 0 if none of these suit.")
        return None

    # -- showing ----------------------------------------------------------

    def show(self, turn: Turn) -> None:
        """Write one turn: messages, progress, the question and how to answer it."""
        reply = turn.reply
        if reply.notice:
            self.io.write(reply.notice)
        for message in reply.messages:
            self.io.write("")
            self.io.write(message)
        prompt = reply.prompt
        if prompt is None:
            self.io.write("")
            self.io.write("This conversation has finished.")
            return
        self.io.write("")
        progress = str(reply.progress) if reply.progress and reply.progress.of > 1 else ""
        if progress and progress != self.last_progress:
            self.io.write(f"({progress[0].upper()}{progress[1:]})")
        self.last_progress = progress
        if prompt.problem:
            self.io.write(prompt.problem)
        if prompt.help:
            if help_in_words(prompt.help):
                self.io.write(f"Help: {help_in_words(prompt.help)}")
            self.io.write(DEMO_WORDS_HELP if self.io.throwaway else WORDS_HELP)
        self.io.write(prompt.text)
        if prompt.kind == "choose":
            for number, option in enumerate(prompt.options, start=1):
                self.io.write(f"  {number}. {option}")
            self.io.write(f"Type a number, or {COMMANDS}.")
        elif prompt.kind == "suggest":
            self._show_suggestions(turn)
        else:
            example = prompt.placeholder.strip()
            hint = f" {example}" if example and example.rstrip(":") != "For example" else ""
            optional = " This one is optional: type skip to leave it." if prompt.optional else ""
            if prompt.previous:
                self.io.write(f"Last time you said: {prompt.previous}")
            self.io.write(f"Type your answer.{optional}{hint}")

    def _show_suggestions(self, turn: Turn) -> None:
        if turn.search_note:
            self.io.write(turn.search_note)
        for number, hit in enumerate(turn.suggestions, start=1):
            asset = hit.asset
            self.io.write(f"  {number}. {asset.name} ({asset.area})")
            details = [f"When: {asset.schedule}" if asset.schedule else "", f"Cost: {asset.cost}" if asset.cost else ""]
            if any(details):
                self.io.write("     " + ". ".join(d for d in details if d) + ".")
            if asset.accessibility:
                self.io.write(f"     Access: {asset.accessibility}")
            self.io.write(f"     Why it came up: {why_in_words(hit.reasons)}")
        if turn.suggestions:
            self.io.write(f"Type a number to add it to your plan, 0 if none of these suit, or type other words to note your own choice. Or {COMMANDS}.")
        else:
            self.io.write(f"Type skip to go on, or {COMMANDS}.")


def ask_line(io: PlainIO, question: str) -> str | None:
    """Write the question and read one line, stripped; None at the end of input."""
    io.write(question)
    line = io.read("> ")
    return None if line is None else line.strip()


def ask_yes_no(io: PlainIO, question: str) -> bool | None:
    """A yes/no question asked until answered; None at the end of input."""
    from cpi_chat.dialogue.answers import AnswerProblem, read_yes_no

    while True:
        line = ask_line(io, question + " (yes or no)")
        if line is None:
            return None
        try:
            return read_yes_no(line).value == "yes"
        except AnswerProblem as problem:
            io.write(str(problem))


def choose_person(workspace: Workspace, io: PlainIO, name: str | None, show_people: bool = True) -> Person | None:
    """The person named, or picked from the numbered list, or asked for; a new name can be added after a check.

    With `show_people` False (a person on their own, in self mode) see `ask_own_name`: no list, no adding.
    """
    from cpi_chat import records
    from cpi_chat.errors import RecordsError

    if not show_people:
        return ask_own_name(workspace, io, name)
    db = workspace.db
    while True:
        if not name:
            picked = pick_from_list(workspace, io)
            if not isinstance(picked, str):  # a person picked by number, or None to leave
                return picked
            name = picked
        try:
            return records.find_person(db, name)
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
                return records.add_person(db, name)
            except RecordsError as problem:  # empty once cleaned, only digits, or too long: ask again
                io.write(str(problem))
        name = None


def pick_from_list(workspace: Workspace, io: PlainIO) -> Person | str | None:
    """Show everyone numbered and ask: the person whose number was typed, a name typed, or None to leave."""
    from cpi_chat import records

    people = records.list_people(workspace.db)
    if people:
        io.write("People: " + "  ".join(f"{number}. {p.name}" for number, p in enumerate(people, start=1)))
    question = "Who is this session with? Type " + ("a number from the list, or " if people else "") + "a name (a new name adds someone)."
    while True:
        typed = ask_line(io, question)
        if typed is None or typed.lower() in QUIT_WORDS:
            return None
        if typed.isdecimal() and people:  # a number typed here is a place in the list shown, never an id
            if 1 <= int(typed) <= len(people):
                return records.get_person(workspace.db, people[int(typed) - 1].id)
            io.write(f"Please type a number from 1 to {len(people)}, or a name.")
            continue
        if typed:
            return typed


def ask_own_name(workspace: Workspace, io: PlainIO, name: str | None) -> Person | None:
    """Self mode: the person alone gives their own name; never a list, a suggestion of anyone else, or a new record.

    A name given on the command line that is not found raises RecordsError with the same sentence as the app.
    """
    from cpi_chat import records
    from cpi_chat.errors import RecordsError

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
                return records.find_person(workspace.db, given)
            return records.find_person_alone(workspace.db, given)  # typed: a name only, never suggesting others
        except RecordsError as problem:
            sentence = str(problem) if not name or "more than one" in str(problem).lower() else NOT_FOUND_ALONE
            if name:
                raise RecordsError(sentence) from None
            io.write(sentence)
        given = None


def open_session(
    workspace: Workspace, io: PlainIO, person_name: str | None, mode: str, flow_id: str | None = None,
) -> tuple[Session, Turn] | None:
    """Find the person, offer to carry on an interrupted session, or start a new one.

    A workspace for training (the demo) marks `io` as throwaway, so nothing said afterwards offers to carry on later.
    """
    from cpi_chat import records
    from cpi_chat.errors import CpiChatError

    io.throwaway = io.throwaway or workspace.training
    person = choose_person(workspace, io, person_name, show_people=mode != "self")
    if person is None:
        return None
    db, engine, assets = workspace.db, workspace.engine, workspace.assets
    unfinished = records.unfinished_session(db, person.id)
    if unfinished is not None and unfinished.engine_state:
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
        with records.transaction(db):
            records.end_session(db, unfinished.id, "stopped")
    goal = None
    if mode == "self":
        active = [g for g in records.list_goals(db, person.id) if g.status == "active"]
        if len(active) > 1:
            io.write("Which goal would you like to check in on?")
            for number, g in enumerate(active, start=1):
                io.write(f"  {number}. {g.what}")
            while goal is None:
                line = ask_line(io, f"Type a number from 1 to {len(active)}.")
                if line is None:
                    return None
                if line.isdecimal() and 1 <= int(line) <= len(active):
                    goal = active[int(line) - 1]
    session, turn = Session.start(db, engine, assets, person, mode, flow_id, goal=goal)
    for line in session.since_last_time():
        io.write(line)
    return session, turn
