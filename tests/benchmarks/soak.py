"""The long soak behind tests/hardening: many more kill -9 points, random plain-mode sessions and concurrent writers.

Run: /work/venv/bin/python tests/benchmarks/soak.py [--kills 60] [--sessions 200] [--writers 4] [--seed 9]
It takes a few minutes on 2 cores. Every run is checked the way the quick tests check one: the file passes
PRAGMA integrity_check, an interrupted session carries on, no goal is saved twice, and an import is all or nothing.
The last line is JSON with the counts and any failures (the exit code is 1 if there were any).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "hardening"))
sys.path.insert(0, str(HERE.parent.parent))  # for tests.plain_typing, which test_faults uses

from hardening_helpers import cli
from test_faults import asset_count, big_csv, case_study_script, goals_of, integrity, killed_run

from cpi_chat import records
from cpi_chat.assets.directory import AssetDirectory, load_demo_directory
from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.loader import load_flows
from cpi_chat.paths import shipped_assets_dir, shipped_flows_dir
from cpi_chat.plain import PlainConversation, PlainIO
from cpi_chat.session import Session
from cpi_chat.wording import CONTROL, safe

WORDS = ["yes", "no", "1", "2", "3", "0", "back", "skip", "help", "stop", "football", "in 3 months", "14/03/2027",
         "{name}", "\x1b[2J", "'; DROP TABLE person; --", "🙂", "שלום", "", "x" * 5000, "walking with my sister"]


def soak_kills(town: Path, work: Path, kills: int, rng: random.Random, failures: list[str]) -> None:
    script = case_study_script()
    whole = work / "whole"
    shutil.copytree(town, whole)
    count = work / "count"
    killed_run(whole, 0, "run", "--plain", "--person", "Dan Test", stdin=script, count_file=count)
    statements = int(count.read_text())
    complete = [g["what"] for g in goals_of(whole, "Dan Test")]
    for kill_at in rng.sample(range(1, statements), min(kills, statements - 1)):
        data = work / f"kill-{kill_at}"
        shutil.copytree(town, data)
        killed_run(data, kill_at, "run", "--plain", "--person", "Dan Test", stdin=script)
        if integrity(data / "people.db") != "ok":
            failures.append(f"session kill at {kill_at}: integrity check failed")
            continue
        again = cli(data, "run", "--plain", "--person", "Dan Test", stdin="yes\nquit\n")
        saved = [g["what"] for g in goals_of(data, "Dan Test")]
        if again.returncode != 0 or saved != complete[: len(saved)]:
            failures.append(f"session kill at {kill_at}: resume {again.returncode}, goals {saved}")
        shutil.rmtree(data)


def soak_import_kills(town: Path, work: Path, kills: int, rng: random.Random, failures: list[str]) -> None:
    big = work / "big.csv"
    rows = big_csv(big, 40)
    before = asset_count(town / "assets.db")
    whole = work / "import-whole"
    shutil.copytree(town, whole)
    count = work / "import-count"
    killed_run(whole, 0, "assets", "import", str(big), count_file=count)
    statements = int(count.read_text())
    for kill_at in rng.sample(range(1, statements), min(kills, statements - 1)):
        data = work / f"import-kill-{kill_at}"
        shutil.copytree(town, data)
        killed_run(data, kill_at, "assets", "import", str(big))
        if integrity(data / "assets.db") != "ok" or asset_count(data / "assets.db") not in {before, before + rows}:
            failures.append(f"import kill at {kill_at}: half an import or a damaged file")
        shutil.rmtree(data)


def soak_sessions(work: Path, sessions: int, rng: random.Random, failures: list[str]) -> None:
    engine = Engine(load_flows(shipped_flows_dir()))
    assets = AssetDirectory.open(":memory:")
    load_demo_directory(assets)
    db = records.open_people_db(work / "sessions" / "people.db")
    for number in range(sessions):
        person = records.add_person(db, f"Soak {number} {rng.choice(WORDS)[:40]}x")
        session, first = Session.start(db, engine, assets, person, rng.choice(["joint", "self"]))
        typed = iter([rng.choice(WORDS) for _ in range(rng.randint(1, 80))])
        shown: list[str] = []
        try:
            PlainConversation(session, PlainIO(read=lambda _p, lines=typed: next(lines, None),
                                               write=lambda t, out=shown: out.append(safe(t)))).run(first)
            Session.resume(db, engine, assets, person, records.get_session(db, session.session_id))
        except Exception as error:  # noqa: BLE001 - the soak records every failure
            failures.append(f"plain session {number}: {type(error).__name__}")
        if any(CONTROL.search(t) for t in shown):
            failures.append(f"plain session {number}: a control character was printed")
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        failures.append("plain sessions: integrity check failed")
    db.close()


def soak_writers(town: Path, work: Path, writers: int, failures: list[str]) -> None:
    import subprocess

    data = work / "writers"
    shutil.copytree(town, data)
    cli(data, "person", "add", "Hal Test")
    cli(data, "goals", "add", "Hal Test", "--commitment", "Walking group", "--every", "week")
    goal_id = goals_of(data, "Hal Test")[0]["id"]
    session = subprocess.Popen([sys.executable, "-m", "cpi_chat", "--data-dir", str(data), "run", "--plain", "--person", "Dan Test"],
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    checkins = [subprocess.Popen([sys.executable, "-m", "cpi_chat", "--data-dir", str(data), "checkin", "Hal Test", str(goal_id),
                                  "--attended", "--note", f"writer {n}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                for n in range(writers * 5)]
    session.communicate(case_study_script(), timeout=300)
    codes = [c.wait(timeout=300) for c in checkins]
    kept = len(goals_of(data, "Hal Test")[0]["checkins"])
    if any(codes) or kept != len(checkins) or len(goals_of(data, "Dan Test")) != 2:
        failures.append(f"writers: codes {codes}, {kept} of {len(checkins)} check-ins kept")


def main() -> None:
    """Run every soak and print what failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--import-kills", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=9)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    failures: list[str] = []
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cpi-chat-soak-") as folder:
        work = Path(folder)
        town = work / "town"
        cli(town, "assets", "import", str(shipped_assets_dir() / "demo_town.csv"))
        for name, run in (
            ("session kills", lambda: soak_kills(town, work, options.kills, rng, failures)),
            ("import kills", lambda: soak_import_kills(town, work, options.import_kills, rng, failures)),
            ("plain sessions", lambda: soak_sessions(work, options.sessions, rng, failures)),
            ("writers", lambda: soak_writers(town, work, options.writers, failures)),
        ):
            started = time.monotonic()
            run()
            print(f"{name}: {time.monotonic() - started:.1f} s, {len(failures)} failure(s) so far", flush=True)
    print(json.dumps({"seconds": round(time.monotonic() - began, 1), "kills": options.kills, "import_kills": options.import_kills,
                      "sessions": options.sessions, "failures": failures}))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
