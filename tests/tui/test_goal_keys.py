"""'How it's going' moves goals on with real keys: T ticks the next step, N adds one, E rewords it, D finishes, holds or reopens."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from test_progress_screen import goals_of, shown_text
from tui_driving import demo_app, open_progress, type_text

from cpi_chat import records
from cpi_chat.actions import attainment
from cpi_chat.tui.screens.choice import ChoiceScreen
from cpi_chat.tui.screens.goal_keys import OwnWordsScreen
from cpi_chat.tui.screens.progress import ProgressScreen
from cpi_chat.tui.widgets.progress_card import GoalProgressCard

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def said(screen: ProgressScreen) -> str:
    return str(screen.query_one("#progress-said").render())


async def test_t_ticks_the_next_small_step_and_the_card_moves_on_to_the_one_after(demo_workspace) -> None:
    first, *_ = [s for s in goals_of(demo_workspace, "Dan Mercer")["commitment"].steps if not s.done]
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        card = screen.query_one("#goal-progress-1", GoalProgressCard)
        assert f"Next small step: {first.text}" in str(card.render())
        await pilot.press("t")
        await pilot.pause()
        assert f"Ticked: {first.text}. Well done!" in said(screen)
        card = screen.query_one("#goal-progress-1", GoalProgressCard)
        assert f"Next small step: {first.text}" not in str(card.render())
        assert screen.focused is card, "the goal stays chosen"
    ticked = next(s for s in goals_of(demo_workspace, "Dan Mercer")["commitment"].steps if s.id == first.id)
    assert ticked.done and ticked.done_on == date.today().isoformat()


async def test_n_adds_a_step_in_the_persons_words_and_e_rewords_the_next_one(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        await pilot.press("down", "n")
        await pilot.pause()
        assert isinstance(app.screen, OwnWordsScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OwnWordsScreen), "an empty step is not saved"
        await type_text(pilot, "Buy running shoes")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and "Added the small step: Buy running shoes." in said(screen)
        card = screen.query_one("#goal-progress-2", GoalProgressCard)
        assert "Next small step:" in str(card.render())

        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#ask-line-input")
        next_step = box.value
        assert next_step, "the step's words are there to change"
        box.value = ""
        await type_text(pilot, "Run 1 km on Saturday")
        await pilot.press("enter")
        await pilot.pause()
        assert "The small step is now: Run 1 km on Saturday." in said(screen)
    steps = [s.text for s in goals_of(demo_workspace, "Dan Mercer")["target"].steps]
    assert "Buy running shoes" in steps and "Run 1 km on Saturday" in steps and next_step not in steps


async def test_d_marks_a_goal_done_it_moves_to_what_ive_done_and_can_be_worked_on_again(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        await pilot.press("down", "d")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and app.screen.id == "goal-status"
        await pilot.press("1")
        await pilot.pause()
        assert "is in 'What I've done' now, kept for good" in said(screen)
        text = shown_text(app)
        assert text.index("What I've done") < text.index("run 5 km"), "the goal done is listed under 'What I've done'"
        assert "(done)" in text and "Well done! Kept here for good." in text
        done_card = str(screen.query_one("#goal-progress-2", GoalProgressCard).render())
        assert "You can choose one together" not in done_card, "a goal done is not asked for a next step"
        assert goals_of(demo_workspace, "Dan Mercer")["target"].status == "achieved"

        await pilot.press("d")
        await pilot.pause()
        assert app.screen.query_one("#choice-0").label.plain == "1. Work on it again"
        await pilot.press("1")
        await pilot.pause()
        assert not screen.query_one("#done-title").display
    assert goals_of(demo_workspace, "Dan Mercer")["target"].status == "active"


async def test_d_puts_a_goal_on_hold_with_why_and_until_when_and_an_unreadable_date_is_asked_again(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        await pilot.press("d", "2")
        await pilot.pause()
        assert app.screen.id == "hold-why"
        await type_text(pilot, "on holiday")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.id == "hold-until"
        await type_text(pilot, "someday soon")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.id == "hold-until" and "couldn't read that as a date" in str(
            app.screen.query_one("#ask-line-problem").render())
        app.screen.query_one("#ask-line-input").value = ""
        await type_text(pilot, "in 3 weeks")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and "is on hold" in said(screen)
        card = screen.query_one("#goal-progress-1", GoalProgressCard)
        assert "(on hold)" in str(card.border_title) and "On hold: on holiday." in str(card.render())
    kick_boxing = goals_of(demo_workspace, "Dan Mercer")["commitment"]
    until = (date.today() + timedelta(weeks=3)).isoformat()
    assert (kick_boxing.status, kick_boxing.pause_reason, kick_boxing.paused_until) == ("paused", "on holiday", until)


async def test_d_stops_a_goal_with_why_and_escape_anywhere_changes_nothing(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        await pilot.press("down", "d", "3")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert goals_of(demo_workspace, "Dan Mercer")["target"].status == "active"
        await pilot.press("d", "3")
        await pilot.pause()
        await type_text(pilot, "my knee hurts")
        await pilot.press("enter")
        await pilot.pause()
        assert "is stopped" in said(screen)
        assert not screen.query("#goal-progress-2"), "a stopped goal leaves the screen (it is kept, and can be reopened)"
    run = goals_of(demo_workspace, "Dan Mercer")["target"]
    assert (run.status, run.stop_reason) == ("dropped", "my knee hurts")


async def test_a_value_that_reaches_the_target_asks_whether_to_mark_the_goal_done(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        await pilot.press("down", "l")
        await type_text(pilot, "5 km")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and app.screen.id == "reached"
        assert "That reaches the target of 'run 5 km'. Mark this goal done?" in str(app.screen.query_one("#choice-question").render())
        await pilot.press("1")
        await pilot.pause()
        assert app.screen is screen and "What I've done" in shown_text(app)
    assert goals_of(demo_workspace, "Dan Mercer")["target"].status == "achieved"


async def test_not_yet_keeps_a_reached_target_active(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot, "Dan Mercer")
        await pilot.press("down", "l")
        await type_text(pilot, "5 km")
        await pilot.press("enter", "2")
        await pilot.pause()
    assert goals_of(demo_workspace, "Dan Mercer")["target"].status == "active"


async def test_the_goal_scores_of_each_review_are_shown_over_time(demo_workspace) -> None:
    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    goals = goals_of(demo_workspace, "Dan Mercer")
    attainment.score_goals(demo_workspace, dan.id, {goals["commitment"].id: 1, goals["target"].id: 0})
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot, "Dan Mercer")
        text = shown_text(app)
        assert "50 means as hoped" in text and ": 56 (" in text


async def test_a_person_alone_ticks_their_own_step_from_the_check_in(demo_workspace) -> None:
    app = demo_app(demo_workspace, person_name="Dan Mercer", mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        await pilot.press("t")
        await pilot.pause()
        assert "Ticked:" in said(screen)
    assert any(s.done for s in goals_of(demo_workspace, "Dan Mercer")["commitment"].steps)


async def test_d_and_t_speak_easy_read_to_callum_whose_needs_ask_for_it(demo_workspace) -> None:
    """Callum's needs say easy read: the goal keys' choices and sentences are short, everyday words."""
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Callum Reid")
        await pilot.press("t")
        await pilot.pause()
        assert said(screen).startswith("Done: ") and said(screen).endswith(". Well done!")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and app.screen.id == "goal-status"
        labels = [button.label.plain for button in app.screen.query("Button")]
        assert labels == ["1. I did it", "2. Stop for a while", "3. Stop. It is not for me"]
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, OwnWordsScreen)
        assert "Why? For example: on holiday, or not well." in shown_text(app)
