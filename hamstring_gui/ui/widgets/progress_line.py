"""The session's progress as a thin line that screen readers read as a progress bar."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from hamstring_gui.core.i18n import _
from hamstring_gui.ui.widgets.countdown import set_quietly


class ProgressLine(QProgressBar):
    """A thin line showing how much of the session is done.

    A QProgressBar, so screen readers meet a progress bar with its value, but
    painted here as a rounded line. Its ``setValue`` would repaint at once,
    which flushes every pending paint of the window inside the session's
    one-second heartbeat: :func:`set_quietly` asks for an ordinary update instead.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 100)
        self.setValue(0)
        self.setTextVisible(False)
        self._fraction = 0.0
        self.setFixedHeight(6)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fraction(self) -> float:
        """How much is done, 0..1."""
        return self._fraction

    def set_fraction(self, fraction: float) -> None:
        """Show ``fraction`` done (clamped to 0..1)."""
        fraction = min(1.0, max(0.0, fraction))
        moved = round(fraction * self.width()) != round(self._fraction * self.width())
        self._fraction = fraction
        set_quietly(self, round(fraction * 100))
        if moved:
            self.update()

    def text(self) -> str:  # noqa: D102 - Qt override: the value screen readers read
        # xgettext:no-python-format
        return _("{percent} % done").format(percent=self.value())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """A rounded track with the done part in the highlight colour."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = self.height() / 2
        track = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        track.setAlphaF(0.12)  # quiet: the done part is what must stand out
        painter.setBrush(track)
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        done = QRectF(0, 0, self.width() * self._fraction, self.height())
        if done.width() >= 1:
            painter.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(done, radius, radius)
        painter.end()
