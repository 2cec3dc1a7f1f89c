"""`cpi-chat goals list|add` and `cpi-chat checkin`: a person's goals and how they are going, quick to type and to script."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from cpi_chat.actions import goals as goal_actions
from cpi_chat.actions import people
from cpi_chat.cli.common import JoinedLater, echo, pass_paths
from cpi_chat.paths import Paths
from cpi_chat.records.model import Goal
from cpi_chat.workspace import Workspace

STATUS_NAMES = {"achieved": "done", "paused": "on hold", "dropped": "stopped"}
HOW_OFTEN = {"week": "every week", "fortnight": "every fortnight", "month": "every month"}


def _describe_goal(goal: Goal) -> list[str]:
    if goal.kind == "commitment":
        detail = ", ".join(x for x in (goal.how_often, goal.where, f"group {goal.asset_id}" if goal.asset_id else "") if x)
    else:
        detail = ", ".join(x for x in (goal.measure, f"by {goal.by_when}" if goal.by_when else "") if x)
    why = goal.pause_reason + (f", until {goal.paused_until}" if goal.paused_until else "") or goal.stop_reason
    status = STATUS_NAMES.get(goal.status, goal.status) + (f": {why}" if why else "")
    lines = [f"{goal.id:>4}  {goal.what} ({goal.kind} goal{': ' + detail if detail else ''}) [{status}]"]
    for step in goal.steps:
        owner = step.owner_name or step.owner.replace("_", " ")
        ticked = f", done {step.done_on}" if step.done and step.done_on else ""
        lines.append(f"      [{'x' if step.done else ' '}] step {step.id}: {step.text} ({owner}{ticked})")
    for c in goal.checkins:
        result = {"yes": "went", "no": "did not go", "paused": "paused"}.get(c.attended or "", "")
        parts = [x for x in (result, f"reached {c.value}" if c.value else "", c.feeling, c.note) if x]
        lines.append(f"      {c.date}: {'; '.join(parts)} (by {c.by})")
    return lines


# `goals export` is in plan.py, `goals done` and the rest of a goal's journey in goal_changes.py: each is imported
# only when one of its commands is named, so `goals list` never loads them.
@click.group(cls=JoinedLater, joined_by=("cpi_chat.cli.plan", "cpi_chat.cli.goal_changes"))
def goals() -> None:
    """List, add, finish, pause, stop, reopen and score a person's goals, and export their plan."""


@goals.command("list")
@click.argument("who", metavar="PERSON")
@click.option("--json", "as_json", is_flag=True, help="One JSON array of goals with their steps and check-ins.")
@pass_paths
def goals_list(paths: Paths, who: str, as_json: bool) -> None:
    """A person's goals, with their small steps and check-ins."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        person_goals = goal_actions.goals_of(workspace, found.id)
    if as_json:
        click.echo(json.dumps([asdict(g) for g in person_goals], indent=2, ensure_ascii=False))
        return
    if not person_goals:
        echo(f"{found.name} has no goals yet.")
        return
    echo(f"Goals for {found.name} (id {found.id}):")
    for goal in person_goals:
        echo("\n".join(_describe_goal(goal)))


@goals.command("add")
@click.argument("who", metavar="PERSON")
@click.option("--commitment", metavar="WHAT", help="Something to go to regularly, e.g. 'Kick-boxing class'.")
@click.option("--every", type=click.Choice(sorted(HOW_OFTEN)), help="How often, for a commitment goal.")
@click.option("--asset", "asset_id", metavar="ID", default="", help="The community group's id in the asset directory.")
@click.option("--where", default="", help="Where it happens.")
@click.option("--target", metavar="WHAT", help="Something to reach by a date, e.g. 'Run 5 km'.")
@click.option("--measure", default="", help="How you will know, for a target goal, e.g. 'finish a 5 km run'.")
@click.option("--by", "by_when", metavar="DATE", help="When, for a target goal (2027-03-31 or 31/03/2027).")
@pass_paths
def goals_add(paths: Paths, who: str, commitment: str | None, every: str | None, asset_id: str, where: str,
              target: str | None, measure: str, by_when: str | None) -> None:
    """Add a commitment goal (--commitment WHAT --every ...) or a target goal (--target WHAT --measure ... --by DATE)."""
    if bool(commitment) == bool(target):
        raise click.UsageError("Give either --commitment WHAT or --target WHAT (one of them).")
    if commitment and not every:
        raise click.UsageError("A commitment goal needs --every week, fortnight or month.")
    if target and not (measure and by_when):
        raise click.UsageError("A target goal needs --measure TEXT and --by DATE.")
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        if commitment:
            goal = goal_actions.add_commitment_goal(workspace, found.id, commitment, HOW_OFTEN[every or "week"],
                                                    asset_id=asset_id, where=where)
        else:
            goal = goal_actions.add_target_goal(workspace, found.id, target or "", measure, by_when or "", where=where)
    echo(f"Added goal {goal.id} for {found.name}: {goal.what}.")


@click.command()
@click.argument("who", metavar="PERSON")
@click.argument("goal_id", type=int)
@click.option("--attended", is_flag=True, help="Went this time.")
@click.option("--missed", is_flag=True, help="Did not go this time.")
@click.option("--paused", is_flag=True, help="Away or unwell this time: not counted as missed.")
@click.option("--value", metavar="V", help="The value reached, for a target goal (e.g. '3 km').")
@click.option("--feeling", default="", help="How it felt, in the person's words.")
@click.option("--note", default="", help="Anything else worth keeping with this check-in.")
@click.option("--date", "on", metavar="DATE", help="When (default today; 2027-03-31 or 31/03/2027).")
@click.option("--by", type=click.Choice(["person", "worker"]), default="worker", show_default=True, help="Who is checking in.")
@pass_paths
def checkin(paths: Paths, who: str, goal_id: int, attended: bool, missed: bool, paused: bool, value: str | None, feeling: str,
            note: str, on: str | None, by: str) -> None:
    """Record how a goal is going: went (--attended), did not go (--missed), away (--paused), or a value reached (--value)."""
    # Imported here: `goals list` has no use for reading amounts ("3 km in 25 minutes").
    from cpi_chat.actions import checkins

    if sum([attended, missed, paused, value is not None]) != 1:
        raise click.UsageError("Say one of --attended, --missed, --paused or --value V.")
    result: checkins.Result | None = "went" if attended else "missed" if missed else "paused" if paused else None
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        saved = checkins.check_in(workspace, found.id, goal_id, result, value=value or "", feeling=feeling, note=note,
                                  by=by, on=on)  # type: ignore[arg-type]
        goal = goal_actions.goal(workspace, goal_id)
    echo(f"Saved a check-in on goal {goal_id} ({goal.what}) for {saved.date}.")


COMMANDS: list[click.Command] = [goals, checkin]
