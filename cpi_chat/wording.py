"""Sentences the full-screen app and plain mode both say, kept in one place (free of Textual) so they cannot drift apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Control, escape and direction-override characters: never part of what a person typed, and able to change a
# terminal. Names lose them when saved; every line plain mode and the command line print loses them too.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# Whole escape sequences, so none leaves its tail behind ("]52;c;..." of a clipboard write, "[2J" of a clear screen):
# control sequences (ESC [ up to the final byte), strings ended by BEL or ESC \\ (OSC, DCS and the like; one with no
# end is left to the characters below, so no word after it is lost), and two- or three-character escapes. The 8-bit
# forms (CSI as one character) are dropped as single characters by CONTROL: the letters after them are kept.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]P^_X][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[ -/]*[0-~]"
)


def safe(text: str) -> str:
    """Text with escape sequences and control and direction-override characters removed, so it cannot change a terminal."""
    return CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text))


# The person alone (self mode) typed a name that was not found: never show, or suggest, anyone else's name.
NOT_FOUND_ALONE = "That name was not found. Check the name with your worker, then try again."
# The person alone typed only digits (an id would open someone else's check-in) or a name several people share.
TYPE_NAME_IN_LETTERS = "Please type your name in letters, the way your worker wrote it."
SAME_NAME_ALONE = "More than one person has that name, so please ask your worker to start your check-in."
# Self mode asks for the person's own PIN after their name (when the team's setting says so).
PIN_QUESTION = "Now type your PIN, the one you chose with your worker, then press Enter. It is not shown as you type."
# Leaving after a conversation that has ended: there is nothing to carry on.
FINISHED_MESSAGE = "Thank you. Everything is saved."
# Leaving the demo: its throwaway folder, fictional people and all, is deleted.
DEMO_ENDED = "The demo has ended: its fictional people and their answers have been deleted."
# cpi-chat stopped on something it did not expect: one kind sentence, never the error (it may hold someone's words).
CRASHED = "Something went wrong that cpi-chat did not expect, so it stopped; everything already saved is kept."
CRASH_NOTE_AT = "A note for whoever looks after cpi-chat, holding no one's words, is in {path}"


def crashed_in_words(note: object | None) -> str:
    """The sentence said when cpi-chat stops on something unexpected, with where its note for the maintainer is."""
    return CRASHED if note is None else f"{CRASHED} {CRASH_NOTE_AT.format(path=note)}."


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
