"""The app's icon, for the window and the tray.

The icon is built from PNG renderings of ``icons/hamstring-coach.svg`` (see
``packaging/linux/render_icons.py``), not from the SVG itself: loading the SVG
would map libQt6Svg and the SVG icon-engine plugin for the app's lifetime.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from hamstring_gui.core import assets
from hamstring_gui.platform.autostart import DESKTOP_ID

ICON_SIZES = (32, 48, 64, 128, 256)


def icon_resource(size: int) -> str:
    """The bundled PNG of the icon at ``size`` x ``size`` pixels."""
    return f"icons/hamstring-coach-{size}.png"


def themed_app_icon() -> QIcon:
    """The app icon by its theme name (the desktop id) when the icon theme has it.

    The tray's StatusNotifierItem ``IconName`` is Qt's ``QIcon::name()``, which
    only an icon from the theme has; with it a tray host draws the icon at its
    own size and style. It is there after ``hamstring-gui desktop-entry
    install``, a distribution package or Flatpak; otherwise the bundled PNGs
    (sent as ``IconPixmap``).
    """
    if QIcon.hasThemeIcon(DESKTOP_ID):
        return QIcon.fromTheme(DESKTOP_ID)
    return app_icon()


def icon_file(size: int = 128) -> Path:
    """The bundled PNG at ``size`` as a file (a wheel, a checkout and the bundle unpack it)."""
    return Path(str(assets.resource(icon_resource(size)))).absolute()


def app_icon() -> QIcon:
    """The app icon from resources, or a drawn one when it cannot be loaded."""
    icon = QIcon()
    for size in ICON_SIZES:
        name = icon_resource(size)
        if assets.exists(name):
            icon.addFile(str(assets.resource(name)), QSize(size, size))
    if not icon.isNull() and not icon.pixmap(32, 32).isNull():
        return icon
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#2f7d5b"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(2, 2, 60, 60, 14, 14)
    pen = QPen(QColor("#f4a259"), 7)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(14, 46), QPointF(50, 46))  # the straight leg
    pen.setColor(QColor("white"))
    painter.setPen(pen)
    painter.drawLine(QPointF(18, 44), QPointF(36, 22))  # the folded back
    painter.drawEllipse(QPointF(40, 18), 5, 5)
    painter.end()
    return QIcon(pixmap)
