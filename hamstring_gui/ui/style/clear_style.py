"""The app's style: the platform's own, with focus and check boxes that can be seen.

Two things the stock styles leave too faint, in the dark palette above all:

* the keyboard focus: Fusion marks a focused push button with the same
  outline as the default button, so "Start" looked alike focused or not;
* the outline of check boxes and radio buttons: in a dark palette it is
  darker than the window itself (about 1.2:1, "nearly invisible").

This proxy draws a 2 px ring in the highlight colour around the focused
control and a clear outline around every check box and radio button, both
above WCAG's 3:1 for controls (``tests/ui/style/test_contrast.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

FOCUS_RING_PX = 2.0
# How much of the text colour an indicator's outline takes (the rest is the window's).
OUTLINE_INK = 0.6

_PE = QStyle.PrimitiveElement
_CE = QStyle.ControlElement
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus


def outline_colour(palette: QPalette) -> QColor:
    """The outline of check boxes and radio buttons: text blended into the window."""
    ink = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return QColor(
        round(ink.red() * OUTLINE_INK + window.red() * (1 - OUTLINE_INK)),
        round(ink.green() * OUTLINE_INK + window.green() * (1 - OUTLINE_INK)),
        round(ink.blue() * OUTLINE_INK + window.blue() * (1 - OUTLINE_INK)),
    )


def focus_colour(palette: QPalette) -> QColor:
    """The focus ring's colour: the palette's highlight."""
    return palette.color(QPalette.ColorRole.Highlight)


_INDICATORS = frozenset(
    {
        QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    }
)


class ClearStyle(QProxyStyle):
    """The base style with a visible focus ring and outlined check boxes and radio buttons.

    Check boxes and radio buttons also grow with their text: a fixed 13 px box
    beside 200 % text is hard to see and to hit.
    """

    def pixelMetric(  # noqa: N802 - Qt override
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        """Indicators as tall as most of a line of their text, never smaller than the base's."""
        size = super().pixelMetric(metric, option, widget)
        if metric in _INDICATORS:
            font = widget.font() if widget is not None else None
            if font is not None:
                size = max(size, round(QFontMetrics(font).height() * 0.8))
        return size

    def drawPrimitive(  # noqa: N802 - Qt override
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """The base drawing, then an outline or a focus ring where one is needed."""
        super().drawPrimitive(element, option, painter, widget)
        if element == _PE.PE_IndicatorCheckBox or element == _PE.PE_IndicatorRadioButton:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(outline_colour(option.palette), 1.2))
            painter.setBrush(QBrush())
            box = QRectF(option.rect).adjusted(0.6, 0.6, -0.6, -0.6)
            if element == _PE.PE_IndicatorRadioButton:
                painter.drawEllipse(box)
            else:
                painter.drawRoundedRect(box, 2, 2)
            painter.restore()
        elif element == _PE.PE_FrameFocusRect:
            _ring(painter, option, inset=0.0)

    def drawControl(  # noqa: N802 - Qt override
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Push buttons get the focus ring on top of their bevel."""
        super().drawControl(element, option, painter, widget)
        if element == _CE.CE_PushButtonBevel and option.state & _HAS_FOCUS:
            _ring(painter, option, inset=FOCUS_RING_PX / 2 + 1)


def _ring(painter: QPainter, option: QStyleOption, *, inset: float) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(focus_colour(option.palette), FOCUS_RING_PX))
    painter.setBrush(QBrush())
    rect = QRectF(option.rect).adjusted(inset, inset, -inset, -inset)
    painter.drawRoundedRect(rect, 3, 3)
    painter.restore()


def install(app: object) -> None:
    """Make :class:`ClearStyle` the application's style (wrapping the platform's)."""
    from PySide6.QtWidgets import QApplication

    if isinstance(app, QApplication) and not isinstance(app.style(), ClearStyle):
        app.setStyle(ClearStyle())
