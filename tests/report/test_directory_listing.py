"""The report counts the directory's groups by domain and area: retired ones left out, an earlier release's file read too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from cpi_chat import records
from cpi_chat.actions import report
from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.model import Asset
from cpi_chat.paths import resolve_paths
from cpi_chat.report.gather import DirectoryListing
from cpi_chat.workspace import Workspace

EARLIER_ASSETS_DB = Path(__file__).parents[1] / "fixtures" / "databases" / "assets.db"  # before assets could be retired


def _listing(data: Path, assets_db: Path) -> DirectoryListing:
    workspace = Workspace(resolve_paths(data_dir=data, assets_db=assets_db, environ={}))
    try:
        return report.directory_listing(workspace)
    finally:
        workspace.close()


def test_a_retired_group_is_not_counted_and_a_group_in_two_areas_is_in_both(tmp_path: Path) -> None:
    directory = AssetDirectory.open(tmp_path / "assets.db")
    directory.upsert(Asset("bells", "Bell ringers", "religious-cultural", area="Riverside; Northgate"))
    directory.upsert(Asset("gone", "Old choir", "arts-crafts", area="Riverside", status="retired"))
    directory.upsert(Asset("nowhere", "Walkers", "sport"))
    directory.close()
    listing = _listing(tmp_path / "data", tmp_path / "assets.db")
    assert [(g.id, g.domain, g.areas) for g in listing.groups] == [
        ("bells", "Religious and Cultural Groups", ("Riverside", "Northgate")), ("nowhere", "Sport", ("No area given",))]
    assert len(listing.domains) == 10


def test_a_directory_from_an_earlier_release_is_counted_in_full(tmp_path: Path) -> None:
    shutil.copyfile(EARLIER_ASSETS_DB, tmp_path / "assets.db")
    listing = _listing(tmp_path / "data", tmp_path / "assets.db")
    assert len(listing.groups) == 32
    assert "kick-boxing-class" in {group.id for group in listing.groups}


def test_the_report_reads_the_directory_without_loading_the_directorys_editing_tools(tmp_path: Path) -> None:
    """sqlite-utils brings numpy with it, which once cost the report more than reading every group."""
    shutil.copyfile(EARLIER_ASSETS_DB, tmp_path / "assets.db")
    _listing(tmp_path / "data", tmp_path / "assets.db")  # brought up to date once, as any earlier file is
    records.open_people_db(tmp_path / "data" / "people.db").close()  # people.db made before, as a worker's is
    code = ("import sys\nfrom cpi_chat.cli import cli\n"
            f"cli.main(['--data-dir', {str(tmp_path / 'data')!r}, '--assets-db', {str(tmp_path / 'assets.db')!r}, 'report', "
            f"'--from', '2027-01-01', '--to', '2027-03-31', '--out', {str(tmp_path / 'report.html')!r}], standalone_mode=False)\n"
            "print(sorted(m for m in ('sqlite_utils', 'numpy', 'rapidfuzz') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout
    assert "Sport" in (tmp_path / "report.html").read_text(encoding="utf-8")
