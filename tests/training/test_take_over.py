"""Taking over a played session with t: the chat so far, who the trainer plays, Escape back to training, and the script carrying on."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from cpi_chat.training.personas import find_persona
from cpi_chat.training.player import Player
from cpi_chat.tui.screens.training import TakeOverScreen, TrainingScreen
from cpi_chat.tui.training_apps import TrainingApp
from cpi_chat.tui.widgets.transcript import Transcript
from cpi_chat.workspace import Workspace

TODAY = date(2026, 11, 25)
SIZE = (120, 40)


def chat_text(app: TrainingApp, where: str) -> str:
    return "\n".join(str(line.render()) for line in app.screen.query_one(where).query(Static))


def said_on_screen(app: TrainingApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def prompt_text(player: Player) -> str:
    prompt = player.turn.reply.prompt
    return prompt.text if prompt is not None else ""


async def test_taking_over_shows_what_the_app_said_and_what_joyce_answered_so_far(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    app = TrainingApp(workspace, player)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TakeOverScreen)
        chat = chat_text(app, Transcript)
        assert "Joyce: Yes, let's start" in chat
        assert "Joyce: the radio, and feeding my hens" in chat
        assert "normal week" in chat, "the app's earlier questions are there too"
        assert chat.count("use to enjoy") == 1, "the question now asked is shown once"


async def test_taking_over_says_who_the_trainer_is_now_playing(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    app = TrainingApp(workspace, player)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "t")
        await pilot.pause()
        assert "You are now playing Joyce Whitlow: answer as she would." in chat_text(app, Transcript)
        assert "you are playing Joyce Whitlow" in app.screen.sub_title


async def test_escape_goes_back_to_the_training_screen_without_promising_a_people_list(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    app = TrainingApp(workspace, player)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "t")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TrainingScreen)
        assert app.is_running
        messages = " ".join(said_on_screen(app))
        assert "people list" not in messages and "carry on this session later" not in messages
        assert f"Back to the script at turn 2 of {player.total}" in messages


async def test_after_answering_by_hand_space_carries_the_script_on_from_the_next_question(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    app = TrainingApp(workspace, player)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "space")
        assert "use to enjoy" in prompt_text(player)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"sheepdog trials", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "always wanted to try" in prompt_text(player)
        assert "You have taken over." not in said_on_screen(app)
        assert "Joyce (you): sheepdog trials" in chat_text(app, "#training-chat")
        await pilot.press("space")
        await pilot.pause()
        assert "Who do you see" in prompt_text(player), "the script skipped the question, as Joyce does"
        assert player.position == 5
        assert "off the script" not in str(app.screen.query_one("#training-status", Static).render())
        await pilot.press("t")  # and taking over again shows the by-hand answer in the chat
        await pilot.pause()
        assert "Joyce (you): sheepdog trials" in chat_text(app, Transcript)


async def test_when_the_script_no_longer_fits_space_says_what_the_trainer_can_do(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    # A script whose questions never come up stands for a session the trainer has taken somewhere else.
    elsewhere = [turn.model_copy(update={"expect": "a question never asked"}) for turn in player.script.turns]
    app = TrainingApp(workspace, player)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        player.script = player.script.model_copy(update={"turns": elsewhere})
        await pilot.press("1")  # "Yes, let's start", by hand
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        messages = said_on_screen(app)
        assert any("press t to carry on by hand, or Escape to leave training" in m for m in messages)
        assert "off the script" in str(app.screen.query_one("#training-status", Static).render())
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TakeOverScreen), "the trainer can still carry on by hand"
