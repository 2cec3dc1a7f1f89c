"""`cpi-chat goals export`: the person's own plan as an easy-read page (HTML or Markdown) or a calendar file."""

from __future__ import annotations

import os
from pathlib import Path

import click

from cpi_chat import records
from cpi_chat.assets.model import Asset
from cpi_chat.cli.common import pass_paths
from cpi_chat.cli.people import goals, people_db
from cpi_chat.errors import CpiChatError
from cpi_chat.paths import Paths

FORMATS = ("html", "md", "ics")


def _asset_lookup(paths: Paths) -> tuple[dict[str, Asset | None], object]:
    """A cache and the open asset directory (None when there is no assets.db: opening would create one)."""
    if not paths.assets_db.exists():
        return {}, None
    from cpi_chat.assets.directory import AssetDirectory

    try:
        return {}, AssetDirectory.open(paths.assets_db)
    except Exception:  # noqa: BLE001 - an unreadable directory only means no places and times on the plan
        return {}, None


def render(paths: Paths, who: str, fmt: str) -> tuple[str, records.Person]:
    """The plan of the person named `who` in format `fmt` (html, md or ics), and that person."""
    from cpi_chat.plan.plan import build_plan

    cache, directory = _asset_lookup(paths)

    def lookup(asset_id: str) -> Asset | None:
        if directory is None:
            return None
        if asset_id not in cache:
            try:
                cache[asset_id] = directory.get(asset_id)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - a group that cannot be read is left off, not fatal
                cache[asset_id] = None
        return cache[asset_id]

    try:
        with people_db(paths) as db:
            person = records.find_person(db, who)
            plan = build_plan(db, person.id, lookup)
    finally:
        if directory is not None:
            directory.close()  # type: ignore[attr-defined]
    if fmt == "html":
        from cpi_chat.plan.html import render_plan_html

        return render_plan_html(plan), person
    if fmt == "md":
        from cpi_chat.plan.markdown import render_plan_markdown

        return render_plan_markdown(plan), person
    from cpi_chat.plan.ics import render_plan_ics

    return render_plan_ics(plan), person


def _write(out: Path, text: str) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        old = os.umask(0o077)  # the plan holds personal data: owner-only, like every export
        try:
            out.write_text(text, encoding="utf-8", newline="")
        finally:
            os.umask(old)
        os.chmod(out, 0o600)
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
    _write(out, text)
    click.echo(f"Wrote the plan for {person.name} to {out}.", err=True)


COMMANDS: list[click.Command] = []  # `export` joins the existing `goals` group when this module is imported
