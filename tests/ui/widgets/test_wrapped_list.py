"""A wrapped list shows a long entry on more lines, with no sideways scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.widgets.wrapped_list import wrap_long_items

LONG = "Dehnung der hinteren Oberschenkelmuskulatur im Liegen mit einem Handtuch"


@pytest.mark.parametrize("wrapped", [True, False])
def test_a_long_entry_wraps_instead_of_scrolling(qtbot: QtBot, wrapped: bool) -> None:
    view = QListWidget()
    qtbot.addWidget(view)
    view.addItems([LONG, "Kurz"])
    view.setAccessibleName("Dehnungen")
    if wrapped:
        wrap_long_items(view)
    view.resize(160, 300)
    view.show()
    qtbot.waitExposed(view)
    line = view.fontMetrics().height()
    rect = view.visualItemRect(view.item(0))
    if wrapped:
        assert not view.horizontalScrollBar().isVisible()
        assert rect.width() <= view.viewport().width() and rect.height() >= 2 * line
        assert view.verticalScrollBar().accessibleName() == "Scroll “Dehnungen” up or down"
    else:  # what it fixes: one line, wider than the list
        assert view.horizontalScrollBar().isVisible() and rect.height() < 2 * line
