"""The Player plays each persona's scripted session through a real Session and leaves the expected goals."""

from __future__ import annotations

from datetime import date

import pytest

from cpi_chat import records
from cpi_chat.training import TrainingError
from cpi_chat.training.personas import find_persona, personas
from cpi_chat.training.player import SPEEDS, Player
from cpi_chat.workspace import Workspace

TODAY = date(2026, 11, 25)

EXPECTED_GOALS = {
    "Dan Mercer": [("commitment", "kick-boxing", "every week", ""), ("target", "run 5 km", "", "2027-02-25")],
    "Joyce Whitlow": [("commitment", "Farming Friends", "once a month", ""), ("target", "leave the house twice a week", "", "2027-02-25")],
    "Callum Reid": [("commitment", "football", "every week", ""), ("commitment", "Quick Reads", "every two weeks", "")],
}


def goals_of(workspace: Workspace, player: Player) -> list[tuple[str, str, str, str]]:
    goals = records.list_goals(workspace.db, player.session.person.id)
    return [(g.kind, g.what, g.how_often, g.by_when) for g in goals]


def assert_expected_goals(workspace: Workspace, player: Player) -> None:
    goals = goals_of(workspace, player)
    expected = EXPECTED_GOALS[player.session.person.name]
    assert len(goals) == len(expected)
    for (kind, what, often, by), (want_kind, want_what, want_often, want_by) in zip(goals, expected):
        assert (kind, often, by) == (want_kind, want_often, want_by)
        assert want_what.lower() in what.lower()


@pytest.mark.parametrize("name", [p.name for p in personas()])
def test_each_persona_plays_to_its_end_step_by_step_and_sets_its_goals(workspace: Workspace, name: str) -> None:
    player = Player.start(workspace, find_persona(name), today=TODAY)
    tips = []
    while not player.done:
        tips.append(player.tip)
        player.step()
    assert player.turn.finished
    assert player.position == player.total
    assert any(tips), "the worker sees tips along the way"
    assert_expected_goals(workspace, player)


@pytest.mark.parametrize("name", [p.name for p in personas()])
def test_each_persona_autoplays_to_its_end_and_sets_its_goals(workspace: Workspace, name: str) -> None:
    player = Player.start(workspace, find_persona(name), today=TODAY, seconds_per_turn=0)
    while player.tick() is not None:
        pass
    assert player.turn.finished
    assert_expected_goals(workspace, player)


def test_the_picked_groups_are_among_the_suggestions_the_search_really_finds(workspace: Workspace) -> None:
    for persona in personas():
        player = Player.start(workspace, persona, today=TODAY)
        while not player.done:
            scripted = player.script.turns[player.position]
            if scripted.pick_asset:
                assert scripted.pick_asset["id"] in [h.asset.id for h in player.turn.suggestions]
            player.step()


def test_pausing_stops_autoplay_but_a_step_still_plays(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("callum"), today=TODAY)
    player.pause()
    assert player.tick() is None
    assert player.position == 0
    player.step()
    assert player.position == 1
    assert player.toggle_pause() is False
    assert player.tick() is not None
    assert player.position == 2


def test_play_until_stops_at_that_turn_and_take_over_hands_the_same_session_on(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    player.play(until=4)
    assert player.position == 4
    assert "always wanted to try" in player.turn.reply.prompt.text  # type: ignore[union-attr]
    session = player.take_over()
    assert session is player.session
    with pytest.raises(TrainingError):
        player.step()
    assert player.tick() is None
    from cpi_chat.dialogue.events import Answer

    turn = session.handle(Answer("knitting"))
    assert turn.reply.prompt is not None
    interests = [i.text for i in records.list_interests(workspace.db, session.person.id)]
    assert "knitting" in interests


def test_handing_back_after_answering_by_hand_carries_the_script_on_from_the_next_question(workspace: Workspace) -> None:
    from cpi_chat.dialogue.events import Answer

    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    player.play(until=4)
    session = player.take_over()
    turn = session.handle(Answer("knitting"))  # the trainer answers "always wanted to try" by hand
    assert player.hand_back(turn)
    assert player.position == 5 and not player.done
    player.step()
    assert "places you go" in player.turn.reply.prompt.text  # type: ignore[union-attr]


def test_handing_back_after_going_back_a_question_replays_the_script_from_there(workspace: Workspace) -> None:
    from cpi_chat.dialogue.events import Back

    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    player.play(until=4)
    turn = player.take_over().handle(Back())
    assert player.hand_back(turn)
    assert player.position == 3
    assert "use to enjoy" in player.turn.reply.prompt.text  # type: ignore[union-attr]


def test_a_script_that_no_longer_fits_stops_with_a_sentence_instead_of_answering_the_wrong_question(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    player.script = player.script.model_copy(
        update={"turns": [t.model_copy(update={"expect": "a question never asked"}) for t in player.script.turns]})
    with pytest.raises(TrainingError, match="no longer fits"):
        player.step()
    assert player.off_script and player.done and player.position == 0
    assert not player.hand_back(player.turn)


def test_handing_back_a_finished_session_leaves_nothing_to_play(workspace: Workspace) -> None:
    from cpi_chat.dialogue.events import Stop

    player = Player.start(workspace, find_persona("joyce"), today=TODAY)
    turn = player.take_over().handle(Stop())
    assert not player.hand_back(turn)
    assert player.finished and player.done

def test_speed_goes_up_and_down_within_its_limits(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("dan"), today=TODAY, seconds_per_turn=3)
    assert player.faster() == 2.0
    for _ in range(10):
        player.faster()
    assert player.seconds_per_turn == SPEEDS[0]
    for _ in range(10):
        player.slower()
    assert player.seconds_per_turn == SPEEDS[-1]


def test_the_next_action_says_what_the_person_will_do_in_words(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("callum"), today=TODAY)
    assert player.next_action == "Yes"
    player.play(until=13)
    assert player.next_action.startswith("Picks: Quick Reads Club")


def test_a_player_refuses_a_workspace_that_is_not_for_training(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cpi_chat.paths import resolve_paths

    real = Workspace(resolve_paths(data_dir=tmp_path / "real", environ={}))
    with pytest.raises(TrainingError):
        Player.start(real, find_persona("dan"))
    assert not (tmp_path / "real").exists()


def test_an_unknown_persona_is_named_with_the_ones_there_are() -> None:
    with pytest.raises(TrainingError, match="Dan, Joyce, Callum"):
        find_persona("Bob")
