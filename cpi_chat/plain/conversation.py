"""A conversation in lines of text: reading and writing lines, numbered choices, suggestions, and the words to type."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

from cpi_chat.assets.why import why_in_words
from cpi_chat.dialogue.events import Answer, Back, Event, Help, Pick, PickAsset, Skip, Stop
from cpi_chat.errors import CpiChatError
from cpi_chat.session import Session, Turn
from cpi_chat.wording import FINISHED_MESSAGE, safe

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
    read_secret: Callable[[str], str | None] | None = None  # a PIN: never shown as typed, nor echoed; `read` if None


def input_is_a_terminal() -> bool:
    """Whether standard input is a terminal (False when piped from a file or another program)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # replaced by an object without isatty, or already closed
        return False


def wait_for_a_typed_line() -> None:
    """At a terminal, wait for a line in short steps, so a signal (`kill`, the window closed) ends the program at once.

    A signal that lands just before a blocking read starts is otherwise only acted on after the next line typed.
    In a terminal's usual line mode each read gives one whole line, so nothing typed ahead waits unseen.
    """
    if sys.platform == "win32":
        return
    import select

    while not select.select([sys.stdin], [], [], 0.25)[0]:
        pass


def stdin_io(throwaway: bool = False) -> PlainIO:
    """Read lines from standard input (works when piped), write to standard output.

    When input is piped, each line read is echoed after its prompt, so a saved transcript reads as a conversation.
    """
    echo = not input_is_a_terminal()

    def read(prompt: str) -> str | None:
        try:
            if not echo:
                print(prompt, end="", flush=True)
                wait_for_a_typed_line()
                prompt = ""
            line = input(prompt)
        except EOFError:
            return None
        line = without_stray_bytes(line)
        if echo:  # only what was typed, made safe for the terminal
            print(safe(line), flush=True)
        return line

    def read_secret(prompt: str) -> str | None:
        if not echo:  # at a terminal: typed without being shown
            import getpass

            try:
                return without_stray_bytes(getpass.getpass(prompt))
            except EOFError:
                return None
        try:
            line = input(prompt)
        except EOFError:
            return None
        print("(not shown)", flush=True)  # a saved transcript never holds it
        return without_stray_bytes(line)

    return PlainIO(read=read, write=lambda line: print(safe(line), flush=True), throwaway=throwaway, read_secret=read_secret)


def help_in_words(help_text: str) -> str:
    """A step's help without the engine's sentence about going back, skipping or stopping (plain mode names the words)."""
    return BUTTON_NAVIGATION.sub("", help_text).strip()


class PlainConversation:
    """Holds a session in lines: numbered choices, suggestions as short lists, and word commands."""

    def __init__(self, session: Session, io: PlainIO, words: dict[str, Callable[[], None]] | None = None):
        self.session = session
        self.io = io
        self.words = words or {}  # more words to type at any question ('goals', 'reminders'): each runs, then the question again
        every = ["back", "skip", "help", "stop", "quit", *self.words]
        self.commands = f"{', '.join(every[:-1])} or {every[-1]}"  # said once, and with a number out of range
        self.turn: Turn | None = None
        self.last_progress = ""
        self.hint_given = False  # the words to type are said once at the start and on help, not after every question

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
        if word in self.words:
            self.words[word]()
            self._ask_again()
            return None
        if prompt is None:
            return None
        if prompt.kind == "suggest" and word.isdecimal():
            return self._pick_asset(int(word))
        if prompt.kind == "choose" and word.isdecimal():
            number = int(word)
            if 1 <= number <= len(prompt.options):
                return Pick(number - 1)
            self.io.write(f"Please type a number from 1 to {len(prompt.options)}, or {self.commands}.")
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
            if self.words:
                self.io.write(f"You can also type {' or '.join(self.words)}.")
        self.io.write(prompt.text)
        if prompt.kind == "choose":
            for number, option in enumerate(prompt.options, start=1):
                self.io.write(f"  {number}. {option}")
            self._hint_once(f"Type a number, or {self.commands}.")
        elif prompt.kind == "suggest":
            self._show_suggestions(turn)
        else:
            example = prompt.placeholder.strip()
            hint = f" {example}" if example and example.rstrip(":") != "For example" else ""
            optional = " This one is optional: type skip to leave it." if prompt.optional else ""
            if prompt.previous:
                self.io.write(f"Last time you said: {prompt.previous}")
            if optional or hint or not self.hint_given:
                self.io.write(f"Type your answer.{optional}{hint}")
            self._hint_once(f"At any question you can type {self.commands}.")

    def _ask_again(self) -> None:
        """Say the waiting question again (and its numbered replies) after a side trip to goals or reminders."""
        prompt = self.turn.reply.prompt if self.turn else None
        if prompt is None:
            return
        self.io.write("")
        self.io.write(prompt.text)
        if prompt.kind == "choose":
            for number, option in enumerate(prompt.options, start=1):
                self.io.write(f"  {number}. {option}")

    def _hint_once(self, words: str) -> None:
        """Say which words can be typed the first time only: a screen reader reads every line, every time."""
        if not self.hint_given:
            self.io.write(words)
        self.hint_given = True

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
            self.io.write("Type a number to add it to your plan, 0 if none of these suit, or type other words to note your own choice.")
        else:
            self.io.write("Type skip to go on.")
        self._hint_once(f"Or type {self.commands}.")


def ask_line(io: PlainIO, question: str) -> str | None:
    """Write the question and read one line, stripped; None at the end of input."""
    io.write(question)
    line = io.read("> ")
    return None if line is None else line.strip()


def ask_secret(io: PlainIO, question: str) -> str | None:
    """Write the question and read a PIN without showing or echoing it; None at the end of input."""
    io.write(question)
    return (io.read_secret or io.read)("> ")


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
