"""The high-contrast theme and the per-person display setting (theme plus large spacing), stored as one string."""

from __future__ import annotations

from dataclasses import dataclass

from textual.theme import Theme

HIGH_CONTRAST = "cpi-high-contrast"
DEFAULT_THEME = "textual-dark"
SPACIOUS_MARK = "+spacious"

# Black, white and yellow only: white on black is 21:1, yellow (#FFFF00) on black 19.6:1,
# black on yellow 19.6:1, so every pair used here is well above 7:1.
HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary="#FFFF00",
    secondary="#FFFF00",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FFFF00",
    success="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "foreground-muted": "#FFFFFF",
        "foreground-darken-1": "#FFFFFF",
        "text-muted": "#FFFFFF",
        "text-primary": "#FFFF00",
        "text-accent": "#FFFF00",
        "text-warning": "#FFFF00",
        "text-error": "#FFFF00",
        "text-success": "#FFFFFF",
        "border": "#FFFF00",
        "border-blurred": "#FFFFFF",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#FFFFFF",
        "block-hover-background": "#000000",
        "input-cursor-background": "#FFFF00",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#FFFF00 40%",
        "footer-background": "#000000",
        "footer-foreground": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "footer-key-background": "#000000",
        "footer-description-foreground": "#FFFFFF",
        "footer-description-background": "#000000",
        "footer-item-background": "#000000",
        "button-foreground": "#FFFFFF",
        "button-color-foreground": "#000000",
        "button-focus-text-style": "bold reverse",
        "scrollbar": "#FFFFFF",
        "scrollbar-hover": "#FFFF00",
        "scrollbar-active": "#FFFF00",
        "scrollbar-background": "#000000",
        "scrollbar-background-hover": "#000000",
        "scrollbar-background-active": "#000000",
        "scrollbar-corner-color": "#000000",
        "panel-lighten-1": "#000000",
        "surface-lighten-1": "#000000",
        "primary-muted": "#000000",
        "accent-muted": "#000000",
    },
)


@dataclass(frozen=True)
class DisplaySetting:
    """How one person likes the screen: a theme name ('' for the app's default) and large spacing."""

    theme: str = ""
    spacious: bool = False

    def stored(self) -> str:
        """The setting as the one string kept in the person's record."""
        return f"{self.theme}{SPACIOUS_MARK if self.spacious else ''}"

    @classmethod
    def parse(cls, text: str, high_contrast_need: bool = False, large_print_need: bool = False) -> DisplaySetting:
        """Read a stored setting; with nothing stored, follow the person's communication needs."""
        text = (text or "").strip()
        if not text:
            return cls(HIGH_CONTRAST if high_contrast_need else "", large_print_need)
        return cls(text.removesuffix(SPACIOUS_MARK), text.endswith(SPACIOUS_MARK))
