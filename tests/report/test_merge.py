"""A team beyond one computer: workers' aggregates added together give the figures of one report over all their people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cpi_chat.actions import report, team_report
from cpi_chat.errors import Refused
from cpi_chat.records.model import WELLBEING_QUESTIONS
from cpi_chat.report.render import report_text
from tests.caseload import FREE_TEXT_MARK, SURNAMES
from tests.report.conftest import END, START, CaseloadFolder, make_folder


@pytest.fixture(scope="module")
def three_workers(tmp_path_factory: pytest.TempPathFactory, demo_directory: Path) -> list[CaseloadFolder]:
    """The same 1,000 people as `thousand`, on three workers' computers (333, 333 and 334)."""
    return [make_folder(tmp_path_factory.mktemp(f"worker{n}"), demo_directory, people, first)
            for n, (first, people) in enumerate([(0, 333), (333, 333), (666, 334)])]


def _aggregate(folder: CaseloadFolder, out: Path) -> Path:
    with folder.workspace() as workspace:
        return report.write_aggregate(workspace, START, END, out)


def test_merging_the_three_aggregates_gives_the_figures_of_one_report_over_all_their_people(
        three_workers: list[CaseloadFolder], thousand: CaseloadFolder, tmp_path: Path) -> None:
    files = [_aggregate(worker, tmp_path / f"worker-{n}.json") for n, worker in enumerate(three_workers)]
    merged = team_report.merge_aggregates(files)
    with thousand.workspace() as workspace:
        whole = report.outcomes(workspace, START, END)
    assert merged.files == 3
    assert merged.model_dump(exclude={"files"}) == whole.model_dump(exclude={"files"})
    assert report_text(merged, "html").count("fewer than 5") == report_text(whole, "html").count("fewer than 5")


def test_an_aggregate_holds_no_name_no_record_number_and_no_words(three_workers: list[CaseloadFolder], tmp_path: Path) -> None:
    worker = three_workers[0]
    text = _aggregate(worker, tmp_path / "worker-a.json").read_text(encoding="utf-8")
    for name in worker.caseload.names:
        assert name not in text
    for surname in SURNAMES:
        assert surname not in text
    assert FREE_TEXT_MARK not in text
    keys: set[str] = set()
    strings: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            keys.update(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            strings.add(value)

    walk(json.loads(text))
    assert not {key for key in keys if key in {"id", "person_id", "name", "session_id", "goal_id", "text", "words"}}
    with worker.workspace() as workspace:
        listing = report.directory_listing(workspace)
    labels = ({"cpi-chat outcomes aggregate", START.isoformat(), END.isoformat(), *listing.domains, *WELLBEING_QUESTIONS,
               "Feeling connected", "Seeing people", "Day to day"} | {a for g in listing.groups for a in g.areas})
    assert strings <= labels, strings - labels


def test_an_aggregate_is_written_for_the_owner_alone(three_workers: list[CaseloadFolder], tmp_path: Path) -> None:
    path = _aggregate(three_workers[0], tmp_path / "worker-a.json")
    assert path.stat().st_mode & 0o777 == 0o600


def test_aggregates_of_different_periods_are_refused_kindly(three_workers: list[CaseloadFolder], tmp_path: Path) -> None:
    first = _aggregate(three_workers[0], tmp_path / "a.json")
    with three_workers[1].workspace() as workspace:
        other = report.write_aggregate(workspace, START.replace(month=5), END, tmp_path / "b.json")
    with pytest.raises(Refused, match="different periods"):
        team_report.merge_aggregates([first, other])


def test_a_file_that_is_not_an_aggregate_is_refused_and_nothing_is_merged(tmp_path: Path) -> None:
    stray = tmp_path / "notes.json"
    stray.write_text('{"people": ["somebody"]}', encoding="utf-8")
    with pytest.raises(Refused, match="not an aggregate made by"):
        team_report.merge_aggregates([stray])
    changed = tmp_path / "changed.json"
    changed.write_text('{"format": "cpi-chat outcomes aggregate", "period_from": "2027-01-01", "period_to": "2027-03-31", '
                       '"people_supported": -3}', encoding="utf-8")
    with pytest.raises(Refused, match="has been changed"):
        team_report.merge_aggregates([changed])
