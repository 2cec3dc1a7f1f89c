"""`cpi-chat person|goals|checkin|paths|restore`: the words people see and the exit codes scripts rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from cpi_chat.words import typed_date

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def by_when() -> date:
    """A target date three months from the day the test runs, so it is never in the past."""
    return date.today() + timedelta(days=90)


def test_adding_and_listing_people_shows_their_needs(run) -> None:
    added = run("person", "add", "Dev Okafor", "--easy-read", "--large-print")
    assert added.exit_code == 0 and added.output == "Added Dev Okafor (id 1).\n"
    listed = run("person", "list")
    assert "Dev Okafor" in listed.output and "needs: easy read, large print" in listed.output


def test_an_empty_list_says_how_to_add_someone(run) -> None:
    assert "cpi-chat person add NAME" in run("person", "list").output


def test_a_commitment_and_a_target_goal_can_be_added_and_listed_as_json(run, dev) -> None:
    assert run("goals", "add", "Dev Okafor", "--commitment", "Kick-boxing class", "--every", "week", "--asset", "kb-1").exit_code == 0
    target = run("goals", "add", "dev okafor", "--target", "Run 5 km", "--measure", "finish a 5 km run", "--by", typed_date(by_when()))
    assert target.exit_code == 0 and "Added goal 2 for Dev Okafor: Run 5 km." in target.output
    goals = json.loads(run("goals", "list", "1", "--json").output)
    assert [(g["kind"], g["what"]) for g in goals] == [("commitment", "Kick-boxing class"), ("target", "Run 5 km")]
    assert goals[0]["how_often"] == "every week" and goals[0]["asset_id"] == "kb-1"
    assert goals[1]["by_when"] == by_when().isoformat() and goals[1]["steps"] == []


def test_check_ins_are_recorded_and_shown_under_their_goal(run, dev) -> None:
    run("goals", "add", "1", "--commitment", "Kick-boxing class", "--every", "week")
    run("goals", "add", "1", "--target", "Run 5 km", "--measure", "5 km", "--by", by_when().isoformat())
    assert run("checkin", "1", "1", "--attended", "--note", "loved it", "--date", "01/12/2026").exit_code == 0
    assert run("checkin", "Dev Okafor", "2", "--value", "3 km", "--by", "person").exit_code == 0
    assert run("checkin", "1", "1", "--paused", "--feeling", "on holiday", "--date", "08/12/2026").exit_code == 0
    shown = run("goals", "list", "Dev Okafor").output
    assert "2026-12-08: paused; on holiday (by worker)" in shown
    assert "2026-12-01: went; loved it (by worker)" in shown
    assert "reached 3 km (by person)" in shown


def test_a_second_went_in_the_same_week_is_refused_kindly_and_saves_nothing(run) -> None:
    """The drift of issue 14: the command line stored two 'went' rows in a week, which the app's W refuses."""
    run("person", "add", "Ann Test")
    run("goals", "add", "Ann Test", "--commitment", "Walking group", "--every", "week")
    assert run("checkin", "Ann Test", "1", "--attended").exit_code == 0
    again = run("checkin", "Ann Test", "1", "--attended")
    assert again.exit_code == 1
    assert again.stderr == ("cpi-chat: This week is already marked: you went. It counts once, so there is nothing more "
                            "to do. Well done!\n")
    goals = json.loads(run("goals", "list", "Ann Test", "--json").output)
    assert [c["attended"] for c in goals[0]["checkins"]] == ["yes"]
    assert run("checkin", "Ann Test", "1", "--missed").exit_code == 0, "other check-ins are still kept"
    next_week = run("checkin", "Ann Test", "1", "--attended", "--date", (date.today() + timedelta(days=7)).isoformat())
    assert next_week.exit_code == 0, "a new week can be marked"


def test_progress_with_no_number_is_refused_kindly_as_the_apps_l_key_refuses_it(run, dev) -> None:
    """The rule for progress lived only behind the app's L key: the command line kept words it cannot chart."""
    run("goals", "add", "1", "--target", "Run 5 km", "--measure", "5 km", "--by", by_when().isoformat())
    refused = run("checkin", "1", "1", "--value", "loads better")
    assert refused.exit_code == 1
    assert refused.stderr == ("cpi-chat: I could not find a number in that. Try a number and what it counts, like 2 times, "
                              "20 minutes or 1 km.\n")
    assert json.loads(run("goals", "list", "1", "--json").output)[0]["checkins"] == []


def test_a_check_in_must_say_one_thing_only(run, dev) -> None:
    run("goals", "add", "1", "--commitment", "Kick-boxing class", "--every", "week")
    result = run("checkin", "1", "1", "--attended", "--missed")
    assert result.exit_code == 2 and "Say one of --attended, --missed, --paused or --value V." in result.output


def test_a_check_in_on_someone_elses_goal_is_refused_with_one_sentence(run, dev) -> None:
    run("goals", "add", "1", "--commitment", "Kick-boxing class", "--every", "week")
    run("person", "add", "Ann Lee")
    result = run("checkin", "Ann Lee", "1", "--attended")
    assert result.exit_code == 1
    assert result.stderr == "cpi-chat: Goal 1 is not one of Ann Lee's goals; `cpi-chat goals list` shows them.\n"


def test_a_goal_needs_its_kind_and_details(run, dev) -> None:
    assert "either --commitment WHAT or --target WHAT" in run("goals", "add", "1").output
    assert "needs --every" in run("goals", "add", "1", "--commitment", "Gym").output
    assert "needs --measure TEXT and --by DATE" in run("goals", "add", "1", "--target", "Run").output


def test_an_unreadable_date_gets_a_kind_message_and_exit_1(run, dev) -> None:
    result = run("goals", "add", "1", "--target", "Run 5 km", "--measure", "5 km", "--by", "31/02/2027")
    assert result.exit_code == 1
    assert "That date doesn't seem to exist. Could you check the day and month?" in result.stderr


def test_a_second_person_whose_name_looks_the_same_is_refused_with_a_way_to_tell_them_apart(run, dev) -> None:
    for same in ("dev okafor", "Dev\u200b Okafor"):
        refused = run("person", "add", same)
        assert refused.exit_code == 1 and "Someone called Dev Okafor is already here" in refused.stderr
    assert run("person", "add", "Dev Okafor K.").exit_code == 0


def test_an_unknown_or_ambiguous_person_lists_the_candidates(run, dev, data_dir: Path) -> None:
    from cpi_chat import records
    from cpi_chat.paths import resolve_paths
    from cpi_chat.workspace import Workspace

    with Workspace(resolve_paths(data_dir=data_dir, environ={})) as workspace:  # as an older people.db may hold
        records.add_person(workspace.db, "Dev Okafor")
    ambiguous = run("goals", "list", "Dev Okafor")
    assert ambiguous.exit_code == 1 and "(id 1), Dev Okafor (id 2); use the id instead" in ambiguous.stderr
    unknown = run("goals", "list", "Dev Okafur")
    assert unknown.exit_code == 1 and "did you mean Dev Okafor (id 1)" in unknown.stderr


def test_rename_keeps_the_id(run, dev) -> None:
    result = run("person", "rename", "1", "D.O.")
    assert result.exit_code == 0 and result.output == "Renamed Dev Okafor to D.O. (id 1).\n"


def test_export_writes_private_json_and_html_files(run, dev, tmp_path: Path) -> None:
    result = run("person", "export", "Dev Okafor", "--out", str(tmp_path / "sar"))
    assert result.exit_code == 0 and "private worker notes included" in result.output
    files = sorted((tmp_path / "sar").iterdir())
    assert [f.suffix for f in files] == [".html", ".json"]
    assert all(oct(f.stat().st_mode)[-3:] == "600" for f in files)


def test_erase_asks_first_and_stops_on_no(run, dev) -> None:
    refused = run("person", "erase", "Dev Okafor", input="n\n")
    assert refused.exit_code == 1 and "It cannot be undone" in refused.output
    assert "Nothing was erased." in refused.output and "Aborted" not in refused.output
    assert "Dev Okafor" in run("person", "list").output


def test_erase_with_yes_removes_the_person(run, dev, data_dir: Path) -> None:
    result = run("person", "erase", "1", "--yes")
    assert result.exit_code == 0 and "Erased person 1" in result.output
    assert b"Dev Okafor" not in (data_dir / "people.db").read_bytes()


def test_erase_also_deletes_the_plan_page_saved_in_the_app(run, dev, data_dir: Path) -> None:
    from cpi_chat import records
    from cpi_chat.plan.files import plan_file_path, save_plan_page

    db = records.open_people_db(data_dir / "people.db")
    page = save_plan_page(db, 1, data_dir)
    db.close()
    assert page == plan_file_path(data_dir, 1) and b"Dev Okafor" in page.read_bytes()
    result = run("person", "erase", "1", "--yes")
    assert result.exit_code == 0 and "Also deleted the plan page" in result.output
    assert not page.exists()


def test_paths_shows_where_everything_lives_without_creating_anything(run, data_dir: Path) -> None:
    result = run("paths")
    assert result.exit_code == 0
    assert f"people's records: {data_dir / 'people.db'}" in result.output
    assert "backups:" in result.output and "flows:" in result.output
    assert "settings" not in result.output, "no settings file is read, so none is named"
    assert json.loads(run("paths", "--json").output)["peoples_records"] == str(data_dir / "people.db")
    assert not data_dir.exists()


def test_restore_without_backups_says_so(run, dev) -> None:
    result = run("restore", "--yes")
    assert result.exit_code == 1 and "There are no backups" in result.stderr


def test_a_damaged_file_gives_the_restore_sentence_and_restore_mends_it(run, dev, data_dir: Path) -> None:
    from cpi_chat import records

    records.rolling_backup(data_dir / "people.db", data_dir / "backups")
    (data_dir / "people.db").write_bytes(b"not a database, sorry" * 100)
    broken = run("person", "list")
    assert broken.exit_code == 1 and "cpi-chat restore" in broken.stderr and "Traceback" not in broken.stderr
    restored = run("restore", "--yes")
    assert restored.exit_code == 0 and "kept at" in restored.output
    assert "Dev Okafor" in run("person", "list").output


def test_the_installed_command_exits_1_with_one_line_and_no_traceback(data_dir: Path) -> None:
    env = {**os.environ, "CPI_CHAT_DATA_DIR": str(data_dir)}
    done = subprocess.run([sys.executable, "-m", "cpi_chat", "goals", "list", "Nobody Here"],
                          check=False, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stderr == "cpi-chat: No one is called 'Nobody Here'; `cpi-chat person list` shows everyone.\n"


def test_person_needs_changes_only_the_needs_named_and_says_them_all(run, dev) -> None:
    changed = run("person", "needs", "Dev Okafor", "--large-print", "--reads-with-someone", "--preferred-name", "Dev")
    assert changed.exit_code == 0, changed.output
    assert changed.output.strip() == ("Dev Okafor: Communication needs: large print, plain mode, someone to read with them. "
                                      "They like to be called Dev.")
    off = run("person", "needs", "Dev Okafor", "--no-plain")
    assert "plain mode" not in off.output and "large print" in off.output
    shown = run("person", "needs", "dev okafor")
    assert shown.output == off.output
    listed = run("person", "list").output
    assert "needs: large print, someone to read with them, call them Dev" in listed


def test_person_needs_for_someone_unknown_says_so_and_fails(run, dev) -> None:
    missing = run("person", "needs", "Nobody Here", "--easy-read")
    assert missing.exit_code == 1 and "No one is called 'Nobody Here'" in missing.output
