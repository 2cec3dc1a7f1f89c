"""Opening a conversation with a person: offer to carry on an interrupted one, pick the goal to check in on, then start."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cpi_chat.actions import goals, sessions
from cpi_chat.errors import CpiChatError
from cpi_chat.words import day_of, short_date

if TYPE_CHECKING:
    from textual.app import App

    from cpi_chat.records.model import Goal, Person
    from cpi_chat.session import Session, Turn

CARRY_ON = ("Yes, carry on where we stopped", "No, start a new session")
PLAIN_OFFER = ("Yes, switch to plain mode", "No, stay in this app")


@dataclass(frozen=True)
class SwitchToPlain:
    """What the app returns when a person's needs say plain mode and they chose it: the CLI carries on in plain mode."""

    person_id: int
    mode: str


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
        _choose_goal_then_start(app, person, mode)
        return

    def answered(index: int | None) -> None:
        from cpi_chat.session import Session

        if index is None:
            _nothing_chosen(app)
            return
        if index == 0:
            _push_conversation(app, person, unfinished.mode if unfinished.mode in ("joint", "self") else mode,
                               lambda: Session.resume(workspace.db, workspace.engine, workspace.assets, person, unfinished))
            return
        sessions.start_afresh(workspace, unfinished.id)
        _choose_goal_then_start(app, person, mode)

    from cpi_chat.tui.screens.choice import ChoiceScreen
    started = day_of(unfinished.started)
    day = short_date(started) if started else unfinished.started[:10]
    app.push_screen(ChoiceScreen(f"A session with {person.name} started on {day} stopped part-way. Carry on where it stopped?",
                                 CARRY_ON, choice_id="resume-offer"), answered)


def _choose_goal_then_start(app: App, person: Person, mode: str) -> None:
    workspace = app.workspace  # type: ignore[attr-defined]
    active: list[Goal] = []
    if mode == "self":
        active = goals.active_goals(workspace, person.id)

    def start(goal: Goal | None) -> None:
        from cpi_chat.session import Session

        _push_conversation(app, person, mode, lambda: Session.start(
            workspace.db, workspace.engine, workspace.assets, person, mode, goal=goal))

    if len(active) <= 1:
        start(active[0] if active else None)
        return

    from cpi_chat.tui.screens.choice import ChoiceScreen

    def picked(index: int | None) -> None:
        if index is None:
            _nothing_chosen(app)
        else:
            start(active[index])

    app.push_screen(ChoiceScreen("Which goal would you like to check in on?", tuple(g.what for g in active),
                                 choice_id="goal-choice"), picked)


def _nothing_chosen(app: App) -> None:
    # With the people list behind, Escape goes back to it. A person alone who typed their name goes
    # back to the name box; one started with --person has nothing behind, so leaves.
    if not app.locked_to_person:  # type: ignore[attr-defined]
        return
    if app.start_person_name:  # type: ignore[attr-defined]
        app.exit(message=app.leaving_words())  # type: ignore[attr-defined]
    else:
        app.ask_for_own_name()  # type: ignore[attr-defined]


def _push_conversation(app: App, person: Person, mode: str, begin: Callable[[], tuple[Session, Turn]]) -> None:
    from cpi_chat.tui.screens.conversation import ConversationScreen

    try:
        session, first = begin()
    except CpiChatError as problem:
        app.notify(str(problem), severity="error", timeout=10, markup=False)
        return
    alone = app.locked_to_person  # type: ignore[attr-defined]
    app.push_screen(ConversationScreen(session, first, "self" if alone else mode))
