from __future__ import annotations

from pytestqt.qtbot import QtBot

from hamstring_gui.ui.widgets.progress_line import ProgressLine


def test_reads_as_a_progress_bar_with_its_value(qtbot: QtBot) -> None:
    line = ProgressLine()
    qtbot.addWidget(line)
    line.set_fraction(0.25)
    assert line.value() == 25
    assert line.text() == "25 % done"
    assert line.fraction() == 0.25


def test_fraction_is_clamped(qtbot: QtBot) -> None:
    line = ProgressLine()
    qtbot.addWidget(line)
    line.set_fraction(1.7)
    assert line.fraction() == 1.0 and line.value() == 100
    line.set_fraction(-0.5)
    assert line.fraction() == 0.0 and line.value() == 0


def test_paints_without_error(qtbot: QtBot) -> None:
    line = ProgressLine()
    qtbot.addWidget(line)
    line.resize(200, 6)
    line.set_fraction(0.5)
    image = line.grab().toImage()
    assert image.width() == 200
