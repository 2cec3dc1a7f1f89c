"""Sentences the full-screen app and plain mode both say, kept in one place (free of Textual) so they cannot drift apart."""

from __future__ import annotations

# The person alone (self mode) typed a name that was not found: never show, or suggest, anyone else's name.
NOT_FOUND_ALONE = "That name was not found. Check the name with your worker, then try again."
# Leaving after a conversation that has ended: there is nothing to carry on.
FINISHED_MESSAGE = "Thank you. Everything is saved."
