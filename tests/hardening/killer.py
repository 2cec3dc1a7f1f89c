"""Run cpi-chat under attack: kill -9 just before the Nth SQL statement (KILL_AT_STATEMENT; COUNT_FILE gets the total),
or with every file allowed to grow by only FULL_DISK_EXTRA_PAGES pages (SQLite then fails as on a full disk)."""

from __future__ import annotations

import atexit
import os
import signal
import sqlite3
import sys

limit = int(os.environ.get("KILL_AT_STATEMENT", "0"))
extra_pages = os.environ.get("FULL_DISK_EXTRA_PAGES")
count = 0
real_connect = sqlite3.connect


def _trace(_statement: str) -> None:
    global count
    count += 1
    if limit and count >= limit:
        os.kill(os.getpid(), signal.SIGKILL)


def traced_connect(*args, **kwargs):  # type: ignore[no-untyped-def]
    conn = real_connect(*args, **kwargs)
    conn.set_trace_callback(_trace)
    if extra_pages is not None:
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count={pages + int(extra_pages)}")
    return conn


def _write_count() -> None:
    if os.environ.get("COUNT_FILE"):
        with open(os.environ["COUNT_FILE"], "w") as out:
            out.write(str(count))


sqlite3.connect = traced_connect  # type: ignore[assignment]
atexit.register(_write_count)

if __name__ == "__main__":
    from cpi_chat.cli import cli

    try:
        cli.main(args=sys.argv[1:], prog_name="cpi-chat", standalone_mode=True)
    finally:
        _write_count()
