"""cpi-chat: a terminal companion for the Connecting People Intervention."""

__version__ = "0.1.0"
