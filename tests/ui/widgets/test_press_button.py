from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.widgets.press_button import MenuButton, PressButton

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def host(qtbot: QtBot) -> tuple[QWidget, PressButton, list[str]]:
    """A window with a Space/Enter shortcut of its own and a button."""
    window = QWidget()
    qtbot.addWidget(window)
    fired: list[str] = []
    for key in ("Space", "Return"):
        action = QAction(window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False, k=key: fired.append(f"shortcut {k}"))
        window.addAction(action)
    button = PressButton("Press me")
    button.clicked.connect(lambda: fired.append("button"))
    QVBoxLayout(window).addWidget(button)
    window.show()
    qtbot.waitExposed(window)

    return window, button, fired


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_the_focused_button_takes_the_key(host, qtbot: QtBot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    _window, button, fired = host
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, key)
    qtbot.waitUntil(lambda: fired == ["button"])


def test_without_focus_the_window_shortcut_acts(host, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window, button, fired = host
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert fired == ["shortcut Space"]


def test_a_press_button_is_never_an_auto_default(qtbot: QtBot) -> None:
    button = PressButton("x")
    qtbot.addWidget(button)
    assert not button.autoDefault()


def test_menu_button_opens_its_menu_on_enter(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    button = MenuButton()
    qtbot.addWidget(button)
    button.setMenu(QMenu(button))
    shown: list[bool] = []
    monkeypatch.setattr(button, "showMenu", lambda: shown.append(True))
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert shown == [True]
