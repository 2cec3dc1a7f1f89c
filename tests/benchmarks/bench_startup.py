"""Benchmark: launch to the first interactive home screen against a bare Textual app, and keystroke to results in the finder.

Run: /work/venv/bin/python tests/benchmarks/bench_startup.py [--runs 5] [--assets 10000]
Both startups are timed in the same run, alternating, as new processes: from just before the process
is launched until its first screen is composed, drawn and idle (for cpi-chat: the home screen with
everyone from people.db listed, ready for keys), and the medians compared. The clock is the system's
monotonic clock, which parent and child share. The whole process (to its exit) is printed too.
The finder is timed from the moment a key event is sent until the results list shows the hits for
the new text. The last line printed is one JSON object with startup_ratio and keystroke_ms.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = """
import asyncio, sys, time
from pathlib import Path
kind, folder = sys.argv[1], sys.argv[2]
if kind == "bare":
    from textual.app import App
    from textual.widgets import Label

    class Bare(App):
        def compose(self):
            yield Label("Hello")

    app = Bare()
elif kind == "stock":  # for context: the home screen's layout from Textual's stock widgets, no data, no logic
    from textual.app import App
    from textual.widgets import Footer, Header, Input, OptionList, Static

    class Stock(App):
        BINDINGS = [(key, "bell", key.upper()) for key in "jsrga"]

        def compose(self):
            yield Header()
            yield Static("Pick a person, then press Enter for a session together.")
            yield Input(placeholder="Search by name (press /)")
            yield OptionList(*(f"Person {n}" + chr(10) + "  Goals: none yet" + chr(10) + "  Last session: none yet"
                               for n in range(3)))
            yield Footer()

    app = Stock()
else:
    from cpi_chat.paths import resolve_paths
    from cpi_chat.tui.app import CpiChatApp
    from cpi_chat.workspace import Workspace

    app = CpiChatApp(Workspace(resolve_paths(data_dir=Path(folder), environ={})), demo=True)

async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        ready = time.monotonic()
        if kind == "app":
            assert type(app.screen).__name__ == "HomeScreen", app.screen
            assert app.screen.query_one("#people").option_count == 3, "everyone listed"
        print(ready)

asyncio.run(main())
"""


def time_process(kind: str, folder: Path) -> tuple[float, float]:
    """Seconds from launching a process until its first screen is ready, and until the process has ended."""
    started = time.monotonic()
    child = subprocess.run([sys.executable, "-c", CHILD, kind, str(folder)], check=True, capture_output=True, text=True)
    ended = time.monotonic()
    return float(child.stdout.split()[-1]) - started, ended - started


def build_demo(folder: Path) -> None:
    from cpi_chat.demo import fill_demo
    from cpi_chat.paths import resolve_paths
    from cpi_chat.workspace import Workspace

    workspace = Workspace(resolve_paths(data_dir=folder, environ={}), training=True)
    fill_demo(workspace)
    workspace.close()


def build_directory(folder: Path, count: int):  # type: ignore[no-untyped-def]
    """An asset directory of `count` assets: the demo town plus generated fictional ones."""
    sys.path.insert(0, str(HERE))
    from generate_directory import SEED, generate_rows

    from cpi_chat.assets.directory import AssetDirectory
    from cpi_chat.assets.model import CSV_COLUMNS
    from cpi_chat.paths import shipped_assets_dir

    with (shipped_assets_dir() / "demo_town.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows += generate_rows(count - len(rows), random.Random(SEED))
    csv_path = folder / "directory.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    directory = AssetDirectory.open(folder / "assets.db")
    directory.import_file(csv_path, bad_rows="refuse")  # builds the saved index too
    return directory


async def keystroke_times(directory, text: str) -> list[float]:  # type: ignore[no-untyped-def]
    """Milliseconds from each key event sent to the finder until its results are on screen."""
    from textual import events
    from textual.app import App

    from cpi_chat.tui.screens.finder import AssetFinderScreen

    finder = AssetFinderScreen(directory)
    shown = asyncio.Event()
    original = finder.show_results
    last_query: list[str] = [""]

    def show_results(query, hits, problem=""):  # type: ignore[no-untyped-def]
        original(query, hits, problem)
        last_query[0] = query
        shown.set()

    finder.show_results = show_results  # type: ignore[method-assign]
    app = App()
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(finder)
        await pilot.pause()
        await pilot.pause()
        for round_ in range(3):
            for number, char in enumerate(text, start=1):
                shown.clear()
                event = events.Key(char, char)
                started = time.perf_counter()
                app._driver.send_message(event)  # type: ignore[union-attr]
                while not (shown.is_set() and last_query[0].endswith(text[:number])):
                    shown.clear()
                    await asyncio.wait_for(shown.wait(), timeout=10)
                times.append((time.perf_counter() - started) * 1000)
            for _ in text:
                app._driver.send_message(events.Key("backspace", None))  # type: ignore[union-attr]
            await pilot.pause()
            await pilot.pause()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--assets", type=int, default=10_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo"
        build_demo(demo)
        time_process("bare", demo)  # warm the file cache for both
        time_process("app", demo)
        bare, app, stock = [], [], []
        for _ in range(options.runs):
            bare.append(time_process("bare", demo))
            app.append(time_process("app", demo))
            stock.append(time_process("stock", demo))
        bare_s, app_s, stock_s = (statistics.median(ready for ready, _ in runs) for runs in (bare, app, stock))
        bare_whole, app_whole = (statistics.median(whole for _, whole in runs) for runs in (bare, app))
        print(f"startup to a ready first screen: bare Textual app {bare_s * 1000:.0f} ms, cpi-chat home screen "
              f"{app_s * 1000:.0f} ms (medians of {options.runs}); ratio {app_s / bare_s:.2f} (target <= 1.3)")
        print(f"for context, the same layout from Textual's stock widgets (header, input, list, footer; no data): "
              f"{stock_s * 1000:.0f} ms, ratio {stock_s / bare_s:.2f}")
        print(f"whole process, launch to exit: bare {bare_whole * 1000:.0f} ms, cpi-chat {app_whole * 1000:.0f} ms; "
              f"ratio {app_whole / bare_whole:.2f}")

        big = Path(folder) / "big"
        big.mkdir()
        directory = build_directory(big, options.assets)
        times = asyncio.run(keystroke_times(directory, "kikboxing"))
        directory.close()
    median = statistics.median(times)
    p95 = sorted(times)[int(0.95 * (len(times) - 1))]
    print(f"finder keystroke to results at {options.assets} assets: median {median:.1f} ms, p95 {p95:.1f} ms "
          f"over {len(times)} keys (target <= 50 ms)")
    print(json.dumps({"startup_ratio": round(app_s / bare_s, 3), "startup_app_ms": round(app_s * 1000),
                      "startup_bare_ms": round(bare_s * 1000), "whole_process_ratio": round(app_whole / bare_whole, 3),
                      "stock_widgets_ratio": round(stock_s / bare_s, 3),
                      "keystroke_ms": round(median, 1),
                      "keystroke_p95_ms": round(p95, 1), "assets": options.assets}))


if __name__ == "__main__":
    main()
