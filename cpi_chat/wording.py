"""Sentences the full-screen app and plain mode both say, kept in one place (free of Textual) so they cannot drift apart."""

from __future__ import annotations

import re

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
