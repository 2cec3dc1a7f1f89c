"""A fictional demo person with a full plan, for the plan tests and the example picture (docs/images/my-plan.png).

Run `python -m tests.plan.demo OUT.html` to write the demo plan page.
"""

from __future__ import annotations

import csv
import sys
from datetime import date, timedelta
from pathlib import Path

from cpi_chat import records
from cpi_chat.assets.model import Asset
from cpi_chat.paths import shipped_assets_dir
from cpi_chat.plan.plan import PlanView, build_plan

TODAY = date(2026, 11, 24)  # a Tuesday
CANARY = "PRIVATE-CANARY: check the football results before we meet"
DEMO_ASSETS = ("kick-boxing-class", "hollinbridge-parkrun", "library-reading-circle")


def demo_assets() -> dict[str, Asset]:
    """The few demo-town assets the demo person's goals use, read from the shipped CSV."""
    with open(shipped_assets_dir() / "demo_town.csv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["id"] in DEMO_ASSETS]
    return {row["id"]: Asset.from_row({**row, "last_verified": None}) for row in rows}


def add_demo_person(db: records.PeopleDatabase) -> int:
    """Add Marcus Reid (fictional): kick-boxing weekly, a 5 km run by spring, a next meeting, and a private note."""
    person = records.add_person(db, "Marcus Reid")
    first = records.start_session(db, person.id, "joint", "first_session")
    records.save_connection(db, person.id, first, "c1", "My sister Jo, my neighbour Dev", "person")
    records.save_connection(db, person.id, first, "c2", "The corner shop", "place")
    records.save_rating(db, person.id, first, "r1", "How connected I feel", 2, "a bit cut off", on=TODAY - timedelta(days=70))
    records.save_rating(db, person.id, first, "r2", "How often I see people", 2, on=TODAY - timedelta(days=70))
    records.save_rating(db, person.id, first, "r3", "How I feel day to day", 3, on=TODAY - timedelta(days=70))
    records.end_session(db, first)
    kick = records.add_goal(db, person.id, "commitment", "Kick-boxing class", how_often="every week",
                            asset_id="kick-boxing-class", first_visit="With my worker")
    records.save_small_step(db, person.id, None, None, "Fill in the gym induction form", goal_id=kick.id)
    records.save_small_step(db, person.id, None, None, "Phone the leisure centre about the first class", owner="worker", goal_id=kick.id)
    records.save_small_step(db, person.id, None, None, "Buy a water bottle", goal_id=kick.id)
    steps = records.get_goal(db, kick.id).steps
    records.set_step_done(db, steps[0].id)
    records.set_step_done(db, steps[1].id)
    for weeks_ago, attended in ((5, True), (4, True), (3, "paused"), (2, True), (1, True)):
        records.add_checkin(db, person.id, kick.id, attended=attended, on=TODAY - timedelta(weeks=weeks_ago, days=-2))
    run = records.add_goal(db, person.id, "target", "Run 5 km at parkrun", measure="run 5 km", by_when="2027-03-27",
                           asset_id="hollinbridge-parkrun", first_visit="With a friend or a buddy")
    records.save_small_step(db, person.id, None, None, "Ask the running club about beginners' nights", goal_id=run.id)
    records.save_small_step(db, person.id, None, None, "Register for parkrun and print the barcode", owner="someone_else", goal_id=run.id)
    records.add_checkin(db, person.id, run.id, value="2 km", on=TODAY - timedelta(weeks=3))
    records.add_checkin(db, person.id, run.id, value="3 km in 25 minutes", on=TODAY - timedelta(weeks=1))
    review = records.start_session(db, person.id, "joint", "review")
    records.save_connection(db, person.id, review, "c3", "Dan from kick-boxing", "person")
    records.save_rating(db, person.id, review, "r4", "How connected I feel", 4, "better since the class", on=TODAY - timedelta(days=1))
    records.save_rating(db, person.id, review, "r5", "How often I see people", 3, on=TODAY - timedelta(days=1))
    records.save_rating(db, person.id, review, "r6", "How I feel day to day", 3, on=TODAY - timedelta(days=1))
    records.save_note(db, person.id, review, "n1", "Who to contact for help: my worker Sam on 01632 960123")
    records.save_note(db, person.id, review, "n2", "Next meeting: 2027-01-12", remind_on="2027-01-12")
    records.save_note(db, person.id, review, "n3", CANARY, private=True, remind_on="2026-12-01")
    records.end_session(db, review)
    return person.id


def demo_plan(db: records.PeopleDatabase) -> PlanView:
    """The demo person's plan as of TODAY, with the demo-town assets."""
    assets = demo_assets()
    return build_plan(db, add_demo_person(db), assets.get, today=TODAY)


if __name__ == "__main__":  # pragma: no cover - used to make the example picture
    import tempfile

    from cpi_chat.plan.html import render_plan_html

    with tempfile.TemporaryDirectory() as folder:
        database = records.open_people_db(Path(folder) / "people.db")
        Path(sys.argv[1]).write_text(render_plan_html(demo_plan(database)), encoding="utf-8")
        database.close()
