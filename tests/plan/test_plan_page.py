"""The "my plan" page: easy-read rules checked automatically, the right content, and never a private note."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from cpi_chat import records
from cpi_chat.plan.html import render_plan_html
from cpi_chat.plan.ics import render_plan_ics
from cpi_chat.plan.markdown import render_plan_markdown
from cpi_chat.plan.plan import PlanView, build_plan
from tests.plan.demo import CANARY, TODAY
from tests.plan.easy_read_check import body_points, easy_read_problems

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def test_the_plan_page_passes_the_easy_read_check(plan: PlanView) -> None:
    assert easy_read_problems(render_plan_html(plan)) == []


def test_large_print_makes_the_text_at_least_20pt(plan: PlanView) -> None:
    large = dataclasses.replace(plan, large_print=True)
    html = render_plan_html(large)
    assert body_points(html) >= 20
    assert easy_read_problems(html, min_points=20) == []


def test_the_checker_catches_skipped_headings_small_text_italics_and_unlabelled_pictures() -> None:
    bad = ("<html><head><style>body { font-size: 12px; font-family: serif; } em { font-style: italic; }</style></head>"
           "<body><h1>Plan</h1><h3>Skipped</h3><img src='x.png'><svg></svg><i>slanted</i></body></html>")
    problems = " ".join(easy_read_problems(bad))
    for expected in ("skips a level", "under 16pt", "italics", "<img> has no alt", "<svg> has no aria-label", "sans-serif"):
        assert expected in problems


def test_the_page_says_where_when_who_to_contact_and_the_next_meeting(plan: PlanView) -> None:
    html = render_plan_html(plan)
    for words in ("Tuesday 12 January 2027", "Every Thursday, 7pm to 8pm", "Hollinbridge Leisure Centre",
                  "01632 960173", "My worker will go with me the first time.", "Buy a water bottle",
                  "my worker Sam on 01632 960123", "Saturday 27 March 2027", "4 weeks in a row"):
        assert words in html


def test_how_things_are_going_lists_improvements_first(plan: PlanView) -> None:
    html = render_plan_html(plan)
    assert html.index("How connected I feel") < html.index("How often I see people") < html.index("How I feel day to day")
    assert "Better than last time (2)" in html


def test_the_circles_of_support_show_what_is_new_in_words_and_in_the_picture(plan: PlanView) -> None:
    html = render_plan_html(plan)
    assert "At the first meeting: 2 people, 0 groups and 1 place." in html
    assert "Now: 3 people, 1 group and 1 place." in html
    assert "Dan from kick-boxing (new)" in html
    assert 'role="img" aria-label="Circles of support for Marcus Reid.' in html


def test_private_notes_never_appear_in_any_format(plan: PlanView) -> None:
    for text in (render_plan_html(plan), render_plan_markdown(plan), render_plan_ics(plan)):
        assert "PRIVATE-CANARY" not in text and "football results" not in text
    assert CANARY  # the demo person does have a private note with a reminder date
    assert all(r.day != date(2026, 12, 1) for r in plan.reminders)


def test_names_and_words_are_escaped_in_the_page(db: records.PeopleDatabase) -> None:
    person = records.add_person(db, "<script>alert(1)</script>")
    records.add_goal(db, person.id, "commitment", "Chess & <b>draughts</b>", how_often="every week")
    plan = build_plan(db, person.id, today=TODAY)
    html = render_plan_html(plan)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<b>draughts" not in html
    assert "\\<script\\>" in render_plan_markdown(plan)


def test_a_person_with_no_goals_gets_a_friendly_page(db: records.PeopleDatabase) -> None:
    person = records.add_person(db, "Ana Lopes")
    plan = build_plan(db, person.id, today=TODAY)
    html = render_plan_html(plan)
    assert "I do not have any goals yet." in html and "We have not chosen a day yet." in html
    assert easy_read_problems(html) == []
    assert "I do not have any goals yet." in render_plan_markdown(plan)


def test_a_goal_whose_group_is_missing_from_the_directory_still_shows(db: records.PeopleDatabase) -> None:
    person = records.add_person(db, "Ana Lopes")
    records.add_goal(db, person.id, "commitment", "Pottery", how_often="every two weeks", asset_id="gone-away", where="The old mill")
    plan = build_plan(db, person.id, lambda _asset_id: None, today=TODAY)
    assert plan.goals[0].place is None
    assert "<span class=\"label\">Where:</span> The old mill." in render_plan_html(plan)


def test_the_markdown_has_the_same_content_as_the_page(plan: PlanView) -> None:
    markdown = render_plan_markdown(plan)
    assert markdown.startswith("# My plan\n")
    for words in ("## My next meeting", "**Tuesday 12 January 2027**", "### Kick-boxing class", "- [x] Fill in the gym induction form",
                  "Every Thursday, 7pm to 8pm", "## How things are going", "### People", "Dan from kick-boxing (new)"):
        assert words in markdown


def test_every_field_the_directory_marks_for_the_plan_is_on_the_page_the_markdown_and_the_calendar(plan: PlanView) -> None:
    from cpi_chat.assets.model import ON_PLAN

    kick_boxing = next(g for g in plan.goals if g.place is not None and g.place.name == "Kick-Boxing Fitness Class")
    assert kick_boxing.place is not None
    labels = [label for label, _value in kick_boxing.place.details]
    assert labels == [label for _field, label in ON_PLAN], "the demo group has every field the plan shows"
    html, markdown, ics = render_plan_html(plan), render_plan_markdown(plan), render_plan_ics(plan)
    unfolded = ics.replace("\r\n ", "")
    for label, value in kick_boxing.place.details:
        assert f'<span class="label">{label}:</span>' in html and f"**{label}:**" in markdown
        assert f"{label}: {value}.".replace(",", "\\,").replace(";", "\\;") in unfolded, label
