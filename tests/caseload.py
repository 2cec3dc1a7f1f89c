"""A fictional caseload for tests and benchmarks: people supported over a year, written straight into people.db.

Each person is made from their own seeded random numbers, so a caseload split over several files
(`first=0, people=400` and `first=400, people=600`) holds exactly the people of one file made in one go.
Every name is invented (first names with made-up surnames) and every free text carries FREE_TEXT_MARK, so a
test can look for both in anything meant to hold neither. The generator keeps its own tallies of what it wrote,
counted while writing, so a test can check the report's SQL against figures it did not compute.
"""

from __future__ import annotations

import csv
import json
import random
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from cpi_chat import records
from cpi_chat.paths import shipped_assets_dir
from cpi_chat.records.gas import gas_t_score

FREE_TEXT_MARK = "zephyrine"
FIRST_NAMES = (
    "Ffion", "Tomasz", "Priya", "Declan", "Morwenna", "Idris", "Saoirse", "Kwame", "Hollis", "Agnieszka",
    "Bryn", "Oonagh", "Rafferty", "Yetunde", "Elspeth", "Caspian", "Nkechi", "Ludovic", "Perpetua", "Ossian",
    "Tamsin", "Emeka", "Wilhelmina", "Lachlan", "Zainab", "Crispin", "Ottilie", "Barnaby", "Ione", "Dashiell",
    "Rosalind", "Eamon", "Philippa", "Cormac", "Henrietta", "Jolyon", "Clemency", "Torquil", "Aurelie", "Fergus",
    "Marigold", "Anselm", "Blessing", "Peregrine", "Iolanthe", "Gethin", "Araminta", "Sholto", "Verity", "Ptolemy",
    "Euphemia", "Radomir", "Lowenna", "Cathal", "Honor", "Ignatius", "Sunniva", "Tobiah", "Delphine", "Wystan",
)
SURNAMES = (
    "Quillby", "Ashcombe-Frane", "Thistlewood", "Marrowfield", "Brackenbury", "Penhallow", "Oakhanger", "Drysdale",
    "Fennimore", "Gorringe", "Hawksmoor", "Ivelaw", "Jessamy", "Kittering", "Lamplugh", "Mirfield", "Nettlefold",
    "Ormerod", "Pellingham", "Quarrendon", "Rushworth", "Scattergood", "Tollemache", "Underhay", "Vavasour",
    "Wainfleet", "Yarborough", "Zouche", "Abernathy-Lisle", "Blenkinsop", "Catesby", "Dimmock", "Eversleigh",
    "Farnaby", "Grimshaw-Hale", "Hollingrake", "Inchbald", "Jephcott", "Kersley", "Loveridge", "Mallinder",
    "Northover", "Ottaway", "Plowright", "Quennell", "Ravenhill", "Sotheran", "Truscott", "Uttley", "Venning",
    "Whitcombe", "Yelverton", "Ashdown-Vell", "Bellingham", "Corrigan-Tate", "Dunstable", "Ellerby", "Fothergill",
    "Gedling", "Hesketh-Ware",
)
RATING_TOPICS = ("Feeling connected", "Seeing people", "Day to day")
WELLBEING = ("life_satisfaction", "worthwhile", "happy", "anxious")
HOW_OFTEN = ("every week", "every week", "every week", "twice a week", "every two weeks", "once a month")


def fictional_name(number: int) -> str:
    """The invented name of person `number`: every number below 3,600 has its own, and later ones add an initial."""
    first, surname = FIRST_NAMES[number % len(FIRST_NAMES)], SURNAMES[(number // len(FIRST_NAMES)) % len(SURNAMES)]
    rounds = number // (len(FIRST_NAMES) * len(SURNAMES))
    return f"{first} {chr(ord('A') + rounds % 26)}. {surname}" if rounds else f"{first} {surname}"


def demo_assets() -> list[dict[str, str]]:
    """The demo town's groups (id, name, domain, area), which the caseload's goals are linked to."""
    with (shipped_assets_dir() / "demo_town.csv").open(encoding="utf-8", newline="") as handle:
        return [{k: row[k] for k in ("id", "name", "domain", "area")} for row in csv.DictReader(handle)]


def popular_assets(assets: list[dict[str, str]]) -> list[dict[str, str]]:
    """The groups people go to: every one but each fifth, so the report has groups listed that nobody went to."""
    return [asset for number, asset in enumerate(sorted(assets, key=lambda a: a["id"])) if number % 5]


@dataclass
class Caseload:
    """What was generated: everyone's name, the period, and counts tallied while writing."""

    names: list[str] = field(default_factory=list)
    start: date = date(2026, 4, 1)
    end: date = date(2027, 3, 31)
    tallies: Counter[str] = field(default_factory=Counter)


class _Writer:
    """Rows for one people.db, collected then written in one transaction with executemany."""

    def __init__(self, conn: sqlite3.Connection, light: bool) -> None:
        self.conn, self.light = conn, light
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.next_id: Counter[str] = Counter({t: self._max_id(t) for t in ("person", "session", "goal", "gas_review") if t in tables})
        self.rows: dict[str, list[dict[str, object]]] = {}

    def _max_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])

    def add(self, table: str, **row: object) -> int:
        if table in self.next_id:
            self.next_id[table] += 1
            row["id"] = self.next_id[table]
        self.rows.setdefault(table, []).append(row)
        return int(row.get("id", 0))  # type: ignore[call-overload]

    def _columns(self, table: str) -> set[str]:
        # A file made by older code lacks newer tables and columns: those rows and fields are left out.
        return {row[1] for row in self.conn.execute(f'PRAGMA table_info("{table}")')}

    def flush(self) -> None:
        for table, rows in self.rows.items():
            known = self._columns(table)
            columns = [c for c in rows[0] if c in known]
            if not columns:
                continue
            marks = ", ".join("?" * len(columns))
            names = ", ".join(f'"{c}"' for c in columns)
            self.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', ([r.get(c) for c in columns] for r in rows))
        self.rows.clear()


def _at(day: date, rng: random.Random) -> str:
    return f"{day.isoformat()}T{rng.randint(9, 16):02d}:{rng.choice((0, 15, 30, 45)):02d}:00+00:00"


def _weeks(start: date, end: date) -> Iterator[date]:
    day = start + timedelta(days=7)
    while day <= end:
        yield day
        day += timedelta(days=7)


def _in(day: date, caseload: Caseload) -> bool:
    return caseload.start <= day <= caseload.end


class _Person:
    """One fictional person's year: sessions together every few weeks, goals, weekly check-ins, ratings."""

    def __init__(self, number: int, seed: int, writer: _Writer, caseload: Caseload, assets: list[dict[str, str]]) -> None:
        self.rng = random.Random(f"{seed}-{number}")
        self.writer, self.caseload, self.assets = writer, caseload, assets
        self.number = number
        self.goals: list[dict[str, object]] = []
        self.engagement = self.rng.uniform(0.25, 0.95)
        self.mood = self.rng.randint(2, 6)

    def live(self) -> None:
        rng, caseload = self.rng, self.caseload
        joined = caseload.start + timedelta(days=rng.randint(-200, 330))
        leaves = joined + timedelta(days=rng.randint(40, 160)) if rng.random() < 0.15 else caseload.end
        name = fictional_name(self.number)
        self.caseload.names.append(name)
        self.person_id = self.writer.add("person", name=name, created=_at(joined, rng), easy_read=int(rng.random() < 0.2),
                                         large_print=int(rng.random() < 0.1), high_contrast=0, plain_mode=0, theme="")
        day, first = joined, True
        active_days: set[date] = set()
        while day <= min(leaves, caseload.end):
            self._meeting(day, first)
            active_days.add(day)
            next_meeting = day + timedelta(weeks=rng.randint(4, 10))
            self._between(day, min(next_meeting - timedelta(days=1), leaves, caseload.end), active_days)
            day, first = next_meeting, False
        if any(_in(d, caseload) for d in active_days):
            caseload.tallies["people_supported"] += 1

    # -- a meeting together ---------------------------------------------------

    def _meeting(self, day: date, first: bool) -> None:
        rng, writer = self.rng, self.writer
        flow = "joint_session" if first else "review"
        state = None if writer.light and not first else json.dumps(
            {"flow": flow, "answers": {"typical_week": f"Quiet mostly, shopping on Mondays {FREE_TEXT_MARK}",
                                       "interests_now": f"Gardening and radio plays {FREE_TEXT_MARK}"}, "stack": [], "step": "end"})
        self.session = writer.add("session", person_id=self.person_id, mode="joint", flow_id=flow, engine_state=state,
                                  started=_at(day, rng), ended=_at(day, rng), outcome="completed")
        self.keys = iter(f"e{n}" for n in range(1, 1000))
        if _in(day, self.caseload):
            self.caseload.tallies["joint_sessions"] += 1
        if first:
            for when in ("present", "past"):
                self._row("interest", day, text=f"{rng.choice(('Football', 'Knitting', 'Birds', 'Cooking'))} {FREE_TEXT_MARK}", when=when)
            for _ in range(rng.randint(0, 3)):
                self._row("connection", day, text=f"My neighbour {FREE_TEXT_MARK}", kind=rng.choice(("person", "group", "place")))
            for _ in range(rng.randint(1, 2)):
                self._new_goal(day)
        else:
            self._review_goals(day)
            if rng.random() < 0.4:
                self._row("connection", day, text=f"Someone from the group {FREE_TEXT_MARK}", kind="group")
            if rng.random() < 0.2 or not any(g["status"] == "active" for g in self.goals):
                self._new_goal(day)
        if rng.random() < (0.85 if first else 0.6):
            self.mood = max(1, min(5, self.mood + rng.choice((-1, 0, 1, 1))))
            for topic in RATING_TOPICS:
                self._row("rating", day, topic=topic, score=max(1, min(5, self.mood + rng.choice((-1, 0, 0, 1)))),
                          words=f"Better days {FREE_TEXT_MARK}" if rng.random() < 0.3 else "", date=day.isoformat())
        if rng.random() < (0.7 if first else 0.5):
            for question in WELLBEING:
                base = self.mood * 2 if question != "anxious" else 10 - self.mood * 2
                self._row("wellbeing", day, question=question, score=max(0, min(10, base + rng.randint(-2, 2))), date=day.isoformat())
        if rng.random() < 0.3:
            remind = day + timedelta(weeks=rng.randint(1, 8))
            self._row("note", day, text=f"Ask about the bus pass {FREE_TEXT_MARK}", private=1, remind_on=remind.isoformat())

    def _row(self, table: str, day: date, **fields: object) -> int:
        return self.writer.add(table, person_id=self.person_id, session_id=self.session, effect_key=next(self.keys),
                               created=_at(day, self.rng), **fields)

    def _new_goal(self, day: date) -> None:
        rng = self.rng
        commitment = rng.random() < 0.75
        asset = rng.choice(self.assets) if commitment and rng.random() < 0.85 else None
        fields: dict[str, object] = {"kind": "commitment" if commitment else "target", "status": "active",
                                     "status_since": day.isoformat(), "pause_reason": ""}
        if commitment:
            fields.update(what=f"Go to {asset['name'] if asset else 'the coffee morning'} {FREE_TEXT_MARK}",
                          how_often=rng.choice(HOW_OFTEN), asset_id=asset["id"] if asset else "",
                          where=asset["area"] if asset else "")
        else:
            fields.update(what=f"Walk to the park and back {FREE_TEXT_MARK}", measure="distance walked",
                          by_when=(day + timedelta(weeks=12)).isoformat())
        goal_id = self._row("goal", day, **fields)
        self.goals.append(self.writer.rows["goal"][-1])  # the row itself, changed in place at reviews
        self._row("small_step", day, goal_id=goal_id, position=1, text=f"Ring the organiser {FREE_TEXT_MARK}",
                  owner=rng.choice(("person", "worker")), done=int(rng.random() < 0.5))
        if _in(day, self.caseload):
            self.caseload.tallies["goals_set"] += 1

    def _review_goals(self, day: date) -> None:
        rng = self.rng
        self._score_goals(day)
        for goal in self.goals:
            if goal["status"] not in ("active", "paused"):
                continue
            roll = rng.random()
            status = "achieved" if roll < 0.2 else "dropped" if roll < 0.28 else "paused" if roll < 0.33 else "active"
            if status == goal["status"]:
                continue
            goal.update(status=status, status_since=day.isoformat(), pause_reason="unwell" if status == "paused" else "")
            if _in(day, self.caseload) and status in ("achieved", "dropped"):
                self.caseload.tallies[f"goals_{status}"] += 1

    def _score_goals(self, day: date) -> None:
        """Goal Attainment Scaling at most reviews: each active goal from -2 to +2, drifting up as the person keeps going."""
        active = [goal for goal in self.goals if goal["status"] == "active"]
        if not active or self.rng.random() > 0.75 or "gas_review" not in self.writer.next_id:
            return
        levels = [max(-2, min(2, round(self.engagement * 3 - 2 + self.rng.choice((-1, 0, 0, 1))))) for _ in active]
        review = self.writer.add("gas_review", person_id=self.person_id, session_id=self.session, date=day.isoformat(),
                                 t_score=round(gas_t_score(levels), 4), goals=len(levels), created=_at(day, self.rng))
        for goal, level in zip(active, levels, strict=True):
            self._row("gas_score", day, review_id=review, goal_id=goal["id"], level=level, weight=1.0)

    # -- between meetings ----------------------------------------------------

    def _between(self, start: date, end: date, active_days: set[date]) -> None:
        for week in _weeks(start, end):
            for goal in self.goals:
                if goal["status"] != "active":
                    continue
                if goal["kind"] == "target" and self.rng.random() > 0.25:
                    continue
                if self._checkin(goal, week):
                    active_days.add(week)

    def _checkin(self, goal: dict[str, object], day: date) -> bool:
        rng = self.rng
        roll = rng.random()
        if goal["kind"] == "target":
            attended, value = None, f"{rng.randint(1, 5)} km"
        elif roll < self.engagement:
            attended, value = "yes", ""
        elif roll < self.engagement + 0.05:
            attended, value = "paused", ""
        elif roll < self.engagement + 0.25:
            attended, value = "no", ""
        else:
            return False  # not told this week
        session = self.writer.add("session", person_id=self.person_id, mode="self", flow_id="follow_up",
                                  engine_state=None if self.writer.light else json.dumps({"flow": "follow_up", "step": "end"}),
                                  started=_at(day, rng), ended=_at(day, rng), outcome="completed")
        self.writer.add("checkin", person_id=self.person_id, session_id=session, effect_key="e1", created=_at(day, rng),
                        goal_id=goal["id"], date=day.isoformat(), attended=attended, value=value,
                        feeling=f"Tired but glad {FREE_TEXT_MARK}" if rng.random() < 0.2 else "", by="person", note="")
        return True


def generate_caseload(db_path: Path, people: int = 1_000, *, first: int = 0, seed: int = 19, light: bool = False,
                      start: date = date(2026, 4, 1), end: date = date(2027, 3, 31)) -> Caseload:
    """Add `people` fictional people (numbers first, first+1, ...) supported from `start` to `end` to people.db."""
    records.open_people_db(db_path).close()  # made, private and migrated the ordinary way
    caseload = Caseload(start=start, end=end)
    assets = popular_assets(demo_assets())
    conn = sqlite3.connect(db_path)
    try:
        writer = _Writer(conn, light)
        with conn:
            for number in range(first, first + people):
                _Person(number, seed, writer, caseload, assets).live()
                if number % 200 == 199:
                    writer.flush()
            writer.flush()
    finally:
        conn.close()
    return caseload
