"""`cpi-chat training map` and `cpi-chat training barriers` in plain lines, with piped input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from cpi_chat.cli.training import training


def run(args: list[str], given: str) -> str:
    result = CliRunner().invoke(training, args, input=given)
    assert result.exit_code == 0, result.output
    return result.output


def test_mapping_asks_for_areas_shows_gaps_and_exports_the_teams_directory(tmp_path: Path) -> None:
    given = "Riverside, Kelderby\nParkrun; sport; Riverside\nFarming Friends; neighbourhood; Kelderby; monthly lunch\ngaps\ndone\n"
    output = run(["map", "--csv", str(tmp_path / "team.csv"), "--oruk", str(tmp_path / "team.json")], given)
    assert output.startswith("Training — fictional people")
    assert "Kelderby also has nothing for Sport." in output
    assert "The team's directory: 2 assets added, 0 updated (2 in all)." in output
    with (tmp_path / "team.csv").open(encoding="utf-8") as handle:
        names = sorted(row["name"] for row in csv.DictReader(handle))
    assert names == ["Farming Friends", "Parkrun"]
    assert "Farming Friends" in json.dumps(json.loads((tmp_path / "team.json").read_text(encoding="utf-8")))


def test_a_team_can_save_the_grid_and_carry_on_another_day(tmp_path: Path) -> None:
    grid = tmp_path / "grid.csv"
    run(["map", "--areas", "Riverside, Northgate", "--grid", str(grid)], "Parkrun; sport; Riverside\ndone\n")
    output = run(["map", "--grid", str(grid)], "Mosque open day; religious; Northgate\ndone\n")
    assert "carrying on with 1 asset from" in output
    assert "The team's directory: 2 assets added" in output
    with grid.open(encoding="utf-8") as handle:
        assert len([row for row in csv.DictReader(handle) if row["name"]]) == 2


def test_the_barriers_exercise_prints_the_chart_and_saves_the_page_and_mermaid(tmp_path: Path) -> None:
    answers = [
        "walking in on my own", "person", "nervous; costs £5", "one", "one",
        "meet the coach first", "free first month; borrow it", "yes", "yes", "no",
    ]
    given = "".join(f"{line}\n" for line in answers)
    output = run(["barriers", "--html", str(tmp_path / "chart.html"), "--mermaid", str(tmp_path / "chart.mmd")], given)
    assert "Training — fictional people" in output
    assert "Part 1: nervous." in output
    assert "Part 2, solution 2: borrow it (not realistic)." in output
    assert not any(line.strip() and not any(c.isalnum() for c in line) for line in output.splitlines()), "a line of drawing only"
    assert "Realistic solutions to try: 2." in output
    assert "font-size: 18pt" in (tmp_path / "chart.html").read_text(encoding="utf-8")
    assert (tmp_path / "chart.mmd").read_text(encoding="utf-8").startswith("flowchart LR")


def test_the_barriers_exercise_ending_early_saves_nothing(tmp_path: Path) -> None:
    output = run(["barriers", "--html", str(tmp_path / "chart.html")], "no bus on Sundays\n")
    assert "nothing was saved" in output
    assert not (tmp_path / "chart.html").exists()
