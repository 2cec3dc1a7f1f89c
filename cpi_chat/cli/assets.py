"""`cpi-chat assets import|export|search`: the team's directory of community assets from the command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from cpi_chat.cli.common import echo, pass_paths
from cpi_chat.errors import CpiChatError
from cpi_chat.paths import Paths

EMPTY_DIRECTORY = (
    "The asset directory is empty. Import your team's directory with `cpi-chat assets import FILE` "
    "(CSV or Open Referral UK JSON), or try the fictional demo town with `cpi-chat demo`."
)
FORMATS = click.Choice(["csv", "oruk", "oruk-csv"], case_sensitive=False)
PROGRESS_FROM_BYTES = 1_000_000


READY_WORDS = "Getting the directory ready for searching (only after it was changed elsewhere)"


def _open(paths: Paths) -> Any:
    from cpi_chat.actions.directory import open_directory

    return open_directory(paths.assets_db)


def _ready(directory: Any) -> None:
    """Bring the saved search index up to date first, saying so in words, with a bar on a terminal."""
    if directory.index_is_current():
        return
    click.echo(f"{READY_WORDS}...", err=True)
    with _Bar("Getting ready", sys.stderr.isatty()) as progress:
        directory.prepare_index(progress)


def _format_for(path: str, given: str | None) -> str:
    if given:
        return given.lower()
    if Path(path).is_dir() or path.lower().endswith(".zip"):
        return "oruk-csv"
    return "oruk" if path.lower().endswith((".json", ".jsonl")) else "csv"


@click.group()
def assets() -> None:
    """Import, export and search the community asset directory (clubs, classes, groups, places)."""


@assets.command("import")
@click.argument("file", type=click.Path(), required=False)
@click.option("--format", "format_", type=FORMATS,
              help="csv, oruk (Open Referral UK JSON) or oruk-csv (a folder or .zip of ORUK tables); guessed from the name.")
@click.option("--from-feed", "feed_url", metavar="URL",
              help="Sync from a published Open Referral UK feed (the only time cpi-chat uses the network).")
@click.option("--skip-bad-rows", "bad_rows", flag_value="skip", help="Import the good rows and list the bad ones.")
@click.option("--refuse-bad-rows", "bad_rows", flag_value="refuse", help="Import nothing if any row is bad.")
@click.option("--replace", is_flag=True, help="Start the directory afresh instead of merging by id.")
@pass_paths
def import_command(
    paths: Paths, file: str | None, format_: str | None, feed_url: str | None, bad_rows: str | None, replace: bool,
) -> None:
    """Import FILE (or a feed with --from-feed URL) into the directory; re-importing updates assets with the same id."""
    from cpi_chat.actions import directory as actions

    directory = _open(paths)
    if feed_url:
        if file:
            raise CpiChatError("Give either a file or --from-feed URL, not both.")
        _import_feed(directory, feed_url)
        return
    if not file:
        raise CpiChatError("Say which file to import (cpi-chat assets import FILE), or a feed with --from-feed URL.")
    with _Bar("Importing", _is_big(Path(file)) and sys.stderr.isatty()) as progress:
        report = actions.import_file(directory, file, _format_for(file, format_), bad_rows, replace,  # type: ignore[arg-type]
                                     progress, ask=_ask_about_bad_rows)
    for problem in report.skipped[:20]:
        click.echo(f"  skipped {problem}", err=True)
    if len(report.skipped) > 20:
        click.echo(f"  ... and {len(report.skipped) - 20} more.", err=True)
    for note in report.notes:
        click.echo(note, err=True)
    click.echo(report.summary())


def _import_feed(directory: Any, url: str) -> None:
    from cpi_chat.actions import directory as actions

    def progress(page: int, total: int | None) -> None:
        of = f" of {total}" if total else ""
        click.echo(f"Fetched page {page}{of} of the feed.", err=True)

    report = actions.import_feed(directory, url, progress)
    for problem in report.skipped[:20]:
        click.echo(f"  skipped {problem}", err=True)
    for note in report.notes:
        click.echo(note, err=True)
    for line in report.changed_names():
        echo(line)
    echo(report.summary())


def _is_big(path: Path) -> bool:
    try:
        return path.stat().st_size >= PROGRESS_FROM_BYTES
    except OSError:
        return False


def _ask_about_bad_rows(bad: int, good: int) -> Any:
    if not sys.stdin.isatty():
        return "refuse"
    question = f"{bad} record(s) have problems. Import the other {good} and skip the bad ones?"
    return "skip" if click.confirm(question, default=False, err=True) else "refuse"


class _Bar:
    """A progress bar with a label in words on a terminal; nothing otherwise."""

    def __init__(self, label: str, wanted: bool) -> None:
        self.label = label
        self.wanted = wanted
        self.bar: Any = None

    def __enter__(self) -> Callable[[int, int], None] | None:
        return self.update if self.wanted else None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=max(total, 1), label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(max(0, min(done, self.bar.length) - self.bar.pos))

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@assets.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "format_", type=FORMATS, help="csv or oruk (Open Referral UK JSON); guessed from the file name.")
@pass_paths
def export_command(paths: Paths, file: str, format_: str | None) -> None:
    """Write the whole directory to FILE (CSV cells that look like formulas are made safe)."""
    directory = _open(paths)
    count = directory.export_file(file, _format_for(file, format_))
    click.echo(f"Exported {count} assets to {file}.")


@assets.command("search")
@click.argument("query")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000), help="How many results.")
@click.option("--domain", help="Only this domain (its name or slug, e.g. Sport or horticulture).")
@click.option("--area", help="Only this area (village or part of town).")
@click.option("--day", help="Only things that run on this day (e.g. Tuesday, or weekend).")
@click.option("--free", is_flag=True, help="Only things that are free.")
@click.option("--accessible", is_flag=True, help="Only places with step-free or wheelchair access.")
@click.option("--kind", type=click.Choice(["mainstream", "specialist"]), help="Only mainstream groups or specialist services.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of hits.")
@pass_paths
def search_command(
    paths: Paths, query: str, limit: int, domain: str | None, area: str | None, day: str | None,
    free: bool, accessible: bool, kind: str | None, as_json: bool,
) -> None:
    """Find assets matching QUERY; with QUERY `-`, read one query per line and print one JSON line each."""
    from cpi_chat.assets.results import SearchFilters

    directory = _open(paths)
    if directory.is_empty():
        raise CpiChatError(EMPTY_DIRECTORY)
    filters = SearchFilters(domain=domain, area=area, day=day, free=free, accessible=accessible, kind=kind)
    _ready(directory)
    if query == "-":
        for line in sys.stdin:
            text = line.rstrip("\n")
            hits = directory.search(text, limit, filters)
            click.echo(json.dumps({"q": text, "hits": [h.to_json() for h in hits]}, ensure_ascii=False))
        return
    hits = directory.search(query, limit, filters)
    if as_json:
        click.echo(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=1))
        return
    if not hits:
        click.echo("Nothing matched. Try fewer or different words, or fewer filters.")
        return
    labels = {d.slug: d.label for d in directory.domains()}
    for number, hit in enumerate(hits, start=1):
        a = hit.asset
        click.echo(f"{number:>2}. {a.name} ({labels.get(a.domain, a.domain)}, {a.area or 'no area'})  [{hit.score:.0f}]")
        details = " | ".join(p for p in (a.schedule, a.cost, a.contact) if p)
        if details:
            click.echo(f"    {details}")
        click.echo(f"    why: {hit.why}  (id {a.id})")


@assets.command("show")
@click.argument("asset_id")
@click.option("--json", "as_json", is_flag=True, help="Print the asset as JSON.")
@pass_paths
def show_command(paths: Paths, asset_id: str, as_json: bool) -> None:
    """Show every detail of one asset, by its id."""
    asset = _open(paths).get(asset_id)
    if asset is None:
        raise CpiChatError(f"There is no asset with the id '{asset_id}'; `cpi-chat assets search` shows ids.")
    row = asset.to_row()
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False, indent=1))
        return
    for key, value in row.items():
        if value:
            click.echo(f"{key:>14}: {value}")


@assets.command("verify")
@click.argument("asset_id")
@click.option("--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), help="The date it was checked (default: today).")
@pass_paths
def verify_command(paths: Paths, asset_id: str, on: Any) -> None:
    """Record that someone checked an asset's details are still right."""
    from datetime import date

    from cpi_chat.actions.directory import verify_asset

    checked = on.date() if on else date.today()
    verify_asset(_open(paths), asset_id, checked)
    click.echo(f"Marked {asset_id} as checked on {checked.isoformat()}.")


COMMANDS: list[click.Command] = [assets]
