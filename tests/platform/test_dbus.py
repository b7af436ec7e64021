"""The session bus through jeepney, against a private dbus-daemon."""

from __future__ import annotations

import select
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstring_gui.platform import dbus
from hamstring_gui.platform.dbus import BusSignal, DBusError, SessionBus
from tests.helpers.dbus import private_session_bus

DAEMON = ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus")


@pytest.fixture
def bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[SessionBus]:
    with private_session_bus() as (address, _daemon):
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        connected = SessionBus.connect()
        assert connected is not None
        yield connected
        connected.close()


def test_a_call_returns_the_reply_values(bus: SessionBus) -> None:
    assert bus.call(*DAEMON, "NameHasOwner", "s", ("org.freedesktop.DBus",)) == (True,)
    assert bus.call(*DAEMON, "NameHasOwner", "s", ("org.example.Nobody",)) == (False,)


def test_a_uint32_goes_out_as_uint32(bus: SessionBus) -> None:
    """RequestName takes (s, u): the daemon refuses any other signature (QtDBus sends i)."""
    flags = 4  # DBUS_NAME_FLAG_DO_NOT_QUEUE
    assert bus.call(*DAEMON, "RequestName", "su", ("org.example.Coach", flags)) == (1,)
    with pytest.raises(DBusError, match="InvalidArgs|signature"):
        bus.call(*DAEMON, "RequestName", "si", ("org.example.Other", flags))


def test_an_error_reply_is_a_dbus_error_and_the_bus_stays_usable(bus: SessionBus) -> None:
    with pytest.raises(DBusError, match="UnknownMethod"):
        bus.call(*DAEMON, "NoSuchMethod")
    with pytest.raises(DBusError, match="NameHasNoOwner|ServiceUnknown"):
        bus.call("org.example.Nobody", "/", "org.example.Nobody", "Hello", auto_start=False)
    assert bus.connected
    assert bus.call(*DAEMON, "NameHasOwner", "s", ("org.freedesktop.DBus",)) == (True,)


def test_arguments_that_do_not_fit_the_signature_are_refused_before_sending(
    bus: SessionBus,
) -> None:
    with pytest.raises(DBusError, match="cannot build"):
        bus.call(*DAEMON, "NameHasOwner", "s", (42,))
    assert bus.connected


def test_subscribed_signals_wake_the_socket_and_are_handed_out_once(bus: SessionBus) -> None:
    bus.pending_signals()  # the daemon's NameAcquired for our own unique name
    bus.subscribe("org.freedesktop.DBus", "/org/freedesktop/DBus")
    bus.call(*DAEMON, "RequestName", "su", ("org.example.Coach", 4))
    readable, _, _ = select.select([bus.fileno()], [], [], 2.0)
    signals = bus.pending_signals() if readable else []
    if not any(signal.member == "NameOwnerChanged" for signal in signals):
        select.select([bus.fileno()], [], [], 2.0)  # read with the reply, or still coming
        signals += bus.pending_signals()
    changed = [signal for signal in signals if signal.member == "NameOwnerChanged"]
    assert [signal.args[:2] for signal in changed] == [("org.example.Coach", "")]
    assert isinstance(changed[0], BusSignal) and changed[0].interface == "org.freedesktop.DBus"
    assert bus.pending_signals() == []  # handed out once


def test_without_a_session_bus_there_is_no_connection(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert dbus.session_bus_address() is None
    assert SessionBus.connect() is None
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'gone'}")
    assert SessionBus.connect() is None


def test_the_runtime_folder_bus_is_found_like_libdbus_finds_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with private_session_bus(f"unix:path={tmp_path / 'bus'}"):
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
        assert dbus.session_bus_address() == f"unix:path={tmp_path / 'bus'}"
        bus = SessionBus.connect()
        assert bus is not None
        assert bus.call(*DAEMON, "NameHasOwner", "s", ("org.freedesktop.DBus",)) == (True,)
        bus.close()


def test_a_bus_that_goes_away_closes_the_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    with private_session_bus() as (address, daemon):
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        bus = SessionBus.connect()
        assert bus is not None
        daemon.terminate()
        daemon.wait(timeout=5)
        with pytest.raises(DBusError):
            bus.call(*DAEMON, "NameHasOwner", "s", ("org.freedesktop.DBus",))
        assert not bus.connected
        assert bus.fileno() == -1
        assert bus.pending_signals() == []
        with pytest.raises(DBusError, match="not connected"):
            bus.call(*DAEMON, "NameHasOwner", "s", ("org.freedesktop.DBus",))
        bus.close()  # idempotent
