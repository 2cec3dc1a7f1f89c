"""`cpi-chat goals export`: the person's own plan as an easy-read page (HTML or Markdown) or a calendar file."""

from __future__ import annotations

from pathlib import Path

import click

from cpi_chat.actions import people
from cpi_chat.actions import plan as plan_actions
from cpi_chat.cli.common import pass_paths
from cpi_chat.cli.goals import goals
from cpi_chat.paths import Paths
from cpi_chat.workspace import Workspace


@goals.command("export")
@click.argument("who", metavar="PERSON")
@click.option("--format", "fmt", type=click.Choice(plan_actions.PLAN_FORMATS), default="html", show_default=True,
              help="html: a printable easy-read page; md: the same as Markdown; ics: a calendar file.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file (default: standard output).")
@pass_paths
def goals_export(paths: Paths, who: str, fmt: plan_actions.PlanFormat, out: Path | None) -> None:
    """The person's own plan: goals, small steps, where and when, who to contact, next meeting (never private notes)."""
    with Workspace(paths) as workspace:
        person = people.find_person(workspace, who)
        if out is None:
            click.echo(plan_actions.plan_text(workspace, person.id, fmt), nl=False)
            return
        plan_actions.export_plan(workspace, person.id, fmt, out)
    click.echo(f"Wrote the plan for {person.name} to {out}.", err=True)


COMMANDS: list[click.Command] = []  # `export` joins the existing `goals` group when this module is imported
