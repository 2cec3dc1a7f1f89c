"""The report's figures are right: checked against counts the generator kept while writing, and against small hand-made cases."""

from __future__ import annotations

import sqlite3
from datetime import date

from cpi_chat import records
from cpi_chat.actions import report
from cpi_chat.report.gather import DirectoryListing, ListedGroup, Period, gather, goal_scores_from
from tests.report.conftest import END, START, CaseloadFolder


def test_the_counts_of_a_year_match_what_the_generator_wrote(thousand: CaseloadFolder) -> None:
    with thousand.workspace() as workspace:
        figures = report.outcomes(workspace, START, END)
    tallies = thousand.caseload.tallies
    assert figures.people_supported == tallies["people_supported"]
    assert figures.sessions_together == tallies["joint_sessions"]
    assert figures.goals_set == tallies["goals_set"]
    assert figures.goals_achieved == tallies["goals_achieved"]
    assert figures.goals_stopped == tallies["goals_dropped"]


def test_every_domain_and_area_of_the_directory_is_in_the_grid(thousand: CaseloadFolder) -> None:
    with thousand.workspace() as workspace:
        figures = report.outcomes(workspace, START, END)
    areas = {cell.area for cell in figures.directory}
    assert areas == {"Ashby Moor", "Hollinbridge Town Centre", "Kelderby", "Little Fenton", "Northgate", "Riverside"}
    assert len(figures.directory) == len(areas) * 10
    assert sum(cell.listed for cell in figures.directory) >= 227  # a group in two areas is listed in both
    assert any(cell.listed and not cell.people_went for cell in figures.directory), "some groups nobody went to"
    assert list(figures.domains_joined)[:2] == ["Religious and Cultural Groups", "Education"]  # the usual order


def _person(db, name: str) -> int:  # type: ignore[no-untyped-def]
    return records.add_person(db, name).id


def test_weeks_went_count_each_week_once_and_weeks_away_are_not_agreed(db) -> None:  # type: ignore[no-untyped-def]
    person = _person(db, "Wren Abbot")
    goal = records.add_goal(db, person, "commitment", "Choir", how_often="every week")
    db.execute("UPDATE goal SET created = '2027-01-04T10:00:00+00:00' WHERE id = ?", [goal.id])  # a Monday
    for day, went in [("2027-01-05", "yes"), ("2027-01-07", "yes"), ("2027-01-12", "no"), ("2027-01-19", "paused")]:
        records.add_checkin(db, person, goal.id, attended=went, on=day)
    figures = gather(db.conn, date(2027, 1, 1), date(2027, 1, 31), DirectoryListing(()))
    # Weeks starting 4, 11, 18 and 25 January: four, one of them away; went in one (twice, counted once).
    assert (figures.attendance.goals, figures.attendance.agreed, figures.attendance.attended, figures.attendance.paused) == (1, 3, 1, 1)


def test_a_goal_stopped_part_way_is_agreed_only_until_it_stopped(db) -> None:  # type: ignore[no-untyped-def]
    person = _person(db, "Wren Abbot")
    goal = records.add_goal(db, person, "commitment", "Choir", how_often="every week")
    db.execute("UPDATE goal SET created = '2027-01-04T10:00:00+00:00', status = 'dropped', status_since = '2027-01-18' "
               "WHERE id = ?", [goal.id])
    figures = gather(db.conn, date(2027, 1, 1), date(2027, 1, 31), DirectoryListing(()))
    assert figures.attendance.agreed == 2
    assert figures.goals_stopped == 1


def test_ratings_and_wellbeing_compare_each_persons_first_answer_with_their_latest_in_the_period(db) -> None:  # type: ignore[no-untyped-def]
    people = [_person(db, f"Person {n}") for n in range(3)]
    for person, (first, latest) in zip(people, [(2, 4), (3, 3), (4, 2)], strict=True):
        records.save_rating(db, person, None, None, "Seeing people", first, on=date(2026, 5, 1))
        records.save_rating(db, person, None, None, "Seeing people", latest, on=date(2027, 2, 1))
        records.save_wellbeing(db, person, None, None, "anxious", first * 2, on=date(2026, 5, 1))
        records.save_wellbeing(db, person, None, None, "anxious", latest * 2, on=date(2027, 2, 1))
    records.save_rating(db, people[0], None, None, "Seeing people", 5, on=date(2027, 6, 1))  # after the period: left out
    figures = gather(db.conn, date(2027, 1, 1), date(2027, 3, 31), DirectoryListing(()))
    seeing = figures.ratings["Seeing people"]
    assert (seeing.people, seeing.first_sum, seeing.latest_sum, seeing.better, seeing.same, seeing.worse) == (3, 9, 9, 1, 1, 1)
    anxious = figures.wellbeing["anxious"]
    assert (anxious.better, anxious.worse) == (1, 1), "for anxiety a lower answer is the better one"
    assert figures.wellbeing["happy"].people == 0


def test_circles_count_the_people_groups_and_places_named_at_the_first_meeting_and_since(db) -> None:  # type: ignore[no-untyped-def]
    person = _person(db, "Wren Abbot")
    first = records.start_session(db, person, "joint", "joint_session")
    records.save_connection(db, person, first, "c1", "my sister Ama, neighbour Pat", "person")
    later = records.start_session(db, person, "joint", "review")
    records.save_connection(db, person, later, "c1", "the walking group", "group")
    day = date.today()
    figures = gather(db.conn, day, day, DirectoryListing(()))
    circles = figures.circles
    assert (circles.people, circles.first_sum, circles.now_sum, circles.grew) == (1, 2, 3, 1)


def test_a_person_counts_in_the_domain_and_area_of_the_group_they_went_to(db) -> None:  # type: ignore[no-untyped-def]
    person = _person(db, "Wren Abbot")
    goal = records.add_goal(db, person, "commitment", "Bell ringing", how_often="every week", asset_id="bells")
    records.add_checkin(db, person, goal.id, attended=True, on="2027-01-05")
    listing = DirectoryListing(("Sport", "Religious and Cultural Groups"), (
        ListedGroup("bells", "Religious and Cultural Groups", ("Riverside", "Northgate")), ListedGroup("run", "Sport", ("Riverside",))))
    figures = gather(db.conn, date(2027, 1, 1), date(2027, 1, 31), listing)
    assert figures.domains_joined == {"Sport": 0, "Religious and Cultural Groups": 1}
    cells = {(c.area, c.domain): (c.listed, c.people_went) for c in figures.directory}
    assert cells[("Riverside", "Religious and Cultural Groups")] == (1, 1)
    assert cells[("Northgate", "Religious and Cultural Groups")] == (1, 1)
    assert cells[("Northgate", "Sport")] == (0, 0)
    assert cells[("Riverside", "Sport")] == (1, 0)


def test_goal_scores_take_each_persons_latest_t_score_and_compare_it_with_their_first() -> None:
    period = Period(date(2027, 1, 1), date(2027, 3, 31))
    rows = [(1, "2026-11-01", 40.0), (1, "2027-02-01", 55.0), (2, "2027-03-01", 50.0), (3, "2026-10-01", 45.0)]
    scores = goal_scores_from(rows, period)
    assert scores is not None
    assert (scores.people_scored, scores.latest_sum) == (2, 105.0)  # person 3 was not scored in the period
    assert (scores.change.people, scores.change.first_sum, scores.change.latest_sum, scores.change.better) == (1, 40.0, 55.0, 1)
    assert goal_scores_from([], period) is None


def test_the_report_reads_a_file_with_no_goal_scores_yet_as_not_scored(db) -> None:  # type: ignore[no-untyped-def]
    assert gather(db.conn, date(2027, 1, 1), date(2027, 1, 31), DirectoryListing(())).goal_scores is None


def test_goal_scores_come_from_the_t_score_kept_for_each_review(db) -> None:  # type: ignore[no-untyped-def]
    person = _person(db, "Wren Abbot")
    first = records.add_goal(db, person, "commitment", "Choir", how_often="every week")
    second = records.add_goal(db, person, "target", "Walk to the park", by_when="2027-03-31")
    records.add_gas_review(db, person, {first.id: -1, second.id: -1}, on=date(2026, 11, 1))
    latest = records.add_gas_review(db, person, {first.id: 1, second.id: 0}, on=date(2027, 2, 1))
    scores = gather(db.conn, date(2027, 1, 1), date(2027, 3, 31), DirectoryListing(())).goal_scores
    assert scores is not None
    # Worked by hand: two goals, equal weights, rho 0.3: T = 50 + 10 * sum(x) / sqrt(0.7 * 2 + 0.3 * 4) = 50 + 6.2017 * sum(x).
    assert round(latest.t_score, 2) == 56.2
    assert (scores.people_scored, round(scores.latest_sum, 2)) == (1, 56.2)
    assert (scores.change.people, round(scores.change.first_sum, 2), scores.change.better) == (1, 37.6, 1)


def test_an_older_people_db_is_brought_up_to_date_before_it_is_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite_utils

    from cpi_chat.paths import resolve_paths
    from cpi_chat.records.migrations import migrations
    from cpi_chat.workspace import Workspace

    paths = resolve_paths(data_dir=tmp_path / "data", environ={})
    paths.data_dir.mkdir(mode=0o700)
    old = sqlite_utils.Database(sqlite3.connect(paths.people_db))
    migrations.apply(old, stop_before="m003_wellbeing_and_goal_status_since")
    old.close()
    workspace = Workspace(paths)
    try:
        assert report.outcomes(workspace, date(2027, 1, 1), date(2027, 1, 31)).people_supported == 0
    finally:
        workspace.close()
