"""Private data stays private: a canary name never leaks, files are owner-only, and erasure leaves no byte behind."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hardening_helpers import CANARY, cli

from cpi_chat import records
from cpi_chat.cli.common import CpiGroup
from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.events import Answer
from cpi_chat.errors import RecordsError
from cpi_chat.paths import shipped_assets_dir
from cpi_chat.session import Session

# Words only this person says: they must go wherever the canary name goes, and nowhere else.
CANARY_ANSWER = "knitting with Grandmother Wibbleswick"


def session_lines() -> str:
    lines = ["yes", "1", "mornings at the allotment", CANARY_ANSWER, "skip", "skip", "back", "quit"]
    return "".join(f"{line}\n" for line in lines)


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def holding(folder: Path, *secrets: str) -> list[Path]:
    """Files under `folder` whose bytes contain any of the secrets (UTF-8 or UTF-16)."""
    found = []
    for path in files_under(folder):
        raw = path.read_bytes()
        for secret in secrets:
            if secret.encode() in raw or secret.encode("utf-16-le") in raw:
                found.append(path)
                break
    return found


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A whole pretend home folder: data, config, cache and temporary files all land inside it."""
    folder = tmp_path / "home"
    for sub in ("tmp", ".cache", ".config", ".local/share", ".local/state"):
        (folder / sub).mkdir(parents=True)
    return folder


def home_env(home: Path) -> dict[str, str]:
    return {"HOME": str(home), "TMPDIR": str(home / "tmp"), "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_STATE_HOME": str(home / ".local/state"), "CPI_CHAT_DATA_DIR": ""}


@pytest.fixture
def after_a_session(home: Path) -> tuple[Path, Path]:
    """A plain-mode session with the canary, run as a user would, in the default data folder; (home, data)."""
    env = home_env(home)
    data = home / ".local/share/cpi_chat"
    imported = cli(data, "assets", "import", str(shipped_assets_dir() / "demo_town.csv"), env=env)
    assert imported.returncode == 0, imported.stderr
    done = cli(data, "run", "--plain", "--person", CANARY, stdin=session_lines(), env=env)
    assert done.returncode == 0, done.stderr
    assert CANARY not in done.stderr and CANARY_ANSWER not in done.stderr
    return home, data


def test_the_canary_is_only_in_people_db_never_in_temp_files_logs_or_the_asset_directory(after_a_session) -> None:
    home, data = after_a_session
    leaks = holding(home, CANARY, CANARY_ANSWER)
    allowed = {data / "people.db"} | set((data / "backups").glob("people-*.db"))
    assert data / "people.db" in leaks  # the test really wrote it
    assert [str(p.relative_to(home)) for p in leaks if p not in allowed] == []


def test_every_file_holding_people_is_owner_only_and_so_are_their_folders(after_a_session) -> None:
    _home, data = after_a_session
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "backups").stat().st_mode) == 0o700
    people_files = [data / "people.db", *(data / "backups").glob("people-*.db")]
    assert len(people_files) >= 1
    for path in people_files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_an_export_is_owner_only_even_in_a_shared_folder(after_a_session, tmp_path: Path) -> None:
    home, data = after_a_session
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    os.chmod(shared, 0o777)
    done = cli(data, "person", "export", CANARY, "--out", str(shared), env=home_env(home))
    assert done.returncode == 0, done.stderr
    written = files_under(shared)
    assert len(written) == 2 and all(CANARY not in p.name for p in written)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)


def test_erasing_the_person_after_a_real_session_leaves_no_byte_of_them_anywhere(after_a_session) -> None:
    home, data = after_a_session
    env = home_env(home)
    second = cli(data, "run", "--plain", "--person", CANARY, stdin="yes\nquit\n", env=env)  # another backup is taken
    assert second.returncode == 0, second.stderr
    assert cli(data, "person", "add", "Bea Test", env=env).returncode == 0
    done = cli(data, "person", "erase", CANARY, "--yes", env=env)
    assert done.returncode == 0, done.stderr
    assert holding(home, CANARY, CANARY_ANSWER, "Wibbleswick") == []
    assert "Bea Test" in cli(data, "person", "list", env=env).stdout


def test_a_database_failure_during_the_canary_session_names_no_one(people_db, engine: Engine, monkeypatch) -> None:
    import sqlite3

    person = records.add_person(people_db, CANARY)
    session, _turn = Session.start(people_db, engine, None, person, "joint")

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(records, "save_engine_state", full)
    with pytest.raises(RecordsError) as refused:
        session.handle(Answer(CANARY_ANSWER))
    assert CANARY not in str(refused.value) and CANARY_ANSWER not in str(refused.value)


def test_an_unexpected_error_holding_the_canary_shows_only_its_kind_and_place() -> None:
    @click.group(cls=CpiGroup)
    def group() -> None:
        pass

    @group.command()
    def boom() -> None:
        raise ValueError(f"could not save {CANARY}: {CANARY_ANSWER}")

    result = CliRunner().invoke(group, ["boom"])
    assert result.exit_code == 2
    assert "did not expect" in result.output and "ValueError" not in result.output  # where it happened goes to a private note
    assert CANARY not in result.output and CANARY_ANSWER not in result.output


def test_the_app_offers_no_screenshot_that_would_write_the_screen_to_disk() -> None:
    import inspect

    from cpi_chat.tui import app

    source = inspect.getsource(app.CpiChatApp.get_system_commands)
    assert "Screenshot" in source  # filtered out by name
    bindings = " ".join(str(b) for b in app.CpiChatApp.BINDINGS)
    assert "screenshot" not in bindings.lower()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_audit_trail_of_the_session_holds_no_words(after_a_session) -> None:
    _home, data = after_a_session
    db = records.open_people_db(data / "people.db")
    try:
        rows = [" ".join(str(v) for v in row) for row in db.execute("SELECT * FROM audit").fetchall()]
    finally:
        db.close()
    assert rows and not any(CANARY in r or "Wibbleswick" in r or "allotment" in r for r in rows)


def test_only_the_feed_sync_imports_anything_that_talks_to_the_network() -> None:
    """Network modules are imported by cpi_chat/assets/feed.py alone, and it only by the feed import action."""
    import ast

    import cpi_chat

    network = {"socket", "ssl", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "telnetlib", "xmlrpc"}
    root = Path(cpi_chat.__file__).parent
    found = []
    for path in root.rglob("*.py"):
        where = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if isinstance(node, ast.ImportFrom) and node.module == "cpi_chat.assets":
                names += [f"cpi_chat.assets.{a.name}" for a in node.names]
            found += [f"{where}: {n}" for n in names if n.split(".")[0] in network and where != "assets/feed.py"]
            found += [f"{where}: {n}" for n in names if n == "cpi_chat.assets.feed" and where != "actions/directory.py"]
    assert found == []
