"""Showing a break reminder: a desktop notification, a tray message, or a small window.

The channel is chosen each time a reminder is shown, best first:

1. ``org.freedesktop.Notifications`` on the session bus, with Start and
   Snooze buttons when the server lists ``actions`` in ``GetCapabilities``
   (through :mod:`hamstring_gui.platform.dbus`: ``Notify`` needs a
   ``uint32``, which QtDBus cannot send);
2. ``QSystemTrayIcon.showMessage`` when a tray is there, decided by
   ``QSystemTrayIcon.isSystemTrayAvailable()`` (``isVisible()`` says True
   even with no tray host; measured under Xvfb);
3. :class:`ReminderWindow`, raised on top.

Answers come back as signals for the lead's wiring in ``app.py``.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from hamstring_gui.core.reminders import DISMISS_SNOOZE_MINUTES
from hamstring_gui.platform.autostart import DESKTOP_ID
from hamstring_gui.platform.dbus import Bus, DBusError
from hamstring_gui.ui.desktop.reminder_window import ReminderWindow

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
APP_NAME = "Hamstring Coach"
#: The snooze a notification's Snooze button asks for.
SNOOZE_MINUTES = DISMISS_SNOOZE_MINUTES
#: Action keys; "default" is a click on the notification itself (starts too).
ACTION_START, ACTION_SNOOZE, ACTION_DEFAULT = "start", "snooze", "default"
_CLOSED_BY_USER = 2  # NotificationClosed reason: dismissed by the user


class ReminderNotifier(QObject):
    """Shows the reminder on the best channel the desktop has.

    Args:
        tray: the app's tray icon, for the second fallback (may be None).
        bus: the session bus (None: no notification server is asked). The
            notifier owns it from here and closes it in :meth:`close`.

    Signals:
        startRequested(str): Start was chosen; the routine id.
        snoozeRequested(int): Snooze was chosen; minutes.
        skipRequested(): Skip was chosen (reminder window only).
        dismissed(): closed without an answer (ask again a little later).
    """

    startRequested = Signal(str)  # noqa: N815 - Qt's camelCase for signals
    snoozeRequested = Signal(int)  # noqa: N815
    skipRequested = Signal()  # noqa: N815
    dismissed = Signal()

    def __init__(
        self,
        tray: QSystemTrayIcon | None = None,
        *,
        bus: Bus | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._routine = ""
        self._id: int | None = None  # the notification on screen, if any
        self._window: ReminderWindow | None = None
        self._bus = bus
        self._watch: QSocketNotifier | None = None
        if bus is not None:
            try:
                bus.subscribe(INTERFACE, PATH)
            except DBusError:
                bus.close()
                self._bus = None
            else:
                self._watch = QSocketNotifier(bus.fileno(), QSocketNotifier.Type.Read, self)
                self._watch.activated.connect(self._take_signals)
        if tray is not None:
            tray.messageClicked.connect(self._on_tray_message_clicked)
        self.channel = ""  # where the last reminder went: notification, tray or window

    # -- what the desktop offers ----------------------------------------------

    def server_available(self) -> bool:
        """Tell whether a notification server owns its name on the session bus."""
        try:
            owned = self._call(
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus",
                "NameHasOwner",
                "s",
                (SERVICE,),
            )
        except DBusError:
            return False
        return bool(owned and owned[0])

    def capabilities(self) -> list[str]:
        """The server's ``GetCapabilities`` (empty when there is no server)."""
        if not self.server_available():
            return []
        try:
            reply = self._call(SERVICE, PATH, INTERFACE, "GetCapabilities")
        except DBusError:
            return []
        return [str(c) for c in reply[0]] if reply and isinstance(reply[0], list) else []

    # -- showing ----------------------------------------------------------------

    def show_reminder(self, routine: str, title: str, minutes: int, *, can_snooze: bool) -> str:
        """Invite the user to ``routine`` (``title``, about ``minutes`` long).

        Returns:
            The channel used: ``"notification"``, ``"tray"`` or ``"window"``.
        """
        self._routine = routine
        summary = "Time for a stretch"
        body = f"{title}, about {minutes} min. Your hamstrings will thank you."
        snooze_label = f"Snooze {SNOOZE_MINUTES} min" if can_snooze else None
        if self._notify(summary, body, snooze_label):
            self.channel = "notification"
        elif self._tray is not None and QSystemTrayIcon.isSystemTrayAvailable():
            self._tray.showMessage(
                summary, f"{body}\nClick to start.", QSystemTrayIcon.MessageIcon.Information, 0
            )
            self.channel = "tray"
        else:
            if self._window is None:
                self._window = ReminderWindow()
                window = self._window
                window.startClicked.connect(lambda: self.startRequested.emit(self._routine))
                window.snoozeClicked.connect(lambda: self.snoozeRequested.emit(SNOOZE_MINUTES))
                self._window.skipClicked.connect(self.skipRequested)
                self._window.dismissed.connect(self.dismissed)
            self._window.ask(summary, body, snooze_label)
            self.channel = "window"
        return self.channel

    def _notify(self, summary: str, body: str, snooze_label: str | None) -> bool:
        caps = self.capabilities()
        if not caps:
            return False
        actions: list[str] = []
        if "actions" in caps:
            actions = [ACTION_DEFAULT, "Start", ACTION_START, "Start"]
            if snooze_label is not None:
                actions += [ACTION_SNOOZE, snooze_label]
        hints = {"desktop-entry": ("s", DESKTOP_ID), "category": ("s", "x-hamstring.reminder")}
        try:
            reply = self._call(
                SERVICE,
                PATH,
                INTERFACE,
                "Notify",
                "susssasa{sv}i",
                # replaces_id: the previous reminder, so there is only ever one;
                # expire_timeout 0: it stays until answered.
                (APP_NAME, self._id or 0, DESKTOP_ID, summary, body, actions, hints, 0),
            )
        except DBusError:
            return False
        self._id = int(reply[0]) if reply and isinstance(reply[0], int) else None
        return self._id is not None

    def withdraw(self) -> None:
        """Take the reminder away (the user started a routine some other way)."""
        if self._id is not None:
            notification, self._id = self._id, None
            with contextlib.suppress(DBusError):  # already gone is fine
                self._call(SERVICE, PATH, INTERFACE, "CloseNotification", "u", (notification,))
        if self._window is not None:
            self._window.withdraw()

    def close(self) -> None:
        """Withdraw and drop the bus connection (at quit)."""
        self.withdraw()
        if self._watch is not None:
            self._watch.setEnabled(False)
        if self._bus is not None:
            self._bus.close()
            self._bus = None

    def _call(self, *call: Any) -> tuple[Any, ...]:
        if self._bus is None or not self._bus.connected:
            raise DBusError("no session bus")
        try:
            return self._bus.call(*call)
        finally:
            # Signals read while waiting for the reply no longer wake the socket.
            QTimer.singleShot(0, self, self._take_signals)

    # -- answers ----------------------------------------------------------------

    def _take_signals(self) -> None:
        if self._bus is None:
            return
        for signal in self._bus.pending_signals():
            self._on_signal(signal.interface, signal.member, signal.args)
        if not self._bus.connected and self._watch is not None:
            self._watch.setEnabled(False)  # the bus went away

    def _on_signal(self, interface: str, member: str, args: tuple[Any, ...]) -> None:
        if interface != INTERFACE or not args or args[0] != self._id or self._id is None:
            return
        if member == "ActionInvoked" and len(args) >= 2:
            self._id = None  # answered; the server closes it next
            if args[1] in (ACTION_START, ACTION_DEFAULT):
                self.startRequested.emit(self._routine)
            elif args[1] == ACTION_SNOOZE:
                self.snoozeRequested.emit(SNOOZE_MINUTES)
        elif member == "NotificationClosed":
            self._id = None
            if len(args) >= 2 and args[1] == _CLOSED_BY_USER:
                self.dismissed.emit()

    def _on_tray_message_clicked(self) -> None:
        if self.channel == "tray":
            self.startRequested.emit(self._routine)
