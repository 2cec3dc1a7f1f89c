"""`cpi-chat person|goals|checkin|paths|restore`: quick updates to people's records, and scripting."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import NoReturn

import click

from cpi_chat.actions import checkins, people, privacy
from cpi_chat.actions import goals as goal_actions
from cpi_chat.cli.common import clean, echo, pass_paths, pass_paths_untouched
from cpi_chat.errors import CpiChatError
from cpi_chat.paths import Paths, shipped_assets_dir
from cpi_chat.records.model import CommunicationNeeds, Goal
from cpi_chat.workspace import Workspace

STATUS_NAMES = {"achieved": "done", "paused": "on hold", "dropped": "stopped"}
HOW_OFTEN = {"week": "every week", "fortnight": "every fortnight", "month": "every month"}


# --- person -----------------------------------------------------------------------------------


@click.group()
def person() -> None:
    """List, add, rename, export or erase the people whose records you keep."""


@person.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON array instead of lines.")
@pass_paths
def person_list(paths: Paths, as_json: bool) -> None:
    """Everyone, with their communication needs, active goals and last session."""
    with Workspace(paths) as workspace:
        everyone = people.everyone(workspace)
    if as_json:
        click.echo(json.dumps([asdict(p) for p in everyone], indent=2, ensure_ascii=False))
        return
    if not everyone:
        echo("No one yet. Add someone with: cpi-chat person add NAME")
        return
    for p in everyone:
        needs = ", ".join(p.needs.labels()) or "none recorded"
        goals = "; ".join(p.active_goals) or "none"
        last = (p.last_session or "never")[:10]
        echo(f"{p.id:>4}  {p.name}\n      needs: {needs} · active goals: {goals} · last session: {last}")


# Each communication need: (option name, field, help). `person add` takes them as flags, `person needs` as on/off.
NEED_OPTIONS = (
    ("easy-read", "easy_read", "easy-read wording in every conversation"),
    ("large-print", "large_print", "large print (at least 20pt) on every printed page"),
    ("high-contrast", "high_contrast", "the high-contrast theme on every screen"),
    ("plain", "plain_mode", "plain mode (screen readers, braille displays): offered when the app opens for them"),
    ("larger-spacing", "larger_spacing", "a blank line under each thing on every screen"),
    ("reads-with-someone", "reads_with_someone", "someone to read with them (told to the worker at each session)"),
)


def need_options(on_off: bool):  # type: ignore[no-untyped-def]
    """Add an option per communication need: a flag for `person add`, --X/--no-X for `person needs`."""
    def decorate(command):  # type: ignore[no-untyped-def]
        for option, field, help_text in reversed(NEED_OPTIONS):
            declared = f"--{option}/--no-{option}" if on_off else f"--{option}"
            command = click.option(declared, field, default=None if on_off else False, is_flag=True,
                                   help=help_text.capitalize() + ".")(command)
        return click.option("--preferred-name", default=None, help="The name they like to be called in conversation.")(command)
    return decorate


@person.command("add")
@click.argument("name")
@need_options(on_off=False)
@pass_paths
def person_add(paths: Paths, name: str, preferred_name: str | None, **needs: bool) -> None:
    """Add a person by display name or initials (no full names needed), with their communication needs."""
    with Workspace(paths) as workspace:
        added = people.add_person(workspace, name, CommunicationNeeds(**needs, preferred_name=preferred_name or ""))
    echo(f"Added {added.name} (id {added.id}).")


@person.command("needs")
@click.argument("who", metavar="PERSON")
@need_options(on_off=True)
@pass_paths
def person_needs(paths: Paths, who: str, preferred_name: str | None, **needs: bool | None) -> None:
    """Show or change a person's communication needs, e.g. `person needs NAME --large-print --no-easy-read`.

    Only the needs named change; the screen, every conversation and the next printed plan follow at once.
    """
    changes: dict[str, bool | str] = {field: value for field, value in needs.items() if value is not None}
    if preferred_name is not None:
        changes["preferred_name"] = preferred_name
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        changed = people.update_needs(workspace, found.id, **changes) if changes else found
    echo(f"{changed.name}: {changed.needs.in_words() or 'no communication needs recorded.'}")


@person.command("rename")
@click.argument("who", metavar="PERSON")
@click.argument("new_name")
@pass_paths
def person_rename(paths: Paths, who: str, new_name: str) -> None:
    """Change the name (or initials) a person is known by."""
    with Workspace(paths) as workspace:
        old = people.find_person(workspace, who)
        renamed = people.rename_person(workspace, old.id, new_name)
    echo(f"Renamed {old.name} to {renamed.name} (id {renamed.id}).")


@person.command("export")
@click.argument("who", metavar="PERSON")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="Folder for the JSON and HTML files.")
@pass_paths
def person_export(paths: Paths, who: str, out_dir: Path) -> None:
    """Write everything held about a person (private notes included) as JSON and HTML, for a subject access request."""
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        json_path, html_path = privacy.export_everything(workspace, found.id, out_dir)
    echo(f"Wrote everything held about {found.name}:\n  {json_path}\n  {html_path}")
    echo("These files hold personal data, private worker notes included: keep them safe and delete them when done.")


@person.command("erase")
@click.argument("who", metavar="PERSON")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_paths
def person_erase(paths: Paths, who: str, yes: bool) -> None:
    """Remove a person and everything recorded about them, from people.db and its backups, for good."""
    with Workspace(paths) as workspace:
        try:
            found = people.find_person(workspace, who)
        except CpiChatError:
            finished = privacy.erasures_finished_on_opening(workspace)  # an erasure a full disk or a power cut interrupted
            if not finished:
                raise
            ids = ", ".join(str(person) for person in finished)
            echo(f"No one is called {clean(who)} now: the erasure of person {ids}, which could not finish before, is now complete.")
            return
        workspace.close_people()  # nothing held open while the person is asked, and while the file is rebuilt
        if not yes and not click.confirm(
            f"This removes {clean(found.name)} (id {found.id}) and everything recorded about them, from people.db and its "
            "backups. It cannot be undone. Go ahead?",
        ):
            stop_unchanged("Nothing was erased.")
        report = privacy.erase(workspace, found.id)
    echo(f"Erased person {found.id} and everything linked to them.")
    if report.plan_page_removed is not None:
        echo("Also deleted the plan page saved for them in the app (P on 'How it's going').")
    if report.backups_scrubbed or report.backups_removed:
        echo(f"Also removed them from {len(report.backups_scrubbed)} backup(s); {len(report.backups_removed)} unreadable backup(s) were deleted.")
    for copy in report.not_scrubbed:
        echo(f"Warning: {copy} could not be read, so it may still hold this person; delete it if it is not needed.", err=True)
    if report.unfinished:
        echo(f"cpi-chat: {report.unfinished}", err=True)
        raise SystemExit(1)


def stop_unchanged(words: str) -> NoReturn:
    """The person said no: say that nothing changed (instead of click's 'Aborted!') and exit 1."""
    echo(words)
    raise SystemExit(1)


# --- goals and check-ins ----------------------------------------------------------------------


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


@click.group()
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
    if sum([attended, missed, paused, value is not None]) != 1:
        raise click.UsageError("Say one of --attended, --missed, --paused or --value V.")
    result: checkins.Result | None = "went" if attended else "missed" if missed else "paused" if paused else None
    with Workspace(paths) as workspace:
        found = people.find_person(workspace, who)
        saved = checkins.check_in(workspace, found.id, goal_id, result, value=value or "", feeling=feeling, note=note,
                                  by=by, on=on)  # type: ignore[arg-type]
        goal = goal_actions.goal(workspace, goal_id)
    echo(f"Saved a check-in on goal {goal_id} ({goal.what}) for {saved.date}.")


# --- where things live, and restoring ---------------------------------------------------------


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@pass_paths_untouched
def paths(paths: Paths, as_json: bool) -> None:
    """Where cpi-chat keeps people's records, backups, the asset directory and the flows."""
    places = {
        "data folder": paths.data_dir, "people's records": paths.people_db, "backups": paths.backups_dir,
        "community assets": paths.assets_db, "flows": paths.flows_dir,
        "demo directory": shipped_assets_dir() / "demo_town.csv",
    }
    if as_json:
        click.echo(json.dumps({k.replace("'", "").replace(" ", "_"): str(v) for k, v in places.items()}))
        return
    width = max(len(label) for label in places)
    for label, place in places.items():
        echo(f"{label + ':':<{width + 1}} {place}")


@click.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_paths
def restore(paths: Paths, yes: bool) -> None:
    """Put the latest good backup in place of people.db; the current file is kept aside, never deleted."""
    with Workspace(paths) as workspace:
        newest = privacy.newest_backup(workspace)
        if not yes and not click.confirm(
            f"Replace {paths.people_db} with the latest good backup (newest: {newest.name})? "
            "The current file will be kept beside it.",
        ):
            stop_unchanged("Nothing was restored; people.db is as it was.")
        result = privacy.restore_latest(workspace)
    echo(f"Restored {paths.people_db} from {result.restored_from.name}.")
    if result.kept_aside:
        echo(f"The file it replaced is kept at {result.kept_aside}.")


COMMANDS: list[click.Command] = [person, goals, checkin, paths, restore]
