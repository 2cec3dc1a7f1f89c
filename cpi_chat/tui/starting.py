"""Opening a conversation: let a person alone in (name, and PIN), offer to carry on one that stopped, start (a check-in covers every goal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cpi_chat.actions import people, pin, sessions
from cpi_chat.errors import CpiChatError
from cpi_chat.wording import NOT_FOUND_ALONE, safe
from cpi_chat.words import day_of, short_date

if TYPE_CHECKING:
    from textual.app import App

    from cpi_chat.assets.directory import AssetDirectory
    from cpi_chat.records.model import Person
    from cpi_chat.session import Session, Turn

CARRY_ON = ("Yes, carry on where we stopped", "No, start a new session")
PLAIN_OFFER = ("Yes, switch to plain mode", "No, stay in this app")


@dataclass(frozen=True)
class SwitchToPlain:
    """What the app returns when a person's needs say plain mode and they chose it: the CLI carries on in plain mode."""

    person_id: int
    mode: str


def let_person_alone_in(app: App, given_name: str | None) -> None:
    """Self mode: the person alone gives their name (and their own PIN when the team asks), then their check-in starts."""
    workspace = app.workspace  # type: ignore[attr-defined]
    try:
        needed = pin.pin_needed(workspace)
    except CpiChatError as problem:
        app.exit(return_code=1, message=str(problem))
        return

    def entered(person: Person | None) -> None:
        if person is None:
            app.exit(message=app.leaving_words())  # type: ignore[attr-defined]  # the demo says its folder is deleted
        else:
            app.open_person(person, "self")  # type: ignore[attr-defined]

    if needed:
        from cpi_chat.tui.screens.name_and_pin import NameAndPinScreen

        shown = "" if not given_name or given_name.strip().isdecimal() else safe(given_name)  # never an id, never an escape
        hint = ""
        if app.demo:  # type: ignore[attr-defined]
            from cpi_chat.demo import DEMO_PIN_HINT as hint
        app.push_screen(NameAndPinScreen(lambda name, typed, tries: pin.let_in(workspace, name, typed, tries), shown, hint),
                        entered)
    elif given_name:
        try:
            entered(people.find_person(workspace, given_name))
        except CpiChatError:  # alone in self mode: never show, or suggest, anyone else's name
            app.exit(return_code=1, message=NOT_FOUND_ALONE)
    else:
        _ask_name_alone(app, entered)


def _ask_name_alone(app: App, entered: Callable[[Person | None], None]) -> None:
    """The name alone (the team's setting says no PIN); its sentences never name or suggest anyone else."""
    from cpi_chat.tui.screens.add_person import YourNameScreen

    found: list[Person] = []

    def check(name: str) -> str:
        try:
            found[:] = [people.find_person_alone(app.workspace, name)]  # type: ignore[attr-defined]
        except CpiChatError as problem:
            return str(problem)
        return ""

    app.push_screen(YourNameScreen(check), lambda name: entered(found[0] if name is not None and found else None))


def open_person(app: App, person: Person, mode: str) -> None:
    """Start or resume a conversation with `person`, offering plain mode first when their needs say so."""
    if app.locked_to_person:  # type: ignore[attr-defined]
        mode = "self"  # the person alone: whatever asked, never a session together
    app.use_person_display(person)  # type: ignore[attr-defined]
    if not person.needs.plain_mode:
        _open(app, person, mode)
        return

    def answered(index: int | None) -> None:
        if index is None:
            _nothing_chosen(app)
        elif index == 0:
            app.exit(SwitchToPlain(person.id, mode))
        else:
            _open(app, person, mode)

    from cpi_chat.tui.screens.choice import ChoiceScreen
    app.push_screen(ChoiceScreen(f"{person.name}'s needs say plain mode: the conversation as lines of text, which a "
                                 "screen reader can read. Switch to plain mode now?", PLAIN_OFFER,
                                 choice_id="plain-offer"), answered)


def _open(app: App, person: Person, mode: str) -> None:
    workspace = app.workspace  # type: ignore[attr-defined]
    unfinished = sessions.session_to_carry_on(workspace, person.id, alone=mode == "self")
    if unfinished is None:
        _start(app, person, mode)
        return

    def answered(index: int | None) -> None:
        from cpi_chat.session import Session

        if index is None:
            _nothing_chosen(app)
            return
        if index == 0:
            _push_conversation(app, person, unfinished.mode if unfinished.mode in ("joint", "self") else mode,
                               lambda: Session.resume(workspace.db, workspace.engine, _directory(app), person, unfinished))
            return
        sessions.start_afresh(workspace, unfinished.id)
        _start(app, person, mode)

    from cpi_chat.tui.screens.choice import ChoiceScreen
    started = day_of(unfinished.started)
    day = short_date(started) if started else unfinished.started[:10]
    app.push_screen(ChoiceScreen(f"A session with {person.name} started on {day} stopped part-way. Carry on where it stopped?",
                                 CARRY_ON, choice_id="resume-offer"), answered)


def _start(app: App, person: Person, mode: str) -> None:
    from cpi_chat.session import Session

    workspace = app.workspace  # type: ignore[attr-defined]
    _push_conversation(app, person, mode, lambda: Session.start(
        workspace.db, workspace.engine, _directory(app), person, mode))


def _nothing_chosen(app: App) -> None:
    # With the people list behind, Escape goes back to it. A person alone who typed their name goes
    # back to the name box; one started with --person has nothing behind, so leaves.
    if not app.locked_to_person:  # type: ignore[attr-defined]
        return
    if app.start_person_name:  # type: ignore[attr-defined]
        app.exit(message=app.leaving_words())  # type: ignore[attr-defined]
    else:
        app.ask_for_own_name()  # type: ignore[attr-defined]


def _directory(app: App) -> AssetDirectory | None:
    """The directory for a session, or None (and a sentence saying how to mend it) when it cannot be opened."""
    assets, problem = app.workspace.directory_for_a_session()  # type: ignore[attr-defined]
    if assets is None:
        app.notify(problem, severity="warning", timeout=15, markup=False)
    return assets


def _push_conversation(app: App, person: Person, mode: str, begin: Callable[[], tuple[Session, Turn]]) -> None:
    from cpi_chat.tui.screens.conversation import ConversationScreen

    try:
        session, first = begin()
    except CpiChatError as problem:
        app.notify(str(problem), severity="error", timeout=10, markup=False)
        return
    alone = app.locked_to_person  # type: ignore[attr-defined]
    app.push_screen(ConversationScreen(session, first, "self" if alone else mode))
