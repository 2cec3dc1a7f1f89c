"""The record of erasures, beside people.db: ids only, so an erasure that could not finish is finished later.

An erasure is written here (as unfinished) before anything is removed, and marked finished only when people.db,
its backups and the person's files have all been dealt with. Opening the records finishes any that are not,
and `restore` takes every erased person out of the backup it puts back, so a restore never brings one back.
The file holds ids, never names or words; it survives a restore because it is not inside people.db.
"""

from __future__ import annotations

from pathlib import Path

from cpi_chat.errors import RecordsError

LEDGER_SUFFIX = ".erasures"
MARK = "# cpi-chat: people erased from this file (ids only)"
UNFINISHED, FINISHED = "unfinished", "finished"


def ledger_path(db_path: Path) -> Path:
    """Where the record of erasures for this people.db is kept."""
    return db_path.with_name(db_path.name + LEDGER_SUFFIX)


def read_ledger(db_path: Path) -> dict[int, str]:
    """Each person id erased from this file, with whether their erasure finished (an empty record when none)."""
    try:
        text = ledger_path(db_path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise RecordsError(f"{ledger_path(db_path)} could not be read ({error.strerror}); nothing was changed.") from None
    ledger: dict[int, str] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isdecimal() and parts[1] in (UNFINISHED, FINISHED):
            ledger[int(parts[0])] = parts[1]
    return ledger


def unfinished_erasures(db_path: Path) -> list[int]:
    """The people whose erasure began but did not finish (the file is read only when it exists, so a start stays quick)."""
    if not ledger_path(db_path).exists():
        return []
    return sorted(person for person, state in read_ledger(db_path).items() if state == UNFINISHED)


def note_erasure(db_path: Path, person_id: int, state: str) -> None:
    """Write that this person's erasure is unfinished (before anything is removed) or finished (after everything is)."""
    from cpi_chat.private_files import write_private_file

    ledger = read_ledger(db_path)
    ledger[person_id] = state
    lines = [MARK, *(f"{person} {ledger[person]}" for person in sorted(ledger))]
    try:
        write_private_file(ledger_path(db_path), "\n".join(lines) + "\n", replaces=MARK)
    except OSError as error:
        raise RecordsError(f"The record of erasures could not be written beside {db_path.name} ({error.strerror}; the disk "
                           "may be full), so nothing was erased; free some space and try again.") from None
