"""The app's icon, for the window and the tray."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ..core import assets

ICON_RESOURCE = "icons/hamstring-coach.svg"


def app_icon() -> QIcon:
    """The app icon from resources, or a drawn one when it cannot be loaded."""
    if assets.exists(ICON_RESOURCE):
        icon = QIcon(str(assets.resource(ICON_RESOURCE)))
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
