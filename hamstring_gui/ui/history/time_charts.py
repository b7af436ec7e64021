"""Charts of values over dates: the back feeling and the 90/90 self-test."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)

from hamstring_gui.core.history import (
    MAX_DEGREES,
    TYPICAL_DEGREES,
    Feeling,
    SelfTest,
)
from hamstring_gui.core.i18n import _
from hamstring_gui.ui.history.chart_style import chart_colours, small_font
from hamstring_gui.ui.style import theme


def weekly_means(feelings: Sequence[Feeling]) -> list[tuple[date, float]]:
    """One point per week: the mean of the days rated, midway between the first and last.

    Midway between days rated, not at the week's Thursday: this week's point
    never lands in the days still to come (off the chart's right edge).
    """
    weeks: dict[date, list[Feeling]] = {}
    for feeling in feelings:
        monday = feeling.day - timedelta(days=feeling.day.weekday())
        weeks.setdefault(monday, []).append(feeling)
    out = []
    for _monday, rated in sorted(weeks.items()):
        first, last = rated[0].day, rated[-1].day
        out.append((first + (last - first) / 2, sum(f.value for f in rated) / len(rated)))
    return out


class _TimeChart(QWidget):
    """Shared axes for charts of values over dates."""

    y_max: float = 10.0
    y_labels: Sequence[float] = (0, 5, 10)
    inverted = False  # True: 0 at the top
    legend_lines = 0  # lines kept free below the dates for a legend
    inset = 6.0  # points at the first and last date are drawn whole

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        base = theme.base_pixel_size()
        self.setMinimumSize(QSize(base * 20, base * 11))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.first = date.today()
        self.last = date.today()

    def _plot_area(self, painter: QPainter) -> QRectF:
        metrics = painter.fontMetrics()
        left = metrics.horizontalAdvance("90°") + 10
        bottom = (metrics.height() + 8) * (1 + self.legend_lines)
        return QRectF(self.rect()).adjusted(left, metrics.height() / 2 + 2, -8, -bottom)

    def _x(self, area: QRectF, day: date) -> float:
        span = max(1, (self.last - self.first).days)
        day = min(max(day, self.first), self.last)
        width = area.width() - 2 * self.inset
        return area.left() + self.inset + width * (day - self.first).days / span

    def _y(self, area: QRectF, value: float) -> float:
        fraction = min(value, self.y_max) / self.y_max
        if self.inverted:
            return area.top() + area.height() * fraction
        return area.bottom() - area.height() * fraction

    def _axes(self, painter: QPainter, area: QRectF, colours: dict[str, QColor], unit: str) -> None:
        metrics = painter.fontMetrics()
        for value in self.y_labels:
            y = self._y(area, value)
            painter.setPen(QPen(colours["grid"], 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(colours["muted"])
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, area.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:g}{unit}",
            )
        painter.setPen(colours["muted"])
        below = QRectF(area.left(), area.bottom() + 4, area.width(), metrics.height())
        # The language's short date (02.12., 2 Dec), with the year when the span crosses one.
        fmt = "d MMM yyyy" if self.first.year != self.last.year else "d MMM"
        locale = QLocale()
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, locale.toString(QDate(self.first), fmt))
        if self.last != self.first:
            painter.drawText(
                below, Qt.AlignmentFlag.AlignRight, locale.toString(QDate(self.last), fmt)
            )

    def _empty(
        self, painter: QPainter, area: QRectF, colours: dict[str, QColor], text: str
    ) -> None:  # noqa: E501
        painter.setPen(colours["muted"])
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    @staticmethod
    def _line(
        painter: QPainter, points: Sequence[QPointF], colour: QColor, *, square: bool = False
    ) -> None:
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for start, end in zip(points, points[1:], strict=False):
            painter.drawLine(start, end)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for point in points:
            if square:
                painter.drawRect(QRectF(point.x() - 3.5, point.y() - 3.5, 7, 7))
            else:
                painter.drawEllipse(point, 4, 4)


class FeelingChart(_TimeChart):
    """The 0-10 back feeling over time (lower is better)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feelingChart")
        self.feelings: list[Feeling] = []

    def set_feelings(self, feelings: Sequence[Feeling], first: date, last: date) -> None:
        """Show ``feelings`` between ``first`` and ``last``."""
        self.feelings = list(feelings)
        self.first, self.last = first, last
        self.setAccessibleDescription(
            _("{count} days rated; weekly averages as a line").format(count=len(self.feelings))
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Axes 0-10 and one point per day rated."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(small_font(self, 0.85))
        colours = chart_colours(self)
        area = self._plot_area(painter)
        self._axes(painter, area, colours, "")
        if not self.feelings:
            self._empty(
                painter, area, colours, _("No ratings yet: rate your back after a session.")
            )
        else:
            dots = QColor(colours["feeling"])
            dots.setAlphaF(0.35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(dots)
            for feeling in self.feelings:
                painter.drawEllipse(
                    QPointF(self._x(area, feeling.day), self._y(area, feeling.value)), 2.5, 2.5
                )
            weekly = weekly_means(self.feelings)
            points = [QPointF(self._x(area, day), self._y(area, value)) for day, value in weekly]
            self._line(painter, points, colours["feeling"])
        painter.end()


class SelfTestChart(_TimeChart):
    """Degrees short of straight per leg over time, with the typical band."""

    inverted = True  # straight (0°) at the top: better is up
    y_labels = (0, 20, 40, 60)
    legend_lines = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfTestChart")
        self.tests: list[SelfTest] = []
        self.y_max = 60.0

    def set_tests(self, tests: Sequence[SelfTest], today: date) -> None:
        """Show ``tests`` (oldest first)."""
        self.tests = list(tests)
        worst = max((max(t.left_degrees, t.right_degrees) for t in self.tests), default=0)
        self.y_max = 60.0 if worst <= 55 else float(MAX_DEGREES)
        self.y_labels = (0, 20, 40, 60) if self.y_max == 60 else (0, 30, 60, 90)
        if self.tests:
            # Up to today, never weeks into the future; at least four weeks wide.
            self.last = max(today, self.tests[-1].day)
            self.first = min(self.tests[0].day, self.last - timedelta(days=28))
        else:
            self.first, self.last = today - timedelta(weeks=12), today
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Band, axes, then the two legs."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(small_font(self, 0.85))
        colours = chart_colours(self)
        metrics = painter.fontMetrics()
        area = self._plot_area(painter)
        band = QRectF(
            area.left(),
            self._y(area, 0),
            area.width(),
            self._y(area, TYPICAL_DEGREES) - self._y(area, 0),
        )
        band_colour = QColor(colours["done"])
        band_colour.setAlphaF(0.13)
        painter.fillRect(band, band_colour)
        self._axes(painter, area, colours, "°")
        painter.setPen(colours["done"])
        painter.drawText(
            band.adjusted(6, 2, -6, -2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            _("typical: within about 20° of straight"),
        )
        if not self.tests:
            below = QRectF(area.left(), band.bottom(), area.width(), area.bottom() - band.bottom())
            self._empty(painter, below, colours, _("No self-tests yet."))
            painter.end()
            return
        for side, square in (("left", False), ("right", True)):
            points = [
                QPointF(self._x(area, t.day), self._y(area, getattr(t, f"{side}_degrees")))
                for t in self.tests
            ]
            self._line(painter, points, colours[side], square=square)
        # Legend below the dates, outside the plot: it never covers a point.
        x = area.left()
        y = area.bottom() + metrics.height() + 12
        for side, square in (("left", False), ("right", True)):
            self._line(
                painter, [QPointF(x + 5, y + metrics.height() / 2)], colours[side], square=square
            )
            painter.setPen(colours["text"])
            leg = _("Left leg") if side == "left" else _("Right leg")
            painter.drawText(QPointF(x + 14, y + metrics.ascent()), leg)
            x += metrics.horizontalAdvance(leg) + 30
        painter.end()
