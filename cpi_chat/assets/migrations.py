"""The assets.db schema as a list of migrations, applied in order by sqlite-utils' Migrations.

Never edit a migration that has shipped: add a new one. A new asset field is a field in
`assets/model.py` and a migration here that adds its column; `tests/assets/test_old_assets_db.py`
fails until both are written.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

from cpi_chat.assets.model import FIRST_RELEASE_COLUMNS, TABLE

migrations = Migrations("cpi_chat.assets")


@migrations()
def m001_assets(db: sqlite_utils.Database) -> None:
    """The first release's table; files made before assets.db had migrations already hold it."""
    if TABLE in db.table_names():
        return
    table = db.table(TABLE)
    table.create({name: str for name in FIRST_RELEASE_COLUMNS}, pk="id", not_null={"id", "name", "domain"})
    table.create_index(["area"], if_not_exists=True)
    table.create_index(["domain"], if_not_exists=True)


@migrations()
def m002_notes_guesses_feeds(db: sqlite_utils.Database) -> None:
    """The team's own notes, which fields were guessed, the feed an asset came from, and retired assets."""
    table = db.table(TABLE)
    for column, default in (("notes", ""), ("guessed", ""), ("origin", ""), ("status", "active")):
        if column not in table.columns_dict:
            table.add_column(column, str, not_null_default=default)
    table.create_index(["origin"], if_not_exists=True)


@migrations()
def m003_search_index(db: sqlite_utils.Database) -> None:
    """The search index (see assets/index_store.py) and a count of changes to tell when it is stale."""
    for statement in (
        (
            "create table search_term (id integer primary key, term text not null unique,"
            " frequency integer not null default 0, written integer not null default 0, positions blob, codes blob)"
        ),
        "create table search_recent (term_id integer not null, position integer not null, code integer not null)",
        "create index search_recent_by_term on search_recent (term_id, position)",
        "create table search_slot (position integer primary key, asset_id text not null, name text not null, alive integer not null)",
        "create index search_slot_by_asset on search_slot (asset_id)",
        "create index search_slot_dead on search_slot (position) where alive = 0",
        "create index search_slot_by_name on search_slot (name, position) where alive = 1",
        "create table search_spelling (id integer primary key, spelling text not null unique, terms text not null)",
        "create table search_gram (gram text primary key, spellings blob not null)",
        "create table search_gram_recent (gram text not null, spelling_id integer not null)",
        "create index search_gram_recent_by_gram on search_gram_recent (gram)",
        "create table search_state (key text primary key, value text not null)",
        "create table directory_version (id integer primary key check (id = 1), changes integer not null)",
        "insert into directory_version (id, changes) values (1, 0)",
    ):
        db.execute(statement)
    for event in ("insert", "update", "delete"):
        db.execute(
            f"create trigger assets_counted_on_{event} after {event} on {TABLE} "
            "begin update directory_version set changes = changes + 1 where id = 1; end"
        )


@migrations()
def m004_feed_pages_and_changes(db: sqlite_utils.Database) -> None:
    """Pages of a feed sync kept until it finishes (so it can carry on), and a log of who changed the directory."""
    db.execute("create table feed_page (origin text not null, page integer not null, body blob not null, primary key (origin, page))")
    db.table("directory_change").create(
        {"id": int, "at": str, "os_user": str, "action": str, "asset_id": str, "detail": str},
        pk="id", not_null={"at", "os_user", "action"},
    )
