"""What a person does to the community directory: import a file or a feed, add, edit, delete or check an asset.

The command line and the app's directory screen call these and nothing below them. Each refuses
kindly with `Refused`; the directory itself owns the transaction and writes the change log.
`import_feed` is the only code in cpi-chat that reaches the network.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from pathlib import Path

from cpi_chat.assets import directory as _directory
from cpi_chat.assets.csv_io import ParsedFile, open_csv_records
from cpi_chat.assets.directory import (
    AssetDirectory,
    BadRows,
    BadRowsUndecided,
    Format,
    ImportReport,
)
from cpi_chat.assets.lexicon import load_domains
from cpi_chat.assets.model import Asset
from cpi_chat.assets.normalise import fold
from cpi_chat.assets.oruk_csv import is_oruk_csv
from cpi_chat.assets.rows import validate_record
from cpi_chat.assets.sync import FeedReport
from cpi_chat.errors import CpiChatError, Refused
from cpi_chat.paths import shipped_assets_dir

Progress = Callable[[int, int], None]
AskAboutBadRows = Callable[[int, int], BadRows]


def open_directory(path: Path | str) -> AssetDirectory:
    """The directory saved at `path` (an empty one is made there when there is none)."""
    return AssetDirectory.open(path)


def load_demo_directory(directory: AssetDirectory) -> ImportReport:
    """Import the fictional demo town shipped with cpi-chat (its ids are its own, so loading twice updates)."""
    return _directory.load_demo_directory(directory)


@cache
def shipped_domain_labels() -> dict[str, str]:
    """The label of each shipped domain by slug ("sport" -> "Sport"), read once."""
    return {d.slug: d.label for d in load_domains(shipped_assets_dir() / "domains.yaml")}


def new_asset_id(name: str, exists: Callable[[str], object]) -> str:
    """A readable id made from the name ("Walking Football" -> "walking-football"), made unique with -2, -3."""
    base = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:60] or "asset"
    candidate, number = base, 1
    while exists(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def asset_from_form(directory: AssetDirectory, fields: Mapping[str, object], original: Asset | None = None) -> Asset:
    """The asset a form describes (its shown fields), checked like an imported row; refused with what needs fixing.

    A new asset gets an id from its name and is "added by hand"; a changed one keeps its id, source, origin,
    status and last check. A guess the worker changed is theirs now; one left as it was stays a guess.
    """
    given = dict(fields)
    if original is None:
        given.update(id=new_asset_id(str(given.get("name", "")), exists=directory.get), source="added by hand", status="active")
    else:
        given.update(
            id=original.id, source=original.source, origin=original.origin, status=original.status,
            last_verified=original.last_verified,
        )
    try:
        asset = validate_record(given, directory.lexicon)
    except ValueError as problem:
        raise Refused(f"This cannot be saved yet: {problem}.") from None
    if original is not None:
        asset.guessed = [g for g in original.guessed if getattr(asset, g, None) == getattr(original, g, None)]
    return asset


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
    found and no choice made, `ask` decides (nothing is imported when nobody can answer). It is asked
    after the first reading rolled back, never with the directory locked, and a "skip" reads the file again.
    """
    if not str(path).strip():
        raise Refused("Say which file to import, for example: cpi-chat assets import our-directory.csv")
    if format == "csv" and not is_oruk_csv(Path(path)):
        try:
            return _import_csv(directory, Path(path), bad_rows if ask is not None else bad_rows or "refuse", replace, progress)
        except BadRowsUndecided as undecided:
            if ask is None or ask(len(undecided.problems), undecided.good) != "skip":
                raise undecided.refusal() from None
        return _import_csv(directory, Path(path), "skip", replace, progress)
    return import_parsed_file(directory, read_directory_file(directory, path, format, progress), bad_rows, replace, ask)


def _import_csv(directory: AssetDirectory, path: Path, bad_rows: BadRows | None, replace: bool, progress: Progress | None) -> ImportReport:
    with open_csv_records(path, directory.lexicon, progress) as records:
        return directory.import_records(records, bad_rows, replace, notes=lambda: records.notes)


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
