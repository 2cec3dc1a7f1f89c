"""Helpers the hardening tests share: a canary name and running cpi-chat as a user would."""

from __future__ import annotations

from tests.running import cli

__all__ = ["CANARY", "cli"]

# A fictional name no real text contains: if it turns up anywhere it was leaked.
CANARY = "Zephyrine Quillfeather-Obbledorf"
