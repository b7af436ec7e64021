"""A fake session bus, and a real private one for the tests of ``platform/dbus.py``."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from hamstring_gui.platform.dbus import REPLY_TIMEOUT_SECONDS, BusSignal, DBusError

Reply = tuple[Any, ...] | DBusError | Callable[[tuple[Any, ...]], tuple[Any, ...]]


class FakeBus:
    """A :class:`~hamstring_gui.platform.dbus.Bus` that answers from a table.

    ``replies`` maps a method name to its reply values, a :class:`DBusError`
    to raise, or a function of the call's arguments; a method not in it
    fails like a missing peer. ``calls`` records ``(interface, method,
    signature, args)``. :meth:`emit` queues a signal and makes
    :meth:`fileno` readable, as a real connection's socket would be.
    """

    def __init__(self, replies: dict[str, Reply] | None = None) -> None:
        self.replies: dict[str, Reply] = dict(replies or {})
        self.calls: list[tuple[str, str, str, tuple[Any, ...]]] = []
        self.auto_start: list[bool] = []
        self.subscriptions: list[tuple[str, str]] = []
        self._signals: list[BusSignal] = []
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        self._open = True

    @property
    def connected(self) -> bool:
        return self._open

    def call(
        self,
        service: str,
        path: str,
        interface: str,
        method: str,
        signature: str = "",
        args: tuple[Any, ...] = (),
        *,
        timeout: float = REPLY_TIMEOUT_SECONDS,
        auto_start: bool = True,
    ) -> tuple[Any, ...]:
        if not self._open:
            raise DBusError("not connected")
        self.calls.append((interface, method, signature, tuple(args)))
        self.auto_start.append(auto_start)
        reply = self.replies.get(method)
        if reply is None:
            raise DBusError(f"org.freedesktop.DBus.Error.ServiceUnknown: {service}")
        if isinstance(reply, DBusError):
            raise reply
        return reply(tuple(args)) if callable(reply) else reply

    def methods(self) -> list[str]:
        """The methods called, in order."""
        return [method for _interface, method, _signature, _args in self.calls]

    def subscribe(self, interface: str, path: str) -> None:
        if not self._open:
            raise DBusError("not connected")
        self.subscriptions.append((interface, path))

    def emit(self, interface: str, member: str, *args: Any) -> None:
        """A signal arrives from the bus."""
        self._signals.append(BusSignal(interface, member, args))
        os.write(self._write, b"s")

    def fileno(self) -> int:
        return self._read if self._open else -1

    def pending_signals(self) -> list[BusSignal]:
        if self._open:
            try:
                while os.read(self._read, 64):
                    pass
            except BlockingIOError:
                pass
        signals, self._signals = self._signals, []
        return signals

    def close(self) -> None:
        if self._open:
            self._open = False
            os.close(self._read)
            os.close(self._write)


@contextmanager
def private_session_bus(
    listen: str | None = None,
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """A ``dbus-daemon --session`` of our own: its address and process (skips without one).

    ``listen`` is a D-Bus address to listen on instead of the default.
    """
    from tests.helpers.tools import require

    require("dbus-daemon")  # fails under CI=true, never skips there
    daemon = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--print-address=1",
            *([f"--address={listen}"] if listen else []),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address, "dbus-daemon printed no address"
        yield address, daemon
    finally:
        if daemon.poll() is None:
            daemon.terminate()
            daemon.wait(timeout=5)
        if daemon.stdout is not None:
            daemon.stdout.close()
