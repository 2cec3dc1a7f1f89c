"""'How it's going' between appointments: real keys open it, W marks this week once, L logs a target, P saves My plan."""

from __future__ import annotations

import stat
from datetime import date

import pytest
from tui_driving import demo_app, open_progress, type_text

from cpi_chat import records
from cpi_chat.amounts import NO_NUMBER
from cpi_chat.tui.screens.conversation import ConversationScreen
from cpi_chat.tui.screens.help import HelpScreen
from cpi_chat.tui.screens.home import HomeScreen
from cpi_chat.tui.screens.log_progress import LogProgressScreen
from cpi_chat.tui.screens.progress import ProgressScreen
from cpi_chat.tui.widgets.progress_card import GoalProgressCard

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run

CANARY = "CANARY private worker thought 7731"


def shown_text(app) -> str:  # type: ignore[no-untyped-def]
    """Every word on the screen in front: statics, card titles and subtitles."""
    parts = []
    for widget in app.screen.query("Static"):
        if widget.display:
            parts.extend([str(widget.border_title or ""), str(widget.render()), str(widget.border_subtitle or "")])
    return "\n".join(parts)


def goals_of(workspace, name: str) -> dict[str, records.Goal]:  # type: ignore[no-untyped-def]
    person = records.find_person(workspace.db, name)
    return {g.kind: g for g in records.list_goals(workspace.db, person.id)}


async def test_w_marks_this_week_once_on_the_card_and_in_people_db_and_a_second_press_is_kind(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        card = screen.query_one("#goal-progress-1", GoalProgressCard)
        assert screen.focused is card, "the first goal is chosen from the start"
        assert "This week: not marked yet" in str(card.render())

        await pilot.press("w")
        await pilot.pause()
        assert "This week: you went." in str(card.render()) and "Weeks went: 1." in str(card.render())
        assert "Marks: ■ went" in shown_text(app), "the key to the marks appears with the first mark"
        assert "Saved: you went this week." in shown_text(app)

        await pilot.press("w")
        await pilot.pause()
        said = str(screen.query_one("#progress-said").render())
        assert "already marked" in said and "counts once" in said
        assert "Weeks went: 1." in str(card.render())

    kick_boxing = goals_of(demo_workspace, "Dan Mercer")["commitment"]
    assert [(c.attended, c.date, c.by) for c in kick_boxing.checkins] == [("yes", date.today().isoformat(), "worker")]


async def test_w_on_a_target_goal_points_to_l_instead_of_saving_anything(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        await pilot.press("down", "w")
        await pilot.pause()
        assert "press L to log your progress" in str(screen.query_one("#progress-said").render())
    assert not goals_of(demo_workspace, "Dan Mercer")["target"].checkins


async def test_l_logs_progress_toward_the_target_and_answers_nonsense_kindly(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        await pilot.press("down", "l")
        await pilot.pause()
        assert isinstance(app.screen, LogProgressScreen)

        await type_text(pilot, "quite far really")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LogProgressScreen), "nonsense is not saved"
        assert str(app.screen.query_one("#ask-line-problem").render()) == NO_NUMBER

        app.screen.query_one("#ask-line-input").value = ""
        await type_text(pilot, "3 km in 25 minutes")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        card = str(screen.query_one("#goal-progress-2", GoalProgressCard).render())
        assert "■■■■■■□□□□  3 km in 25 minutes" in card, "the bar toward 5 km fills at once"
        assert "more than halfway" in card

    run = goals_of(demo_workspace, "Dan Mercer")["target"]
    assert [c.value for c in run.checkins] == ["3 km in 25 minutes"]


async def test_escape_in_the_log_box_saves_nothing(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot, "Dan Mercer")
        await pilot.press("down", "l")
        await type_text(pilot, "2 km")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
    assert not goals_of(demo_workspace, "Dan Mercer")["target"].checkins


async def test_p_saves_my_plan_owner_only_named_by_id_with_the_goals_and_never_a_private_note(demo_workspace) -> None:
    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    records.save_note(demo_workspace.db, dan.id, None, None, CANARY, private=True)
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        await pilot.press("p")
        await pilot.pause()
        said = str(screen.query_one("#progress-said").render())

    folder = demo_workspace.paths.data_dir / "plans"
    page = folder / f"plan-person-{dan.id}.html"
    assert said == f"Your plan is saved at {page}. Open it in a web browser to read or print it."
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and stat.S_IMODE(page.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == [page.name], "no other file, and no name in the file name"
    html = page.read_text(encoding="utf-8")
    assert "Kick-Boxing Fitness Class" in html and "run 5 km" in html
    assert CANARY not in html


async def test_ratings_show_beside_last_time_with_improvements_first(demo_workspace) -> None:
    db = demo_workspace.db
    dan = records.find_person(db, "Dan Mercer")
    for topic, before, now in (("How connected I feel", 3, 2), ("How often I see people", 2, 4)):
        records.save_rating(db, dan.id, None, None, topic, before, on=date(2026, 9, 1))
        records.save_rating(db, dan.id, None, None, topic, now, "better since the gym" if now > before else "",
                            on=date(2026, 11, 20))
    records.save_rating(db, dan.id, None, None, "How I feel day to day", 3, on=date(2026, 11, 20))
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        ratings = str(screen.query_one("#ratings").render()).splitlines()

    assert ratings[1] == "How often I see people: 4 out of 5. Better than last time (2)."
    assert ratings[2] == '  In your words: "better since the gym"'
    assert ratings[3] == "How I feel day to day: 3 out of 5. This is the first time."
    assert ratings[4] == "How connected I feel: 2 out of 5. Last time it was 3."


async def test_circles_show_who_and_which_groups_at_the_first_meeting_and_now(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        circles = str(screen.query_one("#circles").render())
    then, now = circles.split("Now:")
    assert then.startswith("At the first meeting: 1 person, 0 groups and 0 places.")
    assert "People: My brother (sometimes)\n" in then and "Kick-Boxing" not in then
    assert "Groups: Kick-Boxing Fitness Class (new)" in now and "People: My brother" in now
    assert "New since the first meeting: 1." in now


async def test_self_mode_shows_only_the_persons_own_goals_and_records_that_they_said_it(demo_workspace) -> None:
    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    records.save_note(demo_workspace.db, dan.id, None, None, CANARY, private=True)
    app = demo_app(demo_workspace, person_name="Dan Mercer", mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")  # which goal to check in on
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("w")
        await pilot.pause()
        text = shown_text(app)
        for other in ("Joyce", "Whitlow", "Callum", "Reid", CANARY):
            assert other not in text
        await pilot.press("escape")
        await pilot.pause()
        conversation = app.screen
        assert isinstance(conversation, ConversationScreen)
        cards = " ".join(str(card.render()) for card in conversation.query(".goal-card"))
        assert "You went. Well done!" in cards, "the conversation's goal cards catch up on the way back"
    assert [c.by for c in goals_of(demo_workspace, "Dan Mercer")["commitment"].checkins] == ["person"]


async def test_f1_explains_the_screen_and_lists_its_keys_and_escape_goes_home(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot, "Callum Reid")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        for words in ("I went this week", "Log progress toward a target", "Save my plan", "Go back"):
            assert words in keys
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_arrow_keys_choose_each_goal_then_the_ratings_and_circles_and_stop_at_the_end(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        seen = []
        for _ in range(6):
            seen.append(screen.focused.id if screen.focused else None)
            await pilot.press("down")
        assert seen == ["goal-progress-1", "goal-progress-2", "review-scores", "ratings", "circles", "circles"]
        card = screen.query_one("#goal-progress-1", GoalProgressCard)
        await pilot.press("up", "up", "up", "up", "up")
        assert screen.focused is card and "▶ chosen · W: I went" in str(card.border_subtitle)


async def test_a_missed_week_is_shown_kindly_with_an_offer_to_talk_not_blame(demo_workspace) -> None:
    db = demo_workspace.db
    dan = records.find_person(db, "Dan Mercer")
    kick_boxing = goals_of(demo_workspace, "Dan Mercer")["commitment"]
    records.add_checkin(db, dan.id, kick_boxing.id, attended=True, on=date(2026, 11, 10))
    records.add_checkin(db, dan.id, kick_boxing.id, attended=False, on=date(2026, 11, 17))
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        card = str(screen.query_one("#goal-progress-1", GoalProgressCard).render())
        assert "Chart: ■ □ ·" in card and "Last 3 weeks: went 1, did not go 1, not told 1." in card
        assert "Missing a week happens to everyone. Would it help to talk about what got in the way?" in card
        assert "Marks: ■ went, □ did not go" in shown_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert "This week: you went." in str(screen.query_one("#goal-progress-1", GoalProgressCard).render())


async def test_someone_with_no_goals_yet_is_told_gently_and_w_saves_nothing(demo_workspace) -> None:
    records.add_person(demo_workspace.db, "Priya Shah")
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Priya Shah")
        text = shown_text(app)
        assert "No goals yet. You can set one together at your next session." in text
        assert "Nothing rated yet." in text and "We have not written down anyone yet." in text
        await pilot.press("w")
        await pilot.pause()
        assert str(screen.query_one("#progress-said").render()) == "There is no goal of that kind yet."


async def test_large_spacing_puts_a_blank_line_between_the_cards_for_someone_who_needs_large_print(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Joyce Whitlow")
        assert {card.styles.margin.bottom for card in screen.query(GoalProgressCard)} == {1}
        await pilot.press("escape")
        screen = await open_progress(pilot, "Dan Mercer")
        assert {card.styles.margin.bottom for card in screen.query(GoalProgressCard)} == {0}


async def test_the_command_palette_offers_how_its_going_and_its_keys(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "how it's going")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.person.name == "Callum Reid", "the first person on the list"
        await pilot.press("ctrl+p")
        await type_text(pilot, "i went this week")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        card = app.screen.query(GoalProgressCard).first()
        assert "This week: you went." in str(card.render())


async def test_u_takes_back_a_w_pressed_by_mistake_and_only_then_is_offered(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot, "Dan Mercer")
        assert "u" not in screen.active_bindings or not screen.active_bindings["u"].enabled
        await pilot.press("w")
        await pilot.pause()
        assert len(goals_of(demo_workspace, "Dan Mercer")["commitment"].checkins) == 1
        await pilot.press("u")
        await pilot.pause()
        assert goals_of(demo_workspace, "Dan Mercer")["commitment"].checkins == ()
        card = screen.query(GoalProgressCard).first()
        assert "This week: not marked yet" in str(card.render())
        assert "Taken back" in shown_text(app)
