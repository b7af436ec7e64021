"""Flowing pages for the paper documents: headings, wrapped text, pictures, a header on each.

Works on any ``QPagedPaintDevice``: a ``QPdfWriter`` for the command line,
a ``QPrinter`` from the system print dialog. Layout is in points (1/72 in):
the painter is scaled to the device's resolution once, and fonts are sized
in those units, so the same code lays out the same pages on both.

Lifecycle::

    pages = Pages(device, header="Progress report · 1 Sep – 30 Nov 2026")
    pages.heading("..."); pages.text("..."); area = pages.reserve(200); paint into area
    pages.finish()            ends the painter; page_count is final
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from PySide6.QtCore import QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)

from hamstring_gui.core.i18n import _

POINTS_PER_INCH = 72
MARGIN_MM = 15
BODY_SIZE = 10.5
INK = QColor("#1d1f23")
MUTED = QColor("#50565e")  # 7.4:1 on white
RULE = QColor("#c9ced6")
HEADER_MIN_SIZE = 6.5

# Territories that use US Letter paper; everywhere else uses A4.
_LETTER = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
    QLocale.Country.PuertoRico,
    QLocale.Country.Guatemala,
    QLocale.Country.CostaRica,
}


def page_size_for(locale: QLocale) -> QPageSize:
    """A4, or US Letter where the locale's territory uses it."""
    letter = locale.territory() in _LETTER
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def page_layout_for(locale: QLocale) -> QPageLayout:
    """Portrait, the locale's paper, 15 mm margins."""
    return QPageLayout(
        page_size_for(locale),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def font(size: float = BODY_SIZE, *, bold: bool = False) -> QFont:
    """A sans-serif font ``size`` points high (in the scaled painter's units)."""
    chosen = QFont("DejaVu Sans")
    chosen.setStyleHint(QFont.StyleHint.SansSerif)
    chosen.setPixelSize(max(1, round(size)))
    chosen.setBold(bold)
    # No ligatures: "fl" must stay two letters for searching and copying the PDF text.
    chosen.setFeature(QFont.Tag("liga"), 0)
    return chosen


class Pages:
    """A painter on ``device`` that flows content down pages, a header line on each.

    Raises:
        OSError: the device cannot be painted on (e.g. the PDF file cannot be opened).
    """

    def __init__(self, device: QPagedPaintDevice, *, header: str) -> None:
        self.device = device
        self.header = header
        self.painter = QPainter()
        if not self.painter.begin(device):
            raise OSError("the document cannot be written")
        scale = device.logicalDpiX() / POINTS_PER_INCH
        self.painter.scale(scale, scale)
        paint = device.pageLayout().paintRectPixels(device.logicalDpiX())
        self.area = QRectF(0, 0, paint.width() / scale, paint.height() / scale)
        self.page_count = 1
        self.y = 0.0
        self._start_page()

    @property
    def width(self) -> float:
        """Width of the text column in points."""
        return self.area.width()

    @property
    def left(self) -> float:
        """Points left on this page."""
        return self.area.bottom() - self.y

    def _start_page(self) -> None:
        painter = self.painter
        painter.setPen(MUTED)
        line = QRectF(0, 0, self.width, 14)
        page = _("Page {number}").format(number=self.page_count)
        painter.setFont(font(8.5))
        painter.drawText(line, Qt.AlignmentFlag.AlignRight, page)
        room = self.width - QFontMetricsF(painter.font()).horizontalAdvance(page) - 12
        # A long header (Spanish dates are long) gets smaller before it touches the page number.
        size = 8.5
        while (
            size > HEADER_MIN_SIZE
            and QFontMetricsF(font(size)).horizontalAdvance(self.header) > room
        ):
            size -= 0.5
        painter.setFont(font(size))
        header = QFontMetricsF(painter.font()).elidedText(
            self.header, Qt.TextElideMode.ElideMiddle, room
        )
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft, header)
        painter.setPen(QPen(RULE, 0.7))
        painter.drawLine(0, 16, int(self.width), 16)
        self.y = 26.0

    def new_page(self) -> None:
        """Start a new page (with its header)."""
        self.device.newPage()
        self.page_count += 1
        self._start_page()

    def need(self, height: float) -> None:
        """A new page unless ``height`` points still fit on this one."""
        if height > self.left and self.y > 30:
            self.new_page()

    def measure(self, text: str, size: float = BODY_SIZE, *, bold: bool = False) -> float:
        """Height of ``text`` wrapped to the column."""
        self.painter.setFont(font(size, bold=bold))
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.painter.boundingRect(QRectF(0, 0, self.width, 10_000), flags, text).height()

    def text(
        self,
        text: str,
        size: float = BODY_SIZE,
        *,
        bold: bool = False,
        colour: QColor = INK,
        indent: float = 0.0,
        after: float = 4.0,
    ) -> None:
        """A wrapped paragraph (a new page first when it does not fit)."""
        painter = self.painter
        painter.setFont(font(size, bold=bold))
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QRectF(indent, 0, self.width - indent, 10_000)
        height = painter.boundingRect(box, flags, text).height()
        self.need(height)
        painter.setPen(colour)
        painter.drawText(QRectF(indent, self.y, self.width - indent, height + 2), flags, text)
        self.y += height + after

    def heading(self, text: str, size: float = 15.0, *, keep: float = 60.0) -> None:
        """A bold heading kept with at least ``keep`` points of what follows."""
        self.need(self.measure(text, size, bold=True) + keep)
        self.y += 4
        self.text(text, size, bold=True, after=6)

    def bullets(
        self, lines: Sequence[str], size: float = BODY_SIZE, *, numbered: bool = False
    ) -> None:
        """A list, one bullet (or number) per line; wrapped lines hang under the text."""
        indent = 20 if numbered else 16
        for number, line in enumerate(lines, start=1):
            self.need(self.measure(line, size) + 2)
            painter = self.painter
            painter.setFont(font(size))
            painter.setPen(INK)
            marker = f"{number}." if numbered else "•"
            painter.drawText(QRectF(4, self.y, indent - 4, size * 1.5), 0, marker)
            self.text(line, size, indent=indent, after=2)
        self.y += 3

    def rule(self) -> None:
        """A thin line across the column."""
        self.need(10)
        self.painter.setPen(QPen(RULE, 0.7))
        self.painter.drawLine(0, int(self.y + 4), int(self.width), int(self.y + 4))
        self.y += 10

    @contextlib.contextmanager
    def drawing(self) -> Iterator[QPainter]:
        """The painter for shapes, its state saved and restored around them.

        Qt's PDF engine (6.12) misplaces the next text after a shape drawn
        with ``NoPen`` unless the painter state is restored: a heading after
        a chart came out garbled. Every picture and chart paints in here.
        """
        self.painter.save()
        try:
            yield self.painter
        finally:
            self.painter.restore()

    def reserve(self, height: float) -> QRectF:
        """A ``height``-point-high box across the column to paint into (kept on one page)."""
        self.need(height)
        box = QRectF(0, self.y, self.width, height)
        self.y += height
        return box

    def finish(self) -> None:
        """End the painter: the document is complete.

        Raises:
            OSError: the device could not finish it (a full disk, say).
        """
        if not self.painter.end():
            raise OSError("the document could not be finished")
