from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.window_fit import FRAME_ALLOWANCE, fit_on_screen


def test_a_large_window_shrinks_into_a_small_screen(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setMinimumSize(300, 200)
    window.resize(1000, 700)
    window.move(500, 400)
    screen = QRect(0, 0, 800, 600)
    fit_on_screen(window, screen)
    assert window.width() == 800 - FRAME_ALLOWANCE
    assert window.height() == 600 - FRAME_ALLOWANCE
    assert screen.contains(window.geometry())


def test_never_below_its_minimum(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setMinimumSize(700, 500)
    window.resize(900, 900)
    fit_on_screen(window, QRect(0, 0, 640, 480))
    assert (window.width(), window.height()) == (700, 500)


def test_a_window_that_fits_stays_where_it_is(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(400, 300)
    window.move(100, 80)
    before = window.geometry()
    fit_on_screen(window, QRect(0, 0, 1280, 800))
    assert window.geometry() == before
