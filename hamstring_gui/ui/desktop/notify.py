"""Showing a break notice or reminder: a desktop notification or a small window.

The channel is chosen each time, best first:

1. ``org.freedesktop.Notifications`` on the session bus when the server lists
   ``actions`` in ``GetCapabilities``: the buttons are the answers (through
   :mod:`hamstring_gui.platform.dbus`: ``Notify`` needs a ``uint32``, which
   QtDBus cannot send);
2. otherwise :class:`ReminderWindow`, shown on top without taking the focus.

Both always offer Start and Snooze (Snooze while today's snoozes last) and
Skip. Only a click on Start starts a routine: a click on the notification
itself only brings the window forward, and the tray's balloon is never used
for an invitation (with Qt's own balloon, a right-click on the tray icon
counted as a click on the message).

Answers come back as signals, wired in ``break_reminders``.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from hamstring_gui.core import words
from hamstring_gui.core.reminders import DISMISS_SNOOZE_MINUTES
from hamstring_gui.platform.autostart import DESKTOP_ID
from hamstring_gui.platform.background import in_sandbox
from hamstring_gui.platform.dbus import Bus, DBusError
from hamstring_gui.ui.desktop.reminder_window import ReminderWindow
from hamstring_gui.ui.style.icon import icon_file

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
APP_NAME = "Hamstring Coach"
#: The snooze a notification's Snooze button asks for.
SNOOZE_MINUTES = DISMISS_SNOOZE_MINUTES
#: Action keys; "default" is a click on the notification itself (shows the window).
ACTION_START, ACTION_SNOOZE, ACTION_SKIP, ACTION_DEFAULT = "start", "snooze", "skip", "default"
WARNING, REMINDER = "warning", "reminder"
_CLOSED_BY_USER = 2  # NotificationClosed reason: dismissed by the user


def notification_icon() -> str:
    """The ``app_icon`` of a notification: the icon's file, or its theme name in Flatpak.

    The spec takes a ``file://`` URI or a theme name. A theme name alone is
    blank wherever no theme has the icon (pipx without ``desktop-entry
    install``, the PyInstaller bundle), so the bundled PNG goes by path; inside
    Flatpak the host cannot read ``/app``, but the icon is exported under the
    app id.
    """
    if in_sandbox():
        return DESKTOP_ID
    return icon_file(128).as_uri()


class ReminderNotifier(QObject):
    """Shows the reminder on the best channel the desktop has.

    Args:
        bus: the session bus (None: no notification server is asked). The
            notifier owns it from here and closes it in :meth:`close`.

    Signals:
        startRequested(str): Start was chosen; the routine id.
        snoozeRequested(int): Snooze was chosen; minutes.
        skipRequested(): Skip was chosen.
        showRequested(): the notification itself was clicked: bring the window.
        dismissed(): a reminder was closed without an answer (ask again a
            little later); closing the notice before it is only "noted".
    """

    startRequested = Signal(str)  # noqa: N815 - Qt's camelCase for signals
    snoozeRequested = Signal(int)  # noqa: N815
    skipRequested = Signal()  # noqa: N815
    showRequested = Signal()  # noqa: N815
    dismissed = Signal()

    def __init__(self, *, bus: Bus | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._routine = ""
        self._kind = REMINDER
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
        self.channel = ""  # where the last one went: notification or window

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

    def show_warning(self, routine: str, title: str, seconds: int, *, can_snooze: bool) -> str:
        """The gentle notice: ``routine`` (``title``) is due in ``seconds``.

        Returns:
            The channel used: ``"notification"`` or ``"window"``.
        """
        return self._show(
            WARNING,
            routine,
            words.WARNING_SUMMARY,
            words.warning_body(title, seconds),
            start_label=words.START_NOW,
            can_snooze=can_snooze,
            timeout_ms=seconds * 1000,
        )

    def show_reminder(
        self, routine: str, title: str, minutes: int, *, can_snooze: bool, late: bool = False
    ) -> str:
        """Invite the user to ``routine`` (``title``, about ``minutes`` long).

        ``late``: it fell due while something held it back, and comes now, once.

        Returns:
            The channel used: ``"notification"`` or ``"window"``.
        """
        return self._show(
            REMINDER,
            routine,
            words.REMINDER_SUMMARY,
            words.reminder_body(title, minutes, late=late),
            start_label=words.START,
            can_snooze=can_snooze,
            timeout_ms=0,  # it stays until answered
        )

    def _show(
        self,
        kind: str,
        routine: str,
        summary: str,
        body: str,
        *,
        start_label: str,
        can_snooze: bool,
        timeout_ms: int,
    ) -> str:
        self._routine, self._kind = routine, kind
        snooze_label = words.snooze_label(SNOOZE_MINUTES) if can_snooze else None
        if self._notify(summary, body, start_label, snooze_label, timeout_ms):
            self.channel = "notification"
            return self.channel
        if self._window is None:
            self._window = ReminderWindow()
            window = self._window
            window.startClicked.connect(lambda: self.startRequested.emit(self._routine))
            window.snoozeClicked.connect(lambda: self.snoozeRequested.emit(SNOOZE_MINUTES))
            window.skipClicked.connect(self.skipRequested)
            window.dismissed.connect(self._on_closed_unanswered)
        self._window.ask(summary, body, start_label, snooze_label)
        self.channel = "window"
        return self.channel

    def _on_closed_unanswered(self) -> None:
        if self._kind == REMINDER:
            self.dismissed.emit()

    def _notify(
        self,
        summary: str,
        body: str,
        start_label: str,
        snooze_label: str | None,
        timeout_ms: int,
    ) -> bool:
        if "actions" not in self.capabilities():
            return False  # no buttons: the window offers them instead
        actions = [ACTION_DEFAULT, words.SHOW_WINDOW, ACTION_START, start_label]
        if snooze_label is not None:
            actions += [ACTION_SNOOZE, snooze_label]
        actions += [ACTION_SKIP, words.SKIP]
        hints = {"desktop-entry": ("s", DESKTOP_ID), "category": ("s", "x-hamstring.reminder")}
        try:
            reply = self._call(
                SERVICE,
                PATH,
                INTERFACE,
                "Notify",
                "susssasa{sv}i",
                # replaces_id: the previous one, so there is only ever one;
                # expire_timeout 0: a reminder stays until answered.
                (
                    APP_NAME,
                    self._id or 0,
                    notification_icon(),
                    summary,
                    body,
                    actions,
                    hints,
                    timeout_ms,
                ),
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
            if args[1] != ACTION_DEFAULT:
                self._id = None  # answered; the server closes it next
            if args[1] == ACTION_START:
                self.startRequested.emit(self._routine)
            elif args[1] == ACTION_SNOOZE:
                self.snoozeRequested.emit(SNOOZE_MINUTES)
            elif args[1] == ACTION_SKIP:
                self.skipRequested.emit()
            elif args[1] == ACTION_DEFAULT:
                self.showRequested.emit()  # a click on the bubble is not a "Start"
        elif member == "NotificationClosed":
            self._id = None
            if len(args) >= 2 and args[1] == _CLOSED_BY_USER:
                self._on_closed_unanswered()
