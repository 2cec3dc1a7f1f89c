"""Placeholder module: commands registered by later work."""

COMMANDS: list = []
