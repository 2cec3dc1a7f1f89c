"""What the data protection law asks of people's records: everything held about a person, erasing them, restoring."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.records.backup import RestoreResult
    from cpi_chat.workspace import Workspace

NO_BACKUPS = "There are no backups in {folder}, so nothing was changed."


@dataclass(frozen=True)
class Erased:
    """What erasing a person reached: the backups scrubbed or deleted, the plan page deleted, copies left to check."""

    person_id: int
    backups_scrubbed: tuple[Path, ...]
    backups_removed: tuple[Path, ...]
    not_scrubbed: tuple[Path, ...]
    plan_page_removed: Path | None
    unfinished: str = ""  # one sentence when a step could not be done now: it is finished at the next start


def export_everything(workspace: Workspace, person_id: int, out_dir: Path) -> tuple[Path, Path]:
    """Write everything held about the person (private notes included) as JSON and HTML, owner-only; audited."""
    return records.write_export(workspace.db, person_id, out_dir)


def erase(workspace: Workspace, person_id: int) -> Erased:
    """Remove the person and everything linked to them from people.db, its backups and the saved plan page, for good."""
    paths = workspace.paths
    workspace.close_people()  # the file is rebuilt without the person's pages (VACUUM): nothing of ours may hold it open
    report = records.erase_person(paths.people_db, person_id, backups_dir=paths.backups_dir,
                                  also_delete=workspace.person_files(person_id))
    return Erased(person_id, tuple(report.backups_scrubbed), tuple(report.backups_removed), tuple(report.not_scrubbed),
                  next(iter(report.files_removed), None), report.unfinished)


def erasures_finished_on_opening(workspace: Workspace) -> list[int]:
    """The people whose erasure had not finished before, and was finished when people.db was opened this run."""
    return list(workspace.erasures_finished)


def newest_backup(workspace: Workspace) -> Path:
    """The newest rolling backup of people.db, refused kindly when there is none."""
    folder = workspace.paths.backups_dir
    found = records.list_backups(folder)
    if not found:
        raise Refused(NO_BACKUPS.format(folder=folder))
    return found[0]


def restore_latest(workspace: Workspace) -> RestoreResult:
    """Put the newest sound backup in place of people.db; the file it replaces is kept aside, never deleted."""
    newest_backup(workspace)
    folder = workspace.paths.backups_dir
    workspace.close_people()  # people.db must not be held open while another file takes its place
    return records.restore_latest(workspace.paths.people_db, folder)
