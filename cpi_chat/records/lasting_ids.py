"""Ids that are never given out twice: after an erasure, someone added next never gets the erased person's ids.

SQLite gives a new row the largest id in its table plus one, so erasing the person (or the goals) with the
largest ids would hand those ids to the next ones added, whose subject access export would then carry the
erased person's audit rows. A table whose `id` is `AUTOINCREMENT` never reuses one. Each table with an
integer `id` (the audit trail aside) is rebuilt that way once, with its counter started past every id the
audit trail has seen, when people.db is opened: so are tables added later, or rebuilt by sqlite-utils.
"""

from __future__ import annotations

import re
import sqlite3

ID_COLUMN = re.compile(r'(\[id\]|"id"|\bid\b)(\s+INTEGER\s+PRIMARY\s+KEY)(?!\s+AUTOINCREMENT)', re.IGNORECASE)
LEFT_AS_THEY_ARE = ("audit",)  # append-only, guarded by triggers; its ids are never shown or exported as anyone's


def tables_reusing_ids(conn: sqlite3.Connection) -> list[str]:
    """Tables whose integer `id` would be given out again after the rows with the largest ids are deleted."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL").fetchall()
    return [name for name, sql in found
            if not name.startswith(("sqlite_", "_")) and name not in LEFT_AS_THEY_ARE and ID_COLUMN.search(sql)]


def never_reuse_ids(conn: sqlite3.Connection) -> None:
    """Rebuild each table that would reuse ids as AUTOINCREMENT (one transaction), counting on from the audit trail."""
    tables = tables_reusing_ids(conn)
    if not tables:
        return
    if conn.in_transaction:
        raise RuntimeError("never_reuse_ids must run outside a transaction (foreign keys are switched off meanwhile)")
    conn.execute("PRAGMA foreign_keys=OFF")  # the tables others point to are dropped and made again, with the same rows
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in tables:
                _rebuild(conn, table)
            if conn.execute("PRAGMA foreign_key_check").fetchall():
                raise sqlite3.IntegrityError("a rebuilt table lost a row another row points to")
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
    finally:
        conn.execute("PRAGMA foreign_keys=ON")


def count_past(conn: sqlite3.Connection, table: str, last_id: int) -> None:
    """Make sure `table` never hands out an id up to `last_id` (an erased person's, known from the erasure record)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        return
    updated = conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (last_id, table)).rowcount
    if not updated and last_id > 0:
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, last_id))


def _rebuild(conn: sqlite3.Connection, table: str) -> None:
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    extras = [row[0] for row in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL", (table,))]
    building = f"_cpi_chat_rebuilding_{table}"
    header = re.compile(r'^\s*CREATE\s+TABLE\s+(?:\[[^\]]+\]|"[^"]+"|\S+)', re.IGNORECASE)
    new_sql = header.sub(f'CREATE TABLE "{building}"', ID_COLUMN.sub(r"\1\2 AUTOINCREMENT", sql, count=1), count=1)
    conn.execute(new_sql)
    conn.execute(f'INSERT INTO "{building}" SELECT * FROM "{table}"')
    conn.execute(f'DROP TABLE "{table}"')
    conn.execute(f'ALTER TABLE "{building}" RENAME TO "{table}"')
    for statement in extras:
        conn.execute(statement)
    (seen,) = conn.execute(
        f"SELECT max(coalesce((SELECT max(id) FROM \"{table}\"), 0), "
        "coalesce((SELECT max(record_id) FROM audit WHERE table_name = ?), 0))", (table,)).fetchone()
    count_past(conn, table, int(seen))
