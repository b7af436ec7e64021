from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.widgets import phase_banner
from hamstring_gui.ui.widgets.phase_banner import PhaseBanner


def test_a_shown_banner_tells_at_once(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(phase_banner, "_tell_screen_readers", lambda _w, text: told.append(text))
    banner = PhaseBanner()
    qtbot.addWidget(banner)
    banner.show()
    qtbot.waitExposed(banner)
    banner.announce("Hold, left leg")
    assert told == ["Hold, left leg"]


def test_a_hidden_banner_tells_only_its_latest_when_shown(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(phase_banner, "_tell_screen_readers", lambda _w, text: told.append(text))
    banner = PhaseBanner()
    qtbot.addWidget(banner)
    banner.announce("Get ready")
    banner.announce("Hold, left leg")
    assert told == []
    banner.show()
    qtbot.waitExposed(banner)
    assert told == ["Hold, left leg"]


def test_colours_are_kept_and_painted(qtbot: QtBot) -> None:
    banner = PhaseBanner()
    qtbot.addWidget(banner)
    assert not banner.fill_colour().isValid()
    banner.set_colours(QColor("#2f75c7"), QColor("white"))
    banner.setText("Rest")
    banner.resize(120, 30)
    assert banner.fill_colour() == QColor("#2f75c7")
    image = banner.grab().toImage()
    assert image.pixelColor(60, 2) == QColor("#2f75c7")
