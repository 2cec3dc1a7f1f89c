"""Training mode: demo personas played step by step, and the two CPI team exercises (asset mapping, barriers)."""

from __future__ import annotations

from cpi_chat.errors import CpiChatError

TRAINING_BANNER = "Training — fictional people"


class TrainingError(CpiChatError):
    """A training exercise or demo could not go on; the message says why in one sentence."""
