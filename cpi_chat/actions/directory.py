"""What a person does to the community directory: import a file or a feed, add, edit, delete or check an asset.

The command line and the app's directory screen call these and nothing below them. Each refuses
kindly with `Refused`; the directory itself owns the transaction and writes the change log.
`import_feed` is the only code in cpi-chat that reaches the network.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from cpi_chat.assets.csv_io import ParsedFile, open_csv_records
from cpi_chat.assets.directory import AssetDirectory, BadRows, Format, ImportReport
from cpi_chat.assets.model import Asset
from cpi_chat.assets.oruk_csv import is_oruk_csv
from cpi_chat.assets.sync import FeedReport
from cpi_chat.errors import CpiChatError, Refused

Progress = Callable[[int, int], None]
AskAboutBadRows = Callable[[int, int], BadRows]


def read_directory_file(directory: AssetDirectory, path: Path | str, format: Format, progress: Progress | None = None) -> ParsedFile:
    """Read and check a directory file without changing anything: its good assets and its problems."""
    if not str(path).strip():
        raise Refused("Say which file to import, for example: cpi-chat assets import our-directory.csv")
    return directory.read_file(path, format, progress)


def import_parsed_file(
    directory: AssetDirectory, parsed: ParsedFile, bad_rows: BadRows | None, replace: bool = False,
    ask: AskAboutBadRows | None = None,
) -> ImportReport:
    """Save what was read, in one transaction; with problems and no choice made, ask (or refuse when nobody can answer)."""
    if parsed.problems and bad_rows is None:
        bad_rows = ask(len(parsed.problems), len(parsed.assets)) if ask is not None else "refuse"
    if not parsed.assets and not parsed.problems:
        raise Refused("The file holds no assets, so nothing was imported.")
    return directory.import_parsed(parsed, bad_rows or "refuse", replace)


def import_file(
    directory: AssetDirectory, path: Path | str, format: Format = "csv", bad_rows: BadRows | None = None,
    replace: bool = False, progress: Progress | None = None, ask: AskAboutBadRows | None = None,
) -> ImportReport:
    """Import a CSV, Open Referral UK JSON or ORUK CSV file; re-importing updates assets with the same id.

    Our own CSV is read and saved row by row (a million rows never sit in memory); with problems
    found and no choice made, `ask` decides (nothing is imported when nobody can answer).
    """
    if not str(path).strip():
        raise Refused("Say which file to import, for example: cpi-chat assets import our-directory.csv")
    if format == "csv" and not is_oruk_csv(Path(path)):
        with open_csv_records(Path(path), directory.lexicon, progress) as records:
            return directory.import_records(records, bad_rows, replace, decide=ask, notes=lambda: records.notes)
    return import_parsed_file(directory, read_directory_file(directory, path, format, progress), bad_rows, replace, ask)


def import_feed(
    directory: AssetDirectory, url: str, progress: Callable[[int, int | None], None] | None = None,
    rules: object | None = None, sleep: Callable[[float], None] = time.sleep,
) -> FeedReport:
    """Sync the directory with a published Open Referral UK feed, page by page (the only network call cpi-chat makes)."""
    from cpi_chat.assets import feed  # the network code is loaded for this command alone
    from cpi_chat.assets.oruk import export_ids, parse_services

    address = feed.check_feed_address(url)
    services = feed.fetch_feed(directory.store.db, address, rules if isinstance(rules, feed.FetchRules) else None, progress, sleep)
    if not services:
        raise Refused("The feed lists no services, so nothing was changed.")
    parsed = parse_services(services, directory.lexicon, known_ids=export_ids(directory.store.ids()))
    if not parsed.assets:
        raise Refused("None of the feed's services could be read, so nothing was changed.")
    report = directory.apply_feed(address, parsed)
    feed.forget_pages(directory.store.db, address)
    return report


def add_asset(directory: AssetDirectory, asset: Asset) -> Asset:
    """Add a new asset; refused when its id is taken or a detail is not right."""
    if not asset.name.strip():
        raise Refused("Give the group a name first.")
    if directory.get(asset.id) is not None:
        raise Refused(f"There is already an asset with the id '{asset.id}'; choose another, or edit that one.")
    return _save(directory, asset)


def edit_asset(directory: AssetDirectory, asset: Asset) -> Asset:
    """Save changes to an asset that exists; the team's notes are saved as given."""
    if directory.get(asset.id) is None:
        raise Refused(f"There is no asset with the id '{asset.id}' to change; it may have been deleted.")
    if not asset.name.strip():
        raise Refused("A group needs a name; type one before saving.")
    return _save(directory, asset)


def _save(directory: AssetDirectory, asset: Asset) -> Asset:
    try:
        directory.upsert(asset)
    except CpiChatError as error:
        raise Refused(str(error)) from None
    return directory.get(asset.id) or asset


def delete_asset(directory: AssetDirectory, asset_id: str) -> None:
    """Delete an asset for good; refused when there is none with that id."""
    if not directory.delete(asset_id):
        raise Refused(f"There is no asset with the id '{asset_id}'; `cpi-chat assets search` shows ids.")


def verify_asset(directory: AssetDirectory, asset_id: str, on: date, today: date | None = None) -> None:
    """Record that someone checked an asset's details on `on`; refused for a date still to come."""
    if on > (today or date.today()):
        raise Refused(f"{on.isoformat()} has not come yet; give the day the details were checked.")
    if directory.get(asset_id) is None:
        raise Refused(f"There is no asset with the id '{asset_id}'; `cpi-chat assets search` shows ids.")
    directory.mark_verified(asset_id, on)
