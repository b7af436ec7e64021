"""The history window: streaks, this week, 12 weeks, balance, feeling and the self-test.

Every number comes from :class:`~hamstring_gui.core.history.HistoryStore`
queries (aggregated in SQL), so years of daily sessions open quickly. The
charts are small ``QWidget`` subclasses painted with ``QPainter``: no
QtCharts, which would cost start-up time for a handful of bars.

Lifecycle::

    HistoryWindow(store, catalog)      queries once and lays out
      .refresh()                       queries again (after a session, say)
      "New self-test..."               SelfTestDialog.ask(); a result is saved and shown
"""

from __future__ import annotations

import html
import math
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core.catalog import Stretch
from hamstring_gui.core.history import (
    EXPECTATION_TEXT,
    MAX_DEGREES,
    TYPICAL_DEGREES,
    Balance,
    DayTotal,
    Feeling,
    HistoryStore,
    HoldSuggestion,
    SelfTest,
    StretchCount,
)
from hamstring_gui.core.plan import PhaseKind
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.scroll_area import NamedScrollArea
from hamstring_gui.ui.window_fit import fit_on_screen

WEEKDAY_LETTERS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
BALANCE_DAYS = 28
PAIN_TEXT = "I felt pain below the knee, tingling or numbness"
STOP_TEXT = (
    "Stop the test here; nothing will be recorded. Pain below the knee, tingling or "
    "numbness can come from the nerve rather than the hamstring. Please see a clinician "
    "before testing or stretching that leg again."
)
SELF_TEST_TEXT = (
    "The 90/90 knee test: thigh straight up, then straighten the knee yourself. "
    "The chart shows how many degrees short of straight each knee stays; "
    "within about 20° of straight is typical. Test every few weeks, not every day."
)
FEELING_TEXT = (
    "How your back felt after sessions (0 = fine, 10 = very sore). Stretching is part of "
    "staying active; it is not a treatment for back pain."
)


def _colours(widget: QWidget) -> dict[str, QColor]:
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
        "left": theme.phase_colour(PhaseKind.RELAX, widget),
        "right": theme.phase_colour(PhaseKind.CONTRACT, widget),
        "feeling": theme.phase_colour(PhaseKind.SWITCH, widget),
    }


def _small_font(widget: QWidget, factor: float = 0.9) -> QFont:
    font = QFont(widget.font())
    font.setPixelSize(max(10, round(theme.base_pixel_size() * factor)))
    return font


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    if 0 < minutes < 1:
        return "<1"
    return f"{minutes:.0f}"


# ---------------------------------------------------------------------------
# Painted charts


class WeekBars(QWidget):
    """Minutes stretched on each day of this week, Monday to Sunday."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekBars")
        self.days: list[DayTotal] = []
        self.today = date.today()
        self.setMinimumSize(QSize(theme.base_pixel_size() * 18, theme.base_pixel_size() * 10))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_days(self, days: Sequence[DayTotal], today: date) -> None:
        """Show ``days`` (seven, Monday first)."""
        self.days = list(days)
        self.today = today
        self.setAccessibleDescription(
            ", ".join(
                f"{WEEKDAY_LETTERS[d.day.weekday()]} {_minutes(d.seconds)} min" for d in self.days
            )
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Bars with minutes above and weekday names below."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = _colours(self)
        font = _small_font(self)
        painter.setFont(font)
        line = painter.fontMetrics().height()
        area = QRectF(self.rect()).adjusted(2, line + 4, -2, -(line + 6))
        painter.setPen(QPen(colours["grid"], 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.days:
            painter.end()
            return
        top = max(10 * 60.0, max(d.seconds for d in self.days))  # at least a 10-minute scale
        slot = area.width() / len(self.days)
        for number, day in enumerate(self.days):
            x = area.left() + slot * number
            bar_width = min(slot * 0.56, line * 2.4)
            height = area.height() * day.seconds / top
            bar = QRectF(x + (slot - bar_width) / 2, area.bottom() - height, bar_width, height)
            colour = QColor(colours["done"] if day.completed else colours["stopped"])
            if day.day > self.today:
                colour = colours["faint"]
            if height > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(bar, 3, 3)
                painter.setPen(colours["text"])
                label_rect = QRectF(x, bar.top() - line - 2, slot, line)
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, _minutes(day.seconds))
            is_today = day.day == self.today
            font.setBold(is_today)
            painter.setFont(font)
            painter.setPen(colours["text"] if is_today else colours["muted"])
            painter.drawText(
                QRectF(x, area.bottom() + 4, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                WEEKDAY_LETTERS[day.day.weekday()],
            )
            font.setBold(False)
            painter.setFont(font)
        painter.end()


class CalendarGrid(QWidget):
    """Twelve weeks as columns of seven days; a filled square is a day with stretching."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarGrid")
        self.days: list[DayTotal] = []
        self.today = date.today()
        base = theme.base_pixel_size()
        self.setFont(_small_font(self, 0.85))
        self.setMinimumSize(QSize(base * 22, base * 13))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    @property
    def weeks(self) -> int:
        """How many week columns are shown."""
        return len(self.days) // 7

    def set_days(self, days: Sequence[DayTotal], today: date) -> None:
        """Show ``days``: whole weeks, Monday first, oldest first."""
        self.days = list(days)
        self.today = today
        done = sum(1 for d in self.days if d.completed)
        self.setAccessibleDescription(f"{done} days with a completed session in {self.weeks} weeks")
        self.update()

    def cell_rect(self, index: int) -> QRectF:
        """Where day ``index`` (of :attr:`days`) is drawn."""
        geometry = self._geometry()
        left, top, cell, gap = geometry
        week, weekday = divmod(index, 7)
        return QRectF(left + week * (cell + gap), top + weekday * (cell + gap), cell, cell)

    def _geometry(self) -> tuple[float, float, float, float]:
        metrics = self.fontMetrics()
        label_width = metrics.horizontalAdvance("Wed") + 8
        header = metrics.height() + 4
        weeks = max(1, self.weeks)
        gap = 3.0
        cell = min(
            (self.width() - label_width - gap * (weeks - 1) - 2) / weeks,
            (self.height() - header - gap * 6 - 2) / 7,
            theme.base_pixel_size() * 2.2,
        )
        return label_width, float(header), max(4.0, cell), gap

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Month names on top, weekday names on the left, one square per day."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = _colours(self)
        painter.setFont(self.font())
        left, top, cell, gap = self._geometry()
        metrics = painter.fontMetrics()
        painter.setPen(colours["muted"])
        for weekday in (0, 2, 4, 6):
            painter.drawText(
                QRectF(0, top + weekday * (cell + gap), left - 6, cell),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                WEEKDAY_LETTERS[weekday],
            )
        last_month_x = -1e9
        for week in range(self.weeks):
            monday = self.days[week * 7].day
            first = monday if week == 0 else None
            for offset in range(7):
                moment = monday + timedelta(days=offset)
                if moment.day == 1:
                    first = moment
            x = left + week * (cell + gap)
            if first is not None and x - last_month_x > metrics.horizontalAdvance("Mmm") + 4:
                painter.drawText(QPointF(x, metrics.ascent()), first.strftime("%b"))
                last_month_x = x
        top_minutes = max((d.seconds for d in self.days), default=0.0) or 1.0
        for index, day in enumerate(self.days):
            rect = self.cell_rect(index)
            painter.setPen(Qt.PenStyle.NoPen)
            if day.day > self.today:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(colours["faint"], 1))
            elif day.seconds <= 0:
                painter.setBrush(colours["faint"])
            else:
                colour = QColor(colours["done"] if day.completed else colours["stopped"])
                strength = 0.45 + 0.55 * min(1.0, day.seconds / top_minutes)
                colour.setAlphaF(colour.alphaF() * strength)
                painter.setBrush(colour)
            painter.drawRoundedRect(rect, 3, 3)
            if day.day == self.today:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(colours["text"], 1.5))
                painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), 4, 4)
        painter.end()


class BalanceBar(QWidget):
    """Left-leg and right-leg time side by side in one bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("balanceBar")
        self.balance = Balance(0.0, 0.0)
        base = theme.base_pixel_size()
        self.setMinimumSize(QSize(base * 16, round(base * 2.2)))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_balance(self, balance: Balance) -> None:
        """Show ``balance``."""
        self.balance = balance
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Left share in one colour, right share in the other."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = _colours(self)
        rect = QRectF(self.rect()).adjusted(1, 4, -1, -4)
        share = self.balance.left_share
        painter.setPen(Qt.PenStyle.NoPen)
        if share is None:
            painter.setBrush(colours["faint"])
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        else:
            path = QPainterPath()
            path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setClipPath(path)
            split = rect.left() + rect.width() * share
            painter.fillRect(
                QRectF(rect.left(), rect.top(), split - rect.left(), rect.height()), colours["left"]
            )
            painter.fillRect(
                QRectF(split, rect.top(), rect.right() - split, rect.height()), colours["right"]
            )
            painter.setClipping(False)
            painter.setFont(_small_font(self, 0.85))
            inside = rect.adjusted(rect.height() / 2, 0, -rect.height() / 2, 0)
            if share > 0.15:
                painter.setPen(theme.text_on(colours["left"]))
                painter.drawText(
                    inside, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "Left"
                )
            if share < 0.85:
                painter.setPen(theme.text_on(colours["right"]))
                painter.drawText(
                    inside, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "Right"
                )
            painter.setPen(QPen(colours["text"], 1, Qt.PenStyle.DashLine))
            middle = rect.center().x()
            painter.drawLine(QPointF(middle, rect.top() - 3), QPointF(middle, rect.bottom() + 3))
        painter.end()


class _TimeChart(QWidget):
    """Shared axes for charts of values over dates."""

    y_max: float = 10.0
    y_labels: Sequence[float] = (0, 5, 10)
    inverted = False  # True: 0 at the top

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
        return QRectF(self.rect()).adjusted(
            left, metrics.height() / 2 + 2, -8, -(metrics.height() + 8)
        )

    def _x(self, area: QRectF, day: date) -> float:
        span = max(1, (self.last - self.first).days)
        return area.left() + area.width() * (day - self.first).days / span

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
        fmt = "%d %b %Y" if self.first.year != self.last.year else "%d %b"
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, self.first.strftime(fmt).lstrip("0"))
        if self.last != self.first:
            painter.drawText(
                below, Qt.AlignmentFlag.AlignRight, self.last.strftime(fmt).lstrip("0")
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
        self.setAccessibleDescription(f"{len(self.feelings)} days rated; weekly averages as a line")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Axes 0-10 and one point per day rated."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(_small_font(self, 0.85))
        colours = _colours(self)
        area = self._plot_area(painter)
        self._axes(painter, area, colours, "")
        if not self.feelings:
            self._empty(painter, area, colours, "No ratings yet: rate your back after a session.")
        else:
            dots = QColor(colours["feeling"])
            dots.setAlphaF(0.35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(dots)
            for feeling in self.feelings:
                painter.drawEllipse(
                    QPointF(self._x(area, feeling.day), self._y(area, feeling.value)), 2.5, 2.5
                )
            weekly = _weekly_means(self.feelings)
            points = [QPointF(self._x(area, day), self._y(area, value)) for day, value in weekly]
            self._line(painter, points, colours["feeling"])
        painter.end()


class SelfTestChart(_TimeChart):
    """Degrees short of straight per leg over time, with the typical band."""

    inverted = True  # straight (0°) at the top: better is up
    y_labels = (0, 20, 40, 60)

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
            self.first = self.tests[0].day
            self.last = max(self.tests[-1].day, self.first + timedelta(days=28))
        else:
            self.first, self.last = today - timedelta(weeks=12), today
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Band, axes, then the two legs."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(_small_font(self, 0.85))
        colours = _colours(self)
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
            "typical: within about 20° of straight",
        )
        if not self.tests:
            below = QRectF(area.left(), band.bottom(), area.width(), area.bottom() - band.bottom())
            self._empty(painter, below, colours, "No self-tests yet.")
            painter.end()
            return
        for side, square in (("left", False), ("right", True)):
            points = [
                QPointF(self._x(area, t.day), self._y(area, getattr(t, f"{side}_degrees")))
                for t in self.tests
            ]
            self._line(painter, points, colours[side], square=square)
        # Legend, bottom-left inside the plot.
        x = area.left() + 8
        y = area.bottom() - metrics.height() - 4
        for side, square in (("left", False), ("right", True)):
            self._line(
                painter, [QPointF(x + 5, y + metrics.height() / 2)], colours[side], square=square
            )
            painter.setPen(colours["text"])
            painter.drawText(QPointF(x + 14, y + metrics.ascent()), f"{side.capitalize()} leg")
            x += metrics.horizontalAdvance(f"{side.capitalize()} leg") + 30
        painter.end()


class AnglePicture(QWidget):
    """A side view of the 90/90 test: lying down, thigh straight up, knee N degrees short.

    The torso lies to the left of the hip, the other leg along the floor to
    the right; the shin leans towards the feet by the degrees entered, and
    the missing angle to straight is a soft wedge.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anglePicture")
        self.degrees: int | None = None
        base = theme.base_pixel_size()
        self.setFixedSize(QSize(base * 12, base * 10))

    def set_degrees(self, degrees: int | None) -> None:
        """Draw the knee ``degrees`` short of straight (``None``: not entered yet)."""
        self.degrees = degrees
        self.setAccessibleDescription(
            "not entered" if degrees is None else f"knee {degrees} degrees short of straight"
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Floor, body, thigh up from the hip, shin at the angle, the wedge."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = _colours(self)
        width, height = float(self.width()), float(self.height())
        unit = min(width / 12, height / 10)
        floor = height - unit * 1.0
        hip = QPointF(width * 0.42, floor - unit * 0.45)
        knee = QPointF(hip.x(), hip.y() - unit * 3.6)
        shin = unit * 3.9
        body = QPen(colours["muted"], unit * 0.45, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(QPen(colours["grid"], 2))
        painter.drawLine(QPointF(0, floor), QPointF(width, floor))
        painter.setPen(body)
        painter.drawLine(hip, QPointF(unit * 1.6, hip.y()))  # torso
        painter.drawLine(hip, QPointF(width - unit * 0.6, hip.y()))  # the other leg
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours["muted"])
        painter.drawEllipse(QPointF(unit * 0.9, hip.y() - unit * 0.2), unit * 0.6, unit * 0.6)
        # Straight would put the shin straight up, in line with the thigh.
        painter.setPen(QPen(colours["muted"], 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(knee, QPointF(knee.x(), knee.y() - shin))
        angle = math.radians(self.degrees or 0)
        foot = QPointF(knee.x() + shin * math.sin(angle), knee.y() - shin * math.cos(angle))
        if self.degrees:
            wedge = QColor(colours["done"])
            wedge.setAlphaF(0.35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(wedge)
            reach = shin * 0.8
            painter.drawPie(
                QRectF(knee.x() - reach, knee.y() - reach, reach * 2, reach * 2),
                90 * 16,
                -round(self.degrees * 16),
            )
        limb = QPen(colours["text"], unit * 0.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(limb)
        painter.drawLine(hip, knee)
        if self.degrees is not None:
            limb.setColor(colours["left"])
            painter.setPen(limb)
            painter.drawLine(knee, foot)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours["text"])
        painter.drawEllipse(knee, unit * 0.35, unit * 0.35)
        painter.setPen(colours["text"])
        font = _small_font(self, 1.1)
        font.setBold(True)
        painter.setFont(font)
        label = "?" if self.degrees is None else f"{self.degrees}°"
        painter.drawText(
            QRectF(width * 0.55, 0, width * 0.43, unit * 2.2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        painter.end()


# ---------------------------------------------------------------------------
# The self-test entry


class SelfTestDialog(QDialog):
    """Enter a 90/90 result per leg, or stop because of nerve symptoms.

    Each leg starts "not entered"; Save is enabled once both have a value.
    Ticking the pain box stops the test: the angles are locked, Save is
    gone, the stop-and-see-a-clinician advice shows and nothing is returned.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfTestDialog")
        self.setWindowTitle("New self-test")
        base = theme.base_pixel_size()
        intro = QLabel(
            "Lie on your back, hold one thigh straight up (hip at 90°), then straighten the "
            "knee with your own muscles as far as is comfortable. Enter roughly how many "
            "degrees short of straight the knee stays: 0 is fully straight."
        )
        intro.setWordWrap(True)
        self.left_spin, self.left_picture, left_box = self._leg("Left leg")
        self.right_spin, self.right_picture, right_box = self._leg("Right leg")
        legs = QHBoxLayout()
        legs.addLayout(left_box)
        legs.addSpacing(base * 2)
        legs.addLayout(right_box)

        self.pain_check = QCheckBox(PAIN_TEXT)
        self.pain_check.setObjectName("painCheck")
        self.stop_label = QLabel(STOP_TEXT)
        self.stop_label.setObjectName("stopLabel")
        self.stop_label.setWordWrap(True)
        self.stop_label.setFont(theme.scaled_font(1.05, bold=True))
        self.stop_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveSelfTest")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.pain_check.toggled.connect(self._on_pain)

        layout = QVBoxLayout(self)
        layout.setSpacing(base)
        layout.addWidget(intro)
        layout.addLayout(legs)
        layout.addWidget(self.pain_check)
        layout.addWidget(self.stop_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(base * 34)
        self._update_save()

    def _leg(self, title: str) -> tuple[QSpinBox, AnglePicture, QVBoxLayout]:
        caption = QLabel(title)
        caption.setFont(theme.scaled_font(1.1, bold=True))
        spin = QSpinBox()
        spin.setObjectName(f"{title.split()[0].lower()}Degrees")
        spin.setAccessibleName(f"{title}: degrees short of straight")
        spin.setRange(-1, MAX_DEGREES)  # -1 shows as "not entered"
        spin.setSpecialValueText("not entered")
        spin.setSuffix("° short of straight")
        spin.setValue(-1)
        picture = AnglePicture()
        spin.valueChanged.connect(lambda value: picture.set_degrees(value if value >= 0 else None))
        spin.valueChanged.connect(self._update_save)
        box = QVBoxLayout()
        box.addWidget(caption)
        box.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(spin)
        return spin, picture, box

    @property
    def stopped(self) -> bool:
        """Whether the user reported nerve symptoms."""
        return self.pain_check.isChecked()

    def values(self) -> tuple[int, int] | None:
        """(left, right) degrees short of straight, or ``None`` when incomplete or stopped."""
        left, right = self.left_spin.value(), self.right_spin.value()
        if self.stopped or left < 0 or right < 0:
            return None
        return left, right

    def accept(self) -> None:
        """Close with a result only when there is one to record."""
        if self.values() is None:
            return
        super().accept()

    def _on_pain(self, checked: bool) -> None:
        if checked:
            # Stopping is final for this test: the box cannot be unticked.
            self.pain_check.setEnabled(False)
            self.left_spin.setEnabled(False)
            self.right_spin.setEnabled(False)
            self.stop_label.show()
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeStopped")
        self._update_save()

    def _update_save(self) -> None:
        if not self.stopped:
            self.save_button.setEnabled(self.values() is not None)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[int, int] | None:
        """Run the dialog; (left, right) to record, or ``None``."""
        dialog = cls(parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()


# ---------------------------------------------------------------------------
# The window


def _card(title: str, *widgets: QWidget) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    base = theme.base_pixel_size()
    layout.setContentsMargins(base, base, base, base)
    layout.setSpacing(round(base * 0.5))
    caption = QLabel(title)
    caption.setFont(theme.scaled_font(1.15, bold=True))
    layout.addWidget(caption)
    for widget in widgets:
        layout.addWidget(widget)
    return frame


def _note(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class HistoryWindow(QDialog):
    """The user's record, read from a :class:`HistoryStore`.

    A modeless dialog: screen readers meet a window with its title, and Esc
    or Ctrl+W close it like any dialog.

    Args:
        store: the open history.
        names: stretch id -> :class:`Stretch` (the catalog) for readable names.
        today: the local date (tests pin it).
        hold: ``(current hold, target hold)`` in seconds to show a gentle
            progression offer, or ``None`` for no offer.

    Signals:
        selfTestRecorded(object): a :class:`SelfTest` that was just saved.
        holdChangeAccepted(int): the user took the offered hold, in seconds;
            the caller changes the setting (this window never does).
    """

    selfTestRecorded = Signal(object)  # noqa: N815 - Qt signal naming
    holdChangeAccepted = Signal(int)  # noqa: N815

    def __init__(
        self,
        store: HistoryStore,
        names: Mapping[str, Stretch] | None = None,
        *,
        today: Callable[[], date] = date.today,
        hold: tuple[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.setWindowTitle("Your stretching record")
        self.store = store
        self.names = names or {}
        self.today = today
        self.hold = hold
        self.offer: HoldSuggestion | None = None
        base = theme.base_pixel_size()

        title = QLabel("Your stretching record")
        title.setFont(theme.scaled_font(1.7, bold=True))
        self.streak_value = QLabel()
        self.streak_value.setObjectName("streakValue")
        self.streak_value.setFont(theme.scaled_font(2.4, bold=True))
        self.best_value = QLabel()
        self.best_value.setObjectName("bestStreakValue")
        self.best_value.setFont(theme.scaled_font(2.4, bold=True))
        streaks = QHBoxLayout()
        streaks.setSpacing(base * 2)
        for caption, value in (
            ("Current streak", self.streak_value),
            ("Best streak", self.best_value),
        ):
            column = QVBoxLayout()
            column.setSpacing(0)
            label = QLabel(caption)
            label.setFont(theme.scaled_font(1.0))
            column.addWidget(label)
            column.addWidget(value)
            streaks.addLayout(column)
        expectation = _note(
            "Days in a row with at least one completed session. Flexibility builds over "
            "about 4–6 weeks of near-daily stretching and fades within weeks of stopping."
        )
        expectation.setMinimumWidth(base * 20)
        streaks.addWidget(expectation, 1)

        self.offer_label = _note(name="holdOffer")
        self.offer_button = QPushButton()
        self.offer_button.setObjectName("acceptHoldOffer")
        self.offer_button.clicked.connect(self._accept_offer)
        offer_row = QHBoxLayout()
        offer_row.addWidget(self.offer_label, 1)
        offer_row.addWidget(self.offer_button)
        self.offer_box = QFrame()
        self.offer_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.offer_box.setLayout(offer_row)

        self.week_chart = WeekBars()
        self.week_note = _note(name="weekNote")
        self.calendar = CalendarGrid()
        self.calendar_note = _note(name="calendarNote")
        self.balance_bar = BalanceBar()
        self.balance_note = _note(name="balanceNote")
        self.done_label = _note(name="mostDone")
        self.skipped_label = _note(name="mostSkipped")
        self.feeling_chart = FeelingChart()
        self.self_test_chart = SelfTestChart()
        self.self_test_note = _note(name="selfTestNote")
        self.new_test_button = QPushButton("New self-test…")
        self.new_test_button.setObjectName("newSelfTest")
        self.new_test_button.clicked.connect(self.new_self_test)
        self.status = _note(name="historyStatus")
        self.status.hide()

        test_row = QHBoxLayout()
        test_row.addWidget(self.self_test_note, 1)
        test_row.addWidget(self.new_test_button, 0, Qt.AlignmentFlag.AlignBottom)
        test_box = QWidget()
        test_box.setLayout(test_row)
        test_row.setContentsMargins(0, 0, 0, 0)

        grid = QGridLayout()
        grid.setSpacing(base)
        grid.addWidget(_card("This week (minutes)", self.week_chart, self.week_note), 0, 0)
        grid.addWidget(_card("Last 12 weeks", self.calendar, self.calendar_note), 0, 1)
        grid.addWidget(
            _card(
                f"Left and right, last {BALANCE_DAYS // 7} weeks",
                self.balance_bar,
                self.balance_note,
                self.done_label,
                self.skipped_label,
            ),
            1,
            0,
        )
        grid.addWidget(
            _card("Back feeling, last 12 weeks", self.feeling_chart, _note(FEELING_TEXT)), 1, 1
        )
        grid.addWidget(
            _card(
                "Self-test: 90/90 knee extension",
                _note(SELF_TEST_TEXT),
                self.self_test_chart,
                test_box,
            ),
            2,
            0,
            1,
            2,
        )
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        content = QWidget()
        content.setObjectName("historyContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(base * 2, base * 2, base * 2, base * 2)
        column.setSpacing(base)
        column.addWidget(title)
        column.addLayout(streaks)
        column.addWidget(self.offer_box)
        column.addWidget(self.status)
        column.addLayout(grid)
        column.addStretch(1)
        scroll = NamedScrollArea("Your stretching record", content)
        scroll.setObjectName("historyScroll")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        close = QShortcut(QKeySequence("Ctrl+W"), self)  # Esc: every dialog's own
        close.activated.connect(self.close)
        self.resize(base * 62, base * 60)
        fit_on_screen(self)
        self.refresh()

    # -- data ---------------------------------------------------------------

    def name(self, stretch_id: str) -> str:
        """A stretch's name for people (its id when unknown)."""
        stretch = self.names.get(stretch_id)
        return stretch.name if stretch is not None else stretch_id

    def refresh(self) -> None:
        """Query the store again and update every section."""
        today = self.today()
        store = self.store
        streak = store.streak(today)
        self.streak_value.setText(_days(streak.current))
        self.best_value.setText(_days(streak.best))

        week = store.week(today)
        self.week_chart.set_days(week, today)
        week_days = sum(1 for d in week if d.completed)
        self.week_note.setText(
            f"{sum(d.minutes for d in week):.0f} min on {week_days} "
            f"{'day' if week_days == 1 else 'days'} with a completed session. "
            "3 or more a week keeps what you have gained."
        )
        calendar = store.calendar(today)
        self.calendar.set_days(calendar, today)
        done = sum(1 for d in calendar if d.completed)
        self.calendar_note.setText(
            f"{done} of the last {sum(1 for d in calendar if d.day <= today)} days had a "
            "completed session. Darker squares: more minutes; grey: stopped early."
        )

        balance = store.balance(today - timedelta(days=BALANCE_DAYS - 1))
        self.balance_bar.set_balance(balance)
        if balance.left_share is None:
            self.balance_note.setText("No one-leg stretching in the last 4 weeks.")
        else:
            self.balance_note.setText(
                f"Left {_minutes(balance.left)} min · right {_minutes(balance.right)} min"
                + (
                    ". Even."
                    if abs(balance.left_share - 0.5) < 0.05
                    else ". The shorter side could use a little more time."
                )
            )
        since = today - timedelta(weeks=12)
        self.done_label.setText(self._counts("Done most", store.most_done(3, since), "nothing yet"))
        self.skipped_label.setText(
            self._counts("Skipped most", store.most_skipped(3, since), "none")
        )
        self.feeling_chart.set_feelings(store.feelings(since), since, today)

        tests = store.self_tests()
        self.self_test_chart.set_tests(tests, today)
        self.self_test_note.setText(_self_test_words(tests) + " " + EXPECTATION_TEXT)

        self.offer = None
        if self.hold is not None:
            current, target = self.hold
            self.offer = store.suggest_hold_change(current, target, today)
        self.offer_box.setVisible(self.offer is not None)
        if self.offer is not None:
            self.offer_label.setText(self.offer.reason + " Only if it feels right.")
            self.offer_button.setText(f"Use {self.offer.suggested} s holds")

    def _counts(self, title: str, counts: Sequence[StretchCount], empty: str) -> str:
        items = ", ".join(f"{html.escape(self.name(c.stretch))} ({c.sessions}×)" for c in counts)
        return f"<b>{title}</b> (12 weeks): {items or empty}"

    def new_self_test(self) -> None:
        """Ask for a self-test result and record it (nothing when stopped or cancelled)."""
        result = SelfTestDialog.ask(self)
        if result is None:
            return
        self.record_self_test(*result)

    def record_self_test(self, left: int, right: int) -> None:
        """Save a result dated today and show it."""
        test = SelfTest(self.today(), left, right)
        try:
            self.store.add_self_test(test.day, left, right)
        except sqlite3.Error as error:
            self._show_status(f"The self-test could not be saved ({error}).")
            return
        self.refresh()
        self.selfTestRecorded.emit(test)

    def _accept_offer(self) -> None:
        if self.offer is None:
            return
        seconds = self.offer.suggested
        try:
            self.store.note_hold_change(self.today(), seconds)
        except sqlite3.Error as error:
            self._show_status(f"Could not note the change ({error}).")
        self.hold = (seconds, self.hold[1]) if self.hold else None
        self.holdChangeAccepted.emit(seconds)
        self.refresh()

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()


def _weekly_means(feelings: Sequence[Feeling]) -> list[tuple[date, float]]:
    """One point per week (at its Thursday): the mean of the days rated."""
    weeks: dict[date, list[float]] = {}
    for feeling in feelings:
        monday = feeling.day - timedelta(days=feeling.day.weekday())
        weeks.setdefault(monday, []).append(feeling.value)
    return [(monday + timedelta(days=3), sum(v) / len(v)) for monday, v in sorted(weeks.items())]


def _days(count: int) -> str:
    return f"{count} {'day' if count == 1 else 'days'}"


def _self_test_words(tests: Sequence[SelfTest]) -> str:
    if not tests:
        return "No results yet."
    last = tests[-1]
    words = (
        f"Last test {last.day.strftime('%d %b %Y').lstrip('0')}: left "
        f"{last.left_degrees}°, right {last.right_degrees}° short of straight."
    )
    if len(tests) > 1:
        first = tests[0]
        change = (
            first.left_degrees + first.right_degrees - last.left_degrees - last.right_degrees
        ) / 2
        if change >= 1:
            words += f" About {change:.0f}° closer to straight than your first test."
    return words
