"""`cpi-chat person|paths|restore`: the people whose records are kept, where the records live, and restoring them."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import NoReturn

import click

from cpi_chat.actions import people, privacy
from cpi_chat.cli.common import JoinedLater, clean, echo, pass_paths, pass_paths_untouched
from cpi_chat.errors import CpiChatError
from cpi_chat.paths import Paths, shipped_assets_dir
from cpi_chat.records.model import CommunicationNeeds
from cpi_chat.workspace import Workspace

# --- person -----------------------------------------------------------------------------------


# `person pin` is in settings.py, imported only when it is named.
@click.group(cls=JoinedLater, joined_by=("cpi_chat.cli.settings",))
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


COMMANDS: list[click.Command] = [person, paths, restore]
