"""The progress report to take to an appointment, painted from a :class:`HistoryReport`.

Days stretched per week, minutes, left/right balance, stretches done and
skipped, every "that hurts" with its stretch and date, back feeling over
time and the 90/90 self-test chart with the typical range. Every page
names the period and the date printed. The numbers are the report's, so
the paper, the window and ``history --json`` agree.

Lifecycle: :func:`paint_progress` onto any paged device.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter, QPen

from hamstring_gui.core.catalog import Stretch
from hamstring_gui.core.history import MAX_DEGREES, TYPICAL_DEGREES
from hamstring_gui.core.history.period import HistoryReport, StretchCount
from hamstring_gui.core.i18n import N_, _, format_date, format_day_month, format_long_date, ngettext
from hamstring_gui.core.plan import Side
from hamstring_gui.core.words import side_words
from hamstring_gui.ui.paper.pages import INK, MUTED, RULE, Pages, font
from hamstring_gui.ui.style.legs import leg_colour

BAR = QColor("#2f7d5b")  # days stretched (5.2:1 on white)
FEELING = QColor("#7a5c00")
BAND = QColor("#2f7d5b")
BAND.setAlphaF(0.12)
CHART_HEIGHT = 150.0

NOT_TREATMENT = N_(
    "Stretching is one part of staying active; it does not diagnose, treat or cure back pain. "
    "These numbers are what the person recorded in Hamstring Coach."
)


def period_words(report: HistoryReport) -> str:
    """``1 September 2026 – 30 November 2026``."""
    return f"{format_long_date(report.first)} – {format_long_date(report.today)}"


def _times_in_sessions(counts: Sequence[StretchCount], name: Callable[[str], str]) -> str:
    """``Towel stretch in 3 sessions; Chair stretch in 1 session``."""
    return "; ".join(
        ngettext(
            "{stretch} in {count} session", "{stretch} in {count} sessions", c.sessions
        ).format(stretch=name(c.stretch), count=c.sessions)
        for c in counts
    )


def _hurt_line(day: date, stretch: str, side: str | None) -> str:
    """``3 March 2026: Towel stretch, left leg``."""
    said = {"date": format_long_date(day), "stretch": stretch}
    if side in ("left", "right"):
        return _("{date}: {stretch}, {leg}").format(leg=side_words(Side(side)), **said)
    return _("{date}: {stretch}").format(**said)


def paint_progress(
    device: QPagedPaintDevice, report: HistoryReport, names: Mapping[str, Stretch]
) -> int:
    """Lay the progress report out on ``device``; returns the number of pages."""

    def name(stretch_id: str) -> str:
        stretch = names.get(stretch_id)
        return stretch.name if stretch is not None else stretch_id

    header = _("Stretching progress report · {period} · printed {date}")
    pages = Pages(
        device,
        header=header.format(period=period_words(report), date=format_long_date(report.today)),
    )
    weeks = report.weeks()
    pages.heading(_("Stretching progress report"), 20)
    period = ngettext(
        "Period: {period} ({count} week)", "Period: {period} ({count} weeks)", len(weeks)
    )
    pages.text(period.format(period=period_words(report), count=len(weeks)), 11, bold=True)
    pages.text(_(NOT_TREATMENT), colour=MUTED)
    sessions = len(report.sessions)
    completed = sum(1 for s in report.sessions if s.record["completed"])
    pages.bullets(
        [
            _("Days with a completed session: {days} of {total}").format(
                days=report.days_stretched, total=report.days_so_far
            ),
            _("Sessions: {count} ({completed} completed, {stopped} stopped early)").format(
                count=sessions, completed=completed, stopped=sessions - completed
            ),
            _("Time stretching: {minutes} min in all, {weekly} min a week on average").format(
                minutes=f"{report.seconds / 60:.0f}",
                weekly=f"{report.seconds / 60 / max(1, len(weeks)):.0f}",
            ),
            _("Longest run of days in a row (all time): {days}").format(days=report.streak.best),
        ],
        11,
    )

    pages.heading(_("Days stretched per week"))
    _week_chart(pages, report)
    _week_table(pages, report)

    pages.heading(_("Left and right"))
    balance = report.balance()
    share = balance.left_share
    if share is None:
        pages.text(_("No one-leg stretching in this period."))
    else:
        both = _("Left leg {left} min ({left_share}%) · right leg {right} min ({right_share}%).")
        pages.text(
            both.format(
                left=f"{balance.left / 60:.0f}",
                left_share=round(share * 100),
                right=f"{balance.right / 60:.0f}",
                right_share=round((1 - share) * 100),
            )
        )
        _balance_bar(pages, share)

    pages.heading(_("Stretches done and skipped"))
    none = _("none")
    done, skipped = _times_in_sessions(report.done, name), _times_in_sessions(report.skipped, name)
    pages.text(_("Done: {stretches}").format(stretches=done or none))
    pages.text(_("Skipped: {stretches}").format(stretches=skipped or none))

    pages.heading(_("“That hurts” pressed"))
    if report.hurts:
        pages.bullets([_hurt_line(h.day, name(h.stretch), h.side) for h in report.hurts])
    else:
        pages.text(_("Never in this period."))

    pages.heading(_("Back feeling after sessions"), keep=CHART_HEIGHT + 30)
    pages.text(_("0 = fine, 10 = very sore; the mean of each day rated."), colour=MUTED)
    if report.feelings:
        _feeling_chart(pages, report)
    else:
        pages.text(_("No ratings in this period."))

    pages.heading(_("Self-test: 90/90 active knee extension"), keep=CHART_HEIGHT + 40)
    about = _(
        "Degrees short of a straight knee, thigh held upright (lower is more flexible). "
        "The shaded band is the typical range, within about {degrees}° of straight. "
        "All results to date."
    )
    pages.text(about.format(degrees=TYPICAL_DEGREES), colour=MUTED)
    if report.self_tests:
        _self_test_chart(pages, report)
        last = report.self_tests[-1]
        pages.text(
            _("Last test {date}: left {left}°, right {right}° short of straight.").format(
                date=format_long_date(last.day), left=last.left_degrees, right=last.right_degrees
            )
        )
    else:
        pages.text(_("No self-tests recorded."))
    pages.finish()
    return pages.page_count


# -- pieces -------------------------------------------------------------------


def _week_chart(pages: Pages, report: HistoryReport) -> None:
    weeks = report.weeks()
    box = pages.reserve(CHART_HEIGHT * 0.8)
    painter = pages.painter
    area = _axes(pages, box, (0, 7), (0, 7, 1), "days")
    slot = area.width() / max(1, len(weeks))
    with pages.drawing():
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for number, week in enumerate(weeks):
            height = area.height() * week.days_stretched / 7
            left = area.left() + number * slot + slot * 0.15
            painter.drawRect(QRectF(left, area.bottom() - height, slot * 0.7, height))
    painter.setPen(MUTED)
    painter.setFont(font(7.5))
    step = max(1, len(weeks) // 8)
    for number in range(0, len(weeks), step):
        label = format_day_month(weeks[number].monday)
        painter.drawText(
            QRectF(area.left() + number * slot - 20, area.bottom() + 2, slot + 40, 12),
            Qt.AlignmentFlag.AlignHCenter,
            label,
        )
    pages.y += 14


def _week_table(pages: Pages, report: HistoryReport) -> None:
    columns = (_("Week of"), _("Days stretched"), _("Sessions"), _("Minutes"))
    widths = (0.3, 0.32, 0.18, 0.2)  # room for "Días con estiramientos" beside long dates
    rows = [
        (
            format_long_date(w.monday),
            _("{days} of 7").format(days=w.days_stretched),
            str(w.sessions),
            f"{w.minutes:.0f}",
        )
        for w in report.weeks()
    ]
    for index, row in enumerate([columns, *rows]):
        pages.need(15)
        painter = pages.painter
        painter.setFont(font(9, bold=index == 0))
        painter.setPen(INK)
        x = 0.0
        for text, share in zip(row, widths, strict=True):
            painter.drawText(QRectF(x, pages.y, pages.width * share, 14), 0, text)
            x += pages.width * share
        pages.y += 14
        if index == 0:
            painter.setPen(QPen(RULE, 0.7))
            painter.drawLine(QPointF(0, pages.y), QPointF(pages.width, pages.y))
            pages.y += 2
    pages.y += 6


def _balance_bar(pages: Pages, share: float) -> None:
    box = pages.reserve(22)
    painter = pages.painter
    bar = QRectF(box.left(), box.top() + 2, box.width(), 16)
    split = bar.left() + bar.width() * share
    painter.fillRect(
        QRectF(bar.left(), bar.top(), split - bar.left(), bar.height()), leg_colour("left")
    )
    painter.fillRect(
        QRectF(split, bar.top(), bar.right() - split, bar.height()), leg_colour("right")
    )
    painter.setFont(font(8.5, bold=True))
    painter.setPen(QColor("white"))
    inside = bar.adjusted(6, 0, -6, 0)
    painter.drawText(inside, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, _("Left"))
    painter.drawText(
        inside, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, _("Right")
    )
    painter.setPen(QPen(INK, 0.8, Qt.PenStyle.DashLine))
    painter.drawLine(
        QPointF(bar.center().x(), bar.top() - 2), QPointF(bar.center().x(), bar.bottom() + 2)
    )
    pages.y += 6


def _axes(
    pages: Pages,
    box: QRectF,
    y_range: tuple[float, float],
    ticks: tuple[int, int, int],
    unit: str,
    *,
    inverted: bool = False,
) -> QRectF:
    """Grid lines and y labels in ``box``; returns the plot area."""
    painter = pages.painter
    area = box.adjusted(34, 6, -8, -16)
    low, high = y_range
    painter.setFont(font(7.5))
    first, last, step = ticks
    for value in range(first, last + 1, step):
        fraction = (value - low) / (high - low)
        y = area.top() + area.height() * (fraction if inverted else 1 - fraction)
        painter.setPen(QPen(RULE, 0.5))
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(box.left(), y - 6, 30, 12),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{value}{unit if unit == '°' else ''}",
        )
    return area


def _date_axis(pages: Pages, area: QRectF, first: date, last: date) -> Callable[[date], float]:
    """X for a date (first and last a few days inside the edges); labels below."""
    span = max(1, (last - first).days)
    inner = area.adjusted(8, 0, -8, 0)

    def x(day: date) -> float:
        return inner.left() + inner.width() * (day - first).days / span

    painter = pages.painter
    painter.setPen(MUTED)
    painter.setFont(font(7.5))
    top = area.bottom() + 2
    labels = (
        (QRectF(area.left(), top, 90, 12), Qt.AlignmentFlag.AlignLeft, first),
        (
            QRectF(area.center().x() - 45, top, 90, 12),
            Qt.AlignmentFlag.AlignHCenter,
            first + (last - first) / 2,
        ),
        (QRectF(area.right() - 90, top, 90, 12), Qt.AlignmentFlag.AlignRight, last),
    )
    for rect, align, day in labels:
        painter.drawText(rect, align, format_date(day))
    return x


def _feeling_chart(pages: Pages, report: HistoryReport) -> None:
    box = pages.reserve(CHART_HEIGHT)
    area = _axes(pages, box, (0, 10), (0, 10, 2), "")
    x = _date_axis(pages, area, report.first, report.today)
    points = [
        QPointF(x(f.day), area.bottom() - area.height() * f.value / 10) for f in report.feelings
    ]
    _series(pages.painter, points, FEELING, square=False, dashed=False)
    pages.y += 14


def _self_test_chart(pages: Pages, report: HistoryReport) -> None:
    tests = report.self_tests
    worst = max(max(t.left_degrees, t.right_degrees) for t in tests)
    top = 60 if worst <= 55 else MAX_DEGREES
    box = pages.reserve(CHART_HEIGHT)
    area = _axes(pages, box, (0, top), (0, top, 20 if top == 60 else 30), "°", inverted=True)
    painter = pages.painter
    band = QRectF(area.left(), area.top(), area.width(), area.height() * TYPICAL_DEGREES / top)
    painter.fillRect(band, BAND)
    painter.setPen(BAR)
    painter.setFont(font(7.5))
    painter.drawText(band.adjusted(4, 2, -4, -2), 0, _("typical range"))
    first = min(tests[0].day, report.today - timedelta(days=28))
    x = _date_axis(pages, area, first, report.today)
    for side, square, dashed in (("left", False, False), ("right", True, True)):
        points = [
            QPointF(x(t.day), area.top() + area.height() * getattr(t, f"{side}_degrees") / top)
            for t in tests
        ]
        _series(painter, points, leg_colour(side), square=square, dashed=dashed)
    pages.y += 14
    _legend(pages)


def _legend(pages: Pages) -> None:
    """The two legs, below the chart (never over the points)."""
    box = pages.reserve(14)
    painter = pages.painter
    painter.setFont(font(8.5))
    x = box.left() + 34
    for side, square, dashed in (("left", False, False), ("right", True, True)):
        y = box.center().y()
        _series(
            painter,
            [QPointF(x, y), QPointF(x + 22, y)],
            leg_colour(side),
            square=square,
            dashed=dashed,
        )
        painter.setPen(INK)
        painter.drawText(
            QPointF(x + 28, y + 3), _("Left leg") if side == "left" else _("Right leg")
        )
        x += 100
    pages.y += 4


def _series(
    painter: QPainter,
    points: Sequence[QPointF],
    colour: QColor,
    *,
    square: bool,
    dashed: bool,
) -> None:
    painter.save()  # see Pages.drawing: the PDF engine needs the state back after NoPen
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    painter.setPen(QPen(colour, 1.4, style))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for start, end in zip(points, points[1:], strict=False):
        painter.drawLine(start, end)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    for point in points:
        if square:
            painter.drawRect(QRectF(point.x() - 2.6, point.y() - 2.6, 5.2, 5.2))
        else:
            painter.drawEllipse(point, 2.8, 2.8)
    painter.restore()
