"""How one goal is going, as a focusable card: its chart, the run of weeks, days left and the next small step, in words."""

from __future__ import annotations

from textual.widgets import Static

from cpi_chat.records import progress
from cpi_chat.records.habit import strength_in_words
from cpi_chat.records.model import Goal
from cpi_chat.records.progress import CommitmentProgress, GoalProgress, TargetProgress
from cpi_chat.tui.as_typed import as_typed
from cpi_chat.words import iso_in_words, long_date

STATUS_WORDS = {"achieved": "done", "paused": "on hold"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def goal_title(goal: Goal) -> str:
    """The card's title: what the goal is, how often or by when, and 'done' or 'paused' when it is not active."""
    if goal.kind == "commitment":
        title = goal.what + (f", {goal.how_often}" if goal.how_often else "")
    else:
        title = goal.what + (f", by {iso_in_words(goal.by_when)}" if goal.by_when else "")
    status = STATUS_WORDS.get(goal.status)
    return f"{title} ({status})" if status else title


def _next_step_line(goal: Goal, status: GoalProgress) -> list[str]:
    if goal.status == "achieved" and status.next_step is None:
        return []  # done: no call to choose a next step
    if status.next_step is not None:
        return [f"Next small step: {status.next_step.text}"]
    return ["Small steps: all done." if goal.steps else "Next small step: none yet. You can choose one together."]


def commitment_lines(goal: Goal, status: CommitmentProgress) -> list[str]:
    """A commitment goal: the marks and the same in words, periods went, the run, this period, kind words, next step."""
    word = status.frequency.period_word
    lines = []
    if status.periods:
        lines.append(f"Chart: {progress.period_chart(status)}")
        lines.append(progress.chart_in_words(status))
        best = f" (best {status.longest_run})" if status.longest_run > status.current_run else ""
        lines.append(f"{word.capitalize()}s went: {status.attended}. In a row now: {status.current_run}{best}.")
        lines.append(f"Habit strength: {strength_in_words(status.strength)}. It grows with each {word} kept.")
    this = f"This {word}: "
    if status.went_this_period and status.message == "You went. Well done!":
        lines.append(this + "you went. Well done!")  # one line, not the same words twice
    else:
        lines.append(this + ("you went." if status.went_this_period else "not marked yet. Press W if you went."))
        lines.append(status.message)
    return lines + _next_step_line(goal, status)


def target_lines(goal: Goal, status: TargetProgress) -> list[str]:
    """A target goal: the measure, each value logged with its bar toward the target, days left, kind words, next step."""
    lines = [f"Measured by: {goal.measure}"] if goal.measure else []
    logged = progress.target_chart(status)
    if logged:
        lines.append("Logged so far:")
        lines.extend(f"  {line}" for line in logged)
    else:
        lines.append("Nothing logged yet. Press L to log your progress.")
    if status.achieved and status.achieved_on:
        lines.append(f"Reached on {long_date(status.achieved_on)}.")
    lines.append(status.message)  # says the time left ("About 13 weeks to go.", "5 days to go.")
    return lines + _next_step_line(goal, status)


def status_lines(goal: Goal) -> list[str]:
    """When the goal was done, or why and until when it is on hold ([] for a goal being worked on)."""
    since = iso_in_words(goal.status_since) if goal.status_since else ""
    if goal.status == "achieved":
        return [f"Done{' on ' + since if since else ''}. Well done! Kept here for good."]
    if goal.status == "paused":
        why = f": {goal.pause_reason}" if goal.pause_reason else ""
        until = f" Until {iso_in_words(goal.paused_until)}." if goal.paused_until else ""
        return [f"On hold{why}.{until} Weeks on hold are not counted as missed."]
    return []


def progress_card_lines(goal: Goal, status: GoalProgress) -> list[str]:
    """Every line of a goal's card below its title; the same in every theme (no meaning in colour)."""
    lines = commitment_lines(goal, status) if isinstance(status, CommitmentProgress) else target_lines(goal, status)
    return status_lines(goal) + lines


class GoalProgressCard(Static, can_focus=True):
    """One goal and how it is going; focus picks it for W (I went) and L (log progress)."""

    DEFAULT_CSS = """
    GoalProgressCard { border: round $primary; padding: 0 1; height: auto; border-title-align: left; }
    GoalProgressCard:focus { border: heavy $accent; }
    """

    def __init__(self, goal: Goal, status: GoalProgress, number: int) -> None:
        super().__init__("", markup=False, id=f"goal-progress-{goal.id}", classes="goal-progress")
        self.number = number
        self.goal = goal
        self.status = status
        self.show(goal, status)

    def show(self, goal: Goal, status: GoalProgress) -> None:
        """Show the goal as it is now (after a check-in, at once)."""
        self.goal, self.status = goal, status
        self.border_title = as_typed(f"{self.number}. {goal_title(goal)}")
        self.update(as_typed("\n".join(progress_card_lines(goal, status))))
        self._show_keys(self.has_focus)

    def _show_keys(self, chosen: bool) -> None:
        # The chosen card says so in words and shows its key, so focus never relies on colour or border alone.
        key = "W: I went" if self.goal.kind == "commitment" else "L: log progress"
        keys = "D: work on it again" if self.goal.status == "achieved" else f"{key} · T: tick step · D: done/hold"
        self.border_subtitle = f"▶ chosen · {keys}" if chosen else ""

    def on_focus(self) -> None:
        self._show_keys(True)

    def on_blur(self) -> None:
        self._show_keys(False)
