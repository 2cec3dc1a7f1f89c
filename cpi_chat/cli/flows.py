"""`cpi-chat flows check|schema|graph|test`: for people who write and edit conversation flows."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
