"""Fixes from a new user's review of the conversation, each driven with real keys in Dan's demo review."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static
from tui_driving import conversation, demo_app, type_text

from cpi_chat import records
from cpi_chat.errors import CpiChatError
from cpi_chat.records import CommunicationNeeds
from cpi_chat.session import GROUP_QUESTION
from cpi_chat.tui.app import CpiChatApp
from cpi_chat.tui.screens.conversation import ConversationScreen
from cpi_chat.tui.screens.finder import AssetFinderScreen
from cpi_chat.tui.widgets.goal_card import GoalCard
from cpi_chat.tui.widgets.key_bar import key_hints
from cpi_chat.tui.widgets.quick_replies import numbers_in_words, reply_typed
from cpi_chat.tui.widgets.transcript import Transcript
from cpi_chat.wording import FINISHED_MESSAGE

PERSON = "Sam Okafor"  # fictional, new to the demo town, so no earlier session to carry on


async def start_flow(pilot: Pilot, flow: str, *answers: str, mode: str = "joint", easy_read: bool = False) -> ConversationScreen:
    """Open a conversation with Sam in one shipped flow, as the app does, then give `answers` with real keys."""
    from cpi_chat.session import Session

    await pilot.pause()
    if isinstance(pilot.app.screen, ConversationScreen):  # a person alone starts in one: this flow replaces it
        await pilot.app.pop_screen()
    workspace = pilot.app.workspace  # type: ignore[attr-defined]
    try:
        person = records.find_person(workspace.db, PERSON)
    except CpiChatError:
        person = records.add_person(workspace.db, PERSON, CommunicationNeeds(easy_read=easy_read))
    session, first = Session.start(workspace.db, workspace.engine, workspace.assets, person, mode, flow_id=flow)
    await pilot.app.push_screen(ConversationScreen(session, first, mode))
    await pilot.pause()
    await give(pilot, *answers)
    return conversation(pilot)


async def at_what_will_you_go_to(pilot: Pilot, *more: str) -> ConversationScreen:
    """Setting goals, a commitment goal, no group picked yet: 'What will you go to?' (a question that can't be skipped)."""
    screen = await start_flow(pilot, "setting_goals", "#1")
    assert screen.prompt is not None and (screen.prompt.text, screen.prompt.kind) == ("What will you go to?", "ask")
    assert not screen.prompt.optional
    await give(pilot, *more)
    return screen


async def at_one_problem_or_a_few(pilot: Pilot) -> ConversationScreen:
    """Overcoming barriers: yes let's talk, something for me, what is in the way; then two numbered replies."""
    screen = await start_flow(pilot, "overcoming_barriers", "#1", "#1", "nervous")
    assert screen.prompt is not None and screen.prompt.text == "Is that one problem, or is it a few things together?"
    assert len(screen.prompt.options) == 2
    return screen


async def at_next_meeting(pilot: Pilot, *more: str) -> ConversationScreen:
    """Closing: no one to contact given, then 'When shall we meet next?'."""
    screen = await start_flow(pilot, "closing", "")
    assert screen.prompt is not None and screen.prompt.text == "When shall we meet next?"
    await give(pilot, *more)
    return screen


async def give(pilot: Pilot, *answers: str) -> None:
    """Answer as a person would: a number key for a quick reply, or words and Enter."""
    for answer in answers:
        if answer.startswith("#"):
            await pilot.press(answer[1:])
        else:
            await type_text(pilot, answer)
            await pilot.press("enter")
        await pilot.pause()


def chat_lines(screen: ConversationScreen) -> list[str]:
    return [str(line.render()) for line in screen.query(".chat-line")]


def shown(screen: ConversationScreen, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


def in_view(screen: ConversationScreen, text: str) -> bool:
    """Whether the newest chat line saying `text` is inside the chat's visible area."""
    transcript = screen.query_one(Transcript)
    line = [w for w in screen.query(".chat-line") if text in str(w.render())][-1]
    return transcript.content_region.contains_region(line.region)


class TestSkipOnlyWhereItIsAllowed:
    async def test_a_question_that_cannot_be_skipped_offers_no_skip_key_or_button(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await at_what_will_you_go_to(pilot)
            assert "Skip" not in [description for _key, description, _ in key_hints(screen, pilot.app)]
            assert not screen.query_one("#skip-button").display

    async def test_enter_with_nothing_typed_asks_for_an_answer_without_mentioning_skipping(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await at_what_will_you_go_to(pilot, "")
            problem = shown(screen, "#problem")
            assert "answer" in problem and "skip" not in problem.lower() and "Ctrl+S" not in problem

    async def test_ctrl_s_on_a_question_that_cannot_be_skipped_echoes_nothing_and_stays(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await at_what_will_you_go_to(pilot)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "You: (skipped)" not in chat_lines(screen)
            assert screen.prompt is not None and screen.prompt.text == "What will you go to?"

    async def test_an_optional_question_still_offers_skip_and_ctrl_s_skips_it(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await start_flow(pilot, "closing")
            assert screen.prompt is not None and screen.prompt.optional
            assert "Skip" in [description for _key, description, _ in key_hints(screen, pilot.app)]
            assert screen.query_one("#skip-button").display
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert chat_lines(screen)[-2] == "You: (skipped)"
            assert screen.prompt is not None and screen.prompt.text == "When shall we meet next?"


class TestGroupFromTheFinder:
    async def pick_knitting(self, pilot: Pilot) -> None:
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AssetFinderScreen)
        await type_text(pilot, "knitting")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    async def test_a_group_picked_lands_with_the_cursor_after_it_so_typing_adds_to_its_end(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await at_what_will_you_go_to(pilot)
            await type_text(pilot, "the")  # started typing, then looked the group up instead
            await self.pick_knitting(pilot)
            answer = screen.query_one("#answer", Input)
            assert answer.value == "Knit and Natter" and answer.has_focus
            await pilot.press("X", "Y", "Z", "enter")  # key by key, as a person types
            await pilot.pause()
            assert "You: Knit and NatterXYZ" in chat_lines(screen)

    async def test_a_group_picked_on_a_question_it_does_not_answer_is_kept_for_the_plan_not_typed_in(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await at_next_meeting(pilot)  # a date: a group's name is no answer to it
            asked = screen.prompt
            await self.pick_knitting(pilot)
            assert screen.query_one("#answer", Input).value == "" and screen.prompt == asked, "the question still waits"
            assert any("Kept Knit and Natter for your plan" in line for line in chat_lines(screen))
            kept = records.list_chosen_groups(demo_workspace.db, screen.session.person.id)
            assert [g.name for g in kept][-1:] == ["Knit and Natter"], "kept, to be offered when goals are set"
            await self.pick_knitting(pilot)
            assert any("already kept" in line for line in chat_lines(screen)), "picked twice, kept once"

    async def test_easy_read_words_about_getting_somewhere_do_not_take_a_groups_name(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await start_flow(pilot, "finding_assets", "knitting", easy_read=True)
            assert screen.prompt is not None and screen.prompt.text == "Where is easy for you to get to?"  # an area
            await self.pick_knitting(pilot)
            assert screen.query_one("#answer", Input).value == ""
            assert any("Kept Knit and Natter for your plan" in line for line in chat_lines(screen))


class TestProblemsKeepTheQuestionInView:
    """A long answer fills the chat; a problem shown below it must not push the question out of view."""

    LONG = "my sister who lives on the other side of town, or my neighbour at number twelve, " * 10

    @pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)])
    async def test_after_an_empty_enter_the_question_and_the_message_are_both_visible(self, demo_workspace, size) -> None:
        async with demo_app(demo_workspace).run_test(size=size) as pilot:
            screen = await start_flow(pilot, "overcoming_barriers", "#1", "#1", self.LONG, "#2", self.LONG)
            assert screen.prompt is not None and not screen.prompt.optional
            question = screen.prompt.text
            await give(pilot, "")
            await pilot.pause()
            assert shown(screen, "#problem").startswith("Please")
            assert in_view(screen, question)

    @pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)])
    async def test_after_a_date_that_cannot_be_read_the_question_stays_visible(self, demo_workspace, size) -> None:
        async with demo_app(demo_workspace).run_test(size=size) as pilot:
            screen = await start_flow(pilot, "closing", self.LONG + self.LONG)
            assert screen.prompt is not None and screen.prompt.text == "When shall we meet next?"
            await give(pilot, "sometime soonish")
            await pilot.pause()
            assert shown(screen, "#problem").startswith("Please check:")
            assert in_view(screen, "When shall we meet next?")


class TestTypingOnAQuestionWithNumberedReplies:
    async def test_words_typed_fast_all_reach_the_answer_box(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await at_one_problem_or_a_few(pilot)
            await give(pilot, "a few")
            assert "You: A few things together" in chat_lines(screen)

    async def test_typing_the_start_of_a_reply_picks_it(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await at_one_problem_or_a_few(pilot)
            await pilot.press(*"a few", "enter")  # key by key, the box taking the focus between keys
            await pilot.pause()
            assert "You: A few things together" in chat_lines(screen)
            assert screen.prompt is not None and screen.prompt.text == "What is one part of it?"

    async def test_typing_words_that_match_no_reply_asks_for_the_number(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await at_one_problem_or_a_few(pilot)
            await give(pilot, "maybe")
            assert shown(screen, "#problem") == "Please press the number of your answer, 1 or 2."
            assert screen.prompt is not None and screen.prompt.text.startswith("Is that one problem")
            await pilot.press("2")  # the number keys still answer
            await pilot.pause()
            assert screen.prompt is not None and screen.prompt.text == "What is one part of it?"


async def test_the_goal_card_says_where_the_linked_group_is_as_the_printed_plan_does(demo_workspace) -> None:
    from cpi_chat.plan.plan import build_plan

    db = demo_workspace.db
    sam = records.add_person(db, PERSON)
    knitting = demo_workspace.assets.search("Knit and Natter", 1)[0].asset
    records.add_goal(db, sam.id, "commitment", "the knitting group", where="Riverside Community Centre",
                     how_often="every week", asset_id=knitting.id)
    place = build_plan(db, sam.id, demo_workspace.find_asset).goals[0].place
    assert place is not None and place.address
    async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
        screen = await start_flow(pilot, "closing")
        text = str(screen.query_one(GoalCard).render())
        assert f"Where: {place.name}, {place.address}" in text  # what the printed plan says
        assert "Riverside Community Centre" not in text


class TestLeavingAFinishedConversation:
    async def test_escape_after_the_end_thanks_the_person_and_offers_nothing_to_carry_on(self, demo_workspace) -> None:
        async with demo_app(demo_workspace).run_test(size=(100, 30)) as pilot:
            screen = await at_next_meeting(pilot, "")
            assert screen.session.finished
            await pilot.press("escape")
            await pilot.pause()
            said = [n.message for n in pilot.app._notifications]
            assert FINISHED_MESSAGE in said
            assert not any("carry on" in message for message in said)

    async def test_a_person_alone_leaving_after_the_end_is_thanked_not_told_to_carry_on(self, demo_workspace) -> None:
        records.add_person(demo_workspace.db, PERSON)
        app = CpiChatApp(demo_workspace, person_name=PERSON, mode="self")  # the real app: the demo says its own goodbye
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await start_flow(pilot, "closing", "", "", mode="self")
            assert screen.session.finished
            await pilot.press("escape")
            await pilot.pause()
            assert [str(message) for message in app._exit_renderables] == [FINISHED_MESSAGE]


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("a few", 1),  # the start of a reply's words
        ("ONE problem", 0),  # any case
        ("  a   few  things together. ", 1),  # spaces and a full stop do not matter
        ("2", 1),  # a number typed in the box
        ("3", None),  # no third reply
        ("maybe", None),
        ("", None),
    ],
)
def test_typed_words_pick_the_reply_they_start(typed: str, picked: int | None) -> None:
    assert reply_typed(typed, ("One problem", "A few things together")) == picked


def test_words_that_start_two_replies_pick_neither() -> None:
    assert reply_typed("yes", ("Yes, every week", "Yes, now and then", "No")) is None
    assert reply_typed("yes, every", ("Yes, every week", "Yes, now and then", "No")) == 0


@pytest.mark.parametrize(("count", "words"), [(1, "1"), (2, "1 or 2"), (3, "1, 2 or 3"), (4, "1, 2, 3 or 4")])
def test_the_numbers_of_the_replies_are_said_as_a_sentence_says_them(count: int, words: str) -> None:
    assert numbers_in_words(count) == words


@pytest.mark.parametrize(
    ("question", "takes_a_group"),
    [
        ("What will you go to?", True),
        ("Where is it?", True),
        ("What shall we look for? It can be something you enjoy now, something you used to do, or something new.", True),
        ("Are there places you go to often, like a shop, a café or a place of worship?", True),
        ("What has gone well? Even small things count.", False),
        ("What might get in the way?", False),
        ("Who can you contact if you need help before we meet again?", False),
    ],
)
def test_a_group_from_the_finder_goes_into_the_box_only_for_questions_a_group_answers(question: str, takes_a_group: bool) -> None:
    assert bool(GROUP_QUESTION.search(question)) is takes_a_group
