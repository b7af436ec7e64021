from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.widgets.scroll_area import NamedScrollArea


def test_area_and_its_scroll_bars_are_named(qtbot: QtBot) -> None:
    content = QLabel("Many words")
    area = NamedScrollArea("Safety advice", content)
    qtbot.addWidget(area)
    assert area.accessibleName() == "Safety advice"
    assert "safety advice" in area.verticalScrollBar().accessibleName().lower()
    assert "safety advice" in area.horizontalScrollBar().accessibleName().lower()
    assert area.widget() is content
    assert area.widgetResizable()
