"""Windows open on the screen: never larger than its free area, never partly off it."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window manager's frame around a window.
FRAME_ALLOWANCE = 40


def fit_on_screen(window: QWidget, screen_area: QRect | None = None) -> None:
    """Shrink ``window`` to its screen's available area and move it inside.

    A size saved on a large monitor, or a default larger than a small
    screen (800 x 600), would put the window's buttons off the screen. The
    window never gets smaller than its own minimum size.
    """
    if screen_area is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        screen_area = screen.availableGeometry()
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    width = max(minimum.width(), min(window.width(), screen_area.width() - FRAME_ALLOWANCE))
    height = max(minimum.height(), min(window.height(), screen_area.height() - FRAME_ALLOWANCE))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    geometry = window.geometry()
    x = min(max(geometry.x(), screen_area.left()), screen_area.right() - width + 1)
    y = min(max(geometry.y(), screen_area.top()), screen_area.bottom() - height + 1)
    if (x, y) != (geometry.x(), geometry.y()):
        window.move(max(screen_area.left(), x), max(screen_area.top(), y))
