"""The session: effects saved with the engine state, back withdraws, resume repeats nothing, suggestions ease off."""

from __future__ import annotations

from datetime import date

import pytest

from cpi_chat import records
from cpi_chat.dialogue.effects import SuggestAssets
from cpi_chat.dialogue.events import Answer, Back, Pick, PickAsset, Skip
from cpi_chat.session import Session, choose_flow, weekday_in
from cpi_chat.workspace import Workspace

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run

TODAY = date(2026, 11, 25)


def start(workspace: Workspace, name: str = "Priya Test", mode: str = "joint", flow: str | None = None):
    person = records.add_person(workspace.db, name)
    return person, *Session.start(workspace.db, workspace.engine, workspace.assets, person, mode, flow, today=TODAY)


def test_a_new_person_starts_with_a_first_session_and_later_with_a_review(workspace: Workspace) -> None:
    person, session, turn = start(workspace)
    assert session.state.root == "joint_session"
    assert "Hello Priya." in turn.reply.messages[0]  # first name, as a person would say it
    records.add_goal(workspace.db, person.id, "commitment", "choir", how_often="every week")
    assert choose_flow("joint", records.list_goals(workspace.db, person.id)) == "review"
    assert choose_flow("self", records.list_goals(workspace.db, person.id)) == "follow_up"


def test_every_answer_is_saved_with_the_engine_state(workspace: Workspace) -> None:
    person, session, _turn = start(workspace, flow="first_session")
    session.handle(Pick(0))
    session.handle(Skip())
    session.handle(Answer("walking the dog"))
    saved = records.get_session(workspace.db, session.session_id)
    assert saved.engine_state == session.state.to_json()
    assert [i.text for i in records.list_interests(workspace.db, person.id)] == ["walking the dog"]


def test_going_back_withdraws_what_the_answer_saved(workspace: Workspace) -> None:
    person, session, _ = start(workspace, flow="first_session")
    session.handle(Pick(0))
    session.handle(Skip())
    session.handle(Answer("darts"))
    turn = session.handle(Back())
    assert records.list_interests(workspace.db, person.id) == []
    assert turn.reply.prompt is not None and turn.reply.prompt.previous == "darts"
    session.handle(Answer("pool"))
    assert [i.text for i in records.list_interests(workspace.db, person.id)] == ["pool"]


def test_resuming_shows_the_same_question_and_saves_nothing_twice(workspace: Workspace) -> None:
    person, session, _ = start(workspace, flow="setting_goals")
    for event in (Pick(0), Answer("the choir"), Skip(), Pick(0), Pick(0), Pick(0), Answer("ask when practice starts")):
        session.handle(event)
    waiting = session.handle(Pick(0))  # who does the step
    record = records.unfinished_session(workspace.db, person.id)
    assert record is not None
    again, turn = Session.resume(workspace.db, workspace.engine, workspace.assets, person, record)
    assert turn.reply.prompt == waiting.reply.prompt
    again.handle(Pick(1))  # no more steps
    goals = records.list_goals(workspace.db, person.id)
    assert len(goals) == 1
    assert [s.text for s in goals[0].steps] == ["ask when practice starts"]


def test_suggestions_come_from_the_directory_with_reasons(workspace: Workspace) -> None:
    _, session, _ = start(workspace)
    hits, note = session.suggest(SuggestAssets(query="footy"))
    assert hits and note == ""
    assert all("football" in (h.asset.name + " ".join(h.asset.tags)).lower() for h in hits[:3])
    assert all(h.why for h in hits)


def test_an_area_with_nothing_matching_widens_the_search_and_says_so(workspace: Workspace) -> None:
    _, session, _ = start(workspace)
    hits, note = session.suggest(SuggestAssets(query="kick boxing", area="Kelderby"))
    assert hits and "Kelderby" in note


def test_an_empty_directory_says_so_instead_of_suggesting(workspace: Workspace, tmp_path) -> None:
    from cpi_chat.assets.directory import AssetDirectory

    _, session, _ = start(workspace)
    session.assets = AssetDirectory.open(tmp_path / "empty.db")
    hits, note = session.suggest(SuggestAssets(query="choir"))
    assert hits == [] and "empty" in note


def test_picking_a_suggestion_links_the_goal_to_the_asset(workspace: Workspace) -> None:
    _person, session, turn = start(workspace, flow="finding_assets")
    for event in (Answer("choir"), Skip(), Skip(), Pick(1), Pick(1)):
        turn = session.handle(event)
    assert turn.suggestions
    chosen = turn.suggestions[0].asset
    turn = session.handle(PickAsset(chosen.id, chosen.name))
    assert session.state.answers["chosen_asset_id"] == chosen.id


def test_weekdays_are_read_from_everyday_words() -> None:
    assert weekday_in("Saturdays are best") == "saturday"
    assert weekday_in("maybe tues or weds") == "tuesday"
    assert weekday_in("any time") is None


def test_a_long_sentence_from_notes_still_gets_suggestions(workspace: Workspace) -> None:
    _, session, _ = start(workspace)
    hits, _ = session.suggest(SuggestAssets(query="he used to love going fishing with his dad at the weekend"))
    assert hits and "angling" in (hits[0].asset.name + " ".join(hits[0].asset.tags)).lower()


def test_an_unknown_day_or_domain_is_a_sentence_not_a_crash(workspace: Workspace) -> None:
    _, session, _ = start(workspace)
    hits, note = session.suggest(SuggestAssets(query="choir", domain="underwater basket weaving"))
    assert hits == [] and note


def test_a_backup_is_kept_when_a_session_starts_not_when_the_file_is_only_opened(workspace: Workspace) -> None:
    backups = workspace.paths.backups_dir
    records.add_person(workspace.db, "Priya Test")
    assert records.list_backups(backups) == []
    person = records.find_person(workspace.db, "Priya Test")
    Session.start(workspace.db, workspace.engine, workspace.assets, person, "joint", today=TODAY)
    records.wait_for_backups()  # copied beside the session, which did not wait for it
    assert len(records.list_backups(backups)) == 1
