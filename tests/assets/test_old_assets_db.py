"""An assets.db made by an earlier release opens, upgrades and works, also after a later migration adds a field."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest
import sqlite_utils
from sqlite_utils import Migrations

from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.migrations import TABLE, migrations
from cpi_chat.assets.model import Asset

OLD_ASSETS_DB = Path(__file__).parents[1] / "fixtures" / "databases" / "assets.db"


@pytest.fixture
def old_assets_db(tmp_path: Path) -> Path:
    copy = tmp_path / "assets.db"
    shutil.copyfile(OLD_ASSETS_DB, copy)
    return copy


def test_an_old_directory_opens_with_every_asset_and_its_checked_date(old_assets_db: Path) -> None:
    directory = AssetDirectory.open(old_assets_db)
    assert directory.count() == 32
    kick_boxing = directory.get("kick-boxing-class")
    assert kick_boxing is not None and kick_boxing.last_verified is not None
    assert kick_boxing.last_verified.isoformat() == "2026-05-01"
    assert kick_boxing.status == "active" and kick_boxing.notes == "" and kick_boxing.guessed == []
    directory.close()


def test_an_old_directory_gains_a_column_for_every_asset_field(old_assets_db: Path) -> None:
    AssetDirectory.open(old_assets_db).close()
    columns = set(sqlite_utils.Database(old_assets_db)[TABLE].columns_dict)
    missing = {f.name for f in fields(Asset)} - columns
    assert not missing, f"add a migration in cpi_chat/assets/migrations.py for {sorted(missing)}"


def test_an_old_directory_can_be_searched_and_changed_after_the_upgrade(old_assets_db: Path) -> None:
    directory = AssetDirectory.open(old_assets_db)
    assert directory.search("footy")[0].asset.id in {"walking-football-riverside", "inclusive-football-all-stars"}
    directory.upsert(Asset("chess-club", "Chess Club", "neighbourhood", notes="Ask for Pat"))
    directory.close()
    reopened = AssetDirectory.open(old_assets_db)
    chess = reopened.get("chess-club")
    assert chess is not None and chess.notes == "Ask for Pat"
    assert reopened.search("chess")[0].asset.id == "chess-club"
    reopened.close()


def test_an_old_directory_still_works_after_a_later_migration_adds_a_field(old_assets_db: Path) -> None:
    later = Migrations(migrations.name)
    later._migrations.extend(migrations._migrations)

    @later()
    def m900_website(db: sqlite_utils.Database) -> None:
        db.table(TABLE).add_column("website", str, not_null_default="")

    AssetDirectory.open(old_assets_db).close()
    db = sqlite_utils.Database(sqlite3.connect(old_assets_db))
    later.apply(db)
    db.execute(f"update {TABLE} set website = 'https://example.org/kick' where id = 'kick-boxing-class'")
    db.conn.commit()
    db.close()

    directory = AssetDirectory.open(old_assets_db)
    assert directory.count() == 32
    assert directory.search("kick boxing")[0].asset.id == "kick-boxing-class"
    directory.upsert(Asset("chess-club", "Chess Club", "neighbourhood"))
    directory.mark_verified("kick-boxing-class", directory.get("kick-boxing-class").last_verified)  # type: ignore[union-attr]
    assert directory.get("chess-club") is not None
    directory.close()
    kept = sqlite_utils.Database(old_assets_db).execute(f"select website from {TABLE} where id = 'kick-boxing-class'").fetchone()
    assert kept == ("https://example.org/kick",)
