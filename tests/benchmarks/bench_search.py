"""Benchmark the directory at 1,000, 100,000 (and with --million, 1,000,000) assets against issue 17's targets.

Run: python tests/benchmarks/bench_search.py [--million] [--quick]
Each directory is generated deterministically (same seed, same assets) and includes the demo
town, so the labelled queries of tests/search_queries.yaml are also scored among the
distractors. Measured in the same run: the CSV import (index built with it) and its peak memory,
in a child process; a whole `cpi-chat assets search` process at 1,000 and at 100,000 assets; the
time from opening the finder to its first results; per-query times against a naive
`rapidfuzz.process.extract` scan of every name. The last line printed is one JSON object with
every figure, each beside its target.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from cpi_chat.assets.directory import AssetDirectory, SearchFilters
from cpi_chat.assets.model import CSV_COLUMNS
from cpi_chat.paths import shipped_assets_dir

sys.path.insert(0, str(Path(__file__).parent))
from generate_directory import SEED, generate_rows, generated_queries

TARGETS = {
    "one_shot_ratio_100k_to_1k": 2.0, "finder_first_results_ms": 300.0, "import_100k_s": 10.0, "import_100k_peak_mb": 300.0,
    "import_1m_s": 120.0, "import_1m_peak_mb": 1500.0, "query_p95_1m_ms": 20.0,
}
ONE_SHOT_QUERY = "football"


def write_directory(folder: Path, count: int) -> Path:
    """A CSV of `count` assets: the demo town, then generated clubs (written row by row)."""
    with (shipped_assets_dir() / "demo_town.csv").open(encoding="utf-8", newline="") as handle:
        demo_rows = list(csv.DictReader(handle))
    path = folder / f"directory-{count}.csv"
    rng = random.Random(SEED)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(demo_rows[:count])
        for row in generate_rows(max(0, count - len(demo_rows)), rng):
            writer.writerow(row)
    return path


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cpi_chat", *args], capture_output=True, text=True, check=False,
                          env={**os.environ, "CPI_CHAT_DATA_DIR": tempfile.gettempdir()})


def timed_import(csv_path: Path, db: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB) of `cpi-chat assets import`, in a child process of its own."""
    script = (
        "import resource, sys, time\n"
        "from cpi_chat.assets.directory import AssetDirectory\n"
        "started = time.perf_counter()\n"
        "AssetDirectory.open(sys.argv[2]).import_file(sys.argv[1], bad_rows='refuse')\n"
        "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(csv_path), str(db)], capture_output=True, text=True, check=True)
    seconds, peak = result.stdout.split()
    return float(seconds), float(peak)


def one_shot_seconds(db: Path, runs: int = 5) -> float:
    """The median wall time of a whole `cpi-chat assets search` process."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = cli("--assets-db", str(db), "assets", "search", ONE_SHOT_QUERY, "--limit", "5")
        times.append(time.perf_counter() - started)
        assert result.returncode == 0, result.stderr
    return statistics.median(times)


def finder_first_results_ms(db: Path, cold: bool = False) -> float:
    """Milliseconds from Ctrl+F opening the finder to its first results on screen.

    In a conversation the directory is already open (the session searches it); `cold` opens it too,
    as the first thing the app does with it.
    """
    from textual.app import App

    from cpi_chat.tui.screens.finder import AssetFinderScreen

    class Host(App[None]):
        pass

    async def measure() -> float:
        app = Host()
        directory = None if cold else AssetDirectory.open(db)
        async with app.run_test(size=(100, 30)) as pilot:
            started = time.perf_counter()
            screen = AssetFinderScreen(directory or AssetDirectory.open(db), query="walking football")
            app.push_screen(screen)
            while not screen.hits:
                await pilot.pause(0.005)
                if time.perf_counter() - started > 30:
                    raise RuntimeError("the finder showed nothing in 30 s")
            shown = (time.perf_counter() - started) * 1000
            await app.workers.wait_for_complete()  # the filters come just after: let them finish before closing
            await pilot.pause()
            return shown

    return min(asyncio.run(measure()) for _ in range(3))


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def query_times(directory: AssetDirectory, queries: list[tuple[str, SearchFilters]]) -> tuple[list[float], list[list[str]]]:
    times, found = [], []
    for query, filters in queries:
        started = time.perf_counter()
        hits = directory.search(query, 10, filters)
        times.append((time.perf_counter() - started) * 1000)
        found.append([h.asset.id for h in hits])
    return times, found


def main() -> None:
    """Build, import, search and compare; print the figures and, last, one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--million", action="store_true", help="Also measure 1,000,000 assets (several minutes).")
    parser.add_argument("--quick", action="store_true", help="Time the naive baseline on 200 queries only.")
    options = parser.parse_args()
    entries = yaml.safe_load((Path(__file__).resolve().parents[1] / "search_queries.yaml").read_text(encoding="utf-8"))
    labelled = [e for e in entries if e.get("directory", "demo") == "demo"]  # the ones about the demo town
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        small_csv, big_csv = write_directory(folder, 1000), write_directory(folder, 100_000)
        small_db, big_db = folder / "small.db", folder / "big.db"
        timed_import(small_csv, small_db)
        figures["import_100k_s"], figures["import_100k_peak_mb"] = (round(v, 2) for v in timed_import(big_csv, big_db))
        print(f"import of 100,000 assets (index included): {figures['import_100k_s']} s, peak {figures['import_100k_peak_mb']} MB")

        small, big = one_shot_seconds(small_db), one_shot_seconds(big_db)
        figures.update(one_shot_1k_s=round(small, 3), one_shot_100k_s=round(big, 3),
                       one_shot_ratio_100k_to_1k=round(big / small, 2))
        print(f"whole `cpi-chat assets search` process: {small:.3f} s at 1,000, {big:.3f} s at 100,000 ({big / small:.2f}x)")

        figures["finder_first_results_ms"] = round(finder_first_results_ms(big_db), 1)
        figures["finder_first_results_opening_the_directory_ms"] = round(finder_first_results_ms(big_db, cold=True), 1)
        print(f"finder's first results at 100,000: {figures['finder_first_results_ms']} ms "
              f"({figures['finder_first_results_opening_the_directory_ms']} ms when it also opens the directory)")

        directory = AssetDirectory.open(big_db)
        rng = random.Random(SEED + 1)
        areas = sorted({a.area for a in directory.all()[:5000] if a.area})
        queries = [(e["q"], SearchFilters(**(e.get("filters") or {}))) for e in labelled]
        queries += [(q, SearchFilters()) for q in generated_queries(1000, rng, areas)]
        ours, found = query_times(directory, queries)
        rows = [(a.id, a.name) for a in directory.all()]
        names, ids = [n for _, n in rows], [i for i, _ in rows]
        baseline_queries = queries if not options.quick else queries[:200]
        naive, naive_found = [], []
        for query, _ in baseline_queries:
            started = time.perf_counter()
            result = process.extract(query, names, scorer=fuzz.WRatio, limit=10)
            naive.append((time.perf_counter() - started) * 1000)
            naive_found.append([ids[i] for _, _, i in result])

        def hit_at_5(results: list[list[str]]) -> float:
            return round(sum(1 for e, f in zip(labelled, results) if set(e["relevant"]) & set(f[:5])) / len(labelled), 3)

        figures.update(
            query_p50_100k_ms=round(statistics.median(ours), 2), query_p95_100k_ms=round(percentile(ours, 0.95), 2),
            baseline_p50_100k_ms=round(statistics.median(naive), 2), baseline_p95_100k_ms=round(percentile(naive, 0.95), 2),
            labelled_hit_at_5_among_100k=hit_at_5(found), baseline_labelled_hit_at_5_among_100k=hit_at_5(naive_found),
        )
        print(f"queries at 100,000: p50 {figures['query_p50_100k_ms']} ms, p95 {figures['query_p95_100k_ms']} ms "
              f"(naive scan p50 {figures['baseline_p50_100k_ms']} ms, p95 {figures['baseline_p95_100k_ms']} ms)")
        print(f"labelled hit@5 among 100,000: ours {figures['labelled_hit_at_5_among_100k']}, "
              f"naive {figures['baseline_labelled_hit_at_5_among_100k']}")
        directory.close()

        if options.million:
            million_csv = write_directory(folder, 1_000_000)
            million_db = folder / "million.db"
            figures["import_1m_s"], figures["import_1m_peak_mb"] = (round(v, 1) for v in timed_import(million_csv, million_db))
            print(f"import of 1,000,000 assets: {figures['import_1m_s']} s, peak {figures['import_1m_peak_mb']} MB")
            directory = AssetDirectory.open(million_db)
            times, _ = query_times(directory, queries[:400])
            figures["query_p95_1m_ms"] = round(percentile(times, 0.95), 2)
            figures["query_p50_1m_ms"] = round(statistics.median(times), 2)
            print(f"queries at 1,000,000: p50 {figures['query_p50_1m_ms']} ms, p95 {figures['query_p95_1m_ms']} ms")
            directory.close()
    figures["targets"] = {k: v for k, v in TARGETS.items() if k in figures}
    figures["met"] = {
        k: (figures[k] <= v) for k, v in TARGETS.items() if k in figures  # type: ignore[operator]
    }
    print(f"peak memory of this benchmark process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
