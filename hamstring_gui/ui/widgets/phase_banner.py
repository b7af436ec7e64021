"""The phase in words on a band of the phase's colour, told once to screen readers."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QPainter,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QWidget

from hamstring_gui.ui.style import theme


class PhaseBanner(QLabel):
    """The phase in words on a rounded band of the phase's colour.

    Painted here rather than with a style sheet, which Qt would re-polish at
    every phase change.
    """

    def __init__(self) -> None:
        super().__init__()
        self._fill = QColor()
        self._announcement: str | None = None
        self.setContentsMargins(12, 4, 12, 4)

    def announce(self, text: str) -> None:
        """Tell screen readers ``text``; a hidden window tells only its latest, when it shows."""
        self._announcement = text
        if self.isVisible():
            self._tell()

    def _tell(self) -> None:
        if self._announcement is not None:
            text, self._announcement = self._announcement, None
            _tell_screen_readers(self, text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Tell what was announced while hidden."""
        super().showEvent(event)
        self._tell()

    def set_colours(self, fill: QColor, text: QColor) -> None:
        """The band's colour and the words' colour on it."""
        self._fill = QColor(fill)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, text)
        self.setPalette(palette)
        self.update()

    def fill_colour(self) -> QColor:
        """The band's colour (invalid before the first phase)."""
        return QColor(self._fill)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """The band, then the label's own text on it."""
        if self._fill.isValid():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._fill)
            radius = round(theme.base_pixel_size() * 0.6)
            painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
            painter.end()
        super().paintEvent(event)


def _tell_screen_readers(widget: QWidget, text: str) -> None:
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
