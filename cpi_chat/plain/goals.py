"""How it's going in lines: each goal numbered, then what to do with the one chosen (the app's W, T, N, E and D keys).

Every change goes through the same actions as the app's keys and `cpi-chat goals|step`, so a refusal is their sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from cpi_chat.actions import checkins, goals, steps
from cpi_chat.errors import CpiChatError
from cpi_chat.goal_words import GoalActionWords, goal_action_words
from cpi_chat.plain.conversation import PlainIO, ask_line
from cpi_chat.words import day_of, long_date, typed_date

if TYPE_CHECKING:
    from cpi_chat.records.model import Goal, Person, SmallStep
    from cpi_chat.workspace import Workspace

GOALS_WORD = "goals"
STATUS_IN_WORDS = {"achieved": "done", "dropped": "stopped"}
CHOOSE_A_GOAL = "Type a goal's number to choose it, or press Enter to {leave}."
BACK_CHANGES_NOTHING = " Or type back to leave the goal as it is."
NOTHING_CHANGED = "Nothing changed."
CHOOSE_WHAT = "Type a number, or press Enter to go back to your goals."
NO_GOALS = "No goals yet. You can set one together at your next session."


def next_step(goal: Goal) -> SmallStep | None:
    """The goal's first small step not yet ticked, in the order agreed."""
    return next((s for s in sorted(goal.steps, key=lambda s: (s.position, s.id)) if not s.done), None)


def goal_in_words(goal: Goal) -> str:
    """One goal on one line: what, how often or by when, its status, and its next small step."""
    how = f" ({goal.how_often})" if goal.kind == "commitment" and goal.how_often else ""
    if goal.status == "paused":
        until = day_of(goal.paused_until)
        return f"{goal.what}{how}: on hold" + (f" until {long_date(until)}" if until else "")
    if goal.status in STATUS_IN_WORDS:
        return f"{goal.what}: {STATUS_IN_WORDS[goal.status]}"
    step = next_step(goal)
    return f"{goal.what}{how}. Next small step: {step.text}" if step else f"{goal.what}{how}. No small step waiting"


class GoalsInLines:
    """One person's goals, numbered; a goal chosen offers what the app's keys do, each through its action."""

    def __init__(self, workspace: Workspace, io: PlainIO, person: Person, mode: str, leave: str = "go back to the question") -> None:
        self.workspace, self.io, self.person, self.leave = workspace, io, person, leave
        self.by = "person" if mode == "self" else "worker"
        self.words: GoalActionWords = goal_action_words(person.needs.easy_read)

    def run(self) -> None:
        """List the goals and act on the ones chosen, until Enter (or the end of input)."""
        while True:
            everything = sorted(goals.goals_of(self.workspace, self.person.id),
                                key=lambda g: (g.status in STATUS_IN_WORDS, g.id))  # done and stopped last
            if not everything:
                self.io.write(NO_GOALS)
                return
            self.io.write("")
            self.io.write("Your goals:")
            for number, goal in enumerate(everything, start=1):
                self.io.write(f"  {number}. {goal_in_words(goal)}.")
            typed = ask_line(self.io, CHOOSE_A_GOAL.format(leave=self.leave))
            if not typed:
                return
            if not typed.isdecimal() or not 1 <= int(typed) <= len(everything):
                self.io.write(f"Please type a number from 1 to {len(everything)}, or press Enter.")
                continue
            self.choose_what(everything[int(typed) - 1])

    def choose_what(self, goal: Goal) -> None:
        """Offer what can be done with this goal now, and do the one chosen."""
        w = self.words
        options: list[tuple[str, Callable[[], None]]] = []
        if goal.status == "active":
            if goal.kind == "commitment":
                period = checkins.period_word(goal)
                if checkins.went_already(goal, date.today()):  # the rule the action refuses a second "went" by
                    self.io.write(f"This {period}: you went. It is marked already.")
                else:
                    options.append((f"I went this {period}", lambda: self.went(goal, period)))
            else:
                options.append((w.progress, lambda: self.log_progress(goal)))
            if (step := next_step(goal)) is not None:
                options.append((f"Tick the next small step: {step.text}", lambda: self.tick(goal, step)))
            options.append(("Add a small step", lambda: self.add_step(goal)))
            if step is not None:
                options.append(("Say the next small step in new words", lambda: self.change_step(goal, step)))
        for kind, label in w.status_choices(goal.status):
            options.append((label, {"done": lambda: self.achieve(goal), "hold": lambda: self.hold(goal),
                                    "stop": lambda: self.stop(goal), "again": lambda: self.reopen(goal)}[kind]))
        self.io.write(w.what_now.format(what=goal.what))
        for number, (label, _do) in enumerate(options, start=1):
            self.io.write(f"  {number}. {label}")
        while True:
            typed = ask_line(self.io, CHOOSE_WHAT)
            if not typed:
                return
            if typed.isdecimal() and 1 <= int(typed) <= len(options):
                options[int(typed) - 1][1]()
                return
            self.io.write(f"Please type a number from 1 to {len(options)}, or press Enter.")

    def _try(self, change: Callable[[], object], said: str) -> None:
        """Run one action and say what was done, or its refusal (or trouble) as it is."""
        try:
            change()
        except CpiChatError as problem:
            self.io.write(str(problem))
            return
        self.io.write(said)

    def went(self, goal: Goal, period: str) -> None:
        self._try(lambda: checkins.mark_went(self.workspace, self.person.id, goal.id, by=self.by),  # type: ignore[arg-type]
                  f"Saved: you went this {period}. Well done!")

    def log_progress(self, goal: Goal) -> None:
        """How far they got toward a target, asked again kindly until it can be kept (or Enter goes back)."""
        while words := ask_line(self.io, self.words.progress_ask):
            try:
                checkins.log_progress(self.workspace, self.person.id, goal.id, words, by=self.by)  # type: ignore[arg-type]
            except CpiChatError as problem:
                self.io.write(str(problem))
                continue
            self.io.write(self.words.progress_saved.format(words=words.strip()))
            return

    def tick(self, goal: Goal, step: SmallStep) -> None:
        self._try(lambda: steps.tick_step(self.workspace, self.person.id, step.id), self.words.ticked.format(step=step.text))

    def add_step(self, goal: Goal) -> None:
        words = ask_line(self.io, self.words.new_step)
        if words:
            self._try(lambda: steps.add_step(self.workspace, self.person.id, goal.id, words),
                      self.words.added.format(step=words))

    def change_step(self, goal: Goal, step: SmallStep) -> None:
        self.io.write(f"Now: {step.text}")
        words = ask_line(self.io, self.words.change_step)
        if words and words != step.text:
            self._try(lambda: steps.change_step(self.workspace, self.person.id, step.id, words),
                      self.words.changed.format(step=words))

    def achieve(self, goal: Goal) -> None:
        self._try(lambda: goals.achieve_goal(self.workspace, self.person.id, goal.id), self.words.achieved.format(what=goal.what))

    def reopen(self, goal: Goal) -> None:
        self._try(lambda: goals.reopen_goal(self.workspace, self.person.id, goal.id), self.words.reopened.format(what=goal.what))

    def _why(self, question: str) -> str | None:
        """Why, in the person's words (empty is fine); None when they typed back (nothing changes) or input ended."""
        why = ask_line(self.io, question + BACK_CHANGES_NOTHING)
        if why is not None and why.lower() in {"back", "b"}:
            self.io.write(NOTHING_CHANGED)
            return None
        return why

    def hold(self, goal: Goal) -> None:
        why = self._why(self.words.hold_why)
        if why is None:
            return
        until = ask_line(self.io, self.words.hold_until.format(example=typed_date(date.today() + timedelta(weeks=4))))
        if until is None:
            return
        self._try(lambda: goals.pause_goal(self.workspace, self.person.id, goal.id, why, until), self.words.held.format(what=goal.what))

    def stop(self, goal: Goal) -> None:
        why = self._why(self.words.stop_why)
        if why is not None:
            self._try(lambda: goals.stop_goal(self.workspace, self.person.id, goal.id, why),
                      self.words.stopped.format(what=goal.what))
