"""What closing the main window means: quit, hide to the tray, or stay minimized.

The window asks the reminders (``keep_running``) only when the *user* closes
it, with the title bar or the end screen's Close: when the application
itself quits (``app.quit()``, the desktop session ending) every window
closes for real. Kept running, the window hides to the tray where there is
one, and is minimized where there is none, so it can still be found.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QSystemTrayIcon, QWidget


class CloseKeeper:
    """Answers a window's close events (see the module docstring).

    Args:
        window: the window whose closes are answered.
        keep_running: True keeps the app running (the reminders decide); None: never.
    """

    def __init__(self, window: QWidget, keep_running: Callable[[], bool] | None) -> None:
        self._window = window
        self._keep_running = keep_running
        self._user_closing = False

    def close_by_user(self) -> None:
        """Close the window as the user asked (the end screen's Close)."""
        self._user_closing = True
        try:
            self._window.close()
        finally:
            self._user_closing = False

    def keeps(self, event: QCloseEvent) -> bool:
        """Tell whether ``event`` was turned into hiding or minimizing (the app goes on)."""
        asked = event.spontaneous() or self._user_closing
        if not asked or self._keep_running is None or not self._keep_running():
            return False
        event.ignore()
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._window.hide()
        else:
            self._window.showMinimized()  # no tray to come back from
        return True
