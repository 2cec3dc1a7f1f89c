"""The outcomes report page and CSV: no names, ids or words; small numbers hidden; charts readable without colour."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cpi_chat.actions import report
from cpi_chat.report.render import report_text
from tests.caseload import FREE_TEXT_MARK, SURNAMES
from tests.report.conftest import END, START, CaseloadFolder, make_folder


class _Cells(HTMLParser):
    """The text of every table cell, and every colour used in a fill or stroke."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.colours: set[str] = set()
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_cell = tag == "td"
        if self._in_cell:
            self.cells.append("")
        self.colours.update(v for k, v in attrs if k in ("fill", "stroke") and v and not v.startswith("url("))

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


def _page(folder: CaseloadFolder) -> str:
    with folder.workspace() as workspace:
        return report_text(report.outcomes(workspace, START, END), "html")


@pytest.fixture(scope="module")
def page(thousand: CaseloadFolder) -> str:
    return _page(thousand)


@pytest.fixture(scope="module")
def few(tmp_path_factory: pytest.TempPathFactory, demo_directory: Path) -> CaseloadFolder:
    """Eight people: most figures are small numbers."""
    return make_folder(tmp_path_factory.mktemp("few"), demo_directory, 8, first=2000)


def _assert_nobody_named(text: str, folder: CaseloadFolder) -> None:
    for name in folder.caseload.names:
        assert name not in text
    for surname in SURNAMES:
        assert surname not in text
    assert FREE_TEXT_MARK not in text
    assert "Go to " not in text and "km" not in text  # a goal's words, a value logged


def _assert_no_small_count(text: str) -> None:
    cells = _Cells()
    cells.feed(text)
    for cell in cells.cells:
        assert not re.fullmatch(r"\s*[1-4]\s*", cell), cell
        for went in re.findall(r"([\d,]+) went", cell):  # people who went, in the directory grid
            assert int(went.replace(",", "")) >= 5, cell


def test_the_page_of_a_year_holds_no_name_and_no_words_from_anyones_records(page: str, thousand: CaseloadFolder) -> None:
    _assert_nobody_named(page, thousand)
    assert f"<td class=\"value\">{thousand.caseload.tallies['people_supported']}</td>" in page  # the figures are there


def test_a_small_caseload_shows_fewer_than_5_and_never_a_small_count(few: CaseloadFolder) -> None:
    text = _page(few)
    _assert_nobody_named(text, few)
    assert "fewer than 5" in text
    _assert_no_small_count(text)


def test_the_page_of_a_year_shows_no_small_count_either(page: str) -> None:
    _assert_no_small_count(page)


def test_every_chart_has_a_title_a_description_and_its_figures_in_words(page: str) -> None:
    charts = re.findall(r"<figure>.*?</figure>", page, flags=re.DOTALL)
    assert len(charts) >= 6
    for chart in charts:
        assert 'role="img"' in chart and "<title id=" in chart and "<desc id=" in chart
        assert "<figcaption><strong>In words:</strong>" in chart


def test_the_charts_use_black_white_and_greys_alone_and_tell_bars_apart_by_pattern(page: str) -> None:
    cells = _Cells()
    cells.feed(page)
    for colour in cells.colours:
        red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert red == green == blue, colour
    assert "url(#chart-wellbeing-hatch)" in page and 'fill="#ffffff"' in page


def test_the_wellbeing_questions_are_attributed_to_the_ons_under_the_open_government_licence(page: str) -> None:
    assert "Office for National Statistics" in page and "Open Government Licence" in page


def test_goal_scores_show_the_average_t_score_first_and_latest(page: str) -> None:
    section = page[page.index('id="goal-scores"'):page.index('id="going-regularly"')]
    assert "Average latest T-score" in section and "url(#chart-goal-scores-hatch)" in section


def test_a_period_with_no_review_scored_says_so_plainly(thousand: CaseloadFolder) -> None:
    with thousand.workspace() as workspace:
        text = report_text(report.outcomes(workspace, date(2020, 1, 1), date(2020, 12, 31)), "html")
    assert "no T-scores to show yet" in text


def test_the_csv_has_the_same_figures_hidden_the_same_way(few: CaseloadFolder) -> None:
    with few.workspace() as workspace:
        text = report_text(report.outcomes(workspace, START, END), "csv")
    _assert_nobody_named(text, few)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["section", "figure", "value"]
    values = [row[2] for row in rows[2:] if row[1] != "note"]
    assert "fewer than 5" in values
    assert not [v for v in values if re.fullmatch(r"[1-4]", v)]
