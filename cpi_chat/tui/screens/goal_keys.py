"""The keys of 'How it's going' that move a goal on: tick its next step, add or change a step, mark it done, on hold or stopped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from textual.screen import Screen

from cpi_chat.actions import goals, steps
from cpi_chat.errors import CpiChatError
from cpi_chat.goal_words import GoalActionWords, goal_action_words
from cpi_chat.tui.screens.ask_line import AskLineScreen
from cpi_chat.tui.screens.choice import ChoiceScreen
from cpi_chat.typed_dates import DateProblem, read_typed_date
from cpi_chat.words import typed_date

if TYPE_CHECKING:
    from cpi_chat.records.model import Goal
    from cpi_chat.tui.widgets.progress_card import GoalProgressCard
    from cpi_chat.workspace import Workspace

NO_STEP_TO_TICK = "This goal has no small step waiting to be ticked. Press N to add one."
NO_STEP_TO_CHANGE = "This goal has no small step waiting. Press N to add one."
REACHED_QUESTION = "That reaches the target of '{what}'. Mark this goal done?"
REACHED_CHOICES = ("Yes, mark it done", "Not yet")


def date_problem(line: str) -> str:
    """What is wrong with a date typed (kindly, with examples from today), or '' when it can be read or is left empty."""
    if not line.strip():
        return ""
    try:
        read_typed_date(line, date.today())
    except DateProblem as problem:
        return str(problem)
    return ""


class OwnWordsScreen(AskLineScreen):
    """One line in the person's own words about their goal (a small step, why, until when); Escape changes nothing."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)

    def __init__(self, title: str, question: str, value: str = "", optional: bool = False, ask_id: str = "own-words",
                 check: Callable[[str], str] | None = None) -> None:
        super().__init__(title, question, value=value, check=check or (None if not optional else (lambda _line: "")),
                         ask_id=ask_id,
                         keys_text="Enter: save · Escape: back without saving" if not optional
                         else "Enter: save (empty is fine) · Escape: back without saving")


class GoalKeys:
    """T, N, E and D on 'How it's going', for whichever screen holds goal cards (mixed into ProgressScreen)."""

    @property
    def workspace(self) -> Workspace:  # pragma: no cover - given by the screen
        raise NotImplementedError

    @property
    def person_id(self) -> int:  # pragma: no cover - given by the screen
        raise NotImplementedError

    @property
    def easy_read(self) -> bool:  # pragma: no cover - given by the screen
        raise NotImplementedError

    @property
    def goal_words(self) -> GoalActionWords:
        """What T, N, E and D say: easy read when the person's needs ask for it."""
        return goal_action_words(self.easy_read)

    def push_question(self, screen: Screen[Any], then: Callable[[Any], None]) -> None:  # pragma: no cover - given by the screen
        raise NotImplementedError

    def say(self, text: str) -> None:  # pragma: no cover - given by the screen
        raise NotImplementedError

    def chosen_card(self, key: str) -> GoalProgressCard | None:  # pragma: no cover - given by the screen
        raise NotImplementedError

    def goal_changed(self, card: GoalProgressCard, said: str) -> None:  # pragma: no cover - given by the screen
        raise NotImplementedError

    def _try(self, card: GoalProgressCard, change: Callable[[], object], said: str | Callable[[], str]) -> None:
        """Run one action; say its refusal or trouble as it is, or what was done and show the goal as it is now."""
        try:
            change()
        except CpiChatError as problem:
            self.say(str(problem))
            return
        self.goal_changed(card, said if isinstance(said, str) else said())

    @staticmethod
    def _next_step(goal: Goal):  # type: ignore[no-untyped-def]
        return next((s for s in sorted(goal.steps, key=lambda s: (s.position, s.id)) if not s.done), None)

    def action_tick_step(self) -> None:
        """Tick the chosen goal's next small step done today."""
        card = self.chosen_card("T")
        if card is None:
            return
        step = self._next_step(card.goal)
        if step is None:
            self.say(NO_STEP_TO_TICK)
            return
        self._try(card, lambda: steps.tick_step(self.workspace, self.person_id, step.id),
                  self.goal_words.ticked.format(step=step.text))

    def action_new_step(self) -> None:
        """Add a small step at the end of the chosen goal's list, in the person's words."""
        card = self.chosen_card("N")
        if card is None:
            return

        def added(words: str | None) -> None:
            if words:
                self._try(card, lambda: steps.add_step(self.workspace, self.person_id, card.goal.id, words),
                          self.goal_words.added.format(step=words))

        w = self.goal_words
        self.push_question(OwnWordsScreen(w.new_step_title.format(what=card.goal.what), w.new_step, ask_id="new-step"), added)

    def action_change_step(self) -> None:
        """Say the chosen goal's next small step in new words."""
        card = self.chosen_card("E")
        if card is None:
            return
        step = self._next_step(card.goal)
        if step is None:
            self.say(NO_STEP_TO_CHANGE)
            return

        def changed(words: str | None) -> None:
            if words and words != step.text:
                self._try(card, lambda: steps.change_step(self.workspace, self.person_id, step.id, words),
                          self.goal_words.changed.format(step=words))

        w = self.goal_words
        self.push_question(OwnWordsScreen(w.change_step_title.format(what=card.goal.what), w.change_step, value=step.text,
                                          ask_id="change-step"), changed)

    def action_goal_status(self) -> None:
        """Mark the chosen goal done, on hold or stopped, or work on it again."""
        card = self.chosen_card("D")
        if card is None:
            return
        goal, w = card.goal, self.goal_words
        choices = w.status_choices(goal.status)

        def picked(index: int | None) -> None:
            if index is None:
                return
            kind = choices[index][0]
            if kind == "done":
                self.mark_done(card)
            elif kind == "again":
                self._try(card, lambda: goals.reopen_goal(self.workspace, self.person_id, goal.id),
                          w.reopened.format(what=goal.what))
            elif kind == "stop":
                self._ask_why_stop(card)
            else:
                self._ask_why_hold(card)

        self.push_question(ChoiceScreen(w.what_now.format(what=goal.what), tuple(label for _kind, label in choices),
                                        choice_id="goal-status"), picked)

    def mark_done(self, card: GoalProgressCard) -> None:
        """Mark the goal done: it moves to 'What I've done', kept for good."""
        what = card.goal.what
        self._try(card, lambda: goals.achieve_goal(self.workspace, self.person_id, card.goal.id),
                  self.goal_words.achieved.format(what=what))

    def offer_done(self, card: GoalProgressCard) -> None:
        """A value just logged reaches the target: ask whether to mark the goal done (the person decides)."""

        def answered(index: int | None) -> None:
            if index == 0:
                self.mark_done(card)

        self.push_question(ChoiceScreen(REACHED_QUESTION.format(what=card.goal.what), REACHED_CHOICES, choice_id="reached"),
                   answered)

    def _ask_why_hold(self, card: GoalProgressCard) -> None:
        w = self.goal_words

        def why_given(why: str | None) -> None:
            if why is None:
                return

            def until_given(until: str | None) -> None:
                if until is None:
                    return
                self._try(card, lambda: goals.pause_goal(self.workspace, self.person_id, card.goal.id, why, until),
                          w.held.format(what=card.goal.what))

            example = typed_date(date.today() + timedelta(weeks=4))  # a date still to come, whenever this is read
            self.push_question(OwnWordsScreen("Until when?", w.hold_until.format(example=example), optional=True,
                                              ask_id="hold-until", check=date_problem), until_given)

        self.push_question(OwnWordsScreen(w.hold_title, w.hold_why, optional=True, ask_id="hold-why"), why_given)

    def _ask_why_stop(self, card: GoalProgressCard) -> None:
        w = self.goal_words

        def why_given(why: str | None) -> None:
            if why is not None:
                self._try(card, lambda: goals.stop_goal(self.workspace, self.person_id, card.goal.id, why),
                          w.stopped.format(what=card.goal.what))

        self.push_question(OwnWordsScreen(w.stop_title, w.stop_why, optional=True, ask_id="stop-why"), why_given)
