"""Benchmark people.db: open + list 1,000 people with their goals (< 100 ms); save one engine step (< 5 ms).

Run: /work/venv/bin/python tests/benchmarks/bench_records.py
Each figure is a median, printed beside a bare-sqlite3 baseline measured in the same run; the last line is JSON.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cpi_chat import records

PEOPLE = 1_000
OPEN_AND_LIST_TARGET_MS = 100.0
ENGINE_STEP_TARGET_MS = 5.0


def median_ms(action: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def fill(db_path: Path) -> tuple[int, int]:
    """1,000 fictional people, each with two goals of three steps and two check-ins; returns a person and session."""
    db = records.open_people_db(db_path)
    now = "2026-11-25T09:00:00+00:00"
    with records.transaction(db):
        for n in range(PEOPLE):
            person_id = db.table("person").insert({"name": f"Person {n:04d}", "created": now}).last_pk
            session_id = db.table("session").insert({"person_id": person_id, "mode": "joint", "flow_id": "setting_goals", "started": now}).last_pk
            for g, (kind, what) in enumerate([("commitment", "Kick-boxing class"), ("target", "Run 5 km")]):
                goal_id = db.table("goal").insert({"person_id": person_id, "session_id": session_id, "effect_key": f"g{g}",
                                                   "created": now, "kind": kind, "what": what, "status": "active"}).last_pk
                db.table("small_step").insert_all(
                    {"person_id": person_id, "session_id": session_id, "effect_key": f"g{g}s{s}", "created": now,
                     "goal_id": goal_id, "position": s, "text": f"Step {s}", "owner": "person"} for s in range(3))
                db.table("checkin").insert_all(
                    {"person_id": person_id, "goal_id": goal_id, "created": now, "date": f"2026-11-{10 + c}",
                     "attended": "yes", "by": "person"} for c in range(2))
    person = records.add_person(db, "Dev Okafor")
    session_id = records.start_session(db, person.id, "joint", "setting_goals")
    db.close()
    return person.id, session_id


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "data" / "people.db"
        person_id, session_id = fill(db_path)

        def open_and_list() -> None:
            db = records.open_people_db(db_path)
            assert len(records.list_people(db)) == PEOPLE + 1
            db.close()

        def bare_open_and_list() -> None:
            conn = sqlite3.connect(db_path)
            conn.execute("SELECT p.id, p.name, g.what FROM person p LEFT JOIN goal g ON g.person_id = p.id AND g.status = 'active'").fetchall()
            conn.close()

        db = records.open_people_db(db_path)

        def every_goal_with_steps() -> None:
            for person in records.list_people(db):
                records.list_goals(db, person.id)

        step_numbers = iter(range(1_000_000))

        def engine_step() -> None:
            number = next(step_numbers)
            with records.transaction(db):
                records.save_interest(db, person_id, session_id, f"i{number}", "Football", "past")
                records.save_engine_state(db, session_id, json.dumps({"step": "interests", "answers": {"n": number}}))

        conn = sqlite3.connect(db_path, isolation_level=None)

        def bare_engine_step() -> None:
            number = next(step_numbers)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO interest (person_id, session_id, effect_key, created, text, \"when\") VALUES (?, ?, ?, 'x', 'Football', 'past')",
                         [person_id, session_id, f"b{number}"])
            conn.execute("UPDATE session SET engine_state = ? WHERE id = ?", [json.dumps({"n": number}), session_id])
            conn.execute("COMMIT")

        results = {
            "open_and_list_ms": median_ms(open_and_list, 15),
            "open_and_list_baseline_ms": median_ms(bare_open_and_list, 15),
            "every_goal_with_steps_ms": median_ms(every_goal_with_steps, 3),
            "engine_step_ms": median_ms(engine_step, 200),
            "engine_step_baseline_ms": median_ms(bare_engine_step, 200),
        }
        conn.close()
        db.close()

    ratio_list = results["open_and_list_ms"] / results["open_and_list_baseline_ms"]
    ratio_step = results["engine_step_ms"] / results["engine_step_baseline_ms"]
    print(f"open people.db and list {PEOPLE:,} people with their active goals: {results['open_and_list_ms']:.1f} ms "
          f"(target < {OPEN_AND_LIST_TARGET_MS:.0f} ms; bare sqlite3 open+select {results['open_and_list_baseline_ms']:.1f} ms, x{ratio_list:.1f})")
    print(f"every person's goals with steps and check-ins, one call each: {results['every_goal_with_steps_ms']:.1f} ms")
    print(f"save one engine step (state + one effect, one transaction): {results['engine_step_ms']:.2f} ms "
          f"(target < {ENGINE_STEP_TARGET_MS:.0f} ms; bare sqlite3 {results['engine_step_baseline_ms']:.2f} ms, x{ratio_step:.1f})")
    summary = {
        "benchmark": "records", "people": PEOPLE,
        **{k: round(v, 3) for k, v in results.items()},
        "open_and_list_ratio": round(ratio_list, 2), "engine_step_ratio": round(ratio_step, 2),
        "open_and_list_ok": results["open_and_list_ms"] < OPEN_AND_LIST_TARGET_MS,
        "engine_step_ok": results["engine_step_ms"] < ENGINE_STEP_TARGET_MS,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
