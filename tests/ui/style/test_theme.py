"""The one dark check and the phase tints it picks."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui.core.plan import PhaseKind
from hamstring_gui.ui.style.theme import fallback_palette, is_dark, phase_colour, text_on


def test_is_dark_reads_a_palette_a_widget_or_the_app(qtbot: QtBot) -> None:
    assert is_dark(fallback_palette(True)) and not is_dark(fallback_palette(False))
    light, dark = QWidget(), QWidget()
    qtbot.addWidget(light)
    qtbot.addWidget(dark)
    light.setPalette(fallback_palette(False))
    dark.setPalette(fallback_palette(True))
    assert is_dark(dark) and not is_dark(light)
    for kind in PhaseKind:
        assert phase_colour(kind, dark) != phase_colour(kind, light)
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.palette()
    try:
        app.setPalette(fallback_palette(True))
        assert is_dark()
        app.setPalette(fallback_palette(False))
        assert not is_dark()
    finally:
        app.setPalette(before)


def test_text_on_picks_the_readable_one() -> None:
    assert text_on(QColor("#ffffff")) == QColor("#101418")
    assert text_on(QColor("#000000")) == QColor("#ffffff")
