"""Idle time and do-not-disturb from the session bus (a fake one), and no polling when idle."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.core.reminders import Hold
from hamstring_gui.platform.dbus import DBusError
from hamstring_gui.ui.desktop.idle import IdleMonitor
from tests.helpers.dbus import FakeBus


def monitor(qtbot: QtBot, bus: FakeBus | None) -> IdleMonitor:
    """A monitor on ``bus`` (the offscreen platform has no X server to ask)."""
    assert qtbot is not None  # the QApplication its timer needs
    return IdleMonitor(bus)


def test_gnome_idle_time_comes_from_mutter_in_milliseconds(qtbot: QtBot) -> None:
    bus = FakeBus({"GetIdletime": (90_500,)})
    idle = monitor(qtbot, bus)
    assert idle.source == "mutter"
    assert idle.idle_seconds() == pytest.approx(90.5)
    assert set(bus.auto_start) == {False}  # asking never starts a service


def test_kde_idle_time_comes_from_the_screensaver_in_seconds(qtbot: QtBot) -> None:
    bus = FakeBus({"GetSessionIdleTime": (42,)})
    idle = monitor(qtbot, bus)
    assert idle.source == "screensaver"
    assert idle.idle_seconds() == 42.0


def test_without_a_source_idle_time_never_counts(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    for bus in (None, FakeBus(), FakeBus({"GetIdletime": DBusError("NoReply")})):
        idle = monitor(qtbot, bus)
        assert idle.source == "none"
        assert idle.idle_seconds() is None
        idle.set_watching(True)
        assert not idle.watching  # nothing to check: no timer at all
    assert "no idle time" in capsys.readouterr().err


def test_a_held_inhibitor_counts_as_full_screen(qtbot: QtBot) -> None:
    bus = FakeBus({"GetSessionIdleTime": (0,), "HasInhibit": (True,)})
    idle = monitor(qtbot, bus)
    assert idle.full_screen()
    assert idle.holds() == {Hold.FULL_SCREEN}
    bus.replies["HasInhibit"] = (False,)
    assert not idle.full_screen()
    del bus.replies["HasInhibit"]
    assert not idle.full_screen()


def test_a_locked_screen_and_do_not_disturb_hold_reminders_back(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    bus = FakeBus({"GetSessionIdleTime": (0,)})
    idle = monitor(qtbot, bus)
    assert idle.holds() == frozenset()
    bus.replies["GetActive"] = (True,)  # the screensaver: locked
    inhibited = {"value": ("b", True)}
    bus.replies["Get"] = lambda args: (inhibited["value"],) if args[1] == "Inhibited" else ()
    assert idle.holds() == {Hold.LOCKED, Hold.DO_NOT_DISTURB}
    bus.replies["GetActive"] = (False,)
    inhibited["value"] = ("b", False)
    assert idle.holds() == frozenset()
    assert set(bus.auto_start) == {False}, "asking never starts a service"


def test_a_check_samples_both_and_only_while_watching(qtbot: QtBot) -> None:
    bus = FakeBus({"GetSessionIdleTime": (30,)})
    idle = monitor(qtbot, bus)
    with qtbot.waitSignal(
        idle.sampled, check_params_cb=lambda s, held: (s, held) == (30.0, frozenset())
    ):
        idle.check()
    idle.set_watching(True)
    assert idle.watching
    idle.set_watching(False)
    assert not idle.watching


def test_close_stops_and_drops_the_bus(qtbot: QtBot) -> None:
    bus = FakeBus({"GetIdletime": (1000,)})
    idle = monitor(qtbot, bus)
    idle.set_watching(True)
    idle.close()
    assert not idle.watching and not bus.connected
    assert idle.idle_seconds() is None
