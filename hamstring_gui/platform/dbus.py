"""The session bus: exactly typed method calls and the signals they lead to.

Built on ``jeepney`` (pure Python). PySide6's QtDBus cannot send a D-Bus
``uint32`` (a Python ``int`` goes out as ``int32``), and servers built on
GDBus check the signature: dunst refuses a ``Notify`` whose ``replaces_id``
is not a ``u``. Here every call names its signature.

No Qt: the UI watches :meth:`SessionBus.fileno` (a ``QSocketNotifier``) and
then takes :meth:`SessionBus.pending_signals`. Calls block for their reply
with a short timeout; signals that arrive meanwhile are kept for the next
:meth:`~SessionBus.pending_signals`.

Values follow jeepney: ``s``, ``u``, ``i``, ``b`` are ``str``/``int``/``bool``,
``as`` a list, and a variant (``v``) a ``(signature, value)`` pair, so
``a{sv}`` is a dict like ``{"category": ("s", "x-app.reminder")}``.
"""

from __future__ import annotations

import os
import struct
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from jeepney import (
    AuthenticationError,
    DBusAddress,
    HeaderFields,
    MatchRule,
    MessageFlag,
    MessageType,
    new_method_call,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

#: How long a call waits for its reply by default.
REPLY_TIMEOUT_SECONDS = 2.0
# Signals kept between two reads; a reminder's few answers never come near it.
_MAX_PENDING = 256


class DBusError(RuntimeError):
    """The call could not be made, took too long, or the peer answered with an error."""


@dataclass(frozen=True)
class BusSignal:
    """A D-Bus signal that matched a subscription."""

    interface: str
    member: str
    args: tuple[Any, ...]


class Bus(Protocol):
    """What the desktop glue needs of a bus (a fake in ``tests/helpers/dbus.py``)."""

    @property
    def connected(self) -> bool:
        """Whether calls can still be made."""
        ...

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
        """Call ``method`` and return the reply's values; raises :class:`DBusError`."""
        ...

    def subscribe(self, interface: str, path: str) -> None:
        """Receive the signals ``interface`` sends from ``path``; raises :class:`DBusError`."""
        ...

    def fileno(self) -> int:
        """A descriptor that turns readable when signals may be waiting."""
        ...

    def pending_signals(self) -> list[BusSignal]:
        """The subscribed signals received so far, oldest first; never blocks."""
        ...

    def close(self) -> None:
        """Disconnect (idempotent)."""
        ...


def session_bus_address() -> str | None:
    """``DBUS_SESSION_BUS_ADDRESS``, else ``$XDG_RUNTIME_DIR/bus`` if it exists (as libdbus)."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and (Path(runtime) / "bus").is_socket():
        return f"unix:path={Path(runtime) / 'bus'}"
    return None


class SessionBus:
    """A private connection to the session bus."""

    def __init__(self, connection: DBusConnection) -> None:
        self._connection: DBusConnection | None = connection
        self._signals: deque[Any] = deque(maxlen=_MAX_PENDING)
        # Every signal that reaches this connection (the bus sends only subscribed ones).
        self._filter = connection.filter(MatchRule(type="signal"), queue=self._signals)

    @classmethod
    def connect(cls) -> SessionBus | None:
        """Connect, or ``None`` when there is no session bus to reach."""
        address = session_bus_address()
        if address is None:
            return None
        try:
            return cls(open_dbus_connection(address))
        except (OSError, ValueError, AuthenticationError, StopIteration):
            return None

    @property
    def connected(self) -> bool:
        """Whether calls can still be made."""
        return self._connection is not None

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
        """Call ``method`` with exactly typed ``args``; return the reply's values."""
        connection = self._live()
        address = DBusAddress(path, bus_name=service, interface=interface)
        try:
            message = new_method_call(address, method, signature or None, args)
            message.serialise(serial=1)  # the arguments fit the signature: checked before sending
        except (TypeError, ValueError, struct.error) as error:
            raise DBusError(f"cannot build {method}({signature}): {error}") from error
        if not auto_start:
            message.header.flags |= MessageFlag.no_auto_start
        try:
            reply = connection.send_and_get_reply(message, timeout=timeout)
        except TimeoutError as error:
            raise DBusError(f"{method}: no reply in {timeout} s") from error
        except (OSError, ValueError) as error:
            self.close()  # the bus went away or sent what cannot be read
            raise DBusError(f"{method}: {error}") from error
        if reply.header.message_type is MessageType.error:
            name = reply.header.fields.get(HeaderFields.error_name, "error")
            detail = reply.body[0] if reply.body else ""
            raise DBusError(f"{name}: {detail}")
        return tuple(reply.body)

    def subscribe(self, interface: str, path: str) -> None:
        """Ask the bus for the signals ``interface`` sends from ``path``."""
        connection = self._live()
        rule = MatchRule(type="signal", interface=interface, path=path)
        try:
            reply = connection.send_and_get_reply(
                message_bus.AddMatch(rule), timeout=REPLY_TIMEOUT_SECONDS
            )
        except (OSError, TimeoutError) as error:
            raise DBusError(f"AddMatch: {error}") from error
        if reply.header.message_type is MessageType.error:
            raise DBusError(f"AddMatch refused: {reply.body}")

    def fileno(self) -> int:
        """The connection's socket (-1 once closed)."""
        return self._connection.sock.fileno() if self._connection is not None else -1

    def pending_signals(self) -> list[BusSignal]:
        """Read what the socket holds, without waiting, and hand out the signals."""
        connection = self._connection
        while connection is not None:
            try:
                connection.recv_messages(timeout=0)
            except TimeoutError:
                break  # nothing more to read now
            except (OSError, ValueError):
                self.close()  # the bus went away
                break
        signals = [
            BusSignal(
                message.header.fields.get(HeaderFields.interface, ""),
                message.header.fields.get(HeaderFields.member, ""),
                tuple(message.body),
            )
            for message in self._signals
        ]
        self._signals.clear()
        return signals

    def close(self) -> None:
        """Disconnect (idempotent)."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            self._filter.close()
            connection.close()

    def _live(self) -> DBusConnection:
        if self._connection is None:
            raise DBusError("not connected")
        return self._connection
