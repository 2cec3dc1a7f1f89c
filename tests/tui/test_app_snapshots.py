"""Snapshots of the app as user stories: each docstring says what a person should see on that screen."""

from __future__ import annotations

from tui_driving import TRANSCRIPTS, add_person, demo_app, play_transcript

from cpi_chat import records


async def open_person(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()  # the people list is filled when its screen mounts
    person = records.find_person(pilot.app.workspace.db, name)
    listing = pilot.app.screen.query_one("#people")
    listing.highlighted = listing.get_option_index(f"person-{person.id}")
    await pilot.press("enter")
    await pilot.pause()


async def start_new_person(pilot) -> None:  # type: ignore[no-untyped-def]
    await add_person(pilot, "Priya Shah")
    await pilot.press("enter")
    await pilot.pause()
    pilot.app.clear_notifications()


class TestHome:
    def test_home_lists_the_demo_people_with_goals_and_last_session(self, snap_compare, demo_workspace) -> None:
        """The header says 'Demo — fictional people'; each person shows their goals and last session; the footer shows F1 help and the keys to start."""
        assert snap_compare(demo_app(demo_workspace), terminal_size=(80, 24))

    def test_home_at_60_by_20_still_shows_people_and_help(self, snap_compare, demo_workspace) -> None:
        """At 60x20 the people list, the search box and F1 help are still on screen."""
        assert snap_compare(demo_app(demo_workspace), terminal_size=(60, 20))


class TestConversation:
    def test_the_first_question_has_numbered_quick_replies(self, snap_compare, demo_workspace) -> None:
        """'Part 1 of 5: Getting to know you'; the app's lines start 'cpi-chat:'; two numbered quick replies; Back and Leave buttons."""
        assert snap_compare(demo_app(demo_workspace), terminal_size=(80, 24), run_before=start_new_person)

    def test_answers_are_labelled_you_and_set_to_the_right(self, snap_compare, demo_workspace) -> None:
        """After two answers the person's words show as 'You: ...' on the right, the question as 'cpi-chat: ...' on the left."""

        async def two_answers(pilot) -> None:  # type: ignore[no-untyped-def]
            await start_new_person(pilot)
            await play_transcript(pilot, TRANSCRIPTS / "joint_kickboxing_and_5k.yaml", stop_after=3)

        assert snap_compare(demo_app(demo_workspace), terminal_size=(80, 24), run_before=two_answers)

    def test_suggestions_show_as_asset_cards_with_their_actions(self, snap_compare, demo_workspace) -> None:
        """Cards numbered '1. Kick-Boxing Fitness Class' with domain, where, when, cost, access and why, and Add to plan, More like this, Not for me."""

        async def to_suggestions(pilot) -> None:  # type: ignore[no-untyped-def]
            await start_new_person(pilot)
            await play_transcript(pilot, TRANSCRIPTS / "joint_kickboxing_and_5k.yaml", stop_after=13)

        assert snap_compare(demo_app(demo_workspace), terminal_size=(100, 30), run_before=to_suggestions)

    def test_goal_cards_show_each_goal_with_its_small_steps(self, snap_compare, demo_workspace) -> None:
        """Dan's review: 'Your plan' on the right lists the kick-boxing goal and the 5 km target, each small step marked 'to do' in words."""

        async def dan(pilot) -> None:  # type: ignore[no-untyped-def]
            await open_person(pilot, "Dan Mercer")

        assert snap_compare(demo_app(demo_workspace), terminal_size=(100, 30), run_before=dan)

    def test_the_conversation_at_60_by_20_keeps_the_way_back_visible(self, snap_compare, demo_workspace) -> None:
        """At 60x20 the quick replies, the Back and Leave buttons and the footer's Esc and Ctrl+B are all on screen."""
        assert snap_compare(demo_app(demo_workspace), terminal_size=(60, 20), run_before=start_new_person)


class TestWorkerPanel:
    def test_the_worker_panel_shows_the_tip_notes_and_what_happened_since(self, snap_compare, demo_workspace) -> None:
        """F2 opens the worker panel on the right: 'Reminders due now' first (the bus pass, due since 20 November 2026, and 'F4 marks the first one dealt with'), the tip for this step, a private note with its reminder on 2 December 2026, and 'Since 25 November 2026'; F4 Dealt with is among the keys."""

        async def panel(pilot) -> None:  # type: ignore[no-untyped-def]
            dan = records.find_person(pilot.app.workspace.db, "Dan Mercer")
            records.save_note(pilot.app.workspace.db, dan.id, None, None, "ask about the bus pass", private=True,
                              remind_on="2026-11-20")
            records.save_note(pilot.app.workspace.db, dan.id, None, None, "check the football results", private=True,
                              remind_on="2026-12-02")
            await open_person(pilot, "Dan Mercer")
            await pilot.press("f2")
            await pilot.pause()

        assert snap_compare(demo_app(demo_workspace), terminal_size=(100, 30), run_before=panel)


class TestHelp:
    def test_f1_in_a_conversation_explains_the_screen_and_lists_its_keys(self, snap_compare, demo_workspace) -> None:
        """A help box over the conversation: what the screen is for, then every key that works on this question (Esc, Ctrl+B, F1, F2...; Ctrl+S only where a question may be skipped) with what it does."""

        async def help_(pilot) -> None:  # type: ignore[no-untyped-def]
            await start_new_person(pilot)
            await pilot.press("f1")
            await pilot.pause()

        assert snap_compare(demo_app(demo_workspace), terminal_size=(80, 24), run_before=help_)


class TestHighContrast:
    def test_joyce_who_needs_high_contrast_sees_black_white_and_yellow(self, snap_compare, demo_workspace) -> None:
        """Joyce's needs say high contrast and large print: white text on black, yellow focus and borders, a blank line between chat lines."""

        async def joyce(pilot) -> None:  # type: ignore[no-untyped-def]
            await open_person(pilot, "Joyce Whitlow")

        assert snap_compare(demo_app(demo_workspace), terminal_size=(80, 24), run_before=joyce)


class TestSmallScreens:
    async def _dan_with_goals(self, pilot) -> None:  # type: ignore[no-untyped-def]
        await open_person(pilot, "Dan Mercer")
        if pilot.app.screen.id == "resume-offer":
            await pilot.press("2")  # a new session: the review's first question
            await pilot.pause()

    def test_at_60_by_20_the_conversation_has_the_width_and_the_plan_waits_behind_f3(self, snap_compare, demo_workspace) -> None:
        """Dan, who has two goals, at 60x20: the chat runs the full width (no "Your plan" column), F3 Plan is in the keys."""
        assert snap_compare(demo_app(demo_workspace), terminal_size=(60, 20), run_before=self._dan_with_goals)

    def test_at_80_by_24_the_conversation_has_the_width_and_the_plan_waits_behind_f3(self, snap_compare, demo_workspace) -> None:
        """The same at 80x24: the question and its answer box in full width, the keys below, nothing covering them."""
        assert snap_compare(demo_app(demo_workspace), terminal_size=(80, 24), run_before=self._dan_with_goals)

    def test_at_60_by_20_in_high_contrast_f3_shows_the_plan(self, snap_compare, demo_workspace) -> None:
        """Joyce (high contrast, larger spacing) at 60x20 with F3 pressed: her plan beside the chat, black, white and yellow."""
        async def joyce_plan(pilot) -> None:  # type: ignore[no-untyped-def]
            await open_person(pilot, "Joyce Whitlow")
            await pilot.press("f3")
            await pilot.pause()

        assert snap_compare(demo_app(demo_workspace), terminal_size=(60, 20), run_before=joyce_plan)
