"""Closing the main window: only the user's close may keep the app; hide or minimize."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.screens.closing import CloseKeeper

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Window(QWidget):
    """A window that asks a CloseKeeper, as the main window does."""

    def __init__(self, keep_running: bool | None) -> None:
        super().__init__()
        self.closer = CloseKeeper(
            self, None if keep_running is None else (lambda: bool(keep_running))
        )

    def closeEvent(self, event):  # type: ignore[no-untyped-def]  # noqa: N802, D102
        if not self.closer.keeps(event):
            super().closeEvent(event)


@pytest.mark.parametrize("tray", [True, False])
def test_the_users_close_keeps_the_app_hidden_or_minimized(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tray: bool
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: tray))
    window = Window(keep_running=True)
    qtbot.addWidget(window)
    window.show()
    window.closer.close_by_user()
    if tray:
        assert window.isHidden()
    else:
        assert window.isVisible() and window.isMinimized()


def test_the_application_quitting_closes_for_real(qtbot: QtBot) -> None:
    window = Window(keep_running=True)
    qtbot.addWidget(window)
    window.show()
    assert window.close()  # not spontaneous, not the user's: app.quit() does this
    assert window.isHidden() and not window.isMinimized()


@pytest.mark.parametrize("keep_running", [False, None])
def test_without_a_reason_to_keep_running_the_users_close_closes(
    qtbot: QtBot, keep_running: bool | None
) -> None:
    window = Window(keep_running=keep_running)
    qtbot.addWidget(window)
    window.show()
    window.closer.close_by_user()
    assert window.isHidden()
