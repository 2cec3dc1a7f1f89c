"""`cpi-chat run` and `cpi-chat demo`: hold a session, in the Textual app or in plain mode."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import click

from cpi_chat.cli.common import pass_paths
from cpi_chat.paths import Paths

if TYPE_CHECKING:
    from cpi_chat.workspace import Workspace

MODE = click.Choice(["joint", "self"])


@click.command()
@click.option("--plain", is_flag=True, help="Plain lines of text instead of the full-screen app (for screen readers, braille and scripts).")
@click.option("--person", "person_name", help="Who the session is with (a name or an id).")
@click.option("--mode", type=MODE, default="joint", show_default=True, help="joint: worker and person together; self: the person alone.")
@click.option("--flow", "flow_id", help="Plain mode: start this flow instead of the usual one (e.g. how_things_are_going).")
@pass_paths
def run(paths: Paths, plain: bool, person_name: str | None, mode: str, flow_id: str | None) -> None:
    """Start or carry on a session (this is what plain `cpi-chat` does)."""
    from cpi_chat.workspace import Workspace

    workspace = Workspace(paths)
    try:
        if plain:
            run_plain(workspace, person_name, mode, flow_id)
        else:
            from cpi_chat.records.db import looks_encrypted

            if looks_encrypted(paths.people_db):
                workspace.db  # noqa: B018 - ask for the passphrase now, before the full-screen app takes the terminal
            from cpi_chat.tui.app import run_app

            run_app(workspace, person_name=person_name, mode=mode)
    finally:
        workspace.close()


@click.command()
@click.option("--plain", is_flag=True, help="Plain lines of text instead of the full-screen app.")
@click.option("--person", "person_name", help="Start straight away with one of the demo people.")
@click.option("--mode", type=MODE, default="joint", show_default=True)
@click.option("--keep", is_flag=True, help="Keep the demo folder afterwards (it is deleted by default).")
def demo(plain: bool, person_name: str | None, mode: str, keep: bool) -> None:
    """Try cpi-chat with the fictional town of Hollinbridge and fictional people; nothing real is touched."""
    from cpi_chat.demo import fill_demo, make_demo_paths
    from cpi_chat.workspace import Workspace

    paths = make_demo_paths()
    workspace = Workspace(paths, training=True)
    try:
        fill_demo(workspace)
        if plain:
            click.echo("Demo: fictional people in the fictional town of Hollinbridge. Nothing here is real.")
            run_plain(workspace, person_name, mode)
        else:
            from cpi_chat.tui.app import run_app

            run_app(workspace, person_name=person_name, mode=mode, demo=True)
    finally:
        workspace.close()
        if keep:
            click.echo(f"The demo folder is kept at {paths.data_dir}", err=True)
        else:
            shutil.rmtree(paths.data_dir, ignore_errors=True)


def run_plain(workspace: Workspace, person_name: str | None, mode: str, flow_id: str | None = None) -> None:
    """Plain mode from start to end: who, carry on or start, then the conversation."""
    from cpi_chat.plain import PlainConversation, open_session, stdin_io

    io = stdin_io()
    opened = open_session(workspace, io, person_name, mode, flow_id)
    if opened is None:
        return
    session, first = opened
    PlainConversation(session, io).run(first)


COMMANDS: list[click.Command] = [run, demo]
