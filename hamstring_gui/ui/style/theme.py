"""Colours and type sizes shared by the views (their words live in ``core/words.py``).

Colours follow the system light/dark scheme: each phase has a calm tint for
light and for dark backgrounds, picked from the application palette at paint
time, so a scheme change while running repaints correctly. Type sizes are
multiples of the system font, so text grows with the user's font setting;
the two that must be readable from a metre away have pixel floors.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from hamstring_gui.core.plan import PhaseKind

# The countdown must be readable from about a metre away: at least this tall.
COUNTDOWN_MIN_PX = 96
# The phase banner floor.
BANNER_MIN_PX = 26

# (light scheme, dark scheme) per phase: muted, never alarming.
_PHASE_COLOURS = {
    PhaseKind.PREPARE: ("#b7791f", "#e0b050"),
    PhaseKind.HOLD: ("#2f855a", "#5cc98f"),
    PhaseKind.CONTRACT: ("#c05621", "#f09060"),
    PhaseKind.RELAX: ("#2b6cb0", "#70a8e8"),
    PhaseKind.SWITCH: ("#6b46c1", "#a98be8"),
    PhaseKind.REST: ("#4a5568", "#a0aec0"),
    PhaseKind.MOVE: ("#2c7a7b", "#5cc8c8"),
}


def is_dark(source: QWidget | QPalette | None = None) -> bool:
    """Whether light text sits on a dark window: the app's one dark check.

    ``source`` is a widget (its palette), a palette, or ``None`` for the
    application: a dark colour scheme, or the dark palette the app sets
    itself where the platform cannot switch schemes (``fallback_palette``).
    """
    if isinstance(source, QPalette):
        palette = source
    elif source is not None:
        palette = source.palette()
    else:
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            return False
        if app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
            return True
        palette = app.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


_DARK_ROLES = {
    QPalette.ColorRole.Window: "#24262a",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1b1c1f",
    QPalette.ColorRole.AlternateBase: "#2b2d31",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#33363b",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3f7fd6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2b2d31",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8f9399",
    QPalette.ColorRole.Link: "#79aef2",
    QPalette.ColorRole.Light: "#45484e",
    QPalette.ColorRole.Midlight: "#3a3d42",
    QPalette.ColorRole.Mid: "#2f3236",
    QPalette.ColorRole.Dark: "#151618",
    QPalette.ColorRole.Shadow: "#000000",
}


def fallback_palette(dark: bool) -> QPalette:
    """A calm light or dark palette for when the platform cannot switch schemes itself.

    Light is Fusion's own; dark keeps contrast above 10:1 for text.
    """
    from PySide6.QtWidgets import QStyleFactory

    if not dark:
        fusion = QStyleFactory.create("Fusion")
        return fusion.standardPalette() if fusion is not None else QPalette()
    palette = QPalette()
    for role, colour in _DARK_ROLES.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8086"))
    return palette


def phase_colour(kind: PhaseKind, widget: QWidget | None = None) -> QColor:
    """The tint of a phase for the current light or dark scheme."""
    light, dark = _PHASE_COLOURS[kind]
    return QColor(dark if is_dark(widget) else light)


def text_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""

    # Relative luminance (WCAG), good enough to choose between black and white.
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )  # noqa: E501
    return QColor("#101418") if lum > 0.22 else QColor("#ffffff")


_pixel_sizes: dict[tuple[str, float], int] = {}


def base_pixel_size() -> int:
    """The system font's height in pixels.

    Remembered per font and screen resolution: every card of the routine list
    asks for its fonts, and each QFontInfo costs ~0.2 ms.
    """
    font = QApplication.font()
    screen = QGuiApplication.primaryScreen()
    key = (font.key(), screen.logicalDotsPerInchY() if screen is not None else 0.0)
    size = _pixel_sizes.get(key)
    if size is None:
        size = _pixel_sizes[key] = QFontInfo(font).pixelSize()
    return size


def scaled_font(factor: float, *, bold: bool = False, minimum_px: int = 0) -> QFont:
    """The system font scaled by ``factor``, never smaller than ``minimum_px``."""
    font = QFont(QApplication.font())
    font.setPixelSize(max(minimum_px, round(base_pixel_size() * factor)))
    font.setBold(bold)
    return font


def muted(widget: QWidget) -> QColor:
    """A quieter text colour for secondary lines."""
    colour = QColor(widget.palette().color(QPalette.ColorRole.WindowText))
    colour.setAlphaF(0.68)
    return colour
