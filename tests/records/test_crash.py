"""A program killed in the middle of saving leaves people.db sound, with the step either wholly saved or not at all."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from cpi_chat import records

KILLED_MID_SAVE = """
import os, signal, sys
from pathlib import Path
from cpi_chat import records

db = records.open_people_db(Path(sys.argv[1]))
person_id, session_id = int(sys.argv[2]), int(sys.argv[3])
db.conn.execute("PRAGMA cache_size=10")  # a tiny cache, so changed pages reach the file before commit
with records.transaction(db):
    records.save_goal(db, person_id, session_id, "g1", "commitment", "Kick-boxing class")
    for number in range(200):  # enough to spill pages to disk before the end
        records.save_interest(db, person_id, session_id, f"i{number}", "x" * 2000, "present")
    os.kill(os.getpid(), signal.SIGKILL)
    records.save_engine_state(db, session_id, '{"step": "never reached"}')
"""


def test_a_kill_during_a_step_saves_neither_the_goal_nor_the_place(db_path: Path, tmp_path: Path) -> None:
    db = records.open_people_db(db_path)
    person = records.add_person(db, "Dev Okafor")
    session_id = records.start_session(db, person.id, "joint", "setting_goals")
    records.save_engine_state(db, session_id, '{"step": "choose_kind"}')
    db.close()
    script = tmp_path / "killed.py"
    script.write_text(KILLED_MID_SAVE)
    done = subprocess.run([sys.executable, str(script), str(db_path), str(person.id), str(session_id)],
                          check=False, capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL

    db = records.open_people_db(db_path)  # rolls the leftover journal back
    assert records.list_goals(db, person.id) == []
    assert records.list_interests(db, person.id) == []
    assert records.unfinished_session(db, person.id).engine_state == '{"step": "choose_kind"}'
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    records.add_person(db, "Ann Lee")  # the next save replaces any journal the killed program left
    db.close()
    assert not Path(str(db_path) + "-journal").exists()
