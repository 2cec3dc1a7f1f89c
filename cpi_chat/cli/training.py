"""`cpi-chat training`: scripted demo sessions and the two team exercises, always in a throwaway folder."""

from __future__ import annotations

import time

import click

from cpi_chat.cli.common import CpiGroup

BANNER = "Training — fictional people"


@click.group(cls=CpiGroup)
def training() -> None:
    """Training mode: play a fictional person's session, map community assets, or work through a barrier.

    Everything happens in a throwaway folder that is deleted afterwards; real records are never opened.
    """


@training.command("people")
def people() -> None:
    """List the fictional people whose sessions can be played."""
    from cpi_chat.training.personas import personas

    click.echo(f"{BANNER}:")
    for persona in personas():
        click.echo(f"  {persona.name.split()[0]}: {persona.name}. {persona.about}")


@training.command("play")
@click.argument("persona_name", metavar="PERSONA")
@click.option("--step", "step_mode", is_flag=True, help="Wait for Enter between turns (type take to carry on by hand).")
@click.option("--speed", type=click.FloatRange(min=0), default=3.0, show_default=True, help="Seconds per turn when playing by itself.")
@click.option("--keep", is_flag=True, help="Keep the training folder afterwards (it is deleted by default).")
def play(persona_name: str, step_mode: bool, speed: float, keep: bool) -> None:
    """Play a fictional person's first session (Dan, Joyce or Callum), with the worker's tips."""
    from cpi_chat.plain import stdin_io
    from cpi_chat.training.personas import find_persona, training_workspace
    from cpi_chat.training.plain_play import play_plain
    from cpi_chat.training.player import Player

    persona = find_persona(persona_name)
    with training_workspace(keep=keep) as workspace:
        player = Player.start(workspace, persona, seconds_per_turn=speed)
        play_plain(player, stdin_io(), step_mode=step_mode, sleep=time.sleep)
        if keep:
            click.echo(f"The training folder is kept at {workspace.paths.data_dir}", err=True)


COMMANDS: list[click.Command] = [training]
