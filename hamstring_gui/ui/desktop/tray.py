"""The tray icon: when the next break is, and a menu to start, snooze or pause.

Lifecycle: ``app.py`` builds one :class:`Tray` when
``QSystemTrayIcon.isSystemTrayAvailable()`` (``isVisible()`` is True even
without a tray host), connects its request signals, and calls
:meth:`Tray.set_status` on every ``ReminderService.stateChanged``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from hamstring_gui.core.i18n import _, format_time, ngettext
from hamstring_gui.core.reminders import SNOOZE_CHOICES
from hamstring_gui.core.safe_file import private_folder
from hamstring_gui.ui.style.icon import themed_app_icon

KEEP_IN_TRAY_FLAG = "tray-notice-shown"
HOUR = 3600


def tooltip_for(status: Mapping[str, str | None]) -> str:
    """The tray tooltip for a ``ReminderService.status()``."""
    state, at = status.get("reminders"), status.get("next_reminder")
    if state == "off":
        return _("Hamstring Coach — reminders off")
    if state == "paused":
        return _("Hamstring Coach — reminders paused")
    if at is None:
        return _("Hamstring Coach — no break due now")
    when = format_time(dt.datetime.fromisoformat(at))
    if state == "snoozed":
        return _("Hamstring Coach — next break at {time} (snoozed)").format(time=when)
    return _("Hamstring Coach — next break at {time}").format(time=when)


class Tray(QObject):
    """The tray icon and its menu; every choice is a signal for ``app.py``.

    Args:
        routines: id -> title of every routine, in menu order.
        suggested: the id of the routine reminders suggest.

    Signals:
        startRoutine(str): start this routine now.
        snoozeRequested(int): snooze the reminder for minutes.
        pauseForRequested(int): pause reminders for seconds.
        pauseUntilTomorrowRequested(), resumeRequested(),
        turnOffRequested(), turnOnRequested(): reminder commands.
        preferencesRequested(), historyRequested(), showWindowRequested(),
        quitRequested(): the rest of the menu and a click on the icon.
    """

    startRoutine = Signal(str)  # noqa: N815 - Qt's camelCase for signals
    snoozeRequested = Signal(int)  # noqa: N815
    pauseForRequested = Signal(int)  # noqa: N815
    pauseUntilTomorrowRequested = Signal()  # noqa: N815
    resumeRequested = Signal()  # noqa: N815
    turnOffRequested = Signal()  # noqa: N815
    turnOnRequested = Signal()  # noqa: N815
    preferencesRequested = Signal()  # noqa: N815
    historyRequested = Signal()  # noqa: N815
    showWindowRequested = Signal()  # noqa: N815
    quitRequested = Signal()  # noqa: N815

    def __init__(
        self, routines: Mapping[str, str], suggested: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._routines = dict(routines)
        self._suggested = suggested
        self.icon = QSystemTrayIcon(themed_app_icon(), self)
        self.menu = QMenu()
        self.start_action = self.menu.addAction(_("Start"))
        self.start_action.triggered.connect(lambda: self.startRoutine.emit(self._suggested))
        self.routines_menu = self.menu.addMenu(_("Routines"))
        self.set_routines(self._routines)
        self.snooze_menu = self.menu.addMenu(_("Snooze"))
        self.snooze_actions: dict[int, QAction] = {}
        for minutes in SNOOZE_CHOICES:
            action = self.snooze_menu.addAction(
                ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
            )
            action.triggered.connect(lambda _checked=False, m=minutes: self.snoozeRequested.emit(m))
            self.snooze_actions[minutes] = action
        self.pause_menu = self.menu.addMenu(_("Pause reminders"))
        self.pause_hour_action = self.pause_menu.addAction(_("For an hour"))
        self.pause_hour_action.triggered.connect(lambda: self.pauseForRequested.emit(HOUR))
        self.pause_tomorrow_action = self.pause_menu.addAction(_("Until tomorrow"))
        self.pause_tomorrow_action.triggered.connect(self.pauseUntilTomorrowRequested)
        self.resume_action = self.pause_menu.addAction(_("Resume reminders"))
        self.resume_action.triggered.connect(self.resumeRequested)
        self.pause_menu.addSeparator()
        self.off_action = self.pause_menu.addAction(_("Turn off"))
        self.off_action.triggered.connect(self.turnOffRequested)
        self.on_action = self.pause_menu.addAction(_("Turn on"))
        self.on_action.triggered.connect(self.turnOnRequested)
        self.menu.addSeparator()
        self.menu.addAction(_("Preferences…")).triggered.connect(self.preferencesRequested)
        self.menu.addAction(_("History")).triggered.connect(self.historyRequested)
        self.menu.addSeparator()
        self.menu.addAction(_("Quit")).triggered.connect(self.quitRequested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.set_suggested(suggested)
        self.set_status({"reminders": "on", "next_reminder": None}, snoozes_left=1)

    @staticmethod
    def available() -> bool:
        """Tell whether the desktop has a tray host right now."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        """Put the icon in the tray."""
        self.icon.show()

    def set_routines(self, routines: Mapping[str, str]) -> None:
        """The Routines ▸ submenu: built-in and custom routines, id -> title."""
        self._routines = dict(routines)
        self.routines_menu.clear()
        for routine_id, title in self._routines.items():
            action = self.routines_menu.addAction(title)
            action.triggered.connect(lambda _checked=False, r=routine_id: self.startRoutine.emit(r))

    def set_suggested(self, routine: str) -> None:
        """The routine behind "Start …" (follows the reminder settings)."""
        self._suggested = routine
        self.start_action.setText(
            _("Start {routine}").format(routine=self._routines.get(routine, routine))
        )

    def set_status(self, status: Mapping[str, str | None], *, snoozes_left: int) -> None:
        """Tooltip and which commands make sense, from ``ReminderService.status()``."""
        self.icon.setToolTip(tooltip_for(status))
        state = status.get("reminders")
        self.snooze_menu.setEnabled(snoozes_left > 0 and state in ("on", "snoozed"))
        self.snooze_menu.setTitle(
            _("Snooze") if snoozes_left > 0 else _("Snooze (none left today)")
        )
        self.pause_hour_action.setEnabled(state in ("on", "snoozed"))
        self.pause_tomorrow_action.setEnabled(state in ("on", "snoozed"))
        self.resume_action.setEnabled(state in ("paused", "snoozed"))
        self.off_action.setVisible(state != "off")
        self.on_action.setVisible(state == "off")

    def keep_running_on_close(self, reminders_on: bool, flag_folder: Path) -> bool:
        """For the window's ``closeEvent``: True means hide the window, keep the app.

        With reminders on and a tray, closing the window keeps the app in the
        tray; the first time ever (a flag file in ``flag_folder``, the config
        folder) a tray message says so. Otherwise the caller quits.
        """
        if not reminders_on or not self.available() or not self.icon.isVisible():
            return False
        flag = flag_folder / KEEP_IN_TRAY_FLAG
        if not flag.exists():
            self.icon.showMessage(
                _("Hamstring Coach is still here"),
                _("It keeps reminding you to stretch from the tray. Quit from the tray menu."),
                QSystemTrayIcon.MessageIcon.Information,
                8000,
            )
            private_folder(flag_folder)
            flag.touch(mode=0o600)
        return True

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.showWindowRequested.emit()
