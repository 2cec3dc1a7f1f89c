"""The one place people.db is opened: file modes, pragmas, migrations, transactions and damage checks."""

from __future__ import annotations

import contextlib
import functools
import getpass
import itertools
import os
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from cpi_chat.errors import RecordsError
from cpi_chat.private_files import make_private_folder, private_umask

if TYPE_CHECKING:  # sqlite-utils is imported only when records are written or read through it
    from cpi_chat.records.people_database import PeopleDatabase

DEFAULT_BUSY_SECONDS = 5.0
RESTORE_HINT = "restore the latest backup with `cpi-chat restore`"

P = ParamSpec("P")
R = TypeVar("R")
_savepoint_numbers = itertools.count(1)


def now_utc() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def os_user() -> str:
    """The operating-system account doing the work, for the audit trail."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers and services
        return f"uid-{os.getuid()}" if hasattr(os, "getuid") else "unknown"


def describe_sqlite_error(error: Exception, path: Path | str, busy_seconds: float = DEFAULT_BUSY_SECONDS) -> RecordsError:
    """Turn a sqlite3 error into one sentence a worker can act on (never personal data)."""
    text = str(error).lower()
    name = Path(path).name
    if "locked" in text or "busy" in text:
        return RecordsError(
            f"{name} stayed busy for more than {busy_seconds:g} seconds because another cpi-chat "
            "is using it; close the other cpi-chat window and try again."
        )
    if "readonly" in text or "read-only" in text:
        return RecordsError(f"{path} is read-only, so nothing can be saved; make it writable again (chmod u+w) and try again.")
    if "not a database" in text and looks_encrypted(Path(path)) and not os.environ.get(PASSPHRASE_ENV) and _cipher_module():
        return RecordsError(f"{path} cannot be read: if it is encrypted, set {PASSPHRASE_ENV}; if not, it is damaged, so {RESTORE_HINT}.")
    if "not a database" in text or "malformed" in text or "corrupt" in text or "encrypted" in text:
        return RecordsError(f"{path} is damaged and cannot be read; nothing was changed, so {RESTORE_HINT}.")
    if "disk i/o" in text or "full" in text:
        return RecordsError(f"{path} could not be written (the disk may be full or failing); nothing was half-saved, so free some space and try again.")
    if "unable to open" in text:
        return RecordsError(f"{path} could not be opened; check that its folder exists and that you are allowed to use it.")
    return RecordsError(f"{path} could not be used ({type(error).__name__}); nothing was half-saved, so try again or {RESTORE_HINT}.")


def guarded(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate a records function taking the db first, so SQLite trouble becomes one RecordsError sentence."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
            raise  # a bug in our code, not damage to the file: let it surface as one
        except database_errors() as error:
            db = args[0] if args else None
            path = getattr(db, "path", db if isinstance(db, (str, Path)) else "people.db")
            busy = getattr(db, "busy_seconds", DEFAULT_BUSY_SECONDS)
            raise describe_sqlite_error(error, path, busy) from None

    return wrapper


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and missing parents) as 0700; a folder that exists keeps its mode."""
    try:
        make_private_folder(folder)
    except OSError as error:
        raise RecordsError(
            f"The folder {folder} could not be created ({error.strerror}); choose another with --data-dir "
            "or ask whoever looks after this computer."
        ) from None


def _is_read_only(path: Path) -> bool:
    # The owner-write bit is checked as well as os.access, because root may write to anything.
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not os.access(path, os.W_OK) or not mode & stat.S_IWUSR


def _has_backups(backups_dir: Path) -> bool:
    return backups_dir.is_dir() and any(backups_dir.glob("people-*.db"))


def check_file_before_open(path: Path, backups_dir: Path) -> None:
    """Refuse, with one sentence, to open a file that is read-only, in a read-only folder, or lost."""
    if path.is_dir():
        raise RecordsError(f"{path} is a folder, not a records file; choose another place with --data-dir.")
    if _is_read_only(path.parent):
        raise RecordsError(f"The folder {path.parent} is read-only, so records cannot be saved there; make it writable again (chmod u+w) and try again.")
    if path.exists() and _is_read_only(path):
        raise RecordsError(f"{path} is read-only, so nothing can be saved; make it writable again (chmod u+w) and try again.")
    lost = not path.exists() or path.stat().st_size == 0
    if lost and _has_backups(backups_dir):
        # Starting an empty file here would hide that the real one has gone missing.
        raise RecordsError(f"{path} is missing or empty although backups exist; {RESTORE_HINT}.")


PASSPHRASE_ENV = "CPI_CHAT_PASSPHRASE"
PLAIN_HEADER = b"SQLite format 3\x00"
LOST_PASSPHRASE = "a lost passphrase means the records are lost: nobody can open the file without it"
_passphrase_prompt: list[Callable[[Path], str]] = []
_remembered: dict[Path, str] = {}


def set_passphrase_prompt(ask: Callable[[Path], str] | None) -> None:
    """Let an interface ask for the passphrase of an encrypted people.db (the CLI asks without echo)."""
    _passphrase_prompt.clear()
    if ask is not None:
        _passphrase_prompt.append(ask)


def looks_encrypted(path: Path) -> bool:
    """Whether the file has content that does not start as a plain SQLite file does (encrypted, or not a database)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(PLAIN_HEADER))
    except OSError:
        return False
    return bool(head) and head != PLAIN_HEADER


def _cipher_module() -> ModuleType | None:
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped]
    except ImportError:
        return None
    return dbapi2


def database_errors() -> tuple[type[Exception], ...]:
    """The exception classes a records connection can raise: sqlite3's, and sqlcipher3's when it is in use."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error, cipher.Error) if cipher is not None else (sqlite3.Error,)


def passphrase_for(path: Path) -> str | None:
    """The passphrase for this file: CPI_CHAT_PASSPHRASE, else asked for if the file is encrypted, else None."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    key = Path(path).resolve().parent
    if key in _remembered:
        return _remembered[key]
    if not looks_encrypted(path) or _cipher_module() is None or not _passphrase_prompt:
        return None
    answer = _passphrase_prompt[0](Path(path))
    _remembered[key] = answer  # one question per run, for the file and its backups
    return answer


def connect(path: Path, busy_seconds: float, read_only: bool = False, watched: bool = False) -> sqlite3.Connection:
    """Open the raw connection to a records file: the single place where encryption (sqlcipher3) comes in.

    A `watched` connection (people.db itself) remembers the file as sound when it closes, if nobody else wrote to it.
    """
    from cpi_chat.records.integrity import CheckedConnection, checked_connection_class

    path = Path(path)
    target, uri = (f"{path.resolve().as_uri()}?mode=ro", True) if read_only else (str(path), False)
    passphrase = passphrase_for(path)
    if passphrase is None:
        if watched:
            return sqlite3.connect(target, timeout=busy_seconds, uri=uri, factory=CheckedConnection)
        return sqlite3.connect(target, timeout=busy_seconds, uri=uri)  # no factory named, so a test may put its own
    cipher = _cipher_module()
    if cipher is None:
        raise RecordsError(
            f"A passphrase was given but encryption is not installed; install cpi-chat with the encryption extra, or unset {PASSPHRASE_ENV}."
        )
    if path.exists() and path.stat().st_size > 0 and not looks_encrypted(path):
        raise RecordsError(f"{path.name} is not encrypted, so it cannot be opened with a passphrase; unset {PASSPHRASE_ENV} to open it.")
    conn = cipher.connect(target, timeout=busy_seconds, uri=uri,
                          **({"factory": checked_connection_class(cipher.Connection)} if watched else {}))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except cipher.DatabaseError:
        conn.close()
        _remembered.clear()
        raise RecordsError(
            f"{path.name} could not be opened with that passphrase; check it and try again, or if the file is damaged, {RESTORE_HINT}."
        ) from None
    return conn  # type: ignore[no-any-return]


def apply_pragmas(conn: sqlite3.Connection, busy_seconds: float) -> None:
    """Settings every connection to people.db must have."""
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={int(busy_seconds * 1000)}")
    conn.execute("PRAGMA secure_delete=ON")  # deleted text is overwritten, not left in free pages


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """The full check when the file is not as cpi-chat last knew it sound; else checks that cost the same at any size."""
    from cpi_chat.records.integrity import (
        header_agrees_with_length,
        is_as_last_checked,
        remember_checked,
    )

    damaged = RecordsError(f"{path} is damaged and cannot be trusted; nothing was changed, so {RESTORE_HINT}.")
    if not header_agrees_with_length(path):
        raise damaged
    if is_as_last_checked(path):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the schema can still be read
        return
    if [row[0] for row in conn.execute("PRAGMA quick_check")] != ["ok"]:
        raise damaged
    remember_checked(path)


def _use_rollback_journal(conn: sqlite3.Connection) -> None:
    # WAL adds -wal/-shm files that complicate erasure and break on network shares.
    (mode,) = conn.execute("PRAGMA journal_mode").fetchone()
    if str(mode).lower() != "delete":
        conn.execute("PRAGMA journal_mode=DELETE")


def open_people_connection(path: Path, *, busy_seconds: float = DEFAULT_BUSY_SECONDS, backups_dir: Path | None = None) -> sqlite3.Connection:
    """Open (creating if new) people.db as a checked sqlite3 connection: private file modes, pragmas, integrity."""
    path = Path(path)
    ensure_private_dir(path.parent)
    check_file_before_open(path, backups_dir if backups_dir is not None else path.parent / "backups")
    conn: sqlite3.Connection | None = None
    try:
        with private_umask():
            conn = connect(path, busy_seconds, watched=True)
            apply_pragmas(conn, busy_seconds)
            _check_integrity(conn, path)
            os.chmod(path, 0o600)
            _use_rollback_journal(conn)
            conn.watch(path)  # type: ignore[attr-defined]
    except database_errors() as error:
        if conn is not None:
            conn.close()
        raise describe_sqlite_error(error, path, busy_seconds) from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn


def open_people_db(path: Path, *, busy_seconds: float = DEFAULT_BUSY_SECONDS, backups_dir: Path | None = None,
                   connection: sqlite3.Connection | None = None) -> PeopleDatabase:
    """people.db with every migration applied (over `connection` when it is already open); sqlite-utils only if one is missing."""
    from cpi_chat.records.lasting_ids import never_reuse_ids
    from cpi_chat.records.people_database import PeopleDatabase
    from cpi_chat.records.roster import schema_is_current

    path = Path(path)
    conn = connection or open_people_connection(path, busy_seconds=busy_seconds, backups_dir=backups_dir)
    try:
        with private_umask():
            db = PeopleDatabase(conn, path, busy_seconds, backups_dir if backups_dir is not None else path.parent / "backups")
            if not schema_is_current(conn):
                from cpi_chat.records.migrations import migrations

                migrations.apply(db.utils)
            never_reuse_ids(conn)  # also tables a later migration adds, or sqlite-utils rebuilds
    except database_errors() as error:
        conn.close()
        raise describe_sqlite_error(error, path, busy_seconds) from None
    except BaseException:
        conn.close()
        raise
    return db


@contextlib.contextmanager
def transaction(db: PeopleDatabase) -> Iterator[PeopleDatabase]:
    """All writes inside happen together or not at all; nested blocks become SAVEPOINTs."""
    conn = db.conn
    path = getattr(db, "path", "people.db")
    busy = getattr(db, "busy_seconds", DEFAULT_BUSY_SECONDS)
    try:
        if conn.in_transaction:
            name = f"cpi_chat_{next(_savepoint_numbers)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield db
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        # IMMEDIATE takes the write lock at once, so two processes wait for each other
        # (busy timeout) instead of failing when a read lock would need upgrading.
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        try:
            conn.commit()
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
    except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise
    except database_errors() as error:
        raise describe_sqlite_error(error, path, busy) from None


def write_audit(db: PeopleDatabase | sqlite3.Connection, action: str, table: str, record_id: int | None) -> None:
    """Append one audit row (time, OS user, action, table, record id): never any content."""
    db.execute(
        "INSERT INTO audit (at, os_user, action, table_name, record_id) VALUES (?, ?, ?, ?, ?)",
        [now_utc(), os_user(), action, table, record_id],
    )
