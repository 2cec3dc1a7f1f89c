"""Gather the outcomes report's figures for a period from people.db: counts and sums, never a name, an id or words.

Reads through a plain sqlite3 connection (no sqlite-utils) so a report over a year of a large caseload
takes well under a second. The directory's groups come in as a `DirectoryListing` (made by the action
from assets.db), so this module never opens a file itself.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from cpi_chat.plan.circles import build_circles
from cpi_chat.plan.wellbeing import LOWER_IS_BETTER
from cpi_chat.records.model import WELLBEING_QUESTIONS, Connection
from cpi_chat.records.progress import PeriodKind, parse_how_often
from cpi_chat.report.figures import (
    SUM_DECIMALS,
    Attendance,
    Change,
    CirclesOfSupport,
    DirectoryCell,
    Figures,
    GoalScores,
)


@dataclass(frozen=True)
class ListedGroup:
    """A group in the directory as the report sees it: its id (to match goals), its domain label and its areas."""

    id: str
    domain: str
    areas: tuple[str, ...]


@dataclass(frozen=True)
class DirectoryListing:
    """The directory's active groups and the ten domains, in their usual order."""

    domains: tuple[str, ...]
    groups: tuple[ListedGroup, ...] = ()


@dataclass(frozen=True)
class Period:
    """The report's first and last day; `after` is the day after the last, for comparing times of day."""

    start: date
    end: date

    @property
    def after(self) -> str:
        return (self.end + timedelta(days=1)).isoformat()

    def holds(self, day: str) -> bool:
        return self.start.isoformat() <= day[:10] <= self.end.isoformat()


def gather(conn: sqlite3.Connection, start: date, end: date, listing: DirectoryListing) -> Figures:
    """Every figure of the outcomes report for the people in this file, from `start` to `end` inclusive."""
    period = Period(start, end)
    went = _went_to_groups(conn, period)
    supported = _supported_ids(conn, period)
    return Figures.model_validate({
        "period_from": start, "period_to": end, "people_supported": len(supported), **_counts(conn, period),
        "goal_scores": gather_goal_scores(conn, period), "attendance": _attendance(conn, period),
        "circles": _circles(conn, period, supported),
        "ratings": _changes(conn, period, "rating", "topic", rating_topics(conn)),
        "wellbeing": _changes(conn, period, "wellbeing", "question", WELLBEING_QUESTIONS, LOWER_IS_BETTER),
        "domains_joined": _domains_joined(went, listing), "directory": _directory_cells(went, listing),
    })


def rating_topics(conn: sqlite3.Connection) -> list[str]:
    """The 'how things are going' topics rated: words from the flows, never a person's (a flow's topic is fixed text)."""
    topics: dict[str, str] = {}
    for (topic,) in conn.execute("SELECT DISTINCT topic FROM rating ORDER BY id"):
        topics.setdefault(" ".join(str(topic).casefold().split()), " ".join(str(topic).split()))
    return list(topics.values())


def _one(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> int:
    return int(conn.execute(sql, params).fetchone()[0] or 0)


def _supported_ids(conn: sqlite3.Connection, period: Period) -> set[int]:
    """People with a session together or alone, or a check-in, in the period (training sessions are not people supported)."""
    sessions = conn.execute("SELECT DISTINCT person_id FROM session WHERE mode IN ('joint', 'self') AND started >= ? AND started < ?",
                            (period.start.isoformat(), period.after))
    checkins = conn.execute("SELECT DISTINCT person_id FROM checkin WHERE date BETWEEN ? AND ?",
                            (period.start.isoformat(), period.end.isoformat()))
    return {row[0] for row in sessions} | {row[0] for row in checkins}


def _counts(conn: sqlite3.Connection, period: Period) -> dict[str, int]:
    first, after, last = period.start.isoformat(), period.after, period.end.isoformat()
    return {
        "people_started": _one(conn, "SELECT count(*) FROM (SELECT min(started) AS first FROM session WHERE mode = 'joint' "
                                     "GROUP BY person_id) WHERE first >= ? AND first < ?", (first, after)),
        "sessions_together": _one(conn, "SELECT count(*) FROM session WHERE mode = 'joint' AND started >= ? AND started < ?", (first, after)),
        "checkins": _one(conn, "SELECT count(*) FROM checkin WHERE date BETWEEN ? AND ?", (first, last)),
        "goals_set": _one(conn, "SELECT count(*) FROM goal WHERE created >= ? AND created < ?", (first, after)),
        "goals_achieved": _one(conn, "SELECT count(*) FROM goal WHERE status = 'achieved' AND status_since BETWEEN ? AND ?", (first, last)),
        "goals_stopped": _one(conn, "SELECT count(*) FROM goal WHERE status = 'dropped' AND status_since BETWEEN ? AND ?", (first, last)),
    }


# -- Goal Attainment Scaling ------------------------------------------------------------------


def t_score_rows(conn: sqlite3.Connection, period: Period) -> list[tuple[int, str, float]]:
    """Each review's GAS T-score as (person, day, T), up to the period's end (one row per review: records.gas keeps them)."""
    return [(row[0], row[1], float(row[2])) for row in conn.execute(
        "SELECT person_id, date, t_score FROM gas_review WHERE date <= ? AND t_score IS NOT NULL ORDER BY date, id",
        (period.end.isoformat(),))]


def gather_goal_scores(conn: sqlite3.Connection, period: Period) -> GoalScores | None:
    """The GAS T-scores in the period: each person's latest, and their first against their latest; None if none."""
    return goal_scores_from(t_score_rows(conn, period), period)


def goal_scores_from(scores: Iterable[tuple[int, str, float]], period: Period) -> GoalScores | None:
    """GoalScores from (person, day, T) rows: the latest T in the period per person, and the change from their first."""
    by_person: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for person_id, day, t_score in scores:
        if day[:10] <= period.end.isoformat():
            by_person[person_id].append((day, t_score))
    latest = {p: max(h) for p, h in by_person.items() if period.holds(max(h)[0])}
    if not latest:
        return None
    histories = ([value for _, value in sorted(by_person[p])] for p in latest)
    change = _change_of([(h[0], h[-1]) for h in histories if len(h) >= 2], lower_is_better=False)
    return GoalScores(people_scored=len(latest), latest_sum=round(math.fsum(t for _, t in latest.values()), SUM_DECIMALS),
                      change=change)


def _change_of(first_and_latest: list[tuple[float, float]], lower_is_better: bool) -> Change:
    """First against latest, for everyone measured at least twice (given as their first and latest values)."""
    better = same = worse = 0
    for first, latest in first_and_latest:
        delta = -(latest - first) if lower_is_better else latest - first
        better, same, worse = better + (delta > 0), same + (delta == 0), worse + (delta < 0)
    return Change(people=len(first_and_latest), first_sum=round(math.fsum(f for f, _ in first_and_latest), SUM_DECIMALS),
                  latest_sum=round(math.fsum(latest for _, latest in first_and_latest), SUM_DECIMALS),
                  better=better, same=same, worse=worse)


def _changes(conn: sqlite3.Connection, period: Period, table: str, column: str, labels: Sequence[str],
             lower_is_better: frozenset[str] = frozenset()) -> dict[str, Change]:
    """For each label (a rating topic, an ONS question): first against latest, for people whose latest is in the period."""
    wanted = {" ".join(label.casefold().split()): label for label in labels}
    label_of: dict[str, str | None] = {}  # each topic as written, read once ("seeing  people" is "Seeing people")
    # (person, label) -> [answers, first score, latest day, latest score], in the order the answers were given
    found: dict[tuple[int, str], list[Any]] = {}
    for person_id, key, day, score in conn.execute(
            f"SELECT person_id, {column}, date, score FROM {table} WHERE date <= ? AND score IS NOT NULL ORDER BY date, id",
            (period.end.isoformat(),)):
        if key not in label_of:
            label_of[key] = wanted.get(" ".join(str(key).casefold().split()))
        if (label := label_of[key]) is None:
            continue
        if (known := found.get((person_id, label))) is None:
            found[(person_id, label)] = [1, float(score), day, float(score)]
        else:
            known[0], known[2], known[3] = known[0] + 1, day, float(score)
    pairs: dict[str, list[tuple[float, float]]] = {label: [] for label in labels}
    for (_, label), (answers, first, latest_day, latest) in found.items():
        if answers >= 2 and period.holds(latest_day):
            pairs[label].append((first, latest))
    return {label: _change_of(pairs[label], lower_is_better=label in lower_is_better) for label in labels}


# -- Going regularly --------------------------------------------------------------------------


def _attendance(conn: sqlite3.Connection, period: Period) -> Attendance:
    """Weeks (fortnights, months) agreed for each commitment goal while active in the period, and those kept."""
    goals = conn.execute("SELECT id, how_often, created, status, status_since FROM goal WHERE kind = 'commitment' "
                         "AND created < ? AND (status = 'active' OR status_since >= ?)", (period.after, period.start.isoformat()))
    marks: dict[int, dict[str, set[date]]] = defaultdict(lambda: {"yes": set(), "paused": set()})
    for goal_id, day, attended in conn.execute(
            "SELECT DISTINCT goal_id, substr(date, 1, 10), attended FROM checkin "
            "WHERE attended IN ('yes', 'paused') AND date BETWEEN ? AND ?", (period.start.isoformat(), period.end.isoformat())):
        marks[goal_id][attended].add(date.fromisoformat(day))
    counted, agreed, attended, paused = 0, 0, 0, 0
    no_marks: dict[str, set[date]] = {"yes": set(), "paused": set()}
    for goal_id, how_often, created, status, status_since in goals.fetchall():
        kept = _goal_attendance(how_often, created, status, status_since, marks.get(goal_id, no_marks), period)
        if kept is not None:
            counted, agreed, attended, paused = counted + 1, agreed + kept[0], attended + kept[1], paused + kept[2]
    return Attendance(goals=counted, agreed=agreed, attended=attended, paused=paused)


@lru_cache(maxsize=256)
def _period_kind(how_often: str) -> PeriodKind:
    return parse_how_often(how_often).period


def _period_number(day: date, kind: PeriodKind, anchor: date) -> int:
    """Which week, fortnight (counted from `anchor`'s) or month `day` is in, as a number that goes up by one each period."""
    if kind == "month":
        return day.year * 12 + day.month
    monday = day.toordinal() - day.weekday()
    if kind == "week":
        return monday // 7
    return (monday - (anchor.toordinal() - anchor.weekday())) // 14


def _goal_attendance(how_often: str | None, created_at: str, status: str, status_since: str | None,
                     marks: dict[str, set[date]], period: Period) -> tuple[int, int, int] | None:
    """Periods agreed, attended and paused for one goal in the period; None if it was not active in it."""
    created = date.fromisoformat(created_at[:10])
    ends = period.end
    if status != "active" and status_since:
        ends = min(ends, date.fromisoformat(status_since[:10]) - timedelta(days=1))
    first = max(created, period.start)
    if first > ends:
        return None
    kind = _period_kind(how_often or "")
    lowest, highest = _period_number(first, kind, created), _period_number(ends, kind, created)
    went = {n for day in marks["yes"] if lowest <= (n := _period_number(day, kind, created)) <= highest}
    away = {n for day in marks["paused"] if lowest <= (n := _period_number(day, kind, created)) <= highest} - went
    return highest - lowest + 1 - len(away), len(went), len(away)


# -- Circles of support -----------------------------------------------------------------------


def _circles(conn: sqlite3.Connection, period: Period, supported: set[int]) -> CirclesOfSupport:
    """For each person supported: people, groups and places at their first meeting, and by the period's end."""
    first_sessions = {row[0]: (row[1], row[2]) for row in conn.execute(  # each person's first by the session_by_person index
        "SELECT p.id, s.id, coalesce(s.ended, s.started) FROM person p JOIN session s "
        "ON s.id = (SELECT id FROM session WHERE person_id = p.id ORDER BY started, id LIMIT 1)")}
    connections: dict[int, list[tuple[Connection, int | None]]] = defaultdict(list)
    for row_id, person_id, session_id, text, kind, created in conn.execute(
            "SELECT id, person_id, session_id, text, kind, created FROM connection WHERE created < ?", (period.after,)):
        connections[person_id].append((Connection(id=row_id, text=text or "", kind=kind or "person", created=created), session_id))
    people = first_sum = now_sum = grew = 0
    for person_id in supported & first_sessions.keys():
        session_id, cutoff = first_sessions[person_id]
        held = connections.get(person_id, [])
        first = [c for c, s in held if s == session_id or (s is None and c.created <= cutoff)]
        counts = build_circles(first, [c for c, _ in held])
        then, now = len(counts.first), len(counts.now)
        people, first_sum, now_sum, grew = people + 1, first_sum + then, now_sum + now, grew + int(now > then)
    return CirclesOfSupport(people=people, first_sum=first_sum, now_sum=now_sum, grew=grew)


# -- Community life ---------------------------------------------------------------------------


def _went_to_groups(conn: sqlite3.Connection, period: Period) -> set[tuple[int, str]]:
    """(person, group id) for every 'I went' in the period on a goal linked to a directory group."""
    return {(row[0], row[1]) for row in conn.execute(
        "SELECT DISTINCT c.person_id, g.asset_id FROM checkin c JOIN goal g ON g.id = c.goal_id "
        "WHERE c.attended = 'yes' AND c.date BETWEEN ? AND ? AND coalesce(g.asset_id, '') != ''",
        (period.start.isoformat(), period.end.isoformat()))}


def _domains_joined(went: set[tuple[int, str]], listing: DirectoryListing) -> dict[str, int]:
    groups = {group.id: group for group in listing.groups}
    people: dict[str, set[int]] = {domain: set() for domain in listing.domains}
    for person_id, group_id in went:
        group = groups.get(group_id)
        if group is not None:
            people.setdefault(group.domain, set()).add(person_id)
    return {domain: len(ids) for domain, ids in people.items()}


def _directory_cells(went: set[tuple[int, str]], listing: DirectoryListing) -> list[DirectoryCell]:
    """Every area by every domain: groups listed there, and people who went to one (a gap shows as none)."""
    listed: dict[tuple[str, str], int] = defaultdict(int)
    cell_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for group in listing.groups:
        for area in group.areas:
            listed[(area, group.domain)] += 1
            cell_of[group.id].append((area, group.domain))
    people: dict[tuple[str, str], set[int]] = defaultdict(set)
    for person_id, group_id in went:
        for cell in cell_of.get(group_id, []):
            people[cell].add(person_id)
    areas = sorted({area for area, _ in listed})
    domains = [*listing.domains, *sorted({d for _, d in listed} - set(listing.domains))]
    return sorted((DirectoryCell(area=area, domain=domain, listed=listed.get((area, domain), 0),
                                 people_went=len(people.get((area, domain), set())))
                   for area in areas for domain in domains), key=lambda c: (c.area, c.domain))
