from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.dialogs.stop_confirm import StopConfirmDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_keep_going_is_the_default_and_has_focus(qtbot: QtBot) -> None:
    dialog = StopConfirmDialog()
    qtbot.addWidget(dialog)
    assert dialog.keep_button.isDefault()
    assert not dialog.stop_button.isDefault()
    assert dialog.windowTitle() == "Stop the session?"


def test_ask_is_true_only_for_stop(qtbot: QtBot) -> None:
    def answer(stop: bool) -> None:
        dialog = next(w for w in _open_dialogs())
        (dialog.stop_button if stop else dialog.keep_button).click()

    QTimer.singleShot(0, lambda: answer(True))
    assert StopConfirmDialog.ask(None) is True
    QTimer.singleShot(0, lambda: answer(False))
    assert StopConfirmDialog.ask(None) is False


def _open_dialogs() -> list[StopConfirmDialog]:
    from PySide6.QtWidgets import QApplication

    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, StopConfirmDialog) and w.isVisible()
    ]
