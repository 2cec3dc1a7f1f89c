"""The plan's pictures: an openly licensed symbol set, shipped in the package, credited on the page, each with words."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from cpi_chat.plan.html import render_plan_html
from cpi_chat.plan.pictures import ATTRIBUTION, SYMBOLS, every_picture, goal_picture
from cpi_chat.plan.plan import PlanView
from tests.plan.easy_read_check import easy_read_problems

ROOT = Path(__file__).resolve().parents[2]


def test_every_picture_the_plan_can_show_is_a_file_in_the_package_named_in_the_licence_notes() -> None:
    notes = (SYMBOLS / "LICENCE.md").read_text(encoding="utf-8")
    for picture in every_picture():
        assert (SYMBOLS / f"{picture.name}.svg").is_file(), picture.name
        assert re.search(rf"^\| {re.escape(picture.name)}\.svg \| \S+ \| {re.escape(picture.words)} \|$", notes, re.MULTILINE), picture
    shipped = {path.stem for path in SYMBOLS.glob("*.svg")}
    assert shipped == {picture.name for picture in every_picture()}, "a picture nobody uses, or one not listed"


def test_the_pictures_fetch_nothing_and_run_nothing_when_the_page_is_opened() -> None:
    for path in SYMBOLS.glob("*.svg"):
        svg = path.read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<svg"), path.name
        for risky in ("<script", "href=", "<image", "url(http", "<foreignObject", "on" + "load="):
            assert risky not in svg, f"{path.name} holds {risky}"


def test_the_wheel_carries_the_pictures_and_their_licence() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert {"plan/symbols/*.svg", "plan/symbols/*.md"} <= set(data["cpi_chat"])


def test_the_page_shows_a_picture_beside_each_section_and_goal_and_prints_the_licence(plan: PlanView) -> None:
    html = render_plan_html(plan)
    assert easy_read_problems(html) == []
    assert html.count('class="picture"') >= len(plan.goals) + 4
    assert ATTRIBUTION in html
    assert "https://" not in html.split("<body>", 1)[1].split("</main>")[0].replace(ATTRIBUTION, "")  # nothing fetched


def test_the_easy_read_check_catches_a_section_without_a_picture_and_an_unprinted_licence() -> None:
    page = ("<html><head><style>body { font-size: 18pt; font-family: sans-serif; } @media print {}</style></head><body>"
            "<h1>My plan</h1><div class='point'><img class='picture' src='data:,' alt='Picture: a target'>"
            "<h2>My goals</h2></div><h2>Who to contact</h2><img class='picture' src='data:,' alt='target'></body></html>")
    problems = " ".join(easy_read_problems(page))
    assert "'Who to contact' has no picture" in problems
    assert "'target' does not say what it shows" in problems
    assert "licence is not printed" in problems


def test_a_goal_gets_a_picture_from_its_words_then_its_groups_domain_then_its_kind() -> None:
    assert goal_picture("Run 5 km at parkrun", "target").name == "run"
    assert goal_picture("Go to the allotment society", "commitment").name == "gardening"
    assert goal_picture("Tuesday club", "commitment", "Arts and Crafts").name == "painting"
    assert goal_picture("Tuesday club", "commitment", "neighbourhood").name == "cafe"
    assert goal_picture("Tuesday club", "commitment").name == "calendar"
    assert goal_picture("Feel stronger", "target").name == "stairs"
    assert goal_picture("Starting again", "commitment").name == "calendar"  # "art" inside a word is not art
