"""The outcomes report for one worker's records, or as a team aggregate of counts only (merging is in team_report).

`cpi-chat report` calls these. Every file is written owner-only through the private-file writer and
replaces only a file of the same kind that cpi-chat wrote. The aggregate holds counts before small
numbers are hidden (hidden numbers could not be added up), so it is handled like the report's
working papers: shared within the team, never published; the merged report hides them again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.report.figures import Figures
    from cpi_chat.report.gather import DirectoryListing
    from cpi_chat.report.render import ReportFormat
    from cpi_chat.workspace import Workspace



def period(start: str, end: str) -> tuple[date, date]:
    """The report's first and last day from dates as typed (2027-03-31 or 31/03/2027), refused kindly if unreadable."""
    from cpi_chat.records.dates import parse_user_date

    if not start.strip() or not end.strip():
        raise Refused("Say which period to report on, for example: --from 2026-04-01 --to 2027-03-31")
    first, last = parse_user_date(start), parse_user_date(end)
    _check_period(first, last)
    return first, last


def _check_period(start: date, end: date) -> None:
    """Refuse a period that ends before it starts."""
    if end < start:
        raise Refused(f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}); swap --from and --to.")


def outcomes(workspace: Workspace, start: date, end: date) -> Figures:
    """The report's figures for everyone in this people.db, from `start` to `end` inclusive (counts, not yet hidden)."""
    from cpi_chat.report.gather import gather

    _check_period(start, end)
    return gather(workspace.reading_connection(), start, end, directory_listing(workspace))


def directory_listing(workspace: Workspace) -> DirectoryListing:
    """The directory's active groups by domain label and area; just the ten domains when there is no directory file."""
    from cpi_chat.assets.lexicon import DOMAINS_FILE, load_domains
    from cpi_chat.assets.listing import active_groups
    from cpi_chat.paths import shipped_assets_dir
    from cpi_chat.report.gather import DirectoryListing, ListedGroup

    # The domains alone (not the search's synonyms, which take far longer to read).
    labels = {domain.slug: domain.label for domain in load_domains(shipped_assets_dir() / DOMAINS_FILE)}
    if not workspace.paths.assets_db.exists():  # never make an empty directory file just to report on it
        return DirectoryListing(tuple(labels.values()))
    groups = active_groups(workspace.paths.assets_db)
    if groups is None:  # a file from before assets could be retired: opened the ordinary way, which updates it
        groups = _groups_of_an_older_directory(workspace.paths.assets_db)
    return DirectoryListing(tuple(labels.values()), tuple(
        ListedGroup(group_id, labels.get(domain, domain or "Other"),
                    tuple(dict.fromkeys(a.strip() for a in area.split(";") if a.strip())) or ("No area given",))
        for group_id, domain, area in groups))


def _groups_of_an_older_directory(path: Path) -> list[tuple[str, str, str]]:
    """(id, domain, area) of every active asset, after bringing an older assets.db up to date."""
    from cpi_chat.assets.store import AssetStore

    store = AssetStore(path)
    try:
        return [(asset.id, asset.domain, asset.area) for asset in store.all() if not asset.is_retired]
    finally:
        store.close()


def write_report(workspace: Workspace, start: date, end: date, out: Path, fmt: ReportFormat = "html") -> Path:
    """Write the outcomes report for this people.db to `out` (owner-only, never over a file cpi-chat did not write)."""
    from cpi_chat.report.render import report_text, write_report_file

    return write_report_file(out, report_text(outcomes(workspace, start, end), fmt), "report")


def write_aggregate(workspace: Workspace, start: date, end: date, out: Path) -> Path:
    """Write this people.db's figures as a JSON aggregate to merge with the team's (counts and sums only)."""
    from cpi_chat.report.render import write_report_file

    figures = outcomes(workspace, start, end)
    return write_report_file(out, figures.model_dump_json(indent=2) + "\n", "aggregate")
