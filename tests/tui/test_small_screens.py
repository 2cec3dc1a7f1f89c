"""Small screens: at 60x20 and 80x24 the conversation keeps the width ("Your plan" folds behind F3); notices never cover replies."""

from __future__ import annotations

from test_display_settings import open_person_named
from tui_driving import conversation, demo_app, type_text

from cpi_chat.tui.screens.conversation import NARROW


async def test_your_plan_folds_behind_f3_on_a_narrow_screen_and_stays_beside_on_a_wide_one(demo_workspace) -> None:
    for size, shown_at_start in (((60, 20), False), ((80, 24), False), ((NARROW + 20, 30), True)):
        app = demo_app(demo_workspace)
        async with app.run_test(size=size) as pilot:
            await open_person_named(pilot, "Dan Mercer")
            screen = conversation(pilot)
            side, transcript = screen.query_one("#side"), screen.query_one("#transcript")
            assert side.display is shown_at_start, size
            if not shown_at_start:
                assert transcript.size.width >= size[0] - 4, "the conversation gets the width"
                await pilot.press("f3")
                await pilot.pause()
                assert side.display and screen.query(".goal-card"), "F3 unfolds Your plan"
                await pilot.press("f3")
                await pilot.pause()
                assert not side.display


async def test_a_notice_never_covers_the_replies(demo_workspace) -> None:
    from textual.widgets._toast import Toast

    for size in ((60, 20), (100, 30)):
        app = demo_app(demo_workspace)
        async with app.run_test(size=size, notifications=True) as pilot:
            await open_person_named(pilot, "Dan Mercer")
            screen = conversation(pilot)
            await pilot.press("f6")  # "Large spacing on." as a notice
            await pilot.pause()
            toasts = list(app.screen.query(Toast))
            assert toasts, "the notice is shown"
            answer_area = screen.query_one("#answer-area").region
            for toast in toasts:
                assert not toast.region.overlaps(answer_area), (size, toast.region, answer_area)


async def test_with_large_spacing_five_replies_leave_the_question_in_view(demo_workspace) -> None:
    # Joyce needs large spacing: at 60x20 her five spaced replies once left one line of the conversation, half the question.
    for size in ((60, 20), (80, 24)):
        app = demo_app(demo_workspace)
        async with app.run_test(size=size) as pilot:
            await open_person_named(pilot, "Joyce Whitlow")
            screen = conversation(pilot)
            await type_text(pilot, "I went to the farming lunch")
            await pilot.press("enter")
            await pilot.pause()
            replies = screen.query(".quick-reply")
            assert app.spacious and len(replies) == 5, size
            transcript, question = screen.query_one("#transcript"), screen.query(".chat-line").last()
            assert transcript.size.height >= size[1] * 0.3, (size, transcript.size)
            assert transcript.region.contains_region(question.region), "the whole question is in view"
            await pilot.press("down", "down", "down", "down", "down")
            await pilot.pause()
            assert app.focused is replies.last() and screen.query_one("#quick-replies").region.contains_region(
                replies.last().region), "moving to the last reply brings it into view"


async def test_f3_at_60x20_keeps_the_question_in_view_beside_the_plan(demo_workspace) -> None:
    # The chat's lines wrap again, narrower, when the plan unfolds: the question once slid out of view below.
    app = demo_app(demo_workspace)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_person_named(pilot, "Joyce Whitlow")
        screen = conversation(pilot)
        for _ in range(2):
            await pilot.press("f3")
            await pilot.pause()
            transcript, question = screen.query_one("#transcript"), screen.query(".chat-line").last()
            assert "What has gone well?" in str(question.render())
            assert transcript.region.contains_region(question.region), screen.query_one("#side").display
