"""The training screen in the app: each persona played to its end with the space key, autoplay, speed and take-over."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Static

from cpi_chat import records
from cpi_chat.training.personas import find_persona, personas
from cpi_chat.training.player import Player
from cpi_chat.tui.screens.training import TrainingScreen
from cpi_chat.tui.training_apps import TrainingApp
from cpi_chat.workspace import Workspace

TODAY = date(2026, 11, 25)
# Callum chooses football and reading: both groups become goals.
EXPECTED_KINDS = {"Dan Mercer": ["commitment", "target"], "Joyce Whitlow": ["commitment", "target"],
                  "Callum Reid": ["commitment", "commitment"]}


def text_of(app: TrainingApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.mark.parametrize("name", [p.name for p in personas()])
async def test_each_persona_plays_to_its_end_one_space_at_a_time_and_sets_its_goals(workspace: Workspace, name: str) -> None:
    player = Player.start(workspace, find_persona(name), today=TODAY)
    app = TrainingApp(workspace, player)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, TrainingScreen)
        assert "Training — fictional people" in text_of(app, "#training-status")
        first_tip = text_of(app, "#training-tip")
        await pilot.press(*["space"] * (player.total - 1))
        assert text_of(app, "#training-tip") != first_tip, "the tip panel follows the questions"
        await pilot.press("space")
        await pilot.pause()
        assert player.turn.finished
        assert "finished" in text_of(app, "#training-status")
    kinds = [g.kind for g in records.list_goals(workspace.db, player.session.person.id)]
    assert kinds == EXPECTED_KINDS[name]


async def test_autoplay_runs_by_itself_and_p_pauses_it(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("callum"), today=TODAY, seconds_per_turn=0)
    app = TrainingApp(workspace, player, autoplay=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            if player.done:
                break
            await pilot.pause(0.02)
        assert player.turn.finished
    assert [g.kind for g in records.list_goals(workspace.db, player.session.person.id)] == ["commitment", "commitment"]


async def test_p_plays_and_pauses_and_plus_and_minus_change_the_speed(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    app = TrainingApp(workspace, player)
    async with app.run_test(size=(120, 40)) as pilot:
        assert player.paused
        await pilot.press("p")
        assert not player.paused
        assert "playing, 3 s a turn" in text_of(app, "#training-status")
        await pilot.press("minus")
        assert player.seconds_per_turn == 5.0
        await pilot.press("plus", "plus")
        assert player.seconds_per_turn == 2.0
        await pilot.press("p")
        assert player.paused and player.position == 0


async def test_t_takes_over_and_the_trainer_answers_in_the_conversation_screen(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("dan"), today=TODAY)
    app = TrainingApp(workspace, player)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "space")
        assert "What do you enjoy doing now" in player.turn.reply.prompt.text  # type: ignore[union-attr]
        await pilot.press("t")
        await pilot.pause()
        assert player.taken_over
        assert app.screen.id == "conversation"
        await pilot.press(*"darts", "enter")
        await pilot.pause()
    interests = [i.text for i in records.list_interests(workspace.db, player.session.person.id)]
    assert "darts" in interests
