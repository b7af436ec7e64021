"""Keyboard-only use of the session: the focused button is the one that acts.

Space and Enter on a focused session button run that button's action, never
the window-wide shortcut on the same key; "That hurts" has a key of its own;
compact mode keeps "That hurts" and offers the rest in a menu.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

from hamstring_gui.core.plan import PhaseKind
from hamstring_gui.ui.dialogs.stop_confirm import StopConfirmDialog
from hamstring_gui.ui.screens.main_window import MainWindow
from hamstring_gui.ui.screens.safety import HurtChoice, HurtDialog
from tests.ui.screens.test_main_window import clock, make_window, second, store  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


@pytest.fixture
def window(qtbot, clock, store, tmp_path, monkeypatch) -> MainWindow:  # noqa: F811
    monkeypatch.setattr(StopConfirmDialog, "ask", classmethod(lambda cls, parent: False))
    monkeypatch.setattr(
        HurtDialog, "ask", classmethod(lambda cls, parent, name: HurtChoice.STAY_PAUSED)
    )
    return make_window(qtbot, clock, store, tmp_path)


def _record(window: MainWindow) -> list[QAction]:
    triggered: list[QAction] = []
    for action in window.session_actions:
        action.triggered.connect(lambda _checked=False, a=action: triggered.append(a))
    return triggered


def _to_a_hold(window: MainWindow, clock) -> None:  # noqa: F811
    while window.controller.phase.kind is not PhaseKind.HOLD:
        second(window, clock)


@pytest.mark.parametrize("key", KEYS, ids=["space", "return", "enter"])
@pytest.mark.parametrize(
    ("button_name", "action_name"),
    [
        ("back_button", "back_action"),
        ("pause_button", "pause_action"),
        ("skip_button", "skip_action"),
        ("stop_button", "stop_action"),
        ("hurt_button", "hurt_action"),
        ("less_button", "shorter_action"),
        ("more_button", "longer_action"),
    ],
)
def test_a_focused_session_button_does_its_own_job(
    window,
    clock,  # noqa: F811
    qtbot,
    key,
    button_name,
    action_name,
) -> None:
    window.start_routine("desk-break")
    _to_a_hold(window, clock)
    button = getattr(window.session_screen, button_name)
    button.setFocus()
    assert button.hasFocus()
    triggered = _record(window)
    QTest.keyClick(button, key)
    qtbot.waitUntil(lambda: bool(triggered))  # animateClick releases on the next turn
    assert triggered == [getattr(window, action_name)]


def test_space_pauses_when_no_button_has_the_focus(window, clock) -> None:  # noqa: F811
    window.start_routine("desk-break")
    window.session_screen.countdown.setFocus()
    QTest.keyClick(window.session_screen.countdown, Qt.Key.Key_Space)
    assert not window.controller.running


def test_that_hurts_has_a_key_shown_in_its_tooltip_and_menu(window, clock) -> None:  # noqa: F811
    window.start_routine("desk-break")
    assert window.hurt_action.shortcut().toString() == "H"
    assert "(H)" in window.session_screen.hurt_button.toolTip()
    QTest.keyClick(window, Qt.Key.Key_H)
    assert not window.controller.running  # "That hurts" stops the stretch at once
    assert window.controller.active


def test_compact_mode_keeps_that_hurts_and_offers_the_rest(window, clock) -> None:  # noqa: F811
    window.start_routine("desk-break")
    window.compact_action.setChecked(True)
    screen = window.session_screen
    assert screen.hurt_button.isVisible()
    assert screen.pause_button.isVisible()
    assert screen.menu_button.isVisible()
    offered = screen.menu_button.menu().actions()
    for action in (window.back_action, window.skip_action, window.stop_action, window.hurt_action):
        assert action in offered
        assert action in screen.actions()  # the context menu too
    assert screen.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    window.compact_action.setChecked(False)
    assert not screen.menu_button.isVisible()
    assert screen.back_button.isVisible()


def test_stop_dialog_keeps_going_on_enter(qtbot) -> None:
    dialog = StopConfirmDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.keep_button.isDefault()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == StopConfirmDialog.DialogCode.Rejected
    # Wide enough for its title, which a narrow message box had cut short.
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) * 2


def test_leaving_full_screen_gives_back_the_same_window(window, qtbot) -> None:
    window.start_routine("desk-break")
    window.resize(700, 560)  # inside the offscreen screen (800 wide)
    qtbot.waitUntil(lambda: window.width() == 700)
    before = window.geometry()
    window.focus_action.setChecked(True)
    window.focus_action.setChecked(False)
    assert window.geometry().size() == before.size()


def test_words_grow_with_the_window(window, qtbot) -> None:
    """A full-screen session reads from a metre away: steps, buttons, next up, not only the ring."""
    from PySide6.QtGui import QFontInfo

    window.start_routine("desk-break")
    screen = window.session_screen
    parts = {
        "next up": screen.next_up,
        "pause": screen.pause_button,
        "that hurts": screen.hurt_button,
        "cue": screen.cue,
        "step": screen.steps.row_label(0),
    }
    small = {name: QFontInfo(widget.font()).pixelSize() for name, widget in parts.items()}
    ring = screen.countdown.minimumSizeHint().width()
    screen.resize(1900, 1060)
    assert screen.zoom() > 1.4
    for name, widget in parts.items():
        assert QFontInfo(widget.font()).pixelSize() >= small[name] * 1.4, name
    assert screen.countdown.minimumSizeHint().width() > ring
    screen.resize(1000, 700)
    assert screen.zoom() == 1.0
    assert QFontInfo(screen.next_up.font()).pixelSize() == small["next up"]


@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")
@pytest.mark.parametrize("key", KEYS, ids=["space", "return", "enter"])
def test_the_compact_more_button_opens_its_menu_not_pause(window, qtbot, key) -> None:
    from PySide6.QtCore import QTimer

    window.start_routine("desk-break")
    window.compact_action.setChecked(True)
    button = window.session_screen.menu_button
    button.setFocus()
    menu = button.menu()
    shown: list[bool] = []

    def close_menu() -> None:
        shown.append(menu.isVisible())
        menu.close()

    QTimer.singleShot(200, close_menu)  # the menu runs its own loop until closed
    QTest.keyClick(button, key)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [True]
    assert window.controller.running  # Space did not pause the session
