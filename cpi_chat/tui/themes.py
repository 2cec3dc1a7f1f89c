"""The two themes (default and high contrast, both measured by tests/tui/test_contrast.py) and the people list's own look."""

from __future__ import annotations

from dataclasses import dataclass

from textual.theme import Theme

HIGH_CONTRAST = "cpi-high-contrast"
DEFAULT_THEME = "cpi-dark"

# Textual's dark theme with the pairs that fell below WCAG's 4.5:1 made darker or lighter: the highlighted row
# (#DDEDF9 on #0178D4 was 3.8:1, now white on #005A9E, 7:1), grey hints and placeholders (#737373 on #1E1E1E was 3.5:1).
DEFAULT_THEME_LOOK = Theme(
    name=DEFAULT_THEME,
    primary="#0178D4",
    secondary="#004578",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#ba3c5b",
    success="#4EBF71",
    foreground="#e0e0e0",
    variables={
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#005A9E",
        "block-cursor-blurred-background": "#004578",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "text-muted": "#B4B4B4",
        "foreground-muted": "#B4B4B4",
        "text-primary": "#6CB4EE",
        "button-color-foreground": "#FFFFFF",
    },
)

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
        "input-selection-background": "#FFFF00",
        "input-selection-foreground": "#000000",
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
class Look:
    """The screen chosen on the people list, where no one's needs apply: high contrast and large spacing."""

    high_contrast: bool = False
    spacious: bool = False
