"""`cpi-chat goals export`: the person's own plan as an easy-read page (HTML or Markdown) or a calendar file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cpi_chat import records
from cpi_chat.assets.model import Asset
from cpi_chat.cli.common import pass_paths
from cpi_chat.cli.people import goals, people_db
from cpi_chat.errors import CpiChatError
from cpi_chat.paths import Paths

if TYPE_CHECKING:
    from cpi_chat.assets.directory import AssetDirectory

FORMATS = ("html", "md", "ics")


class DirectoryLookup:
    """Finds a goal's group in the asset directory, once per id; no directory file means no group is found."""

    def __init__(self, assets_db: Path) -> None:
        self._cache: dict[str, Asset | None] = {}
        self._directory: AssetDirectory | None = None
        if assets_db.exists():  # opening a missing directory would create an empty one
            from cpi_chat.assets.directory import AssetDirectory

            try:
                self._directory = AssetDirectory.open(assets_db)
            except Exception:  # noqa: BLE001 - an unreadable directory only means no places and times on the plan
                self._directory = None

    def __call__(self, asset_id: str) -> Asset | None:
        if self._directory is None:
            return None
        if asset_id not in self._cache:
            try:
                self._cache[asset_id] = self._directory.get(asset_id)
            except Exception:  # noqa: BLE001 - a group that cannot be read is left off the plan, not fatal
                self._cache[asset_id] = None
        return self._cache[asset_id]

    def close(self) -> None:
        """Close the directory file, if one was opened."""
        if self._directory is not None:
            self._directory.close()


def render(paths: Paths, who: str, fmt: str) -> tuple[str, records.Person]:
    """The plan of the person named `who` in format `fmt` (html, md or ics), and that person."""
    from cpi_chat.plan.plan import build_plan

    lookup = DirectoryLookup(paths.assets_db)
    try:
        with people_db(paths) as db:
            person = records.find_person(db, who)
            plan = build_plan(db, person.id, lookup)
    finally:
        lookup.close()
    if fmt == "html":
        from cpi_chat.plan.html import render_plan_html

        return render_plan_html(plan), person
    if fmt == "md":
        from cpi_chat.plan.markdown import render_plan_markdown

        return render_plan_markdown(plan), person
    from cpi_chat.plan.ics import render_plan_ics

    return render_plan_ics(plan), person


def _write(out: Path, text: str, fmt: str) -> None:
    from cpi_chat.plan.html import PLAN_PAGE_MARK
    from cpi_chat.plan.ics import PRODID
    from cpi_chat.plan.markdown import PLAN_MARKDOWN_MARK
    from cpi_chat.private_files import write_private_file

    marks = {"html": PLAN_PAGE_MARK, "md": PLAN_MARKDOWN_MARK, "ics": f"PRODID:{PRODID}"}  # a plan written before holds one
    try:  # the plan holds personal data: owner-only, like every export, and never over someone else's file
        write_private_file(out, text, replaces=marks[fmt])
    except OSError as error:
        raise CpiChatError(f"The plan could not be written to {out} ({error.strerror}); choose another file with --out.") from None


@goals.command("export")
@click.argument("who", metavar="PERSON")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True,
              help="html: a printable easy-read page; md: the same as Markdown; ics: a calendar file.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file (default: standard output).")
@pass_paths
def goals_export(paths: Paths, who: str, fmt: str, out: Path | None) -> None:
    """The person's own plan: goals, small steps, where and when, who to contact, next meeting (never private notes)."""
    text, person = render(paths, who, fmt)
    if out is None:
        click.echo(text, nl=False)
        return
    _write(out, text, fmt)
    click.echo(f"Wrote the plan for {person.name} to {out}.", err=True)


COMMANDS: list[click.Command] = []  # `export` joins the existing `goals` group when this module is imported
