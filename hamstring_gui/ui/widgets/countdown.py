"""The big countdown: whole seconds inside a progress ring coloured by phase.

A view only: it shows what it is given (:meth:`CountdownView.set_phase`,
:meth:`CountdownView.set_remaining`) and never keeps time itself. It is a
``QProgressBar`` that paints itself as a ring, so a screen reader finds a
progress bar whose value says how many seconds are left.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from hamstring_gui.core.i18n import _
from hamstring_gui.core.plan import PhaseKind
from hamstring_gui.ui.style import theme


def set_quietly(bar: QProgressBar, value: int) -> None:
    """``bar.setValue(value)`` without its immediate repaint.

    ``QProgressBar.setValue`` repaints at once, which flushes every pending
    paint of the window inside the session's one-second heartbeat; with
    updates off it only tells screen readers, and the bar paints with the rest.
    """
    if value == bar.value():
        return
    bar.setUpdatesEnabled(False)
    bar.setValue(value)
    bar.setUpdatesEnabled(True)


class CountdownView(QProgressBar):
    """A number of seconds in a ring that empties as the phase runs out."""

    # The ring never gets smaller than this, whatever the text size: the
    # number inside is the one thing that must be readable from a metre away.
    MIN_SIDE_PX = round(theme.COUNTDOWN_MIN_PX * 1.9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setAccessibleName(_("Seconds left"))
        self.setTextVisible(False)
        self.setRange(0, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._kind = PhaseKind.PREPARE
        self._total = 1.0
        self._remaining = 0
        self._paused = False
        self._compact = False
        self._zoom = 1.0

    # -- state ------------------------------------------------------------------

    def set_phase(self, kind: PhaseKind, total_seconds: float) -> None:
        """A new phase of ``total_seconds`` began."""
        self._kind = kind
        self._total = max(1.0, total_seconds)
        self.setMaximum(round(self._total))
        self.update()

    def set_total(self, total_seconds: float) -> None:
        """The current phase got longer or shorter (+/- on a hold)."""
        self._total = max(1.0, total_seconds)
        self.setMaximum(max(self.value(), round(self._total)))
        self.update()

    def set_remaining(self, seconds: int) -> None:
        """Show ``seconds`` left."""
        self._remaining = max(0, seconds)
        if self._remaining > self.maximum():
            self.setMaximum(self._remaining)
        # Screen readers read the value when asked; phase changes are what is announced.
        set_quietly(self, self._remaining)
        self.update()

    def set_paused(self, paused: bool) -> None:
        """Dim the ring while paused."""
        self._paused = paused
        self.update()

    def set_compact(self, compact: bool) -> None:
        """Use a smaller minimum size in the compact window."""
        self._compact = compact
        self.updateGeometry()

    def set_zoom(self, zoom: float) -> None:
        """Grow the smallest ring with the window, as the words around it grow."""
        if zoom != self._zoom:
            self._zoom = zoom
            self.updateGeometry()

    def text(self) -> str:
        """The number shown (also the value a screen reader reads, with its unit)."""
        return str(self._remaining)

    def remaining(self) -> int:
        """Whole seconds shown."""
        return self._remaining

    def kind(self) -> PhaseKind:
        """The phase whose colour the ring has."""
        return self._kind

    def fraction(self) -> float:
        """How full the ring is, 1.0 at the start of a phase."""
        return min(1.0, self._remaining / self._total)

    # -- layout and painting ----------------------------------------------------

    def _min_side(self) -> int:
        # The ring fits a number at least COUNTDOWN_MIN_PX tall. Not tied to the
        # text size: larger text must not squeeze the rest of the screen off a laptop.
        if self._compact:
            return round(theme.COUNTDOWN_MIN_PX * 1.6)
        return round(self.MIN_SIDE_PX * self._zoom)

    def minimumSizeHint(self) -> QSize:  # noqa: D102, N802 - Qt override
        side = self._min_side()
        return QSize(side, side)

    def sizeHint(self) -> QSize:  # noqa: D102, N802 - Qt override
        side = round(self._min_side() * 1.25)
        return QSize(side, side)

    def number_font(self) -> QFont:
        """The font of the number at the current size (at least COUNTDOWN_MIN_PX)."""
        side = min(self.width(), self.height())
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(theme.COUNTDOWN_MIN_PX, round(side * 0.40)))
        font.setFeature(QFont.Tag("tnum"), 1)  # digits of equal width: the number never jumps
        return font

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102, N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        pen_width = max(8.0, side * 0.05)
        ring = QRectF(0, 0, side - pen_width, side - pen_width)
        ring.moveCenter(QRectF(self.rect()).center())

        colour = theme.phase_colour(self._kind, self)
        track = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        track.setAlphaF(0.10)
        painter.setPen(QPen(track, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(ring)

        arc = QColor(colour)
        if self._paused:
            arc.setAlphaF(0.45)
        painter.setPen(QPen(arc, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        span = round(-360 * 16 * self.fraction())
        if span:
            painter.drawArc(ring, 90 * 16, span)

        font = self.number_font()
        painter.setFont(font)
        number = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        if self._paused:
            number.setAlphaF(0.75)  # dimmed, still above 4.5:1
        painter.setPen(number)
        metrics = QFontMetricsF(font)
        text_rect = QRectF(ring)
        # Centre on the digits' cap height, not the line box, so the number sits mid-ring.
        baseline = ring.center().y() + metrics.capHeight() / 2
        width = metrics.horizontalAdvance(self.text())
        painter.drawText(
            QRectF(
                text_rect.center().x() - width / 2,
                baseline - metrics.ascent(),
                width,
                metrics.height(),
            ),  # noqa: E501
            Qt.AlignmentFlag.AlignCenter,
            self.text(),
        )
        if self._paused:
            small = QFont(self.font())
            small.setPixelSize(max(14, round(side * 0.07)))
            painter.setFont(small)
            label = QRectF(ring.left(), baseline + metrics.descent(), ring.width(), side * 0.12)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, _("paused")
            )  # noqa: E501
        painter.end()
