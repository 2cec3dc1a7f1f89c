"""Opening people.db: how a front end is asked for the passphrase of an encrypted file, and file trouble in words."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cpi_chat.records import db  # light: the standard library only, no sqlite-utils

if TYPE_CHECKING:
    from cpi_chat.paths import Paths

PASSPHRASE_ENV = db.PASSPHRASE_ENV
LOST_PASSPHRASE = db.LOST_PASSPHRASE


def make_data_folder(paths: Paths) -> None:
    """Create a new data folder owner-only (0700) before any store puts a file in it; an existing one is left as it is."""
    from cpi_chat.private_files import make_private_folder

    if paths.data_dir.exists():
        return
    with contextlib.suppress(OSError):  # the command itself says what is wrong when it opens its file
        make_private_folder(paths.data_dir)


def ask_for_passphrase_with(ask: Callable[[Path], str] | None) -> None:
    """How to ask for the passphrase of an encrypted people.db (None: never ask, use the environment variable)."""
    db.set_passphrase_prompt(ask)


def new_file_will_be_encrypted(paths: Paths) -> bool:
    """Whether a people.db about to be made will be encrypted (a passphrase is set and there is no file yet)."""
    return bool(os.environ.get(PASSPHRASE_ENV)) and not paths.people_db.exists()


def file_errors() -> tuple[type[Exception], ...]:
    """The errors a records file can raise that no action turned into a sentence (for a front end's last line of defence)."""
    return db.database_errors()


def file_trouble_in_words(error: Exception) -> str:
    """A stray SQLite error (full disk, damage, a lock) as one sentence a worker can act on, with no personal data."""
    return str(db.describe_sqlite_error(error, "A cpi-chat data file"))
