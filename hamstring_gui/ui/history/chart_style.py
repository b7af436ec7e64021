"""Colours, fonts and numbers shared by the history charts."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QWidget,
)

from hamstring_gui.core.plan import PhaseKind
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.style.legs import leg_colour


def chart_colours(widget: QWidget) -> dict[str, QColor]:
    """The chart colours for the current light or dark scheme."""
    text = widget.palette().color(QPalette.ColorRole.WindowText)
    grid = QColor(text)
    grid.setAlphaF(0.14)
    faint = QColor(text)
    faint.setAlphaF(0.06)
    stopped = QColor(text)
    stopped.setAlphaF(0.32)
    return {
        "text": text,
        "muted": theme.muted(widget),
        "stopped": stopped,
        "grid": grid,
        "faint": faint,
        "done": theme.phase_colour(PhaseKind.HOLD, widget),
        "left": leg_colour("left", palette_is_dark(widget)),
        "right": leg_colour("right", palette_is_dark(widget)),
        "feeling": theme.phase_colour(PhaseKind.SWITCH, widget),
    }


def palette_is_dark(widget: QWidget) -> bool:
    """Whether ``widget`` paints on a dark background."""
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def small_font(widget: QWidget, factor: float = 0.9) -> QFont:
    """The widget's font at ``factor`` of the base size (never under 10 px)."""
    font = QFont(widget.font())
    font.setPixelSize(max(10, round(theme.base_pixel_size() * factor)))
    return font


def minutes_text(seconds: float) -> str:
    """Whole minutes of ``seconds``; "<1" for a moment under a minute."""
    minutes = seconds / 60
    if 0 < minutes < 1:
        return "<1"
    return f"{minutes:.0f}"
