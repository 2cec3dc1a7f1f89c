"""The team's settings, kept in people.db with the records they are about; each change is audited."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from cpi_chat.records.db import guarded, transaction, write_audit
from cpi_chat.records.store import fetch_all

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase


@dataclass(frozen=True)
class Settings:
    """What a team can choose; every field says what it does."""

    self_check_in_pin: bool = True
    """A person checking in on their own types their name and their own PIN (set with their worker). Off: the name alone,
    for a team that gives each person a computer (or an account) of their own."""


SETTING_NAMES = {f.name.replace("_", "-"): f.name for f in fields(Settings)}


@guarded
def read_settings(db: PeopleDatabase) -> Settings:
    """The settings as saved, with the default for any never set."""
    saved = {row["name"]: row["value"] for row in fetch_all(db, "SELECT name, value FROM setting")}
    return Settings(**{name: saved[name] == "on" for name in SETTING_NAMES.values() if name in saved})


@guarded
def change_setting(db: PeopleDatabase, name: str, on: bool) -> Settings:
    """Turn one setting on or off (by its field name); the audit says which, never anything else."""
    with transaction(db):
        db.execute("INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                   [name, "on" if on else "off"])
        write_audit(db, "update", "setting", None)
    return read_settings(db)
