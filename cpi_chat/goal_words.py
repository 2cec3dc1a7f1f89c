"""What the goal actions say (How it's going's keys in the app, and plain mode's goals), standard and easy read.

Beside cpi_chat.wording rather than in it: a frozen dataclass builds its methods as it loads, and every command
line prints through wording's `safe`, while only the app and plain mode say these.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GoalActionWords:
    """What the goal actions say (How it's going's T, N, E and D, and plain mode's goals): standard or easy read."""

    done: str
    hold: str
    stop: str
    again: str
    what_now: str  # {what}
    new_step_title: str  # {what}
    new_step: str
    change_step_title: str  # {what}
    change_step: str
    hold_title: str
    hold_why: str
    hold_until: str
    stop_title: str
    stop_why: str
    ticked: str  # {step}
    added: str  # {step}
    changed: str  # {step}
    achieved: str  # {what}
    reopened: str  # {what}
    held: str  # {what}
    stopped: str  # {what}
    progress: str  # the choice: say how far they got toward a target (the app's L key)
    progress_ask: str
    progress_saved: str  # {words}

    def status_choices(self, status: str) -> tuple[tuple[str, str], ...]:
        """What can be done with a goal of this status, as (kind, words): kind is done, hold, stop or again."""
        kinds = {"active": ("done", "hold", "stop"), "paused": ("again", "done", "stop")}.get(status, ("again",))
        return tuple((kind, getattr(self, kind)) for kind in kinds)


STANDARD_GOAL_WORDS = GoalActionWords(
    done="I did it: mark it done", hold="Put it on hold for a while", stop="Stop it: it is not for me", again="Work on it again",
    what_now="{what}: what would you like to do with this goal?",
    new_step_title="New small step: {what}",
    new_step="What is the next small step? One thing you could do soon, for example 'Ask about a taster session'.",
    change_step_title="Change the small step: {what}", change_step="Say the step in new words, then press Enter.",
    hold_title="Put it on hold", hold_why="Why? For example 'on holiday' or 'not well'. You can leave it empty.",
    hold_until="Until when? Type a date, for example {example}, or leave it empty if you don't know yet.",
    stop_title="Stop this goal", stop_why="Why is it not for you? In your own words; you can leave it empty.",
    ticked="Ticked: {step}. Well done!", added="Added the small step: {step}.", changed="The small step is now: {step}.",
    achieved="Well done! '{what}' is in 'What I've done' now, kept for good.",
    reopened="'{what}' is being worked on again.",
    held="'{what}' is on hold. Weeks on hold are never counted as missed.",
    stopped="'{what}' is stopped. That's fine: it is kept, and you can start it again.",
    progress="Say how far I have got",
    progress_ask="How far have you got? With a number when the target has one, like 3 km or 20 minutes. Enter goes back.",
    progress_saved="Saved: {words}. It is on your chart.",
)

# Easy read: short sentences, everyday words, one idea each (the flows' easy_read lines are the model).
EASY_GOAL_WORDS = GoalActionWords(
    done="I did it", hold="Stop for a while", stop="Stop. It is not for me", again="Start again",
    what_now="{what}. What do you want to do?",
    new_step_title="New small step: {what}", new_step="What is the next small thing to do? For example: ask to try it once.",
    change_step_title="Change the small step: {what}", change_step="Say it in new words.",
    hold_title="Stop for a while", hold_why="Why? For example: on holiday, or not well. You can leave this empty.",
    hold_until="Until when? Type a date, like {example}. Or leave it empty.",
    stop_title="Stop this goal", stop_why="Why is it not for you? You can leave this empty.",
    ticked="Done: {step}. Well done!", added="New small step: {step}.", changed="The small step is now: {step}.",
    achieved="Well done! You did it: {what}. It stays in 'What I've done'.",
    reopened="You are doing {what} again.",
    held="{what} is stopped for a while. That is OK.",
    stopped="{what} has stopped. That is OK. You can start it again later.",
    progress="Say how far I got",
    progress_ask="How far did you get? Say a number if you can. Press Enter to go back.",
    progress_saved="Saved: {words}. Well done!",
)


def goal_action_words(easy_read: bool) -> GoalActionWords:
    """The goal actions' words for a person: easy read when their needs say so."""
    return EASY_GOAL_WORDS if easy_read else STANDARD_GOAL_WORDS
