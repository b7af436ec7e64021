"""Work-break reminders in the running app: scheduler, idle monitor, tray and notifications.

Lifecycle: the composition root builds one :class:`BreakReminders` with the
session controller, the settings model, the stretch catalog and the window's
:class:`~hamstring_gui.ui.shell.Shell`. It owns the :class:`ReminderService`
(one single-shot timer), the :class:`IdleMonitor`, the tray icon when the
desktop has a tray, and the :class:`ReminderNotifier`.
:meth:`BreakReminders.keep_running_on_close` answers the window's close;
:meth:`BreakReminders.close` releases the D-Bus and X connections at quit.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Mapping

from PySide6.QtCore import QObject

from hamstring_gui import paths
from hamstring_gui.core import words
from hamstring_gui.core.catalog import Catalog
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.reminders import SnoozeResult
from hamstring_gui.core.routine import Routine
from hamstring_gui.core.settings import Settings
from hamstring_gui.platform import autostart
from hamstring_gui.platform.dbus import SessionBus
from hamstring_gui.ui.controller import SessionController
from hamstring_gui.ui.desktop.idle import IdleMonitor
from hamstring_gui.ui.desktop.notify import ReminderNotifier
from hamstring_gui.ui.desktop.reminder_service import ReminderService
from hamstring_gui.ui.desktop.tray import Tray
from hamstring_gui.ui.settings_model import SettingsModel
from hamstring_gui.ui.shell import Shell


class BreakReminders(QObject):
    """Everything that invites the user to a break."""

    def __init__(
        self,
        controller: SessionController,
        model: SettingsModel,
        catalog: Catalog,
        shell: Shell,
        *,
        tray_available: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.model = model
        self.catalog = catalog
        self.shell = shell
        self.idle = IdleMonitor(SessionBus.connect(), self)
        self.service = ReminderService(model, self.break_seconds, activity=self.idle, parent=self)
        has_tray = Tray.available() if tray_available is None else tray_available
        titles = {routine_id: routine.name for routine_id, routine in shell.routines.items()}
        self.tray = Tray(titles, self.service.routine) if has_tray else None
        self.notifier = ReminderNotifier(bus=SessionBus.connect(), parent=self)

        self.service.warningDue.connect(self._warn)
        self.service.reminderDue.connect(self._remind)
        self.service.stateChanged.connect(self._show_status)
        self.service.stateChanged.connect(self._withdraw_if_answered)
        self.notifier.startRequested.connect(self.start)
        self.notifier.snoozeRequested.connect(self.service.snooze)
        self.notifier.skipRequested.connect(self.service.skip)
        self.notifier.dismissed.connect(self.service.dismiss)
        self.notifier.showRequested.connect(shell.bring_to_front)
        controller.follow_sessions(self._on_session_started)
        controller.ended.connect(lambda _summary: self.service.session_ended())
        model.changed.connect(self._on_settings)
        if self.tray is not None:
            tray = self.tray
            tray.startRoutine.connect(self.start)
            tray.snoozeRequested.connect(self.service.snooze)
            tray.pauseForRequested.connect(self.service.pause_for)
            tray.pauseUntilTomorrowRequested.connect(self.service.pause_until_tomorrow)
            tray.resumeRequested.connect(self.service.resume)
            tray.turnOffRequested.connect(self.service.turn_off)
            tray.turnOnRequested.connect(self.service.turn_on)
            tray.preferencesRequested.connect(self._preferences)
            tray.historyRequested.connect(shell.show_history)
            tray.showWindowRequested.connect(shell.bring_to_front)
            tray.quitRequested.connect(shell.quit_app)
            tray.show()
        self._show_status()
        # At every start: an entry deleted by hand, or one for a moved checkout, is redone.
        if model.settings.reminders.autostart:
            self.sync_autostart(True)

    def break_seconds(self, routine_id: str) -> float:
        """Planned length of a routine: idle this long counts as having taken the break."""
        routine = self.shell.routines.get(routine_id)
        if routine is None:
            return 300.0
        return float(build_plan(routine, self.catalog, self.model.settings.session).total_seconds)

    def start(self, routine_id: str) -> None:
        """Start a routine from a reminder or the tray, with the window in front."""
        self.shell.bring_to_front()
        self.shell.start_routine(routine_id)

    def snooze(self, minutes: int) -> SnoozeResult:
        """Snooze the reminder (see :meth:`ReminderScheduler.snooze`)."""
        return self.service.snooze(minutes)

    def remind_now(self) -> bool:
        """Give the reminder now (``hamstring-gui remind``); False during a session."""
        if self.controller.active:
            return False
        return self.service.remind_now()

    def next_reminder_at(self) -> dt.datetime | None:
        """Local time of the next reminder, if any (for the command's answer)."""
        return self.service.next_reminder_at()

    def status(self) -> dict[str, str | None]:
        """``reminders`` and ``next_reminder`` for ``status --json``."""
        return self.service.status()

    def set_routines(self, routines: Mapping[str, Routine]) -> None:
        """New routine list for the tray's menu (a custom routine was saved)."""
        if self.tray is not None:
            self.tray.set_routines({rid: routine.name for rid, routine in routines.items()})

    def keep_running_on_close(self) -> bool:
        """Closing the window with reminders on keeps the app running, and says so.

        With a tray the window hides to it. Without a tray host, quitting
        would silently end the reminders: the window stays, minimized (see
        ``ui/screens/closing``), and its status bar says why (Quit in the menu
        still quits).
        """
        on = self.service.status()["reminders"] != "off"
        if self.tray is not None and self.tray.keep_running_on_close(on, paths.config_dir()):
            return True
        if not on:
            return False
        self.shell.show_message(words.KEPT_MINIMIZED, 0)
        return True

    def sync_autostart(self, enabled: bool) -> str | None:
        """Make the login entry match the setting; say so when it cannot work.

        Returns:
            The sentence shown to the user, or None when all is well.
        """
        try:
            autostart.sync(enabled)
        except autostart.AutostartError as error:
            message = words.autostart_failed(str(error))
            self.shell.show_message(message, 0)
            print(f"hamstring-gui: {message}", file=sys.stderr)
            return message
        return None

    def close(self) -> None:
        """Release the notification and idle connections."""
        self.notifier.close()
        self.idle.close()

    def _title(self, routine_id: str) -> str:
        routine = self.shell.routines.get(routine_id)
        return routine.name if routine else routine_id

    def _warn(self, routine_id: str, seconds: int) -> None:
        if self.controller.active:
            return  # already stretching
        self.notifier.show_warning(
            routine_id,
            self._title(routine_id),
            seconds,
            can_snooze=self.service.snoozes_left() > 0,
        )

    def _remind(self, routine_id: str, late: bool) -> None:
        if self.controller.active:
            return  # already stretching
        minutes = max(1, math.ceil(self.break_seconds(routine_id) / 60))
        self.notifier.show_reminder(
            routine_id,
            self._title(routine_id),
            minutes,
            can_snooze=self.service.snoozes_left() > 0,
            late=late,
        )

    def _withdraw_if_answered(self) -> None:
        # Answered elsewhere (tray, command line, a pause): nothing may stay on screen.
        scheduler = self.service.scheduler
        if not scheduler.pending and not scheduler.warned:
            self.notifier.withdraw()

    def _on_session_started(self, _plan: object) -> None:
        self.service.session_started()
        self.notifier.withdraw()

    def _on_settings(self, settings: Settings) -> None:
        if self.tray is not None:
            self.tray.set_suggested(settings.reminders.routine)
        self.sync_autostart(settings.reminders.autostart)

    def _show_status(self) -> None:
        if self.tray is not None:
            self.tray.set_status(self.service.status(), snoozes_left=self.service.snoozes_left())

    def _preferences(self) -> None:
        self.shell.bring_to_front()
        self.shell.open_preferences()
