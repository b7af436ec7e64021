"""Start-up order: what can wait runs once, right after the first frame."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hamstring_gui.ui import startup
from hamstring_gui.ui.startup import after_first_paint


def test_runs_once_after_the_first_paint(qtbot: QtBot) -> None:
    label = QLabel("first frame")
    qtbot.addWidget(label)
    calls: list[str] = []
    after_first_paint(label, lambda: calls.append("wired"))
    assert calls == []  # nothing before the window is on screen
    label.show()
    qtbot.waitUntil(lambda: calls == ["wired"], timeout=1000)
    label.repaint()
    label.update()
    qtbot.wait(50)  # a later paint must not run it again (no logic waits on this)
    assert calls == ["wired"]


def test_runs_even_if_no_paint_ever_comes(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup, "FALLBACK_MS", 10)
    hidden = QLabel()
    qtbot.addWidget(hidden)
    calls: list[int] = []
    after_first_paint(hidden, lambda: calls.append(1))
    qtbot.waitUntil(lambda: calls == [1], timeout=1000)
