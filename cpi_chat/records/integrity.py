"""Knowing people.db is sound without reading all of it on every open, and when a backup has nothing new to copy.

`PRAGMA quick_check` reads every page, so its cost grows with the file (about 0.3 s at 40 MB). Beside
people.db cpi-chat keeps `people.db.checked`: the file's size, modification time and first page as
they were when cpi-chat last checked it in full or last closed it with no other program having
written meanwhile, and as they were when it was last backed up. It holds no personal data.

When people.db still matches, opening it runs only checks that cost the same at any size (the
header agrees with the file's length, the schema can be read); when it does not (a first open,
another program wrote to it, a crash, a restore, damage), the full check runs as before. Every
backup is fully checked as it is made, so damage that leaves size, time and first page alike is
still found there.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import zlib
from pathlib import Path
from typing import Any

from cpi_chat.errors import CpiChatError

STATE_MARK = "cpi-chat people.db checked"
FIRST_PAGE = 4096  # the header and the schema's first page; it changes with every change saved (SQLite's change counter)
HEADER = b"SQLite format 3\x00"
_lock = threading.Lock()


def state_file(path: Path) -> Path:
    """Where what cpi-chat last knew about people.db is kept."""
    return path.with_name(path.name + ".checked")


def file_signature(path: Path) -> str:
    """The file's size, change time and first page, in one string ('' when it cannot be read)."""
    try:
        found = os.stat(path)
        with open(path, "rb") as handle:
            first = handle.read(FIRST_PAGE)
    except OSError:
        return ""
    # A CRC is enough beside the size and the time to the nanosecond, and zlib is already loaded where hashlib's
    # OpenSSL would add 4 ms to every command; a signature kept in the older form simply differs once (one full check).
    return f"{found.st_size}:{found.st_mtime_ns}:{found.st_ino}:{zlib.crc32(first):08x}"


def _read_state(path: Path) -> dict[str, str]:
    try:
        state = json.loads(state_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) and state.get("format") == STATE_MARK else {}


def _write_state(path: Path, **changes: str) -> None:
    from cpi_chat.private_files import write_private_file

    with _lock:
        known = _read_state(path)
        state = {**known, **changes, "format": STATE_MARK}
        if state == known:  # as it was (a command that only read): no write, so reading stays a read
            return
        with contextlib.suppress(CpiChatError, OSError):  # not written: the next open checks in full, nothing worse
            # Not flushed to disk: lost in a power cut, it costs one full check, and a command would wait for the flush.
            write_private_file(state_file(path), json.dumps(state, indent=1), replaces=STATE_MARK, durable=False)


def is_as_last_checked(path: Path) -> bool:
    """Whether people.db is exactly as cpi-chat last knew it sound."""
    known = _read_state(path).get("checked", "")
    return bool(known) and known == file_signature(path)


def remember_checked(path: Path) -> None:
    """Keep the file as it is now as known sound (after a full check, or closing with only our own changes)."""
    if signature := file_signature(path):
        _write_state(path, checked=signature)


def is_as_last_backed_up(path: Path) -> bool:
    """Whether people.db is exactly as it was when the newest backup was made (so a new one would copy nothing new)."""
    known = _read_state(path).get("backed_up", "")
    return bool(known) and known == file_signature(path)


def remember_backed_up(path: Path, signature: str) -> None:
    """Keep the file's signature from just before a backup that was made and checked."""
    if signature:
        _write_state(path, backed_up=signature)


def header_agrees_with_length(path: Path) -> bool:
    """A plain file's header says how many pages it has; a file shorter than that has been cut off."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        size = os.path.getsize(path)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(HEADER):
        return True  # empty, encrypted, or not a database at all: opening it says which
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[92:96] == header[24:28]  # the page count is kept up to date only when these agree
    return not (valid and pages and size < pages * page_size)


class CheckedOnClose:
    """Mixed into people.db's connection: on closing, remember the file as sound if no other connection wrote meanwhile."""

    checked_path: Path | None = None
    data_version: int | None = None

    def watch(self, path: Path) -> None:
        """Start watching: SQLite's data_version changes only when another connection commits."""
        self.checked_path = path
        self.data_version = self.execute("PRAGMA data_version").fetchone()[0]  # type: ignore[attr-defined]

    def close(self) -> None:
        path, self.checked_path = self.checked_path, None
        unchanged = False
        if path is not None:
            try:
                unchanged = (not self.in_transaction  # type: ignore[attr-defined]
                             and self.execute("PRAGMA data_version").fetchone()[0] == self.data_version)  # type: ignore[attr-defined]
            except sqlite3.Error:
                unchanged = False
        super().close()  # type: ignore[misc]
        if unchanged and path is not None:
            remember_checked(path)


class CheckedConnection(CheckedOnClose, sqlite3.Connection):
    """A plain sqlite3 connection to people.db that remembers the file as sound when closed."""


def checked_connection_class(base: type[Any]) -> type[Any]:
    """The same for another DB-API connection class (sqlcipher's)."""
    return base if issubclass(base, CheckedOnClose) else type("CheckedCipherConnection", (CheckedOnClose, base), {})
