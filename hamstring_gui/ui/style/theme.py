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
    QPalette.ColorRole.Highlight: "#2f75c7",
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


# The selection, focus ring and progress colour, light and dark alike: white
# text on it reads at 4.7:1, and it stands out 4:1 from a light window and 3.2:1
# from the dark one (Fusion's own blue gave white text only 3.7:1).
HIGHLIGHT = "#2f75c7"


def readable_highlight(palette: QPalette) -> QPalette:
    """``palette`` with :data:`HIGHLIGHT` behind white selected text."""
    palette = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(HIGHLIGHT))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return palette


def fallback_palette(dark: bool) -> QPalette:
    """A calm light or dark palette for when the platform cannot switch schemes itself.

    Light is Fusion's own with a readable highlight; dark keeps contrast above
    10:1 for text.
    """
    from PySide6.QtWidgets import QStyleFactory

    if not dark:
        fusion = QStyleFactory.create("Fusion")
        return readable_highlight(fusion.standardPalette() if fusion is not None else QPalette())
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


# Headings that warn (the red flags): (light, dark), both above 4.5:1 on the window.
WARNING_COLOURS = ("#b52a2a", "#fc8181")


def warning_colour(widget: QWidget | None = None) -> QColor:
    """The red of a warning heading, for the light or dark scheme."""
    light, dark = WARNING_COLOURS
    return QColor(dark if is_dark(widget) else light)


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def blend(colour: QColor, background: QColor) -> QColor:
    """``colour`` (with its alpha) painted over an opaque ``background``."""
    alpha = colour.alphaF()
    return QColor(
        round(colour.red() * alpha + background.red() * (1 - alpha)),
        round(colour.green() * alpha + background.green() * (1 - alpha)),
        round(colour.blue() * alpha + background.blue() * (1 - alpha)),
    )


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio (1 to 21) of ``foreground`` (alpha blended) on ``background``."""
    lighter, darker = sorted(
        (luminance(blend(foreground, background)), luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(colour: QColor, background: QColor, ratio: float = 4.5) -> QColor:
    """``colour``, darkened or lightened just enough to read as text on ``background``."""
    result = QColor(colour)
    darken = luminance(background) > 0.18
    for _ in range(40):
        if contrast(result, background) >= ratio:
            break
        result = result.darker(108) if darken else result.lighter(108)
    return result


def phase_text_colour(kind: PhaseKind, widget: QWidget | None = None) -> QColor:
    """A phase's tint as text on the window (the current step's number)."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    return readable_on(phase_colour(kind, widget), palette.color(QPalette.ColorRole.Window))


def text_on(colour: QColor) -> QColor:
    """Near-black or white, whichever reads better on ``colour``."""
    dark, light = QColor("#101418"), QColor("#ffffff")
    return dark if contrast(dark, colour) >= contrast(light, colour) else light


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


# The property a widget's scaled font is remembered in, so a new text size can redo it.
_FONT_SPEC = "hamstringFontSpec"


def set_font(
    widget: QWidget, factor: float, *, bold: bool = False, minimum_px: int = 0, zoom: float = 1.0
) -> None:
    """Give ``widget`` the system font times ``factor * zoom``, and keep it so.

    Remembered on the widget: when the application font changes (the text
    size in Preferences), :func:`refresh_fonts` scales it again from the new
    font, so a new text size shows at once, without a restart. ``zoom`` is a
    screen's own enlargement (the session screen grows its words with the window).
    """
    widget.setProperty(_FONT_SPEC, [factor, bold, minimum_px, zoom])
    widget.setFont(scaled_font(factor * zoom, bold=bold, minimum_px=round(minimum_px * zoom)))


def font_spec(widget: QWidget) -> tuple[float, bool, int, float] | None:
    """What :func:`set_font` gave ``widget``: ``(factor, bold, minimum_px, zoom)``."""
    spec = widget.property(_FONT_SPEC)
    if not spec:
        return None
    factor, bold, minimum_px, zoom = spec
    return float(factor), bool(bold), int(minimum_px), float(zoom)


def refresh_fonts(widgets: list[QWidget] | None = None) -> None:
    """Scale every font set with :func:`set_font` again from the application font."""
    for widget in widgets if widgets is not None else QApplication.allWidgets():
        spec = font_spec(widget)
        if spec is not None:
            factor, bold, minimum_px, zoom = spec
            set_font(widget, factor, bold=bold, minimum_px=minimum_px, zoom=zoom)


def follow_font_changes(app: QApplication) -> None:
    """Rescale the fonts of every widget whenever the application font changes (once per app)."""
    if not app.property("hamstringFollowsFonts"):
        app.setProperty("hamstringFollowsFonts", True)
        app.fontChanged.connect(lambda _font: refresh_fonts())


def muted(widget: QWidget) -> QColor:
    """A quieter text colour for secondary lines."""
    colour = QColor(widget.palette().color(QPalette.ColorRole.WindowText))
    colour.setAlphaF(0.68)
    return colour
