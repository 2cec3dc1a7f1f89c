"""My plan saved from the app: owner-only, named by id, the same page as `goals export --format html`, no private notes."""

from __future__ import annotations

import stat
from pathlib import Path

from cpi_chat import records
from cpi_chat.plan.circles import split_connection_text
from cpi_chat.plan.files import plan_file_path, save_plan_page
from cpi_chat.plan.html import render_plan_html
from cpi_chat.plan.plan import build_plan
from tests.plan.demo import CANARY, TODAY, add_demo_person


def test_the_saved_page_is_the_exported_page_kept_owner_only_in_a_plans_folder(db: records.PeopleDatabase, tmp_path: Path) -> None:
    person_id = add_demo_person(db)
    data = tmp_path / "data"
    path = save_plan_page(db, person_id, data, today=TODAY)
    assert path == plan_file_path(data, person_id) == data / "plans" / f"plan-person-{person_id}.html"
    assert "Marcus" not in path.name
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700 and stat.S_IMODE(path.stat().st_mode) == 0o600
    html = path.read_text(encoding="utf-8")
    assert html == render_plan_html(build_plan(db, person_id, today=TODAY))
    assert CANARY not in html and "Kick-boxing class" in html


def test_saving_again_replaces_the_page_and_leaves_no_temporary_file(db: records.PeopleDatabase, tmp_path: Path) -> None:
    person_id = add_demo_person(db)
    first = save_plan_page(db, person_id, tmp_path / "data", today=TODAY)
    first.parent.chmod(0o755)  # a folder loosened by hand is made private again
    second = save_plan_page(db, person_id, tmp_path / "data", today=TODAY)
    assert first == second and [p.name for p in second.parent.iterdir()] == [second.name]
    assert stat.S_IMODE(second.parent.stat().st_mode) == 0o700


def test_how_often_words_stay_with_the_person_they_describe() -> None:
    assert split_connection_text("my brother, sometimes") == ["My brother (sometimes)"]
    assert split_connection_text("my mum, my aunt, now and then") == ["My mum", "My aunt (now and then)"]


def test_erasing_a_person_can_remove_their_saved_page_and_no_one_elses(db: records.PeopleDatabase, tmp_path: Path) -> None:
    from cpi_chat.plan.files import remove_plan_page

    person_id = add_demo_person(db)
    other = records.add_person(db, "Ada Quill")
    data = tmp_path / "data"
    page = save_plan_page(db, person_id, data, today=TODAY)
    kept = save_plan_page(db, other.id, data, today=TODAY)
    assert remove_plan_page(data, person_id) == page and not page.exists() and kept.exists()
    assert remove_plan_page(data, person_id) is None
