"""A suggested group as a card (name, domain, where, when, cost, access, why) with add to plan, more like this and not for me."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static

from cpi_chat.assets.directory import Hit
from cpi_chat.assets.model import Asset


def card_lines(hit: Hit, number: int) -> list[str]:
    """The asset's details as labelled lines."""
    asset = hit.asset
    lines = [f"{number}. {asset.name}", f"{asset.domain.replace('-', ' ').capitalize()} · {asset.area or 'area not given'}"]
    for label, value in (("When", asset.schedule), ("Cost", asset.cost), ("Access", asset.accessibility), ("Why", hit.why)):
        if value:
            lines.append(f"{label}: {value}")
    return lines


class SuggestionCard(Vertical):
    """One search hit; its buttons post `Chosen`, `MoreLikeThis` or `NotForMe` with the asset."""

    @dataclass
    class Chosen(Message):
        asset: Asset

    @dataclass
    class MoreLikeThis(Message):
        asset: Asset

    @dataclass
    class NotForMe(Message):
        asset: Asset

    def __init__(self, hit: Hit, number: int) -> None:
        super().__init__(classes="asset-card")
        self.hit = hit
        self.number = number

    def compose(self) -> ComposeResult:
        yield Static("\n".join(card_lines(self.hit, self.number)), classes="card-text", markup=False)
        with Horizontal(classes="card-actions"):
            yield Button("Add to plan", classes="add-to-plan", compact=True)
            yield Button("More like this", classes="more-like-this", compact=True)
            yield Button("Not for me", classes="not-for-me", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        asset = self.hit.asset
        if event.button.has_class("add-to-plan"):
            self.post_message(self.Chosen(asset))
        elif event.button.has_class("more-like-this"):
            self.post_message(self.MoreLikeThis(asset))
        else:
            self.post_message(self.NotForMe(asset))
