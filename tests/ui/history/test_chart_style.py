"""What the history charts share: light and dark colours, small fonts, minutes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.history.chart_style import chart_colours, minutes_text, small_font
from hamstring_gui.ui.style import theme


def test_minutes_text_rounds_and_marks_moments() -> None:
    assert [minutes_text(s) for s in (0, 20, 60, 150)] == ["0", "<1", "1", "2"]


def test_colours_follow_the_palette_and_fonts_stay_readable(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    for dark in (False, True):
        widget.setPalette(theme.fallback_palette(dark))
        colours = chart_colours(widget)
        assert colours["text"] == widget.palette().windowText().color()
        assert colours["left"] != colours["right"]
    assert small_font(widget, 0.1).pixelSize() == 10
