"""`cpi-chat run` and `cpi-chat demo`: hold a session, in the Textual app or in plain mode."""

from __future__ import annotations

import asyncio
import shutil
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any

import click

from cpi_chat.cli.common import pass_paths
from cpi_chat.paths import Paths

if TYPE_CHECKING:
    from textual.app import App

    from cpi_chat.workspace import Workspace

MODE = click.Choice(["joint", "self"])
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def ending_on_signals(app: App[Any] | None = None) -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP (the terminal closed) end the program as Ctrl+Q does, so every `finally` runs.

    In the app, the signal asks it to quit; anywhere else (plain mode, before the app starts) it raises
    SystemExit. Either way the normal exit path runs: records close, a demo or training folder is removed.
    Every answer is saved as it is given, so a real session loses nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return

    def end(signum: int, _frame: FrameType | None) -> None:
        if app is not None and app.is_running:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                loop = None
            if loop is not None:  # wake the app's loop, which may be waiting for a key
                loop.call_soon_threadsafe(app.call_later, app.action_quit)
                return
        raise SystemExit(128 + signum)

    previous = {number: signal.signal(number, end) for number in ENDING_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@click.command()
@click.option("--plain", is_flag=True, help="Plain lines of text instead of the full-screen app (for screen readers, braille and scripts).")
@click.option("--person", "person_name", help="Who the session is with (a name or an id).")
@click.option("--mode", type=MODE, default="joint", show_default=True, help="joint: worker and person together; self: the person alone.")
@click.option("--flow", "flow_id", help="Plain mode: start this flow instead of the usual one (e.g. how_things_are_going).")
@click.option("--goals", "goals_only", is_flag=True,
              help="Plain mode: the person's goals, to tick or add a step, or mark one done, on hold, stopped or started again.")
@pass_paths
def run(paths: Paths, plain: bool, person_name: str | None, mode: str, flow_id: str | None, goals_only: bool) -> None:
    """Start or carry on a session (this is what plain `cpi-chat` does)."""
    from cpi_chat.workspace import Workspace

    if goals_only and not plain:
        raise click.UsageError("--goals is for plain mode: add --plain (in the app, G on the people list opens the goals).")
    workspace = Workspace(paths)
    try:
        if plain and goals_only:
            from cpi_chat.plain import open_goals, stdin_io

            with ending_on_signals():
                open_goals(workspace, stdin_io(), person_name, mode)
        elif plain:
            with ending_on_signals():
                run_plain(workspace, person_name, mode, flow_id)
        else:
            # Open people.db now, before the full-screen app takes the terminal: a passphrase is asked for
            # here, and a damaged, locked or read-only file is one sentence rather than the app's traceback.
            workspace.connection  # noqa: B018
            from cpi_chat.tui.app import CpiChatApp

            switch = run_app(CpiChatApp(workspace, person_name=person_name, mode=mode))
            if switch is not None:  # the person's needs say plain mode, and they chose it
                with ending_on_signals():
                    run_plain(workspace, str(switch.person_id), switch.mode, checked=True)
    finally:
        workspace.close()


@click.command()
@click.option("--plain", is_flag=True, help="Plain lines of text instead of the full-screen app.")
@click.option("--person", "person_name", help="Start straight away with one of the demo people.")
@click.option("--mode", type=MODE, default="joint", show_default=True)
@click.option("--keep", is_flag=True, help="Keep the demo folder afterwards (it is deleted by default).")
def demo(plain: bool, person_name: str | None, mode: str, keep: bool) -> None:
    """Try cpi-chat with the fictional town of Hollinbridge and fictional people; nothing real is touched."""
    from cpi_chat.demo import DEMO_PIN_HINT, fill_demo, make_demo_paths
    from cpi_chat.workspace import Workspace

    paths = make_demo_paths()
    workspace = Workspace(paths, training=True)
    try:
        with ending_on_signals():  # the folder is removed even if the terminal closes while the town is loading
            fill_demo(workspace)
        if plain:
            click.echo("Demo: fictional people in the fictional town of Hollinbridge. Nothing here is real."
                       + (f" {DEMO_PIN_HINT}" if mode == "self" else ""))
            with ending_on_signals():
                run_plain(workspace, person_name, mode)
        else:
            from cpi_chat.tui.app import CpiChatApp

            switch = run_app(CpiChatApp(workspace, person_name=person_name, mode=mode, demo=True))
            if switch is not None:
                with ending_on_signals():
                    run_plain(workspace, str(switch.person_id), switch.mode, checked=True)
    finally:
        workspace.close()
        if keep:
            click.echo(f"The demo folder is kept at {paths.data_dir}", err=True)
        else:
            shutil.rmtree(paths.data_dir, ignore_errors=True)


def run_app(app: App[Any]) -> Any:
    """Run a full-screen app until it ends and return its result; one that ended on a problem (a crash) exits non-zero."""
    with ending_on_signals(app):
        result = app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
    return result


def run_plain(workspace: Workspace, person_name: str | None, mode: str, flow_id: str | None = None,
              checked: bool = False) -> None:
    """Plain mode from start to end: who, carry on or start, then the conversation (a demo's never offers to carry on later)."""
    from cpi_chat.plain import PlainConversation, open_session, stdin_io, words_at_any_question

    io = stdin_io()
    opened = open_session(workspace, io, person_name, mode, flow_id, checked=checked)
    if opened is None:
        return
    session, first = opened
    PlainConversation(session, io, words_at_any_question(workspace, io, session.person.id, mode)).run(first)


COMMANDS: list[click.Command] = [run, demo]
