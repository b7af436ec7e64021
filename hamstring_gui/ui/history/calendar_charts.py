"""Charts of days: this week's bars, the 12-week calendar and the left/right balance."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)

from hamstring_gui.core.history import (
    Balance,
    DayTotal,
)
from hamstring_gui.core.i18n import N_, _, ngettext
from hamstring_gui.ui.history.chart_style import chart_colours, minutes_text, small_font
from hamstring_gui.ui.style import theme

WEEKDAY_LETTERS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


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
                _("{weekday} {minutes} min").format(
                    weekday=_(WEEKDAY_LETTERS[d.day.weekday()]), minutes=minutes_text(d.seconds)
                )
                for d in self.days
            )
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Bars with minutes above and weekday names below."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = chart_colours(self)
        font = small_font(self)
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
                painter.drawText(
                    label_rect, Qt.AlignmentFlag.AlignCenter, minutes_text(day.seconds)
                )
            is_today = day.day == self.today
            font.setBold(is_today)
            painter.setFont(font)
            painter.setPen(colours["text"] if is_today else colours["muted"])
            painter.drawText(
                QRectF(x, area.bottom() + 4, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                _(WEEKDAY_LETTERS[day.day.weekday()]),
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
        self.setFont(small_font(self, 0.85))
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
        self.setAccessibleDescription(
            ngettext(
                "{days} day with a completed session in {weeks} weeks",
                "{days} days with a completed session in {weeks} weeks",
                done,
            ).format(days=done, weeks=self.weeks)
        )
        self.update()

    def cell_rect(self, index: int) -> QRectF:
        """Where day ``index`` (of :attr:`days`) is drawn."""
        geometry = self._geometry()
        left, top, cell, gap = geometry
        week, weekday = divmod(index, 7)
        return QRectF(left + week * (cell + gap), top + weekday * (cell + gap), cell, cell)

    def _geometry(self) -> tuple[float, float, float, float]:
        metrics = self.fontMetrics()
        label_width = metrics.horizontalAdvance(_("Wed")) + 8
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
        colours = chart_colours(self)
        painter.setFont(self.font())
        left, top, cell, gap = self._geometry()
        metrics = painter.fontMetrics()
        painter.setPen(colours["muted"])
        for weekday in (0, 2, 4, 6):
            painter.drawText(
                QRectF(0, top + weekday * (cell + gap), left - 6, cell),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                _(WEEKDAY_LETTERS[weekday]),
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
                painter.drawText(
                    QPointF(x, metrics.ascent()),
                    QLocale().monthName(first.month, QLocale.FormatType.ShortFormat),
                )
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
        colours = chart_colours(self)
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
            painter.setFont(small_font(self, 0.85))
            inside = rect.adjusted(rect.height() / 2, 0, -rect.height() / 2, 0)
            if share > 0.15:
                painter.setPen(theme.text_on(colours["left"]))
                painter.drawText(
                    inside, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, _("Left")
                )
            if share < 0.85:
                painter.setPen(theme.text_on(colours["right"]))
                painter.drawText(
                    inside, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _("Right")
                )
            painter.setPen(QPen(colours["text"], 1, Qt.PenStyle.DashLine))
            middle = rect.center().x()
            painter.drawLine(QPointF(middle, rect.top() - 3), QPointF(middle, rect.bottom() + 3))
        painter.end()
