"""Two programs at once (the worker's app and the person's self check-in) share people.db without losing or doubling rows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cpi_chat import records

WRITER = """
import sys
from pathlib import Path
from cpi_chat import records

db_path, label, goal_id, session_id = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
db = records.open_people_db(db_path, busy_seconds=20)
person_id = records.get_goal(db, goal_id).person_id
for number in range(40):
    records.add_checkin(db, person_id, goal_id, value=f"{label}-{number}")
    # Both programs replay the same session effects: each key must still be saved once.
    records.save_checkin(db, person_id, session_id, f"shared-{number}", goal_id, attended=True)
db.close()
"""


def test_two_processes_writing_check_ins_at_once_lose_and_double_nothing(db_path: Path, tmp_path: Path) -> None:
    db = records.open_people_db(db_path)
    person = records.add_person(db, "Dev Okafor")
    goal = records.add_goal(db, person.id, "commitment", "Kick-boxing class")
    session_id = records.start_session(db, person.id, "self", "check_in")
    db.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    writers = [
        subprocess.Popen([sys.executable, str(script), str(db_path), label, str(goal.id), str(session_id)],
                         stderr=subprocess.PIPE, text=True)
        for label in ("worker", "self")
    ]
    errors = [w.communicate(timeout=60)[1] for w in writers]
    assert [w.returncode for w in writers] == [0, 0], errors

    db = records.open_people_db(db_path)
    values = [c.value for c in records.get_goal(db, goal.id).checkins if c.value]
    assert sorted(values) == sorted(f"{label}-{n}" for label in ("worker", "self") for n in range(40))
    shared = db.execute("SELECT count(*), count(DISTINCT effect_key) FROM checkin WHERE session_id = ?", [session_id]).fetchone()
    assert shared == (40, 40)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
