"""`cpi-chat assets import|export|search` as a person or a script uses them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpi_chat.cli import cli
from tests.assets.conftest import DATA, write


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run cpi-chat with its own data folder; returns the click result."""
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, ["--data-dir", str(tmp_path / "data"), *args], input=stdin)

    return invoke


@pytest.fixture
def imported(run):  # type: ignore[no-untyped-def]
    result = run("assets", "import", str(DATA / "mini_town.csv"))
    assert result.exit_code == 0, result.output
    return run


def test_import_says_how_many_assets_were_added(run) -> None:  # type: ignore[no-untyped-def]
    result = run("assets", "import", str(DATA / "mini_town.csv"))
    assert result.exit_code == 0
    assert "Imported 10 assets (10 new, 0 updated)." in result.output


def test_searching_an_empty_directory_says_how_to_fill_it(run) -> None:  # type: ignore[no-untyped-def]
    result = run("assets", "search", "football")
    assert result.exit_code == 1
    assert "The asset directory is empty" in result.output and "cpi-chat assets import FILE" in result.output
    assert "cpi-chat demo" in result.output


def test_json_search_prints_a_list_of_hits_with_the_agreed_keys(imported) -> None:  # type: ignore[no-untyped-def]
    result = imported("assets", "search", "footy", "--json", "--limit", "2")
    hits = json.loads(result.output)
    assert len(hits) == 2
    for hit in hits:
        assert {"id", "name", "domain", "area", "score", "why"} <= set(hit)
        assert isinstance(hit["score"], float) and 0 < hit["score"] <= 100
    assert hits[0]["why"] == "name: football (from 'footy')"


def test_search_dash_reads_one_query_per_line_and_prints_one_json_line_each(imported) -> None:  # type: ignore[no-untyped-def]
    result = imported("assets", "search", "-", "--limit", "3", stdin="kikboxing\nbook club\n\n")
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["q"] for line in lines] == ["kikboxing", "book club", ""]
    assert lines[0]["hits"][0]["id"] == "mt-003"
    assert lines[2]["hits"] and all({"id", "name", "domain", "area", "score", "why"} <= set(h) for h in lines[1]["hits"])


def test_filters_on_the_command_line(imported) -> None:  # type: ignore[no-untyped-def]
    result = imported("assets", "search", "football", "--free", "--area", "millbrook", "--day", "saturday", "--json")
    assert [h["id"] for h in json.loads(result.output)] == ["mt-002"]
    result = imported("assets", "search", "", "--domain", "Arts and Crafts", "--accessible", "--json")
    assert [h["id"] for h in json.loads(result.output)] == ["mt-007"]


def test_readable_search_output_shows_name_details_and_why(imported) -> None:  # type: ignore[no-untyped-def]
    result = imported("assets", "search", "kick boxing", "--limit", "1")
    assert " 1. Kick-Boxing Class (Sport, Eastgate)" in result.output
    assert "Wednesdays 18:30-19:30" in result.output and "why: name: kick-boxing" in result.output


def test_a_bad_filter_is_one_sentence_and_exit_one(imported) -> None:  # type: ignore[no-untyped-def]
    result = imported("assets", "search", "football", "--day", "someday")
    assert result.exit_code == 1
    assert result.output.startswith("cpi-chat: 'someday' is not a day of the week")
    assert "Traceback" not in result.output


def test_bad_rows_are_refused_unless_the_user_chooses_to_skip_them(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "id,name,domain,description,tags,area,address,schedule,cost,contact,accessibility\na,One,Sport,,,,,,,,\nb,Two,Spurt,,,,,,,,\n")
    refused = run("assets", "import", str(path))
    assert refused.exit_code == 1 and "Nothing was imported" in refused.output and "line 3" in refused.output
    skipped = run("assets", "import", str(path), "--skip-bad-rows")
    assert skipped.exit_code == 0
    assert "skipped line 3: the domain 'Spurt'" in skipped.output and "Imported 1 asset (" in skipped.output


def test_export_then_import_with_replace(imported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "directory.json"
    assert "Exported 10 assets" in imported("assets", "export", str(out)).output
    result = imported("assets", "import", str(out), "--replace")
    assert result.exit_code == 0 and "(0 new, 10 updated)" not in result.output
    assert "Imported 10 assets (10 new, 0 updated)." in result.output


def test_an_unreadable_file_is_one_sentence(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("assets", "import", str(write(tmp_path, "", "empty.csv")))
    assert result.exit_code == 1 and result.output.strip() == "cpi-chat: The file empty.csv is empty."


def test_the_installed_command_prints_json_lines_in_a_real_process(tmp_path: Path) -> None:
    env_args = [sys.executable, "-m", "cpi_chat", "--data-dir", str(tmp_path)]
    subprocess.run([*env_args, "assets", "import", str(DATA / "mini_town.csv")], check=True, capture_output=True)
    done = subprocess.run([*env_args, "assets", "search", "-"], input="footy\n", capture_output=True, text=True, check=True)
    line = json.loads(done.stdout)
    assert line["q"] == "footy" and line["hits"][0]["domain"] == "sport"


def test_the_asset_core_never_imports_the_interfaces() -> None:
    # click itself arrives with sqlite-utils, so only our interfaces and Textual are checked.
    code = "import sys, cpi_chat.assets.directory; print(sorted(m for m in ('textual', 'cpi_chat.cli', 'cpi_chat.tui') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_show_prints_every_detail_of_one_asset(imported) -> None:  # type: ignore[no-untyped-def]
    result = imported("assets", "show", "mt-003", "--json")
    assert json.loads(result.output)["name"] == "Kick-Boxing Class"
    missing = imported("assets", "show", "nope")
    assert missing.exit_code == 1 and "There is no asset with the id 'nope'" in missing.output


def test_verify_records_the_date_an_asset_was_checked(imported) -> None:  # type: ignore[no-untyped-def]
    result = imported("assets", "verify", "mt-008", "--on", "2026-02-01")
    assert result.output.strip() == "Marked mt-008 as checked on 2026-02-01."
    assert json.loads(imported("assets", "show", "mt-008", "--json").output)["last_verified"] == "2026-02-01"


@pytest.mark.parametrize(("args", "said"), [
    (("assets", "import"), "Say which file to import (cpi-chat assets import FILE), or a feed with --from-feed URL."),
    (("assets", "verify", "nope"), "There is no asset with the id 'nope'; `cpi-chat assets search` shows ids."),
    (("assets", "verify", "mt-001", "--on", "2999-01-01"), "2999-01-01 has not come yet; give the day the details were checked."),
    (("assets", "import", "no-such-file.csv"), "There is no file called no-such-file.csv."),
])
def test_a_directory_action_that_cannot_be_done_is_refused_in_one_kind_sentence(imported, args, said) -> None:  # type: ignore[no-untyped-def]
    result = imported(*args)
    assert result.exit_code == 1
    assert result.output.strip() == f"cpi-chat: {said}"
