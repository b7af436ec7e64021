"""Idle time and do-not-disturb from the session bus (a fake one), and no polling when idle."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

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


def test_a_held_inhibitor_is_do_not_disturb(qtbot: QtBot) -> None:
    bus = FakeBus({"GetSessionIdleTime": (0,), "HasInhibit": (True,)})
    idle = monitor(qtbot, bus)
    assert idle.do_not_disturb()
    bus.replies["HasInhibit"] = (False,)
    assert not idle.do_not_disturb()
    del bus.replies["HasInhibit"]
    assert not idle.do_not_disturb()


def test_a_check_samples_both_and_only_while_watching(qtbot: QtBot) -> None:
    bus = FakeBus({"GetSessionIdleTime": (30,)})
    idle = monitor(qtbot, bus)
    with qtbot.waitSignal(idle.sampled, check_params_cb=lambda s, dnd: (s, dnd) == (30.0, False)):
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
