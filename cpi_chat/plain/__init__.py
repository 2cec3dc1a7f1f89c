"""Plain mode: the conversation and the training exercises as lines of text, for screen readers, braille and scripts.

`conversation` holds a session in lines, `starting` finds the person and starts or carries on a
session (or opens their goals: `goals`, the app's How it's going keys in lines; `reminders`, the worker's), `training` plays a persona's scripted session and `exercises` runs the two team exercises.
"""

from __future__ import annotations

from cpi_chat.plain.conversation import PlainConversation, PlainIO, help_in_words, stdin_io
from cpi_chat.plain.starting import (
    ask_own_name,
    choose_person,
    open_goals,
    open_session,
    words_at_any_question,
)

__all__ = ["PlainConversation", "PlainIO", "ask_own_name", "choose_person", "help_in_words", "open_goals", "open_session", "stdin_io", "words_at_any_question"]
