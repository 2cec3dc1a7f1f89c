"""The outcomes report: for one worker's records, as a team aggregate of counts only, or merged from aggregates.

`cpi-chat report` calls these. Every file is written owner-only through the private-file writer and
replaces only a file of the same kind that cpi-chat wrote. The aggregate holds counts before small
numbers are hidden (hidden numbers could not be added up), so it is handled like the report's
working papers: shared within the team, never published; the merged report hides them again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cpi_chat.errors import CpiChatError, Refused

if TYPE_CHECKING:
    import sqlite3

    from cpi_chat.report.figures import Figures
    from cpi_chat.report.gather import DirectoryListing
    from cpi_chat.workspace import Workspace

ReportFormat = Literal["html", "csv"]


def period(start: str, end: str) -> tuple[date, date]:
    """The report's first and last day from dates as typed (2027-03-31 or 31/03/2027), refused kindly if unreadable."""
    from cpi_chat.records.dates import parse_user_date

    if not start.strip() or not end.strip():
        raise Refused("Say which period to report on, for example: --from 2026-04-01 --to 2027-03-31")
    first, last = parse_user_date(start), parse_user_date(end)
    check_period(first, last)
    return first, last


def check_period(start: date, end: date) -> None:
    """Refuse a period that ends before it starts."""
    if end < start:
        raise Refused(f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}); swap --from and --to.")


def outcomes(workspace: Workspace, start: date, end: date) -> Figures:
    """The report's figures for everyone in this people.db, from `start` to `end` inclusive (counts, not yet hidden)."""
    from cpi_chat.report.gather import gather

    check_period(start, end)
    return gather(_records(workspace), start, end, directory_listing(workspace))


def _records(workspace: Workspace) -> sqlite3.Connection:
    from cpi_chat.records.roster import schema_is_current

    # A file made by an older cpi-chat is brought up to date first (through sqlite-utils); a current one is read as it is.
    return workspace.connection if schema_is_current(workspace.connection) else workspace.db.conn


def directory_listing(workspace: Workspace) -> DirectoryListing:
    """The directory's active groups by domain label and area; just the ten domains when there is no directory file."""
    from cpi_chat.assets.lexicon import DOMAINS_FILE, load_domains
    from cpi_chat.assets.store import AssetStore
    from cpi_chat.paths import shipped_assets_dir
    from cpi_chat.report.gather import DirectoryListing, ListedGroup

    # The domains alone (not the search's synonyms, which take far longer to read).
    labels = {domain.slug: domain.label for domain in load_domains(shipped_assets_dir() / DOMAINS_FILE)}
    if not workspace.paths.assets_db.exists():  # never make an empty directory file just to report on it
        return DirectoryListing(tuple(labels.values()))
    store = AssetStore(workspace.paths.assets_db)
    try:
        groups = tuple(
            ListedGroup(asset.id, labels.get(asset.domain, asset.domain or "Other"),
                        tuple(dict.fromkeys(a.strip() for a in asset.area.split(";") if a.strip())) or ("No area given",))
            for asset in store.all() if not asset.is_retired)
    finally:
        store.close()
    return DirectoryListing(tuple(labels.values()), groups)


def report_text(figures: Figures, fmt: ReportFormat) -> str:
    """The report as an HTML page or CSV rows, with every small number hidden."""
    from cpi_chat.report.render import render_csv, render_html
    from cpi_chat.report.sections import build_view

    view = build_view(figures)
    return render_html(view) if fmt == "html" else render_csv(view)


def write_report(workspace: Workspace, start: date, end: date, out: Path, fmt: ReportFormat = "html") -> Path:
    """Write the outcomes report for this people.db to `out` (owner-only, never over a file cpi-chat did not write)."""
    return _write(out, report_text(outcomes(workspace, start, end), fmt), "report")


def write_aggregate(workspace: Workspace, start: date, end: date, out: Path) -> Path:
    """Write this people.db's figures as a JSON aggregate to merge with the team's (counts and sums only)."""
    figures = outcomes(workspace, start, end)
    return _write(out, figures.model_dump_json(indent=2) + "\n", "aggregate")


def read_aggregate(path: Path) -> Figures:
    """One worker's aggregate, checked: a file that is not one, or from another version, is refused in one sentence."""
    from pydantic import ValidationError

    from cpi_chat.report.figures import AGGREGATE_FORMAT, Figures

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not text"
        raise Refused(f"{path} could not be read ({reason}), so nothing was merged.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or data.get("format") != AGGREGATE_FORMAT:
        raise Refused(f"{path} is not an aggregate made by `cpi-chat report --aggregate`, so nothing was merged.")
    try:
        return Figures.model_validate(data)
    except ValidationError:
        raise Refused(f"{path} was made by another version of cpi-chat or has been changed, so nothing was merged; "
                      "make it again with `cpi-chat report --aggregate`.") from None


def merge_aggregates(paths: Sequence[Path]) -> Figures:
    """The team's figures: every aggregate added together (the same period in each)."""
    from cpi_chat.report.figures import merge

    if not paths:
        raise Refused("Name the aggregates to merge, for example: cpi-chat report --merge worker-a.json worker-b.json --out team.html")
    figures = [read_aggregate(path) for path in paths]
    total = figures[0]
    try:
        for more in figures[1:]:
            total = merge(total, more)
    except CpiChatError as problem:
        raise Refused(str(problem)) from None
    return total


def write_merged_report(paths: Sequence[Path], out: Path, fmt: ReportFormat = "html") -> Path:
    """Write the team's report from workers' aggregates (owner-only, never over a file cpi-chat did not write)."""
    return _write(out, report_text(merge_aggregates(paths), fmt), "report")


def _write(out: Path, text: str, kind: Literal["report", "aggregate"]) -> Path:
    from cpi_chat.private_files import write_private_file
    from cpi_chat.report.figures import AGGREGATE_FORMAT
    from cpi_chat.report.render import REPORT_MARK

    try:
        return write_private_file(out, text, replaces=REPORT_MARK if kind == "report" else AGGREGATE_FORMAT)
    except OSError as error:
        raise Refused(f"The {kind} could not be written to {out} ({error.strerror}); choose another file with --out.") from None
