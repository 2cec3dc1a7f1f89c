"""`cpi-chat settings` (what the team has chosen) and `cpi-chat person pin` (a person's own PIN for checking in alone)."""

from __future__ import annotations

import sys

import click

from cpi_chat.actions import people, pin
from cpi_chat.actions import settings as setting_actions
from cpi_chat.cli.common import clean, echo, pass_paths
from cpi_chat.cli.people import person
from cpi_chat.paths import Paths
from cpi_chat.workspace import Workspace

WHAT_THEY_MEAN = {
    "self-check-in-pin": ("on: a person checking in on their own types their name, then their own PIN (set with them "
                          "with `cpi-chat person pin` or K on the people list). off: their name alone, for a team that "
                          "gives each person a computer or an account of their own."),
}


@click.group(invoke_without_command=True)
@click.pass_context
def settings(ctx: click.Context) -> None:
    """What your team has chosen, and what each choice means (`cpi-chat settings set NAME on|off` changes one)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(settings_show)


@settings.command("show")
@pass_paths
def settings_show(paths: Paths) -> None:
    """Each setting, whether it is on, and what that means."""
    with Workspace(paths) as workspace:
        current = setting_actions.current_settings(workspace)
    for name, meaning in WHAT_THEY_MEAN.items():
        on = getattr(current, name.replace("-", "_"))
        echo(f"{name}: {'on' if on else 'off'}")
        echo(f"    {meaning}")


@settings.command("set")
@click.argument("name")
@click.argument("value", metavar="on|off")
@pass_paths
def settings_set(paths: Paths, name: str, value: str) -> None:
    """Turn one setting on or off."""
    with Workspace(paths) as workspace:
        setting_actions.change_setting(workspace, name, value)
    echo(f"{name} is now {value.strip().lower()}.")


@person.command("pin")
@click.argument("who", metavar="PERSON")
@click.option("--remove", is_flag=True, help="Remove the PIN (forgotten, or too many wrong tries); set a new one with them.")
@pass_paths
def person_pin(paths: Paths, who: str, remove: bool) -> None:
    """Set the person's own PIN for checking in alone, typed by them twice and never shown; only a one-way hash is kept."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        if remove:
            removed = pin.reset_pin(workspace, found.id)
            echo(f"Removed the PIN for {clean(found.name)}." if removed else f"{clean(found.name)} had no PIN.")
            return
        echo(f"{clean(found.name)}: please type a PIN or a few words only you know. It is not shown as you type.")
        first, again = _typed_unseen("PIN: "), _typed_unseen("The same again: ")
        pin.set_pin(workspace, found.id, first, again)
    echo(f"The PIN for {clean(found.name)} is saved. They type it after their name to check in on their own.")


def _typed_unseen(prompt: str) -> str:
    """A line typed without being shown (at a terminal), or read as it is when piped in (scripts and tests)."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n") if sys.stdin is not None else ""


COMMANDS: list[click.Command] = [settings]  # `pin` joins the existing `person` group when this module is imported
