"""The person's plan saved as a private file in the data folder: a `plans` folder (0700), one page per person id (0600)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cpi_chat.errors import CpiChatError
from cpi_chat.plan.html import PLAN_PAGE_MARK, render_plan_html
from cpi_chat.plan.plan import AssetLookup, build_plan
from cpi_chat.private_files import make_private_folder, write_private_file

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

PLANS_FOLDER = "plans"


def plan_file_path(data_dir: Path, person_id: int) -> Path:
    """Where the person's plan page is kept: named by id, never by name, so the file name says nothing about them."""
    return data_dir / PLANS_FOLDER / f"plan-person-{person_id}.html"


def save_plan_page(db: PeopleDatabase, person_id: int, data_dir: Path, lookup_asset: AssetLookup | None = None,
                   today: date | None = None) -> Path:
    """Write the person's easy-read plan page (as `cpi-chat goals export --format html` makes it) and return its path."""
    page = render_plan_html(build_plan(db, person_id, lookup_asset, today))
    path = plan_file_path(data_dir, person_id)
    try:
        make_private_folder(path.parent, tighten=True)  # made owner-only again if it was loosened
        write_private_file(path, page, replaces=PLAN_PAGE_MARK)
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
