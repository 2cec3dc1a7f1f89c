"""The search index is saved inside assets.db: built on import, kept on edits, rebuilt only when stale, kill-safe."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.lexicon import Lexicon, Synonyms
from cpi_chat.assets.model import Asset

DATA = Path(__file__).parent / "data"


@pytest.fixture
def saved_town(tmp_path: Path, lexicon: Lexicon) -> Path:
    path = tmp_path / "assets.db"
    directory = AssetDirectory.open(path, lexicon=lexicon)
    directory.import_file(DATA / "mini_town.csv", bad_rows="refuse")
    directory.close()
    return path


def ids(directory: AssetDirectory, query: str) -> list[str]:
    return [hit.asset.id for hit in directory.search(query)]


def test_a_new_process_searches_the_saved_index_without_building_it(saved_town: Path, lexicon: Lexicon) -> None:
    directory = AssetDirectory.open(saved_town, lexicon=lexicon)
    assert directory.index_is_current()
    assert ids(directory, "footy")
    assert not directory.prepare_index()


def test_an_edit_made_with_another_tool_makes_the_index_stale_and_search_stays_right(saved_town: Path, lexicon: Lexicon) -> None:
    with sqlite3.connect(saved_town) as conn:
        conn.execute("update assets set name = 'Hollins Canoe Club', tags = 'canoeing' where id = 'mt-006'")
    directory = AssetDirectory.open(saved_town, lexicon=lexicon)
    assert not directory.index_is_current()
    assert ids(directory, "canoe") == ["mt-006"]
    assert directory.index_is_current()


def test_new_synonyms_make_the_index_stale(saved_town: Path, lexicon: Lexicon) -> None:
    other = Lexicon(lexicon.domains, Synonyms.from_mapping({"football": ["soccer", "footy", "kickabout"]}))
    assert not AssetDirectory.open(saved_town, lexicon=other).index_is_current()


def test_a_damaged_index_is_rebuilt_rather_than_giving_wrong_results(saved_town: Path, lexicon: Lexicon) -> None:
    with sqlite3.connect(saved_town) as conn:
        conn.execute("update search_term set positions = x'0102' where term = 'football'")
    directory = AssetDirectory.open(saved_town, lexicon=lexicon)
    assert set(ids(directory, "football")[:2]) == {"mt-001", "mt-002"}


def test_edits_are_indexed_in_the_same_transaction_as_the_asset(saved_town: Path, lexicon: Lexicon) -> None:
    directory = AssetDirectory.open(saved_town, lexicon=lexicon)
    directory.upsert(Asset("mt-300", "Riverside Ukulele Strummers", "arts-crafts", tags=["ukulele"]))
    directory.delete("mt-004")
    directory.close()
    reopened = AssetDirectory.open(saved_town, lexicon=lexicon)
    assert reopened.index_is_current()
    assert ids(reopened, "ukulele") == ["mt-300"]
    assert "mt-004" not in ids(reopened, "boxing")


KILL_DURING_REBUILD = """
import os, signal, sqlite3, sys
from cpi_chat.assets.batch_terms import BATCH_COLUMNS
from cpi_chat.assets.directory import AssetDirectory
path = sys.argv[1]
with sqlite3.connect(path) as conn:
    conn.execute("update assets set name = name || ' Group' where id = 'a00001'")
directory = AssetDirectory.open(path)
def progress(done, total):
    os.kill(os.getpid(), signal.SIGKILL)
with directory.store.db.atomic():
    directory.index_store.rebuild(directory.store.batches(BATCH_COLUMNS), 10, directory.lexicon, progress)
"""


def test_a_kill_during_a_rebuild_leaves_the_old_index_and_search_stays_right(tmp_path: Path) -> None:
    path = tmp_path / "assets.db"
    directory = AssetDirectory.open(path)
    rows = [Asset(f"a{n:05d}", f"Club number {n}", "sport", tags=["football" if n % 2 else "chess"]) for n in range(4500)]
    from cpi_chat.assets.csv_io import ParsedFile

    directory.import_parsed(ParsedFile(rows))
    state_before = directory.index_store.state()
    directory.close()
    killed = subprocess.run([sys.executable, "-c", KILL_DURING_REBUILD, str(path)], capture_output=True, timeout=120, check=False)
    assert killed.returncode == -signal.SIGKILL
    reopened = AssetDirectory.open(path)
    assert reopened.index_store.state() == state_before  # the old index, whole
    assert not reopened.index_is_current()  # ...and known to be stale, so it is rebuilt before use
    assert reopened.search("club number 1 group", limit=1)[0].asset.id == "a00001"
    assert reopened.index_is_current()
    assert os.path.exists(path)
