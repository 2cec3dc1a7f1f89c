"""The overcoming barriers exercise in the app: questions beside a live chart, splitting, ideas, realistic marks, the page."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Tree

from cpi_chat.training.barriers import Barrier
from cpi_chat.training.personas import find_persona
from cpi_chat.training.player import Player
from cpi_chat.tui.screens.ask_line import AskLineScreen
from cpi_chat.tui.screens.barriers_exercise import BarriersScreen
from cpi_chat.tui.screens.help import HelpScreen
from cpi_chat.tui.training_apps import TrainingApp
from cpi_chat.workspace import Workspace
from tests.training.exercise_driving import barriers_app, shown, type_line

SPLIT_AND_SOLVED = ["walking in on my own", "person", "nervous; costs £5", "one", "one",
                    "meet the coach first", "free first month; borrow the kit"]


def chart_lines(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    """The chart's labels, indented two spaces a level."""
    tree = pilot.app.screen.query_one("#barrier-chart", Tree)
    lines: list[str] = []

    def walk(node, depth: int) -> None:  # type: ignore[no-untyped-def]
        lines.append("  " * depth + str(node.label))
        for child in node.children:
            walk(child, depth + 1)

    walk(tree.root, 0)
    return lines


def screen_of(pilot) -> BarriersScreen:  # type: ignore[no-untyped-def]
    assert isinstance(pilot.app.screen, BarriersScreen), pilot.app.screen
    return pilot.app.screen


async def answer_all(pilot, answers: list[str]) -> None:  # type: ignore[no-untyped-def]
    for answer in answers:
        await type_line(pilot, answer)


async def test_the_chart_grows_beside_the_questions_from_barrier_to_solutions(bare_workspace: Workspace) -> None:
    app = barriers_app(bare_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        assert shown(pilot, "#barrier-question") == "What is the barrier?"
        assert chart_lines(pilot) == ["(The barrier will appear here.)"]
        await answer_all(pilot, SPLIT_AND_SOLVED[:3])
        assert "step 3 of 5: splitting into parts" in shown(pilot, "#barrier-status")
        assert shown(pilot, "#barrier-question") == "Is 'nervous' one problem, or a few things together?"
        assert chart_lines(pilot) == ["Barrier (the person's): walking in on my own", "  ▶ nervous", "  costs £5"]
        await answer_all(pilot, SPLIT_AND_SOLVED[3:])
        assert "step 5 of 5: realistic or not" in shown(pilot, "#barrier-status")
        assert chart_lines(pilot) == [
            "Barrier (the person's): walking in on my own",
            "  nervous (one problem)",
            "    ▶ Solution, not decided yet: meet the coach first",
            "  costs £5 (one problem)",
            "    Solution, not decided yet: free first month",
            "    Solution, not decided yet: borrow the kit",
        ]
        await answer_all(pilot, ["yes", "yes", "no"])
        assert chart_lines(pilot)[2] == "    Solution, realistic: meet the coach first"
        assert chart_lines(pilot)[5] == "    Solution, not realistic: borrow the kit"
        assert shown(pilot, "#barrier-question") == ("The chart is complete. Realistic solutions to try: 2.\n"
                                                     "• nervous: meet the coach first\n• costs £5: free first month")
        assert screen_of(pilot).query_one("#barrier-answer", Input).disabled
        assert app.screen.title == "Training — fictional people"


async def test_a_part_can_be_split_again_until_each_part_is_one_problem(bare_workspace: Workspace) -> None:
    app = barriers_app(bare_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await answer_all(pilot, ["the group leader is unsure", "service", "he has not met Callum; worried about the rules",
                                 "no bus on Sundays; nobody to go with"])
        assert chart_lines(pilot)[:4] == [
            "Barrier (the service's): the group leader is unsure",
            "  he has not met Callum",
            "    ▶ no bus on Sundays",
            "    nobody to go with",
        ]


async def test_a_wrong_answer_gets_a_kind_message_and_f3_takes_back_the_last_answer(bare_workspace: Workspace) -> None:
    app = barriers_app(bare_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_all(pilot, ["walking in on my own", "my cat"])
        assert shown(pilot, "#barrier-message").startswith("Type person (it is about the person) or service")
        assert "step 2 of 5" in shown(pilot, "#barrier-status")
        await answer_all(pilot, ["person", "just one"])
        assert "Type one if it is one problem" in shown(pilot, "#barrier-message")
        await pilot.press("f3")
        assert shown(pilot, "#barrier-question") == "Whose barrier is 'walking in on my own'?"
        assert chart_lines(pilot) == ["▶ Barrier: walking in on my own"]
        await pilot.press("f3", "f3", "f3")
        assert shown(pilot, "#barrier-message") == "There is nothing to take back."
        assert shown(pilot, "#barrier-question") == "What is the barrier?"


async def test_f4_writes_the_printable_page_with_the_solutions_and_says_where(bare_workspace: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "chart.html"
    app = barriers_app(bare_workspace, page_to=str(page))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        assert shown(pilot, "#barrier-message") == "Type the barrier first; there is no chart to save yet."
        await answer_all(pilot, SPLIT_AND_SOLVED + ["yes", "yes", "no"])
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, AskLineScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert shown(pilot, "#barrier-message") == f"Saved the printable chart to {page}. Open it in a web browser to print it."
        await pilot.press("escape")  # saved, so it leaves without asking
        await pilot.pause()
        assert not app.is_running
    html = page.read_text(encoding="utf-8")
    assert "Training — fictional people" in html
    for words in ("walking in on my own", "meet the coach first", "free first month", "borrow the kit", "not realistic"):
        assert words in html


async def test_escape_asks_before_leaving_a_chart_that_was_not_saved(bare_workspace: Workspace) -> None:
    app = barriers_app(bare_workspace)
    async with app.run_test(size=(60, 20)) as pilot:
        await type_line(pilot, "no bus on Sundays")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "confirm-leave-barriers"
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, BarriersScreen)
        await pilot.press("escape", "1")
        await pilot.pause()
        assert not app.is_running
    assert isinstance(app.exercise, BarriersScreen) and app.exercise.barrier == Barrier("no bus on Sundays")


async def test_f1_explains_the_exercise_and_lists_its_keys(bare_workspace: Workspace) -> None:
    app = barriers_app(bare_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "as if it were the only obstacle" in shown(pilot, "#help-purpose")
        keys = shown(pilot, "#help-keys")
        assert "Take back the last answer" in keys and "Save the chart as a printable page" in keys


async def test_b_in_a_played_session_opens_the_exercise_and_keeps_the_chart(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("dan"))
    app = TrainingApp(workspace, player)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await answer_all(pilot, ["the cost of the class", "person"])
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "training"
        await pilot.press("b")
        await pilot.pause()
        assert chart_lines(pilot) == ["▶ Barrier (the person's): the cost of the class"], "the chart is still there"
        assert shown(pilot, "#barrier-question") == "Is 'the cost of the class' one problem, or a few things together?"
