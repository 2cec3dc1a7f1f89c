"""The form to add a community asset to the directory or change one, checked before it is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, Static

from cpi_chat.actions.directory import asset_from_form
from cpi_chat.assets.model import Asset, split_tags
from cpi_chat.errors import Refused
from cpi_chat.tui.as_typed import as_typed
from cpi_chat.tui.widgets.key_bar import KeyBar
from cpi_chat.wording import safe

if TYPE_CHECKING:
    from cpi_chat.assets.directory import AssetDirectory

TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("description", "What happens there", "e.g. A friendly walk round the park, then tea"),
    ("tags", "Words people might search for (separate with ;)", "e.g. walking; outdoors; gentle"),
    ("area", "Area", "e.g. Northgate"),
    ("address", "Address", "e.g. Northgate Library, High Street"),
    ("schedule", "When", "e.g. Tuesdays 10:00-11:00"),
    ("cost", "Cost", "e.g. Free, or £3 per session"),
    ("contact", "Contact", "e.g. 01632 960000; hello@example.org"),
    ("accessibility", "Access", "e.g. Step-free; hearing loop"),
    ("notes", "The team's own notes (a feed update never changes them)", "e.g. Ask for Sam at the door"),
)
KIND_CHOICES = (
    ("mainstream", "Mainstream: open to everyone"),
    ("specialist", "Specialist: a service for people with particular needs"),
)


class KindButton(RadioButton):
    """A radio button whose choice shows as a dot or a blank, not by colour alone."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "\u25cf" if self.value else " "
        return super()._button


class AssetFormScreen(ModalScreen[Asset | None]):
    """Add an asset (no `asset` given) or edit one; dismisses with the checked asset, or None if cancelled."""

    DEFAULT_CSS = """
    AssetFormScreen {
        align: center middle;
    }
    AssetFormScreen #asset-form {
        width: 100%;
        max-width: 90;
        height: 100%;
        border: thick $primary;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    AssetFormScreen #form-fields {
        height: 1fr;
    }
    AssetFormScreen Label {
        margin-top: 1;
        text-style: bold;
    }
    AssetFormScreen #form-error {
        height: auto;
        color: $text-error;
        text-style: bold;
    }
    AssetFormScreen #form-buttons {
        height: auto;
    }
    AssetFormScreen #form-buttons Button {
        margin-right: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="asset_form.save"),
        Binding("escape", "cancel", "Cancel", id="asset_form.cancel"),
    ]

    HELP = (
        "Adding or changing a group or activity. Fill in at least the name and the domain; everything else "
        "helps people decide whether to go: where and when it is, what it costs, and how easy it is to get "
        "in. Enter moves to the next box. Ctrl+S saves; Escape leaves without saving."
    )

    AUTO_FOCUS = "#form-name"

    def __init__(self, assets: AssetDirectory, asset: Asset | None = None) -> None:
        super().__init__()
        self.assets = assets
        self.original = asset

    def compose(self) -> ComposeResult:
        asset = self.original
        with Vertical(id="asset-form") as box:
            box.border_title = as_typed(f"Change {asset.name}" if asset else "Add a group or activity")
            with VerticalScroll(id="form-fields"):
                yield Label("Name (needed)")
                yield Input(safe(asset.name) if asset else "", placeholder="e.g. Walking Football", id="form-name")
                yield Label("Domain (needed)")
                domains = [(d.label, d.slug) for d in self.assets.domains()]
                current = self.assets.lexicon.resolve_domain(asset.domain) if asset else None
                yield Select(domains, prompt="Choose one of the ten domains", id="form-domain",
                             value=current or Select.NULL)
                for name, label, hint in TEXT_FIELDS:
                    yield Label(label)
                    value = getattr(asset, name) if asset else ""
                    if name == "tags":
                        value = "; ".join(value)
                    yield Input(safe(value), placeholder=hint, id=f"form-{name}")  # a field never replays an escape code
                yield Label("Kind of service")
                kind = asset.kind if asset else "mainstream"
                with RadioSet(id="form-kind"):
                    for value, words in KIND_CHOICES:
                        yield KindButton(words, value=value == kind, name=value)
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button("Save", id="form-save", variant="primary")
                yield Button("Cancel", id="form-cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start at the top, with the first label in view (focusing the name box scrolls past it)."""
        fields = self.query_one("#form-fields", VerticalScroll)
        self.call_after_refresh(fields.scroll_home, animate=False)

    def _text(self, field_name: str) -> str:
        return self.query_one(f"#form-{field_name}", Input).value.strip()

    def _kind(self) -> str:
        pressed = self.query_one("#form-kind", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else ""

    def problem(self) -> str:
        """What stops the form from being saved, in one sentence, or "" when it is fine."""
        if not self._text("name"):
            return "Please give the asset a name."
        if not isinstance(self.query_one("#form-domain", Select).value, str):
            return "Please choose which of the ten domains it belongs to."
        if self._kind() not in {value for value, _ in KIND_CHOICES}:
            return "Please choose whether it is a mainstream or a specialist service."
        return ""

    def built_asset(self) -> Asset:
        """The asset as filled in, checked like an imported row; Refused says what is wrong."""
        fields: dict[str, object] = {name_: self._text(name_) for name_, _, _ in TEXT_FIELDS}
        fields["tags"] = split_tags(str(fields["tags"]))
        fields.update(name=self._text("name"), domain=self.query_one("#form-domain", Select).value, kind=self._kind())
        return asset_from_form(self.assets, fields, self.original)

    def action_save(self) -> None:
        """Check the form and hand back the asset, or say what needs fixing."""
        error = self.query_one("#form-error", Static)
        problem = self.problem()
        if not problem:
            try:
                self.dismiss(self.built_asset())
                return
            except Refused as refusal:
                problem = str(refusal)
        error.update(as_typed(problem))
        self.notify(problem, severity="warning", markup=False)

    def action_cancel(self) -> None:
        """Leave without saving."""
        self.dismiss(None)

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
