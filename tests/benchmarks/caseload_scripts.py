"""The small programs bench_caseload.py runs as new processes: a first frame, and plain sqlite3 scripts to compare with."""

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
else:
    from cpi_chat.paths import resolve_paths
    from cpi_chat.tui.app import CpiChatApp
    from cpi_chat.workspace import Workspace

    app = CpiChatApp(Workspace(resolve_paths(data_dir=Path(folder), environ={})))

async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        ready = time.monotonic()
        if kind == "app":
            assert type(app.screen).__name__ == "HomeScreen", app.screen
        print(ready)

asyncio.run(main())
"""
PLAIN_GOALS_LIST = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.row_factory = sqlite3.Row
person = conn.execute("SELECT id FROM person WHERE name = ?", (sys.argv[2],)).fetchone()["id"]
goals = [dict(g) for g in conn.execute("SELECT * FROM goal WHERE person_id = ? ORDER BY id", (person,))]
for goal in goals:
    goal["steps"] = [dict(s) for s in conn.execute("SELECT * FROM small_step WHERE goal_id = ? ORDER BY position", (goal["id"],))]
    goal["checkins"] = [dict(c) for c in conn.execute("SELECT * FROM checkin WHERE goal_id = ? ORDER BY date", (goal["id"],))]
print(json.dumps(goals, indent=2))
"""
PLAIN_CHECKIN = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA foreign_keys=ON")
conn.execute("BEGIN IMMEDIATE")
person = conn.execute("SELECT id FROM person WHERE name = ?", (sys.argv[2],)).fetchone()[0]
cursor = conn.execute("INSERT INTO checkin (person_id, goal_id, date, value, attended, feeling, note, by, created) "
                      "VALUES (?, ?, ?, '3 km', NULL, '', '', 'worker', datetime('now'))", (person, int(sys.argv[3]), sys.argv[4]))
conn.execute("INSERT INTO audit (at, os_user, action, table_name, record_id) VALUES (datetime('now'), 'me', 'create', 'checkin', ?)",
             (cursor.lastrowid,))
conn.execute("COMMIT")
print(f"Saved a check-in on goal {sys.argv[3]} for {sys.argv[4]}.")
"""
