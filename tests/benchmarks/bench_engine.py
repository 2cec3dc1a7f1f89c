"""Benchmark: loading and checking all flows (< 100 ms) and one engine step (< 1 ms), each beside a baseline.

Run: `python tests/benchmarks/bench_engine.py` (a script, not collected by pytest). The baselines are
measured in the same run on the same files: a plain `yaml.safe_load` of every flow file, and a
trivial walk over plain dicts with the same number of steps. The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from cpi_chat.dialogue.engine import Engine
from cpi_chat.dialogue.events import Event
from cpi_chat.dialogue.loader import flow_files, load_library
from cpi_chat.dialogue.transcripts import load_transcript

ROOT = Path(__file__).resolve().parents[2]
FLOWS_DIR = ROOT / "flows"
LOAD_TARGET_MS = 100.0
STEP_TARGET_MS = 1.0
ROUNDS = 15


def _median_ms(work: Callable[[], object], rounds: int = ROUNDS) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _load_and_check() -> None:
    library = load_library([FLOWS_DIR])
    if library.errors:
        raise SystemExit(f"the shipped flows have problems: {library.errors[0]}")


def _plain_yaml() -> None:
    for path in flow_files([FLOWS_DIR]):
        yaml.safe_load(path.read_text(encoding="utf-8"))


def _scripts(engine: Engine) -> list[tuple[str, dict[str, str], list[Event]]]:
    scripts = []
    for path in sorted((FLOWS_DIR / "transcripts").glob("*.yaml")):
        transcript = load_transcript(path)
        scripts.append((transcript.flow, {"today": "2026-11-25", **transcript.context}, [t.event() for t in transcript.turns]))
    return scripts


def _play_all(engine: Engine, scripts: list[tuple[str, dict[str, str], list[Event]]]) -> None:
    for flow_id, context, events in scripts:
        state, _ = engine.start(flow_id, context)
        for event in events:
            state, _ = engine.handle(state, event)


def _dict_walk(graphs: list[dict[str, dict[str, str]]], steps: int) -> None:
    """The least a step could cost: look up the current step in a dict and follow its `next`."""
    done = 0
    while done < steps:
        for graph in graphs:
            here = next(iter(graph))
            for _ in range(len(graph)):
                here = graph[here].get("next") or here
                done += 1


def main() -> int:
    """Run both measurements, print a readable summary and a final JSON line; exit 1 if a target is missed."""
    load_ms = _median_ms(_load_and_check)
    yaml_ms = _median_ms(_plain_yaml)

    library = load_library([FLOWS_DIR])
    engine = Engine(library.flows)
    scripts = _scripts(engine)
    steps = sum(len(events) + 1 for _, _, events in scripts)
    play_ms = _median_ms(lambda: _play_all(engine, scripts))
    step_ms = play_ms / steps
    graphs = [
        {s["id"]: {"next": s.get("next", "")} for s in yaml.safe_load(p.read_text(encoding="utf-8"))["steps"]}
        for p in flow_files([FLOWS_DIR])
    ]
    walk_ms = _median_ms(lambda: _dict_walk(graphs, steps)) / steps

    result = {
        "flows": len(library.sources),
        "load_and_check_ms": round(load_ms, 3),
        "load_target_ms": LOAD_TARGET_MS,
        "baseline_yaml_safe_load_ms": round(yaml_ms, 3),
        "load_vs_baseline": round(load_ms / yaml_ms, 2),
        "engine_steps_timed": steps,
        "engine_step_ms": round(step_ms, 4),
        "step_target_ms": STEP_TARGET_MS,
        "baseline_dict_walk_step_ms": round(walk_ms, 6),
        "step_vs_baseline": round(step_ms / walk_ms, 1),
        "targets_met": load_ms < LOAD_TARGET_MS and step_ms < STEP_TARGET_MS,
    }
    print(f"load and check {result['flows']} flows: {load_ms:.1f} ms (target < {LOAD_TARGET_MS:.0f} ms; "
          f"plain yaml.safe_load {yaml_ms:.1f} ms, x{result['load_vs_baseline']})")
    print(f"one engine step: {step_ms:.4f} ms over {steps} steps (target < {STEP_TARGET_MS:.0f} ms; "
          f"dict walk {walk_ms:.6f} ms, x{result['step_vs_baseline']})")
    print(json.dumps(result))
    return 0 if result["targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
