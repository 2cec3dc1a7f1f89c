"""Faults a real office has: kill -9 at any moment, a full disk, a read-only folder, two programs writing at once."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_helpers import cli

from cpi_chat import records
from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.events import Answer
from cpi_chat.errors import CpiChatError, RecordsError
from cpi_chat.paths import shipped_assets_dir
from cpi_chat.session import Session
from tests.plain_typing import case_study_lines
from tests.running import cpi_chat_command

KILLER = Path(__file__).with_name("killer.py")
KILL_RUNS = 6  # the soak script (tests/benchmarks/soak.py) runs many more


def case_study_script() -> str:
    """The case study as lines typed in plain mode, after 'yes' to adding the person."""
    return "\n".join(["yes", *case_study_lines()]) + "\n"


def killed_run(data: Path, kill_at: int, *args: str, stdin: str = "", count_file: Path | None = None) -> int:
    """Run cpi-chat under killer.py, which kill -9s it just before its `kill_at`th SQL statement; the return code."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "KILL_AT_STATEMENT": str(kill_at)}
    if count_file is not None:
        env["COUNT_FILE"] = str(count_file)
    done = subprocess.run(check=False, args=[sys.executable, str(KILLER), "--data-dir", str(data), *args], input=stdin,
                          capture_output=True, text=True, timeout=60, env=env)
    return done.returncode


def integrity(path: Path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def town_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the demo town imported, copied for each run."""
    folder = tmp_path_factory.mktemp("town") / "data"
    done = cli(folder, "assets", "import", str(shipped_assets_dir() / "demo_town.csv"))
    assert done.returncode == 0, done.stderr
    return folder


def fresh_copy(town_data: Path, tmp_path: Path, name: str) -> Path:
    copy = tmp_path / name
    shutil.copytree(town_data, copy)
    return copy


def goals_of(data: Path, name: str) -> list[dict]:
    done = cli(data, "goals", "list", name, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# --- kill -9 ------------------------------------------------------------------------------------

def test_kill_9_at_random_moments_of_a_plain_session_leaves_a_sound_file_that_carries_on(town_data: Path, tmp_path: Path) -> None:
    script = case_study_script()
    whole = fresh_copy(town_data, tmp_path, "whole")
    count_file = tmp_path / "count"
    assert killed_run(whole, 0, "run", "--plain", "--person", "Dan Test", stdin=script, count_file=count_file) == 0
    statements = int(count_file.read_text())
    complete = goals_of(whole, "Dan Test")
    assert len(complete) == 2

    for kill_at in sorted(random.Random(9).sample(range(1, statements), KILL_RUNS)):
        data = fresh_copy(town_data, tmp_path, f"killed-{kill_at}")
        assert killed_run(data, kill_at, "run", "--plain", "--person", "Dan Test", stdin=script) == -9
        assert integrity(data / "people.db") == "ok", kill_at
        # carry on where it stopped (or add the person if the kill came before they were saved)
        again = cli(data, "run", "--plain", "--person", "Dan Test", stdin="yes\nquit\n")
        assert again.returncode == 0 and "Traceback" not in again.stderr, (kill_at, again.stderr)
        assert integrity(data / "people.db") == "ok"
        saved = goals_of(data, "Dan Test")
        assert len({g["what"] for g in saved}) == len(saved), f"a goal was saved twice after a kill at statement {kill_at}"
        assert [g["what"] for g in saved] == [g["what"] for g in complete][: len(saved)]


def big_csv(path: Path, copies: int) -> int:
    """The demo town repeated under new ids: a large, valid import file; returns the number of rows."""
    rows = list(csv.DictReader(io.StringIO((shipped_assets_dir() / "demo_town.csv").read_text(encoding="utf-8"))))
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        for copy in range(copies):
            for row in rows:
                writer.writerow({**row, "id": f"{row['id']}-copy-{copy}"})
    return copies * len(rows)


def asset_count(path: Path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT count(*) FROM assets").fetchone()[0]
    finally:
        conn.close()


def test_kill_9_during_a_large_import_leaves_all_or_nothing(town_data: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    rows = big_csv(big, 20)
    before = asset_count(town_data / "assets.db")
    whole = fresh_copy(town_data, tmp_path, "whole")
    count_file = tmp_path / "count"
    assert killed_run(whole, 0, "assets", "import", str(big), count_file=count_file) == 0
    statements = int(count_file.read_text())
    assert asset_count(whole / "assets.db") == before + rows

    for kill_at in sorted(random.Random(4).sample(range(1, statements), 4)):
        data = fresh_copy(town_data, tmp_path, f"killed-{kill_at}")
        assert killed_run(data, kill_at, "assets", "import", str(big)) == -9
        assert integrity(data / "assets.db") == "ok"
        assert asset_count(data / "assets.db") in {before, before + rows}, f"half an import after a kill at {kill_at}"
        search = cli(data, "assets", "search", "football")
        assert search.returncode == 0, search.stderr


# --- a full disk and a read-only folder ---------------------------------------------------------

@pytest.fixture
def session_on_disk(tmp_path: Path, engine: Engine, demo_assets: AssetDirectory):
    db = records.open_people_db(tmp_path / "data" / "people.db")
    person = records.add_person(db, "Fay Test")
    session, turn = Session.start(db, engine, demo_assets, person, "joint")
    session.handle(Answer("1"))  # yes, let's start
    turn = session.handle(Answer("football and films"))
    yield db, session, turn
    db.close()


def fill_the_disk(db: records.PeopleDatabase) -> None:
    """Let the file grow by no more pages: SQLite then fails exactly as on a full disk (SQLITE_FULL)."""
    (pages,) = db.conn.execute("PRAGMA page_count").fetchone()
    db.conn.execute(f"PRAGMA max_page_count={pages}")


def test_a_full_disk_gives_one_sentence_and_keeps_the_answers_already_saved(session_on_disk) -> None:
    db, session, _turn = session_on_disk
    saved_state = records.get_session(db, session.session_id).engine_state
    fill_the_disk(db)
    with pytest.raises(RecordsError) as refused:
        for _ in range(20):
            session.handle(Answer("x" * 200_000))
    message = str(refused.value)
    assert "disk may be full" in message and "\n" not in message
    kept = records.get_session(db, session.session_id).engine_state
    assert kept == session.state.to_json()  # what is shown and what is saved never part
    assert len(kept) >= len(saved_state)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.conn.execute("PRAGMA max_page_count=1073741823")  # space freed: the same session carries on
    assert session.handle(Answer("walking")).reply is not None


def _full_directory(tmp_path: Path) -> tuple[AssetDirectory, Path, int]:
    directory = AssetDirectory.open(tmp_path / "assets.db")
    directory.import_file(shipped_assets_dir() / "demo_town.csv")
    big = tmp_path / "big.csv"
    big_csv(big, 10)
    (pages,) = directory.store.db.conn.execute("PRAGMA page_count").fetchone()
    directory.store.db.conn.execute(f"PRAGMA max_page_count={pages + 5}")
    return directory, big, directory.count()


def test_a_full_disk_in_the_middle_of_an_import_changes_nothing(tmp_path: Path) -> None:
    directory, big, before = _full_directory(tmp_path)
    with pytest.raises((CpiChatError, sqlite3.Error)):
        directory.import_file(big)
    assert directory.count() == before
    assert directory.store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    directory.close()



def test_a_full_disk_during_an_import_is_one_sentence_from_the_directory(tmp_path: Path) -> None:
    directory, big, _before = _full_directory(tmp_path)
    try:
        with pytest.raises(CpiChatError):
            directory.import_file(big)
    finally:
        directory.close()


def test_a_full_disk_during_cpi_chat_assets_import_is_one_sentence_and_imports_nothing(town_data: Path, tmp_path: Path) -> None:
    data = fresh_copy(town_data, tmp_path, "data")
    before = asset_count(data / "assets.db")
    big = tmp_path / "big.csv"
    big_csv(big, 10)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "FULL_DISK_EXTRA_PAGES": "5"}
    done = subprocess.run(check=False, args=[sys.executable, str(KILLER), "--data-dir", str(data), "assets", "import", str(big)],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 1, done.stderr
    assert "disk may be full" in done.stderr and "did not expect" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert asset_count(data / "assets.db") == before


def test_a_read_only_data_folder_gives_one_sentence_and_no_traceback(town_data: Path, tmp_path: Path) -> None:
    data = fresh_copy(town_data, tmp_path, "data")
    first = cli(data, "person", "add", "Gus Test")
    assert first.returncode == 0
    os.chmod(data, 0o500)
    try:
        done = cli(data, "run", "--plain", "--person", "Gus Test", stdin="yes\n")
        assert done.returncode == 1
        assert "read-only" in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    finally:
        os.chmod(data, 0o700)
    assert "Gus Test" in cli(data, "person", "list").stdout


# --- two programs at once -----------------------------------------------------------------------

def test_check_ins_from_another_program_during_a_session_are_all_kept(town_data: Path, tmp_path: Path) -> None:
    data = fresh_copy(town_data, tmp_path, "data")
    assert cli(data, "person", "add", "Hal Test").returncode == 0
    assert cli(data, "goals", "add", "Hal Test", "--commitment", "Walking group", "--every", "week").returncode == 0
    goal_id = goals_of(data, "Hal Test")[0]["id"]
    session = subprocess.Popen(
        cpi_chat_command("--data-dir", str(data), "run", "--plain", "--person", "Dan Test"),
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    checkins = [subprocess.Popen(
        cpi_chat_command("--data-dir", str(data), "checkin", "Hal Test", str(goal_id), "--attended",
                         "--date", f"2026-11-{day:02d}"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    ) for day in (2, 9, 16, 23, 30)]  # five Mondays: 'went' counts once a week
    _out, session_errors = session.communicate(case_study_script(), timeout=120)
    results = [(c.wait(timeout=120), c.stderr.read() if c.stderr else "") for c in checkins]
    assert session.returncode == 0, session_errors
    assert all(code == 0 for code, _ in results), results
    assert len(goals_of(data, "Dan Test")) == 2
    assert len(goals_of(data, "Hal Test")[0]["checkins"]) == 5
    assert integrity(data / "people.db") == "ok"
