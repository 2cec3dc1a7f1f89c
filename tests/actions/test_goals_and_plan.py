"""Goals and the plan: added with dates as typed, each group's place found without building a plan, pages kept private."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from cpi_chat.actions import goals, plan
from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.assets.model import Asset
from cpi_chat.errors import CpiChatError, Refused
from cpi_chat.typed_dates import GONE_BY
from cpi_chat.words import typed_date


@pytest.fixture
def reading_circle(workspace) -> None:
    directory = AssetDirectory.open(workspace.paths.assets_db)
    directory.upsert(Asset(id="reading-1", name="Library Reading Circle", domain="education", address="Market Place",
                           schedule="First Thursday of the month 14:00-15:30"))
    directory.close()


def test_a_target_goal_takes_its_date_as_typed(workspace, ann) -> None:
    by = date.today() + timedelta(days=90)
    added = goals.add_target_goal(workspace, ann.id, "Run 5 km", "finish a 5 km run", typed_date(by))
    assert added.by_when == by.isoformat() and goals.goals_of(workspace, ann.id) == [added]


def test_a_target_date_gone_by_is_refused_with_the_words_the_conversation_uses(workspace, ann) -> None:
    last_week = typed_date(date.today() - timedelta(days=7))
    with pytest.raises(CpiChatError) as refused:
        goals.add_target_goal(workspace, ann.id, "Run 5 km", "5 km", last_week)
    assert str(refused.value) == GONE_BY
    assert goals.add_target_goal(workspace, ann.id, "Run 5 km", "5 km", "today").by_when == date.today().isoformat()


def test_each_goals_place_is_found_without_building_the_plan(workspace, ann, reading_circle, monkeypatch) -> None:
    group = goals.add_commitment_goal(workspace, ann.id, "Reading group", "once a month", asset_id="reading-1")
    own_words = goals.add_commitment_goal(workspace, ann.id, "Walk with Sue", "every week", where="the park")
    gone = goals.add_commitment_goal(workspace, ann.id, "Chess", "every week", asset_id="no-longer-listed")

    def no_plan(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the whole plan was built just to read where each goal's group meets")

    monkeypatch.setattr("cpi_chat.plan.plan.build_plan", no_plan)
    places = goals.goal_places(workspace, [group, own_words, gone])
    assert list(places) == [group.id]
    assert places[group.id].name == "Library Reading Circle"
    assert places[group.id].when == "The first Thursday of the month, 2pm to 3:30pm"


def test_without_a_directory_no_place_is_found_and_no_directory_is_made(workspace, ann) -> None:
    group = goals.add_commitment_goal(workspace, ann.id, "Reading group", "once a month", asset_id="reading-1")
    assert goals.goal_places(workspace, [group]) == {}
    assert not workspace.paths.assets_db.exists()


def test_the_plan_page_is_saved_owner_only_and_replaced_next_time(workspace, ann, reading_circle, audit) -> None:
    goals.add_commitment_goal(workspace, ann.id, "Reading group", "once a month", asset_id="reading-1")
    page = plan.save_plan_page(workspace, ann.id)
    assert page == workspace.paths.data_dir / "plans" / f"plan-person-{ann.id}.html"
    assert stat.S_IMODE(page.stat().st_mode) == 0o600 and "Library Reading Circle" in page.read_text()
    assert plan.save_plan_page(workspace, ann.id) == page
    assert audit().count(("export", "plan")) == 2, "each file holding the plan is recorded, without its content"


@pytest.mark.parametrize(("fmt", "starts"), [("html", "<!DOCTYPE html>"), ("md", "# My plan"), ("ics", "BEGIN:VCALENDAR")])
def test_the_plan_in_each_format(workspace, ann, fmt: str, starts: str, tmp_path: Path) -> None:
    assert plan.plan_text(workspace, ann.id, fmt).startswith(starts)  # type: ignore[arg-type]
    out = plan.export_plan(workspace, ann.id, fmt, tmp_path / f"plan.{fmt}")  # type: ignore[arg-type]
    assert plan.export_plan(workspace, ann.id, fmt, out) == out, "a plan written before is replaced"  # type: ignore[arg-type]


def test_an_export_never_replaces_a_file_cpi_chat_did_not_write(workspace, ann, tmp_path: Path, audit) -> None:
    theirs = tmp_path / "letter.md"
    theirs.write_text("# My letter")
    with pytest.raises(Refused, match="was not written by cpi-chat"):
        plan.export_plan(workspace, ann.id, "md", theirs)
    assert theirs.read_text() == "# My letter"
    assert ("export", "plan") not in audit(), "nothing written, nothing recorded"
