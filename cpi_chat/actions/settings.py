"""The team's settings (whether self mode asks for the person's own PIN), read and changed in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.records.settings import Settings
    from cpi_chat.workspace import Workspace


def current_settings(workspace: Workspace) -> Settings:
    """Every setting as it is now (the default for any never changed)."""
    from cpi_chat.records.settings import read_settings

    return read_settings(workspace.db)


def change_setting(workspace: Workspace, name: str, value: str) -> Settings:
    """Turn a setting (by its name as written, `self-check-in-pin`) on or off; audited, refused kindly if unknown."""
    from cpi_chat.records.settings import SETTING_NAMES
    from cpi_chat.records.settings import change_setting as change

    field = SETTING_NAMES.get(name.strip().lower())
    if field is None:
        raise Refused(f"There is no setting called {name!r}; `cpi-chat settings` lists them.")
    if value.strip().lower() not in ("on", "off"):
        raise Refused("A setting is turned on or off: please say on or off.")
    return change(workspace.db, field, value.strip().lower() == "on")
