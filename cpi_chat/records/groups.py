"""Groups chosen in sessions (from the directory, or the person's own idea), kept until each becomes a goal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded
from cpi_chat.records.model import ChosenGroup, from_row
from cpi_chat.records.store import fetch_all, save_effect_row

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase


@guarded
def save_chosen_group(
    db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, name: str,
    asset_id: str = "", first_visit: str = "",
) -> int:
    """Keep a group the person chose (its directory id when it came from the directory), and how they will go the first time."""
    if not name.strip():
        raise RecordsError("A group needs a name, so nothing was saved.")
    return save_effect_row(db, "chosen_group", person_id, session_id, effect_key,
                           {"name": name.strip(), "asset_id": asset_id.strip(), "first_visit": first_visit.strip()})


@guarded
def list_chosen_groups(db: PeopleDatabase, person_id: int, not_yet_goals: bool = False) -> list[ChosenGroup]:
    """Every group the person chose, oldest first, once each; with `not_yet_goals`, only those no goal is made from yet."""
    rows = fetch_all(db, "SELECT * FROM chosen_group WHERE person_id = ? ORDER BY id", [person_id])
    goals = fetch_all(db, "SELECT asset_id, what FROM goal WHERE person_id = ?", [person_id]) if not_yet_goals else []
    made = {("id", g["asset_id"]) for g in goals if g["asset_id"]} | {("name", g["what"].casefold()) for g in goals}
    kept: dict[tuple[str, str], ChosenGroup] = {}
    for row in rows:
        key = ("id", row["asset_id"]) if row["asset_id"] else ("name", row["name"].casefold())
        if key not in made:
            kept[key] = from_row(ChosenGroup, row)  # chosen again later: the latest words count
    return sorted(kept.values(), key=lambda g: g.id)
