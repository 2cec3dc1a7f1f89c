"""A card showing one community asset in words (what, where, when, cost, access, why) with its actions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from cpi_chat.assets.model import Asset
from cpi_chat.assets.results import Hit
from cpi_chat.assets.why import MatchReason, checked_in_words, guessed_in_words, why_in_words
from cpi_chat.errors import CpiChatError
from cpi_chat.tui.as_typed import as_typed, labelled
from cpi_chat.words import long_date  # noqa: F401  (the directory screen takes it from here)


def domain_label(slug: str) -> str:
    """The words people see for a domain slug ("sport" -> "Sport")."""
    try:
        from cpi_chat.actions.directory import (
            shipped_domain_labels,  # the directory code loads when a card first shows
        )

        labels = shipped_domain_labels()
    except (CpiChatError, OSError):  # a missing domains file must not stop a card from showing
        labels = {}
    return labels.get(slug) or slug.replace("-", " ").capitalize()


def card_lines(asset: Asset, reasons: Sequence[MatchReason] | None = None, today: date | None = None) -> list[tuple[str, str]]:
    """The labelled lines a card shows, as (label, text) pairs; empty details are left out, guesses said."""
    where = ", ".join(part for part in (asset.area, asset.address) if part)
    guessed = asset.guessed
    kind = domain_label(asset.domain) + guessed_in_words("domain", guessed)
    if asset.kind == "specialist":
        kind += " (a specialist service" + (", a guess)" if "kind" in guessed else ")")
    lines = [
        ("Type", kind),
        ("Where", where),
        ("When", asset.schedule + guessed_in_words("schedule", guessed) if asset.schedule else ""),
        ("Cost", asset.cost),
        ("Access", asset.accessibility),
        ("Contact", asset.contact),
        ("Last checked", checked_in_words(asset.last_verified, today or date.today())),
        ("Team notes", asset.notes),
        ("Listed", "No longer listed by its feed" if asset.is_retired else ""),
        ("Why it came up", why_in_words(reasons) if reasons is not None else ""),
    ]
    return [(label, text) for label, text in lines if text]


def _asset_and_reasons(hit_or_asset: Hit | Asset) -> tuple[Asset, tuple[MatchReason, ...] | None]:
    if isinstance(hit_or_asset, Hit):
        return hit_or_asset.asset, hit_or_asset.reasons
    return hit_or_asset, None


class AssetCard(Vertical, can_focus=False):
    """One asset as a card; its buttons post Chosen, MoreLikeThis and NotForMe."""

    DEFAULT_CSS = """
    AssetCard {
        height: auto;
        border: round $primary;
        border-title-style: bold;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    AssetCard .asset-card-name {
        text-style: bold;
        width: 1fr;
    }
    AssetCard .asset-card-line {
        width: 1fr;
        height: auto;
    }
    AssetCard .asset-card-actions {
        height: auto;
        margin-top: 1;
    }
    AssetCard .asset-card-actions Button {
        margin-right: 1;
        min-width: 10;
    }
    """

    @dataclass
    class Chosen(Message):
        """The person wants this asset in their plan."""

        asset: Asset

    @dataclass
    class MoreLikeThis(Message):
        """The person wants to see assets like this one."""

        asset: Asset

    @dataclass
    class NotForMe(Message):
        """The person does not want this asset suggested again."""

        asset: Asset

    def __init__(
        self,
        hit_or_asset: Hit | Asset,
        actions: bool = True,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.asset, self.reasons = _asset_and_reasons(hit_or_asset)
        self.actions = actions

    def show(self, hit_or_asset: Hit | Asset) -> None:
        """Show another asset on this card."""
        self.asset, self.reasons = _asset_and_reasons(hit_or_asset)
        self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        yield Static(as_typed(self.asset.name), classes="asset-card-name")
        for label, text in card_lines(self.asset, self.reasons):
            yield Static(labelled(label, text), classes="asset-card-line")
        if self.actions:
            with Horizontal(classes="asset-card-actions"):
                yield Button("Add to plan", id="card-add", variant="primary")
                yield Button("More like this", id="card-more")
                yield Button("Not for me", id="card-not")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Turn a button press into the message for this asset."""
        event.stop()
        messages = {"card-add": self.Chosen, "card-more": self.MoreLikeThis, "card-not": self.NotForMe}
        message = messages.get(event.button.id or "")
        if message is not None:
            self.post_message(message(self.asset))


def show_card_in(holder: Widget, shown: Hit | Asset | None, **card_options: Any) -> None:
    """Show one asset's card in `holder`, reusing the card already there; hide `holder` when there is nothing to show."""
    holder.display = shown is not None
    if shown is None:
        return
    cards = holder.query(AssetCard)
    if cards:
        cards.first().show(shown)
    else:
        holder.mount(AssetCard(shown, **card_options))
