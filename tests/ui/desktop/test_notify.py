"""The break notice and reminder: the notification through a fake session bus, the
fallback window, and what each answer means (only Start starts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hamstring_gui.platform.autostart import DESKTOP_ID
from hamstring_gui.platform.dbus import DBusError
from hamstring_gui.ui.desktop import notify
from hamstring_gui.ui.desktop.notify import INTERFACE, PATH, ReminderNotifier
from hamstring_gui.ui.desktop.reminder_window import ReminderWindow
from tests.helpers.dbus import FakeBus

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def server(capabilities: list[str], first_id: int = 7) -> FakeBus:
    """A bus with a notification server that numbers its notifications from ``first_id``."""
    ids = iter(range(first_id, first_id + 100))

    def notify(args: tuple[Any, ...]) -> tuple[Any, ...]:
        return (args[1] or next(ids),)  # replaces_id, or a new one

    return FakeBus(
        {
            "NameHasOwner": (True,),
            "GetCapabilities": (capabilities,),
            "Notify": notify,
            "CloseNotification": (),
        }
    )


def notify_args(bus: FakeBus) -> list[tuple[Any, ...]]:
    return [args for _i, method, _s, args in bus.calls if method == "Notify"]


def test_a_reminder_is_one_notification_with_start_and_snooze(qtbot: QtBot) -> None:
    bus = server(["actions", "body"])
    notifier = ReminderNotifier(bus=bus)
    assert bus.subscriptions == [(INTERFACE, PATH)]
    assert notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True) == "notification"
    (call,) = [c for c in bus.calls if c[1] == "Notify"]
    assert call[2] == "susssasa{sv}i"  # replaces_id is a uint32: what GDBus servers check
    app, replaces, icon, summary, body, actions, hints, timeout = call[3]
    assert (app, replaces, timeout) == ("Hamstring Coach", 0, 0)
    # The icon by its file: shown under pipx and the bundle, where no theme has it.
    assert icon.startswith("file:///") and icon.endswith("/hamstring-coach-128.png")
    assert Path(icon.removeprefix("file://")).read_bytes()[:4] == b"\x89PNG"
    assert summary == "Time for a stretch" and body.startswith("Desk break, about 4 min.")
    assert actions == [
        *("default", "Open Hamstring Coach", "start", "Start"),
        *("snooze", "Snooze 10 min", "skip", "Skip"),
    ]
    assert hints["desktop-entry"] == ("s", DESKTOP_ID)
    # A second reminder replaces the first, never stacks.
    notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=False)
    assert notify_args(bus)[1][1] == 7
    assert notify_args(bus)[1][5] == [
        *("default", "Open Hamstring Coach", "start", "Start", "skip", "Skip")
    ]


def test_a_server_without_buttons_leaves_it_to_the_window(qtbot: QtBot) -> None:
    bus = server(["body"])
    notifier = ReminderNotifier(bus=bus)
    assert notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True) == "window"
    assert notify_args(bus) == []
    assert notifier._window is not None  # noqa: SLF001
    qtbot.addWidget(notifier._window)  # noqa: SLF001


@pytest.mark.parametrize(
    ("action", "signal", "value"),
    [
        ("start", "startRequested", "desk-break"),
        ("snooze", "snoozeRequested", 10),
    ],
)
def test_the_answer_comes_back_from_the_bus(
    qtbot: QtBot, action: str, signal: str, value: object
) -> None:
    bus = server(["actions"])
    notifier = ReminderNotifier(bus=bus)
    notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True)
    bus.emit(INTERFACE, "ActionInvoked", 99, action)  # someone else's notification
    bus.emit("org.example.Other", "ActionInvoked", 7, action)
    with qtbot.waitSignal(getattr(notifier, signal), check_params_cb=lambda v: v == value):
        bus.emit(INTERFACE, "ActionInvoked", 7, action)
    # Answered: the closing signal that follows is not a dismissal.
    seen: list[object] = []
    notifier.dismissed.connect(lambda: seen.append("dismissed"))
    bus.emit(INTERFACE, "NotificationClosed", 7, 2)
    qtbot.wait(50)
    assert seen == []


def test_closed_by_the_user_is_a_dismissal_and_expired_is_not(qtbot: QtBot) -> None:
    bus = server(["actions"])
    notifier = ReminderNotifier(bus=bus)
    notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True)
    with qtbot.waitSignal(notifier.dismissed):
        bus.emit(INTERFACE, "NotificationClosed", 7, 2)
    notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True)
    seen: list[object] = []
    notifier.dismissed.connect(lambda: seen.append("dismissed"))
    bus.emit(INTERFACE, "NotificationClosed", 8, 1)  # expired
    qtbot.wait(50)
    assert seen == []


def test_withdraw_closes_the_notification_and_close_drops_the_bus(qtbot: QtBot) -> None:
    bus = server(["actions"])
    notifier = ReminderNotifier(bus=bus)
    notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True)
    notifier.withdraw()
    assert bus.calls[-1] == (INTERFACE, "CloseNotification", "u", (7,))
    notifier.close()
    assert not bus.connected
    assert not notifier.server_available()


def test_no_server_or_a_failing_one_falls_back_to_the_reminder_window(qtbot: QtBot) -> None:
    no_server = FakeBus({"NameHasOwner": (False,)})
    notifier = ReminderNotifier(bus=no_server)
    assert notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True) == "window"
    assert "Notify" not in no_server.methods()
    assert notifier._window is not None
    qtbot.addWidget(notifier._window)

    failing = server(["actions"])
    failing.replies["Notify"] = DBusError("org.freedesktop.DBus.Error.NoReply: timeout")
    notifier = ReminderNotifier(bus=failing)
    assert notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True) == "window"
    assert notifier._window is not None
    qtbot.addWidget(notifier._window)


def test_a_bus_that_refuses_the_subscription_is_not_used(qtbot: QtBot) -> None:
    bus = server(["actions"])
    bus.close()
    notifier = ReminderNotifier(bus=bus)
    assert not notifier.server_available()
    assert notifier.capabilities() == []


@pytest.fixture
def notifier(qtbot: QtBot) -> ReminderNotifier:
    return ReminderNotifier()


def shown(qtbot: QtBot, notifier: ReminderNotifier) -> ReminderWindow:
    window = notifier._window  # noqa: SLF001 - the fallback window itself
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    return window


def test_without_a_server_the_window_always_offers_start_and_snooze(
    qtbot: QtBot, notifier: ReminderNotifier
) -> None:
    assert notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True) == "window"
    window = shown(qtbot, notifier)
    assert window.start_button.text() == "Start"
    assert window.snooze_button.text() == "Snooze 10 min" and window.snooze_button.isEnabled()
    with qtbot.waitSignal(notifier.snoozeRequested, check_params_cb=lambda m: m == 10):
        window.snooze_button.click()
    assert not window.isVisible()
    notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=False)
    assert window.snooze_button.isVisibleTo(window)
    assert not window.snooze_button.isEnabled()
    assert window.snooze_button.text() == "No snoozes left today"
    with qtbot.waitSignal(notifier.startRequested, check_params_cb=lambda r: r == "desk-break"):
        window.start_button.click()


def test_the_window_never_takes_the_focus_nor_answers_a_stray_enter(
    qtbot: QtBot, notifier: ReminderNotifier
) -> None:
    notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True)
    window = shown(qtbot, notifier)
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert not any(
        button.isDefault() or button.autoDefault()
        for button in (window.start_button, window.snooze_button, window.skip_button)
    )
    with qtbot.assertNotEmitted(notifier.startRequested):
        qtbot.keyClick(window, Qt.Key.Key_Return)
        qtbot.keyClick(window, Qt.Key.Key_Space)
    with qtbot.waitSignal(notifier.dismissed):
        qtbot.keyClick(window, Qt.Key.Key_Escape)


def test_the_notice_comes_first_and_closing_it_is_not_a_dismissal(
    qtbot: QtBot, notifier: ReminderNotifier
) -> None:
    notifier.show_warning("desk-break", "Desk break", 30, can_snooze=True)
    window = shown(qtbot, notifier)
    assert window.summary.text() == "<b>A stretch break soon</b>"
    assert "Desk break in 30 s" in window.body.text()
    assert window.start_button.text() == "Start now"
    with qtbot.assertNotEmitted(notifier.dismissed):
        window.close()
    notifier.show_warning("desk-break", "Desk break", 30, can_snooze=True)
    with qtbot.waitSignal(notifier.skipRequested):
        window.skip_button.click()


def test_a_late_reminder_says_it_waited(qtbot: QtBot, notifier: ReminderNotifier) -> None:
    notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True, late=True)
    assert "waited until you were free" in shown(qtbot, notifier).body.text()


def test_only_the_start_button_of_a_notification_starts(qtbot: QtBot) -> None:
    bus = server(["actions"])
    notifier = ReminderNotifier(bus=bus)
    notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True)
    with qtbot.assertNotEmitted(notifier.startRequested):
        with qtbot.waitSignal(notifier.showRequested):  # a click on the bubble itself
            bus.emit(INTERFACE, "ActionInvoked", 7, "default")
        with qtbot.waitSignal(notifier.skipRequested):
            bus.emit(INTERFACE, "ActionInvoked", 7, "skip")


def test_inside_flatpak_the_icon_goes_by_its_exported_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(notify, "in_sandbox", lambda: True)
    assert notify.notification_icon() == DESKTOP_ID
