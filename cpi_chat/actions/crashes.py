"""When cpi-chat stops on something it did not expect: a note for whoever looks after it, kept private, with no one's words.

The note holds where the error happened (files, lines, functions and the code on those lines) and the kind
of error, never local variables and never the error's own message: both can hold a person's name, goals
or notes (a markup error quotes the text it could not read). It is written owner-only (0600) in the data
folder, so a crash never prints personal data to the terminal, and the note needs no erasing.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

CRASH_PREFIX = "crash-"
KEEP_NEWEST = 10


def write_crash_note(data_dir: Path, error: BaseException, where: str = "") -> Path | None:
    """Write what went wrong (no local variables, no message) to a new owner-only file in `data_dir`; None if it cannot."""
    from cpi_chat.private_files import make_private_folder, write_private_file

    moment = datetime.now(UTC)
    try:
        make_private_folder(data_dir)
        path = _unused(data_dir, moment)
        write_private_file(path, crash_note(error, where, moment))
        for old in sorted(data_dir.glob(f"{CRASH_PREFIX}*.txt"), reverse=True)[KEEP_NEWEST:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - the note is a courtesy: failing to write it must not hide the first error
        return None
    return path


def crash_note(error: BaseException, where: str, moment: datetime) -> str:
    """The note's text: versions, where it happened and the kinds of error, each frame as file, line, function and code."""
    import platform  # here: every command loads this module, and only a crash needs these
    import traceback

    lines = [
        f"cpi-chat {_version()} stopped on something it did not expect, at {moment:%Y-%m-%d %H:%M:%S} UTC.",
        f"Python {platform.python_version()} on {sys.platform}. {where}".rstrip(),
        "Local variables and the error's own words are left out: they can hold a person's words.",
        "",
    ]
    for link in _chain(error):
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append(f"{type(link).__module__}.{type(link).__qualname__}")
        lines.append("")
    return "\n".join(lines)


def _chain(error: BaseException) -> list[BaseException]:
    """The error and those it came from (its cause or context), oldest first, as Python prints them."""
    chain: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and link not in chain:
        chain.insert(0, link)
        link = link.__cause__ or (None if link.__suppress_context__ else link.__context__)
    return chain


def _unused(folder: Path, moment: datetime) -> Path:
    number = 0
    while (path := folder / f"{CRASH_PREFIX}{moment:%Y%m%dT%H%M%SZ}{f'-{number}' if number else ''}.txt").exists():
        number += 1
    return path


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cpi-chat")
    except PackageNotFoundError:
        return "(version unknown)"
