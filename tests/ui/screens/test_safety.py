"""The safety screen: read in full by a screen reader, accepted with Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from hamstring_gui.ui.screens.safety import EMERGENCY, SafetyPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _names(panel: SafetyPanel) -> list[str]:
    names = []
    for label in panel.findChildren(QLabel):
        interface = QAccessible.queryAccessibleInterface(label)
        names.append(interface.text(QAccessible.Text.Name))
    return names


def test_every_red_flag_is_read_in_full(qtbot) -> None:
    panel = SafetyPanel(first_run=True)
    qtbot.addWidget(panel)
    names = _names(panel)
    heading, flags = EMERGENCY
    assert heading in names
    for flag in flags:
        assert any(flag in name for name in names), flag


def test_i_understand_has_the_focus_and_enter_presses_it(qtbot) -> None:
    panel = SafetyPanel(first_run=True)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    assert panel.button.text() == "I understand"
    qtbot.waitUntil(panel.button.hasFocus)
    with qtbot.waitSignal(panel.acknowledged, timeout=1000):
        QTest.keyClick(panel.button, Qt.Key.Key_Return)
    # Enter anywhere on the page accepts too (e.g. after scrolling the advice).
    scroll = panel.findChild(QLabel, "safetyIntro")
    with qtbot.waitSignal(panel.acknowledged, timeout=1000):
        QTest.keyClick(scroll, Qt.Key.Key_Enter)


def test_the_scroll_area_is_named(qtbot) -> None:
    panel = SafetyPanel(first_run=True)
    qtbot.addWidget(panel)
    from PySide6.QtWidgets import QScrollArea

    scroll = panel.findChild(QScrollArea, "safetyScroll")
    assert scroll.accessibleName() == "Safety advice"


def texts(panel: SafetyPanel) -> str:
    return " ".join(label.text() for label in panel.findChildren(QLabel))


def test_please_read_this_once_only_on_the_first_run(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = SafetyPanel(first_run=True)
    qtbot.addWidget(first)
    assert "Please read this once" in texts(first)
    from_help = SafetyPanel(first_run=False)
    qtbot.addWidget(from_help)
    assert "Please read this once" not in texts(from_help)
    assert "does not diagnose, treat or cure back pain" in texts(from_help)
