"""Every file cpi-chat writes that may hold personal data is owner-only whatever the umask, never written through a
link, and never over a file it did not write: checked through the commands and the app's actions, not only the writer."""

from __future__ import annotations

import os
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.actions import plan as plan_actions
from cpi_chat.paths import resolve_paths
from cpi_chat.workspace import Workspace
from tests.running import cpi_chat_command

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and links")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def run_with_umask(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """cpi-chat run as a user whose umask is 000 (everything they make is open to everyone unless a program says not)."""
    return subprocess.run(cpi_chat_command("--data-dir", str(data), *args), capture_output=True, text=True, timeout=120,
                          check=False, preexec_fn=lambda: os.umask(0))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Workspace(resolve_paths(data_dir=folder, environ={})) as workspace:
        person = records.add_person(workspace.db, "Sam Example")
        records.add_goal(workspace.db, person.id, "commitment", "Kick-boxing class", how_often="every week")
    return folder


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """Someone's own file, readable by all, that a link might point at."""
    path = tmp_path / "someone-elses.txt"
    path.write_text("their own words\n")
    path.chmod(0o644)
    return path


def test_a_subject_access_export_under_umask_000_makes_an_owner_only_folder_and_files(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "sam"
    done = run_with_umask(data, "person", "export", "Sam Example", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert mode(out) == 0o700 and mode(out.parent) == 0o700
    assert sorted(mode(f) for f in out.iterdir()) == [0o600, 0o600]


def test_a_link_planted_at_the_exports_predictable_name_is_refused_and_its_target_untouched(
        data: Path, tmp_path: Path, victim: Path) -> None:
    out = tmp_path / "shared"
    out.mkdir()
    (out / f"person-1-{date.today().isoformat()}.json").symlink_to(victim)
    done = run_with_umask(data, "person", "export", "Sam Example", "--out", str(out))
    assert done.returncode == 1 and "is a link" in done.stderr
    assert victim.read_text() == "their own words\n" and mode(victim) == 0o644
    assert not list(out.glob("*.html")), "nothing written when either name is refused"


def test_a_plan_written_with_out_never_goes_through_a_link_or_changes_its_targets_mode(
        data: Path, tmp_path: Path, victim: Path) -> None:
    link = tmp_path / "plan.ics"
    link.symlink_to(victim)
    done = run_with_umask(data, "goals", "export", "Sam Example", "--format", "ics", "--out", str(link))
    assert done.returncode == 1 and "link" in done.stderr
    assert victim.read_text() == "their own words\n" and mode(victim) == 0o644 and link.is_symlink()


def test_a_plan_written_with_out_never_replaces_a_file_it_did_not_write(data: Path, victim: Path) -> None:
    done = run_with_umask(data, "goals", "export", "Sam Example", "--format", "md", "--out", str(victim))
    assert done.returncode == 1 and "was not written by cpi-chat" in done.stderr
    assert victim.read_text() == "their own words\n"


def test_the_apps_plan_page_and_the_backups_are_owner_only_under_umask_000(data: Path) -> None:
    previous = os.umask(0)
    try:
        with Workspace(resolve_paths(data_dir=data, environ={})) as workspace:
            page = plan_actions.save_plan_page(workspace, 1)
        backup = records.rolling_backup(data / "people.db", data / "backups")
    finally:
        os.umask(previous)
    assert mode(page.parent) == 0o700 and mode(page) == 0o600
    assert backup is not None and mode(backup.parent) == 0o700 and mode(backup) == 0o600
