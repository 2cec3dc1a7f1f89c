"""Snapshots of 'How it's going' as user stories: each docstring says what the person and worker should see."""

from __future__ import annotations

from tui_driving import demo_app, open_progress, type_text

from tests.plan.demo import add_demo_person


class TestHowItsGoing:
    def test_each_goal_shows_its_chart_in_marks_and_words_its_run_and_next_step(self, snap_compare, demo_workspace) -> None:
        """Marcus's kick-boxing card: the marks (■ went, ‖ paused) with the same in words, weeks went and in a row, 'This week',
        a kind message and the next small step; the card is chosen, saying '▶ chosen · W: I went'; the footer shows W, L, P."""
        add_demo_person(demo_workspace.db)

        async def marcus(pilot) -> None:  # type: ignore[no-untyped-def]
            await open_progress(pilot, "Marcus Reid")

        assert snap_compare(demo_app(demo_workspace), terminal_size=(80, 24), run_before=marcus)

    def test_ratings_come_improvements_first_and_circles_show_then_and_now(self, snap_compare, demo_workspace) -> None:
        """Scrolled down with the arrow keys: 'How connected I feel: 4 out of 5. Better than last time (2).' first, then the
        circles of support at the first meeting and now, new ones marked '(new)', with counts in words."""
        add_demo_person(demo_workspace.db)

        async def marcus_below(pilot) -> None:  # type: ignore[no-untyped-def]
            await open_progress(pilot, "Marcus Reid")
            await pilot.press("down", "down", "down")
            await pilot.pause()

        assert snap_compare(demo_app(demo_workspace), terminal_size=(80, 24), run_before=marcus_below)

    def test_at_60_by_20_one_key_says_i_went_and_the_keys_stay_in_view(self, snap_compare, demo_workspace) -> None:
        """Dan at 60x20 after W: his kick-boxing card shows '■', 'This week: you went.', the line above the keys says
        'Saved: you went this week.', and the footer still shows Esc, F1, W, L and P."""

        async def dan_went(pilot) -> None:  # type: ignore[no-untyped-def]
            await open_progress(pilot, "Dan Mercer")
            await pilot.press("w")
            await pilot.pause()

        assert snap_compare(demo_app(demo_workspace), terminal_size=(60, 20), run_before=dan_went)

    def test_a_value_without_a_number_gets_a_kind_example_not_an_error(self, snap_compare, demo_workspace) -> None:
        """The 'Log progress: run 5 km' box at 60x20 after typing 'quite far': 'I could not find a number in that. Try
        a number and what it counts, like 2 times, 20 minutes or 1 km.' and how to save or go back."""

        async def nonsense(pilot) -> None:  # type: ignore[no-untyped-def]
            await open_progress(pilot, "Dan Mercer")
            await pilot.press("down", "l")
            await type_text(pilot, "quite far")
            await pilot.press("enter")
            await pilot.pause()

        assert snap_compare(demo_app(demo_workspace), terminal_size=(60, 20), run_before=nonsense)
