"""A whole joint session driven by real key presses: interests, suggestions, two goals with small steps, closing."""

from __future__ import annotations

from textual.widgets import Static
from tui_driving import TRANSCRIPTS, add_person, conversation, demo_app, play_transcript

from cpi_chat import records
from cpi_chat.tui.widgets.asset_card import AssetCard
from cpi_chat.tui.widgets.goal_card import GoalCard


async def test_a_whole_joint_session_saves_both_goals_and_their_steps_to_people_db(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await add_person(pilot, "Priya Shah")
        await pilot.press("enter")
        await pilot.pause()
        screen = conversation(pilot)
        assert "Part 1 of 5" in str(screen.query_one("#progress", Static).render())

        await play_transcript(pilot, TRANSCRIPTS / "joint_kickboxing_and_5k.yaml", stop_after=13)
        assert screen.prompt is not None and screen.prompt.kind == "suggest"
        cards = list(screen.query(AssetCard))
        assert cards and cards[0].asset.name == "Kick-Boxing Fitness Class"

        await play_transcript_from(pilot, 13)
        assert screen.session.finished
        assert len(screen.query(GoalCard)) == 2

    person = records.find_person(demo_workspace.db, "Priya Shah")
    goals = records.list_goals(demo_workspace.db, person.id)
    commitment, target = sorted(goals, key=lambda g: g.kind)
    assert (commitment.kind, commitment.how_often, commitment.asset_id) == ("commitment", "every week", "kick-boxing-class")
    # The two steps agreed, then what will be done about each part of the barrier: every solution realistic and chosen.
    assert [s.text for s in commitment.steps] == ["fill in the gym induction form", "phone the class to ask about beginners",
                                                  "ask if the first month is free", "arrive early and meet the coach first"]
    assert (target.what, target.by_when) == ("run 5 km", "2027-02-25")
    assert [s.text for s in target.steps] == ["run twice a week with the couch to 5k app"]
    assert records.unfinished_session(demo_workspace.db, person.id) is None


async def play_transcript_from(pilot, first_turn: int) -> None:  # type: ignore[no-untyped-def]
    """Play the rest of the case-study transcript from `first_turn` on."""
    from cpi_chat.dialogue.transcripts import load_transcript

    script = load_transcript(TRANSCRIPTS / "joint_kickboxing_and_5k.yaml")
    rest = script.model_copy(update={"turns": script.turns[first_turn:]})
    path = pilot.app.workspace.paths.data_dir / "rest.yaml"
    path.write_text(rest.model_dump_json(exclude_defaults=True))
    await play_transcript(pilot, path)


async def test_more_like_this_searches_again_and_not_for_me_hides_the_card(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await add_person(pilot, "Priya Shah")
        await pilot.press("enter")
        await pilot.pause()
        await play_transcript(pilot, TRANSCRIPTS / "joint_kickboxing_and_5k.yaml", stop_after=13)
        screen = conversation(pilot)
        first = screen.hits[0].asset
        await pilot.click("#asset-cards #card-more")
        await pilot.pause()
        assert "More like Kick-Boxing Fitness Class" in str(screen.query_one("#search-note", Static).render())
        assert len(screen.hits) > 1 and screen.hits[0].asset.id == first.id
        await pilot.click("#asset-cards #card-not")
        await pilot.pause()
        assert first.id not in [hit.asset.id for hit in screen.hits]
        assert all(card.asset.id != first.id for card in screen.query(AssetCard) if card.is_attached and card.parent is not None)
