"""The asset card: every detail labelled in words, readable at 60 columns, and its three actions."""

from __future__ import annotations

from datetime import date

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message

from cpi_chat.assets.directory import Hit
from cpi_chat.assets.model import Asset
from cpi_chat.assets.why import MatchReason
from cpi_chat.tui.widgets.asset_card import AssetCard, card_lines

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run

KICK_BOXING = Asset(
    id="kick-boxing-class",
    name="Kick-Boxing Fitness Class",
    domain="sport",
    description="A high-energy class of kicks and punches on pads, no contact and no sparring.",
    tags=["kickboxing", "fitness"],
    area="Hollinbridge Town Centre",
    address="Hollinbridge Leisure Centre, studio 2, Mill Lane",
    schedule="Thursdays 19:00-20:00",
    cost="£5 per class",
    contact="01632 960173; leisure@example.org",
    accessibility="Step-free; lift; changing rooms; on the 42 bus route",
    last_verified=date(2026, 2, 9),
)
HIT = Hit(KICK_BOXING, 92.0, (MatchReason("name", "kick-boxing", "kikboxing"),))


class CardHost(App[None]):
    """A bare app showing one card and keeping the messages it posts."""

    def __init__(self, card: AssetCard) -> None:
        super().__init__()
        self.card = card
        self.received: list[Message] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield self.card

    def on_asset_card_chosen(self, message: AssetCard.Chosen) -> None:
        self.received.append(message)

    def on_asset_card_more_like_this(self, message: AssetCard.MoreLikeThis) -> None:
        self.received.append(message)

    def on_asset_card_not_for_me(self, message: AssetCard.NotForMe) -> None:
        self.received.append(message)


def test_every_detail_is_labelled_in_words_so_nothing_relies_on_colour() -> None:
    labels = dict(card_lines(KICK_BOXING, HIT.reasons, today=date(2026, 6, 1)))
    assert labels["Type"] == "Sport"
    assert labels["Where"] == "Hollinbridge Town Centre, Hollinbridge Leisure Centre, studio 2, Mill Lane"
    assert labels["When"] == "Thursdays 19:00-20:00"
    assert labels["Cost"] == "£5 per class"
    assert labels["Access"].startswith("Step-free")
    assert labels["Why it came up"] == "Its name says kick-boxing (you typed 'kikboxing')"
    assert labels["Last checked"] == "9 February 2026"


def test_details_the_asset_does_not_have_are_left_out() -> None:
    bare = Asset(id="tea", name="Tea and Chat", domain="neighbourhood")
    assert [label for label, _ in card_lines(bare)] == ["Type"]


def test_a_check_over_a_year_old_and_guessed_details_are_said_in_words() -> None:
    """A card never presents a guess or an old check as a fact."""
    guessed = Asset("g", "Wellbeing Walks", "sport", schedule="Tuesdays", guessed=["domain", "schedule"],
                    last_verified=date(2024, 3, 1), notes="Ask for Sam at the door")
    labels = dict(card_lines(guessed, today=date(2026, 6, 1)))
    assert labels["Type"] == "Sport (a guess)"
    assert labels["When"] == "Tuesdays (a guess)"
    assert labels["Last checked"] == "1 March 2024 (over a year ago, so ring to check it still runs)"
    assert labels["Team notes"] == "Ask for Sam at the door"


@pytest.mark.parametrize(
    ("button", "message_type"),
    [("#card-add", AssetCard.Chosen), ("#card-more", AssetCard.MoreLikeThis), ("#card-not", AssetCard.NotForMe)],
)
async def test_each_button_posts_its_message_with_the_asset(button: str, message_type: type[Message]) -> None:
    app = CardHost(AssetCard(HIT))
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(button).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [type(m) for m in app.received] == [message_type]
        assert app.received[0].asset == KICK_BOXING  # type: ignore[attr-defined]


async def test_a_card_without_actions_has_no_buttons() -> None:
    app = CardHost(AssetCard(KICK_BOXING, actions=False))
    async with app.run_test(size=(100, 30)):
        assert not app.query("Button")


async def test_long_lines_wrap_inside_60_columns() -> None:
    app = CardHost(AssetCard(HIT))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert app.card.size.width <= 60
        assert app.card.virtual_size.width <= app.card.size.width
        where = app.card.query(".asset-card-line")[1]
        assert where.size.height >= 2, "the long address wraps onto a second line"



@pytest.mark.parametrize("size", [(100, 30), (60, 20)], ids=["100x30", "60x20"])
def test_snapshot_of_an_asset_card(snap_compare, size: tuple[int, int]) -> None:
    """A kick-boxing card: name, domain, where, when, cost, access, contact, last checked, why it matched, and
    the buttons Add to plan, More like this and Not for me."""
    assert snap_compare(CardHost(AssetCard(HIT)), terminal_size=size)

