"""Benchmark a caseload that scales (issue 19): each figure beside its target and a baseline measured in the same run.

Run: .venv/bin/python tests/benchmarks/bench_caseload.py [--runs 5] [--skip-10k]

- first frame: launch to a ready people list with 1,000 and 10,000 people, against a bare Textual app
  (targets 1.5x and 2x);
- a key in the people search at 10,000 people, from the key event sent to the screen showing the list of
  its matches painted (target 50 ms); baseline: the same key in a bare Input, measured the same way;
- opening people.db (the checks made on every open) at about 1 MB and 40 MB, against a bare
  sqlite3 open and one query (target: the same at both sizes);
- the backup made as a session starts, when nothing changed and when something did, against
  opening the file alone (target: a few milliseconds);
- `cpi-chat goals list NAME --json` and `cpi-chat checkin`, as new processes, against a plain
  sqlite3 + json script doing the same on its own copy of the file (target 3x);
- `cpi-chat report` over 1,000 people for a year (target 2 s) and the team report merged from three
  workers' aggregates (target 3 s).

Commands are timed by the wall clock and by the CPU time the new process used: on a shared
machine the CPU time is the steadier figure. cpi_chat's bytecode is compiled first, as an
installed package has it (with PYTHONDONTWRITEBYTECODE set, every new process would otherwise
compile each changed module from source).

The caseloads are made by tests/caseload.py. To measure code from before a change, run this
script with PYTHONPATH pointing at that checkout: figures the old code cannot give are printed as
"not built". The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT))  # for tests.caseload; last, so a PYTHONPATH checkout's cpi_chat comes first
NEUTRAL = tempfile.gettempdir()  # children run here: a checkout in the working folder would shadow PYTHONPATH

from tests.benchmarks.caseload_scripts import CHILD, PLAIN_CHECKIN, PLAIN_GOALS_LIST
from tests.caseload import fictional_name, generate_caseload

BENCH_PERSON = "Bench Quillfeather"


def verdict(met: bool) -> str:
    """Whether a target is met, in words at the end of its line."""
    return "met" if met else "NOT MET"


def median_ms(action: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def run_ms(command: list[str]) -> float:
    """Milliseconds a new process takes from launch to exit (it must succeed)."""
    return run_times(command)[0]


def run_times(command: list[str]) -> tuple[float, float]:
    """Milliseconds a new process takes from launch to exit, and the CPU milliseconds it used (it must succeed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=NEUTRAL)
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000


def cpi(folder: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "cpi_chat", "--data-dir", str(folder), "--assets-db", str(folder / "assets.db"), *args]


def first_frame_s(kind: str, folder: Path) -> float:
    started = time.monotonic()
    child = subprocess.run([sys.executable, "-c", CHILD, kind, str(folder)], check=True, capture_output=True, text=True, cwd=NEUTRAL)
    return float(child.stdout.split()[-1]) - started


# -- making the folders -------------------------------------------------------------------------


def make_folder(folder: Path, people: int, light: bool = False, first: int = 0, directory: Path | None = None) -> Path:
    """A data folder with a generated caseload, the demo directory, and the benchmark's own person with two goals."""
    from cpi_chat import records

    generate_caseload(folder / "people.db", people, light=light, first=first)
    if directory is not None:
        shutil.copy(directory, folder / "assets.db")
    db = records.open_people_db(folder / "people.db")
    person = records.add_person(db, BENCH_PERSON)
    records.add_goal(db, person.id, "commitment", "Choir", how_often="every week")
    records.add_goal(db, person.id, "target", "Walk 5 km", measure="distance", by_when="2027-03-31")
    db.close()
    return folder


def make_directory(folder: Path) -> Path:
    from cpi_chat.assets.directory import AssetDirectory, load_demo_directory

    directory = AssetDirectory.open(folder / "assets.db")
    load_demo_directory(directory)
    directory.close()
    return folder / "assets.db"


def bench_goal_ids(folder: Path) -> tuple[int, int]:
    import sqlite3

    conn = sqlite3.connect(folder / "people.db")
    ids = [row[0] for row in conn.execute("SELECT g.id FROM goal g JOIN person p ON p.id = g.person_id WHERE p.name = ? "
                                          "ORDER BY g.id", (BENCH_PERSON,))]
    conn.close()
    return ids[0], ids[1]


# -- the measures -------------------------------------------------------------------------------


def first_frames(folders: dict[str, Path], runs: int) -> dict[str, float]:
    """Median seconds to a ready first screen: the bare app, then cpi-chat over each folder, alternating."""
    times: dict[str, list[float]] = {"bare": [], **{name: [] for name in folders}}
    first_frame_s("bare", next(iter(folders.values())))  # warm the file cache
    for name, folder in folders.items():
        first_frame_s("app", folder)
    for _ in range(runs):
        times["bare"].append(first_frame_s("bare", next(iter(folders.values()))))
        for name, folder in folders.items():
            times[name].append(first_frame_s("app", folder))
    return {name: statistics.median(values) for name, values in times.items()}


class Paints:
    """When the app paints its screen, and whether each paint showed what was wanted, from now on.

    Textual does not write to a terminal in a test, so each update is also turned into the text a terminal would get
    (what a real paint costs); the cpi-chat app and the bare Input are measured the same way.
    """

    def __init__(self, app: Any, shows: Callable[[], bool]) -> None:
        self.times: list[float] = []  # perf_counter at the end of each paint
        self.showing: list[bool] = []  # whether the screen held what `shows` wants when it was painted
        display = app._display

        def display_and_note(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
                self.showing.append(shows())
                self.times.append(time.perf_counter())

        app._display = display_and_note

    def first_showing_after(self, started: float) -> float | None:
        """The end of the first paint after `started` that showed what is wanted."""
        return next((t for t, showing in zip(self.times, self.showing, strict=True) if t > started and showing), None)

    async def settle(self) -> None:
        """Wait until no paint has come for QUIET seconds."""
        while True:
            count = len(self.times)
            await asyncio.sleep(QUIET)
            if len(self.times) == count:
                return


QUIET = 0.08  # seconds without a paint that count as the screen being still (an update is due every 1/60 s)


async def _keys_to_paint(app: Any, text: str, shows: Callable[[str], bool], rounds: int = 3) -> tuple[list[float], list[float]]:
    """Milliseconds from each key sent until the first paint showing what it asks for, and until the screen is still.

    A key's time ends at the first paint made once the screen holds what the key asks for (`shows(typed so far)`):
    that paint draws it. Waiting in Textual's own idle steps of about 20 ms (`pilot.pause`) would round every key up
    to them. The second figure ends at the last paint before the screen is still (a scroll bar drawn again later).
    """
    from textual import events

    typed = [""]
    paints = Paints(app, lambda: shows(typed[0]))
    to_shown: list[float] = []
    to_still: list[float] = []
    for _ in range(rounds):
        for n, char in enumerate(text, start=1):
            await paints.settle()
            typed[0] = text[:n]
            started = time.perf_counter()
            app._driver.send_message(events.Key(char, char))
            while (shown := paints.first_showing_after(started)) is None:
                if time.perf_counter() - started > 10:
                    raise TimeoutError(f"the screen never showed {typed[0]!r}")
                await asyncio.sleep(0.002)
            await paints.settle()
            to_shown.append((shown - started) * 1000)
            to_still.append((paints.times[-1] - started) * 1000)
        typed[0] = ""
        for _ in text:
            app._driver.send_message(events.Key("backspace", None))
        cleared = time.perf_counter()
        while not shows(""):
            if time.perf_counter() - cleared > 10:
                raise TimeoutError("the screen never showed everyone again")
            await asyncio.sleep(0.002)
    return to_shown, to_still


async def search_keys(folder: Path, text: str) -> tuple[list[float], list[float]]:
    """Milliseconds from each key typed in the people search until the list of its matches is painted, and until still."""
    from textual.widgets import Input, OptionList, Static

    from cpi_chat.paths import resolve_paths
    from cpi_chat.tui.app import CpiChatApp
    from cpi_chat.workspace import Workspace

    app = CpiChatApp(Workspace(resolve_paths(data_dir=folder, environ={})))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()

        import sqlite3

        conn = sqlite3.connect(folder / "people.db")
        names = [name.lower() for (name,) in conn.execute("SELECT name FROM person")]
        conn.close()

        def shows(typed: str) -> bool:
            """The box holds what was typed, the list its first matches, and the note under it how many match."""
            matching = sum(typed in name for name in names)
            listed = [str(option.prompt).split("\n")[0].lower() for option in app.screen.query_one("#people", OptionList).options]
            note = str(app.screen.query_one("#people-more", Static).content)
            first = min(matching, 20)  # and the person picked, when they match past the first 20
            return (app.screen.query_one("#search", Input).value == typed and first <= len(listed) <= first + 1
                    and all(typed in name for name in listed) and (matching <= 20 or f"{matching:,}" in note))

        return await _keys_to_paint(app, text, shows)


async def bare_input_keys(text: str) -> tuple[list[float], list[float]]:
    """Milliseconds from each key typed in a bare Input until it is painted, and until the screen is still."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Input()

    app = Bare()
    async with app.run_test(size=(100, 30)) as pilot:
        box = app.query_one(Input)
        box.cursor_blink = False  # as in the people search: a blink would be a paint no key asked for
        await pilot.pause()
        return await _keys_to_paint(app, text, lambda typed: box.value == typed)


def opening(small: Path, big: Path, repeats: int = 15) -> dict[str, float]:
    """Milliseconds to open people.db with cpi-chat's checks, and with a bare sqlite3 open and one query."""
    import sqlite3

    from cpi_chat.records.db import open_people_connection

    def checked(path: Path) -> Callable[[], None]:
        return lambda: open_people_connection(path).close()

    def bare(path: Path) -> Callable[[], None]:
        def action() -> None:
            conn = sqlite3.connect(path)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.close()
        return action

    return {"small_mb": small.stat().st_size / 1e6, "big_mb": big.stat().st_size / 1e6,
            "small_ms": median_ms(checked(small), repeats), "big_ms": median_ms(checked(big), repeats),
            "small_bare_ms": median_ms(bare(small), repeats), "big_bare_ms": median_ms(bare(big), repeats)}


def backups(folder: Path, repeats: int = 7) -> dict[str, float]:
    """Milliseconds the backup adds to a session start, with nothing changed and with one change, beside the open."""
    from cpi_chat import records
    from cpi_chat.session import backup_before_session

    db = records.open_people_db(folder / "people.db", backups_dir=folder / "backups")
    try:
        backup_before_session(db)  # the first backup of the file
        wait_for_backups(db)
        unchanged = median_ms(lambda: backup_before_session(db), repeats)
        changed_times = []
        for n in range(repeats):
            records.add_person(db, f"Bench Visitor {n}")  # something changed since the last backup
            started = time.perf_counter()
            backup_before_session(db)
            changed_times.append((time.perf_counter() - started) * 1000)
            wait_for_backups(db)
        opened = median_ms(lambda: records.open_people_db(folder / "people.db").close(), repeats)
    finally:
        db.close()
    return {"unchanged_ms": unchanged, "changed_ms": statistics.median(changed_times), "open_ms": opened,
            "mb": (folder / "people.db").stat().st_size / 1e6}


def wait_for_backups(db: Any) -> None:
    """Let a backup copying in the background finish (the code before this issue copied in the foreground)."""
    try:
        from cpi_chat.records.backup import wait_for_backups as wait
    except ImportError:
        return
    wait()


def commands(folder: Path, repeats: int) -> dict[str, float]:
    """Milliseconds for `goals list --json` and `checkin` as new processes, and plain sqlite3 scripts doing the same."""
    commitment, target = bench_goal_ids(folder)
    # The plain scripts work on their own copy: their writes to cpi-chat's file would make every following cpi-chat
    # command run the full check it runs when another program changed people.db (tens of ms at 1,000 people), so the
    # figure would be "goals list after a foreign write", which a worker meets once in a long while, not every time.
    db = str(shutil.copy(folder / "people.db", folder.parent / f"{folder.name}-plain.db"))
    days = iter(f"2026-{month:02d}-{day:02d}" for month in range(1, 13) for day in range(1, 29))
    run_ms(cpi(folder, "goals", "list", BENCH_PERSON, "--json"))  # warm
    runs = {
        "goals_list": lambda: cpi(folder, "goals", "list", BENCH_PERSON, "--json"),
        "goals_list_plain": lambda: [sys.executable, "-c", PLAIN_GOALS_LIST, db, BENCH_PERSON],
        "checkin": lambda: cpi(folder, "checkin", BENCH_PERSON, str(target), "--value", "3 km", "--date", next(days)),
        "checkin_plain": lambda: [sys.executable, "-c", PLAIN_CHECKIN, db, BENCH_PERSON, str(target), next(days)],
    }
    walls: dict[str, list[float]] = {name: [] for name in runs}
    cpus: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, command in runs.items():
            wall, cpu = run_times(command())
            walls[name].append(wall)
            cpus[name].append(cpu)
    del commitment
    return {**{name: statistics.median(values) for name, values in walls.items()},
            **{f"{name}_cpu": statistics.median(values) for name, values in cpus.items()}}


def reports(folder: Path, workers: list[Path], out: Path, repeats: int) -> dict[str, float | None]:
    """Milliseconds for a year's report over 1,000 people, and for the team's report merged from three aggregates."""
    if subprocess.run(cpi(folder, "report", "--help"), capture_output=True, cwd=NEUTRAL, check=False).returncode:
        return {"report_ms": None, "aggregates_ms": None, "merge_ms": None}  # code from before the report was built
    period = ["--from", "2026-04-01", "--to", "2027-03-31"]
    report_ms = statistics.median(run_ms(cpi(folder, "report", *period, "--out", str(out / "report.html"))) for _ in range(repeats))
    started = time.perf_counter()
    for n, worker in enumerate(workers):
        subprocess.run(cpi(worker, "report", *period, "--aggregate", "--out", str(out / f"worker-{n}.json")), check=True,
                       capture_output=True, cwd=NEUTRAL)
    aggregates_ms = (time.perf_counter() - started) * 1000
    merge = cpi(folder, "report", "--merge", *(str(out / f"worker-{n}.json") for n in range(len(workers))), "--out", str(out / "team.html"))
    merge_ms = statistics.median(run_ms(merge) for _ in range(repeats))
    return {"report_ms": report_ms, "aggregates_ms": aggregates_ms, "merge_ms": merge_ms}


# -- the run --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-10k", action="store_true", help="Leave out the 10,000-person caseload (it takes a while to make).")
    options = parser.parse_args()
    import cpi_chat

    compileall.compile_dir(Path(cpi_chat.__file__).parent, quiet=1)  # as installed; see the module's docstring
    summary: dict[str, Any] = {"benchmark": "caseload", "load_average": round(os.getloadavg()[0], 1)}
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        directory = make_directory(root)
        one_mb = make_folder(root / "one-mb", 50, directory=directory)
        forty_mb = make_folder(root / "forty-mb", 2_400)
        thousand = make_folder(root / "thousand", 1_000, directory=directory)
        workers = [make_folder(root / f"worker-{n}", people, first=first, directory=directory)
                   for n, (first, people) in enumerate([(0, 333), (333, 333), (666, 334)])]
        folders = {"1k": thousand}
        if not options.skip_10k:
            folders["10k"] = make_folder(root / "ten-thousand", 10_000, light=True)

        frames = first_frames(folders, options.runs)
        for name in folders:
            ratio = frames[name] / frames["bare"]
            target = 1.5 if name == "1k" else 2.0
            print(f"first frame with {name} people: {frames[name] * 1000:.0f} ms, bare Textual app {frames['bare'] * 1000:.0f} ms; "
                  f"ratio {ratio:.2f} (target <= {target}): {verdict(ratio <= target)}")
            summary[f"first_frame_{name}_ms"], summary[f"first_frame_{name}_ratio"] = round(frames[name] * 1000), round(ratio, 2)
        summary["first_frame_bare_ms"] = round(frames["bare"] * 1000)

        search_folder = folders.get("10k", thousand)
        keys, keys_still = asyncio.run(search_keys(search_folder, fictional_name(7).split()[0].lower()))
        bare_keys, bare_still = asyncio.run(bare_input_keys("ffion"))
        size = "10,000" if "10k" in folders else "1,000"
        median = statistics.median
        print(f"people search at {size} people, key to its matches painted: median {median(keys):.1f} ms, "
              f"max {max(keys):.1f} ms (target <= 50 ms): {verdict(median(keys) <= 50)}; a bare Input: median "
              f"{median(bare_keys):.1f} ms; to the screen still: median {median(keys_still):.1f} ms, bare {median(bare_still):.1f} ms")
        summary["search_key_ms"], summary["search_key_max_ms"] = round(median(keys), 1), round(max(keys), 1)
        summary["search_key_bare_ms"] = round(median(bare_keys), 1)
        summary["search_key_still_ms"], summary["search_key_bare_still_ms"] = round(median(keys_still), 1), round(median(bare_still), 1)

        opened = opening(one_mb / "people.db", forty_mb / "people.db")
        print(f"opening people.db with its checks: {opened['small_ms']:.1f} ms at {opened['small_mb']:.1f} MB, "
              f"{opened['big_ms']:.1f} ms at {opened['big_mb']:.1f} MB (target: the same); bare sqlite3 open and one query "
              f"{opened['small_bare_ms']:.1f} ms and {opened['big_bare_ms']:.1f} ms; "
              f"the same (within 25% or 2 ms): {verdict(opened['big_ms'] <= max(opened['small_ms'] * 1.25, opened['small_ms'] + 2))}")
        summary.update({f"open_{k}": round(v, 2) for k, v in opened.items()})

        copied = backups(forty_mb)
        print(f"backup as a session starts ({copied['mb']:.0f} MB): nothing changed {copied['unchanged_ms']:.1f} ms, "
              f"something changed {copied['changed_ms']:.1f} ms (target: a few ms, 5 at most): "
              f"{verdict(max(copied['unchanged_ms'], copied['changed_ms']) <= 5)}; opening the file alone {copied['open_ms']:.1f} ms")
        summary.update({f"backup_{k}": round(v, 2) for k, v in copied.items()})

        ran = commands(thousand, options.runs)
        for name in ("goals_list", "checkin"):
            ratio, cpu_ratio = ran[name] / ran[f"{name}_plain"], ran[f"{name}_cpu"] / ran[f"{name}_plain_cpu"]
            print(f"`cpi-chat {name.replace('_', ' ')}`: {ran[name]:.0f} ms ({ran[f'{name}_cpu']:.0f} ms of CPU), "
                  f"a plain sqlite3 script {ran[f'{name}_plain']:.0f} ms ({ran[f'{name}_plain_cpu']:.0f} ms of CPU); "
                  f"ratio {ratio:.2f}, of CPU {cpu_ratio:.2f} (target <= 3): {verdict(ratio <= 3)}")
            summary[f"{name}_ms"], summary[f"{name}_plain_ms"], summary[f"{name}_ratio"] = (
                round(ran[name]), round(ran[f"{name}_plain"]), round(ratio, 2))
            summary[f"{name}_cpu_ms"], summary[f"{name}_plain_cpu_ms"], summary[f"{name}_cpu_ratio"] = (
                round(ran[f"{name}_cpu"]), round(ran[f"{name}_plain_cpu"]), round(cpu_ratio, 2))

        made = reports(thousand, workers, root, options.runs)
        if made["report_ms"] is None:
            print("outcomes report: not built")
        else:
            report_ms, merge_ms = made["report_ms"], made["merge_ms"]
            print(f"outcomes report over 1,000 people for a year: {report_ms:.0f} ms (target < 2000): {verdict(report_ms < 2000)}")
            print(f"team report merged from three aggregates: {merge_ms:.0f} ms (target < 3000): {verdict(merge_ms < 3000)}, "
                  f"after making the three aggregates in {made['aggregates_ms']:.0f} ms")
        summary.update({k: None if v is None else round(v) for k, v in made.items()})
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
