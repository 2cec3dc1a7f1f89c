"""The one way cpi-chat writes a file that may hold personal data: owner-only, all at once, never over another's file.

Backups, restores, exports, plan pages and every `--out` go through `private_file`:

- the content is written to a temporary file beside the target and put in place in one step, so a
  half-written file never replaces a good one;
- the file is owner-only (0600) whatever the umask, and a folder made for it is 0700;
- a symbolic link at the target is refused, never followed (a rename would not follow it either);
- an existing file is replaced only when it carries `replaces`, the mark every file of that kind
  made by cpi-chat holds (a plan page's title, an export's format line); anything else is refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from cpi_chat.errors import Refused

# The mark is looked for near the start of an existing file: every mark we use sits in its first lines.
MARK_WITHIN_BYTES = 8192
TEMPORARY_PREFIX = ".cpi-chat-"


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """New files and folders made inside this block are readable by their owner only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def make_private_folder(folder: Path, tighten: bool = False) -> None:
    """Create `folder` (and missing parents) owner-only; with `tighten`, make an existing one owner-only again."""
    if not folder.is_dir():
        with private_umask():
            folder.mkdir(parents=True, mode=0o700, exist_ok=True)
        tighten = True
    if tighten:
        os.chmod(folder, 0o700)


def may_replace(path: Path, replaces: str | None) -> None:
    """Refuse, in one sentence, to put a new file at `path` when a link, a folder or a file not made by cpi-chat is there."""
    try:
        found = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(found.st_mode):
        raise Refused(f"{path} is a link to another file, so nothing was written there; choose another name.")
    if not stat.S_ISREG(found.st_mode):
        raise Refused(f"{path} is not an ordinary file, so nothing was written there; choose another name.")
    if replaces is None or not _holds_mark(path, replaces):
        raise Refused(f"{path} already exists and was not written by cpi-chat, so it was left as it is; "
                      "choose another name, or move that file first.")


def _holds_mark(path: Path, mark: str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(MARK_WITHIN_BYTES)
    except OSError:
        return False
    return mark.encode("utf-8") in head


@contextlib.contextmanager
def private_file(path: Path, replaces: str | None = None, durable: bool = True) -> Iterator[Path]:
    """A new owner-only file beside `path` to fill inside the block; it takes `path`'s place in one step at the end.

    `replaces` is the mark an existing file at `path` must hold to be replaced (None: never replace).
    `durable=False` skips flushing it to disk first, for a file whose loss in a power cut costs nothing but time.
    If the block fails, the temporary file is removed and `path` is left as it was.
    """
    path = Path(path)
    may_replace(path, replaces)
    make_private_folder(path.parent)
    handle, temporary = _new_temporary_file(path.parent)
    try:
        os.fchmod(handle, 0o600)  # made 0600 less the umask; a strange umask must not leave it unreadable or open
        os.close(handle)
        with private_umask():  # anything made beside it while filling (an SQLite journal) is owner-only too
            yield temporary
        if durable:
            _flush_to_disk(temporary)
        may_replace(path, replaces)  # checked again: the block may have taken a while
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _new_temporary_file(folder: Path) -> tuple[int, Path]:
    """A new file in `folder` that no one else made, open for writing: tempfile.mkstemp's one job.

    Written out because importing tempfile loads shutil, random, bz2 and lzma: 5 ms on every `cpi-chat checkin`.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = folder / f"{TEMPORARY_PREFIX}{os.urandom(8).hex()}.tmp"
        try:
            return os.open(temporary, flags, 0o600), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"No new temporary file could be made in {folder}.")


def _flush_to_disk(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_private_file(path: Path, content: str | bytes, replaces: str | None = None, durable: bool = True) -> Path:
    """Write `content` (text as UTF-8, line endings kept) to `path` through `private_file`; returns `path`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with private_file(path, replaces, durable) as temporary:
        temporary.write_bytes(data)
    return Path(path)
