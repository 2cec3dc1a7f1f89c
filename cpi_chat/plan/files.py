"""The person's plan saved as a private file in the data folder: a `plans` folder (0700), one page per person id (0600)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import sqlite_utils

from cpi_chat.assets.model import Asset
from cpi_chat.errors import CpiChatError
from cpi_chat.plan.html import render_plan_html
from cpi_chat.plan.plan import AssetLookup, build_plan
from cpi_chat.records.db import private_umask

PLANS_FOLDER = "plans"


def forgiving_lookup(get: Callable[[str], Asset | None]) -> AssetLookup:
    """Wrap the directory's `get` so a group that cannot be read is left off the plan instead of stopping it."""

    def lookup(asset_id: str) -> Asset | None:
        try:
            return get(asset_id)
        except (CpiChatError, sqlite3.Error):
            return None

    return lookup


def plan_file_path(data_dir: Path, person_id: int) -> Path:
    """Where the person's plan page is kept: named by id, never by name, so the file name says nothing about them."""
    return data_dir / PLANS_FOLDER / f"plan-person-{person_id}.html"


def _write_private(path: Path, text: str) -> None:
    """Write `text` to `path` readable by its owner only, replacing any older copy in one step."""
    with private_umask():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    os.chmod(path.parent, 0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".plan-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_plan_page(db: sqlite_utils.Database, person_id: int, data_dir: Path, lookup_asset: AssetLookup | None = None,
                   today: date | None = None) -> Path:
    """Write the person's easy-read plan page (as `cpi-chat goals export --format html` makes it) and return its path."""
    page = render_plan_html(build_plan(db, person_id, lookup_asset, today))
    path = plan_file_path(data_dir, person_id)
    try:
        _write_private(path, page)
    except OSError as error:
        raise CpiChatError(f"The plan could not be saved in {path.parent} ({error.strerror}); check there is space and try again.") from None
    return path


def remove_plan_page(data_dir: Path, person_id: int) -> Path | None:
    """Delete the person's saved plan page, when erasing them; the path removed, or None when there was none."""
    path = plan_file_path(data_dir, person_id)
    try:
        path.unlink()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise CpiChatError(f"The saved plan {path} could not be deleted ({error.strerror}); delete it by hand.") from None
    return path
