"""Typed D-Bus method calls that PySide6's QtDBus cannot marshal, on a private connection.

WORKAROUND for PySide6 6.12 having no way to send a D-Bus ``uint32``: it has
no ``QVariant``, a Python ``int`` always goes out as ``int32`` (``i``), and
``QDBusArgument << int`` binds to the ``ushort`` overload (``q``), even for a
``bool`` (measured here). Servers built on GDBus check the signature and
refuse the call: dunst answers ``Notify`` with "Type of message
'(sisssasa{sv}i)' does not match expected type '(susssasa{sv}i)'".

So :class:`DBusLink` opens its **own** session-bus connection with libdbus
(``libdbus-1.so.3``, which QtDBus loads too; Debian ``libdbus-1-3``) and
builds those few messages with exact types. It is driven entirely from the
Qt main thread: a ``QSocketNotifier`` on the connection's socket reads
incoming signals (``ActionInvoked`` and ``NotificationClosed`` are sent to
the connection that sent ``Notify``, so they must come back on this one);
calls block on their reply with a short timeout, like ``QDBus.Block``.
(Sending on QtDBus's own connection via ``internalPointer()`` was tried:
libdbus then calls QtDBus's timer hooks from the wrong thread and the call
fails with ``NoMemory``.)

Lifecycle: ``DBusLink.session()`` connects (``None`` without a session
bus); :meth:`DBusLink.add_match` subscribes to signals, which arrive as
``signalReceived``; :meth:`DBusLink.close` disconnects (also on deletion of
the QObject's parent).

Only the types the app sends are supported: ``s``, ``u``, ``i``, ``b``,
``as`` and ``a{sv}`` with ``str``/``bool``/``int`` values; incoming signal
arguments of basic types and arrays of them are decoded, others are ``None``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

_TYPE = {code: ord(code) for code in "suibav"}
_DICT_ENTRY = ord("e")
_MESSAGE_SIGNAL = 4
_BUS_SESSION = 0
_REPLY_TIMEOUT_MS = 2000


class DBusCallError(RuntimeError):
    """The call could not be made or the peer answered with an error."""


class _Error(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("message", ctypes.c_char_p),
        ("bits", ctypes.c_uint),
        ("padding", ctypes.c_void_p),
    ]


def _iterator() -> ctypes.Array[ctypes.c_void_p]:
    # DBusMessageIter is 72 bytes on 64-bit; a generous, pointer-aligned buffer.
    return (ctypes.c_void_p * 16)()


_lib: ctypes.CDLL | None = None


def _libdbus() -> ctypes.CDLL:
    global _lib
    if _lib is None:
        name = ctypes.util.find_library("dbus-1") or "libdbus-1.so.3"
        lib = ctypes.CDLL(name)
        vp, cp, ci, cu = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_uint32
        signatures: dict[str, tuple[Any, list[Any]]] = {
            "dbus_message_new_method_call": (vp, [cp, cp, cp, cp]),
            "dbus_message_unref": (None, [vp]),
            "dbus_message_iter_init_append": (None, [vp, vp]),
            "dbus_message_iter_append_basic": (cu, [vp, ci, vp]),
            "dbus_message_iter_open_container": (cu, [vp, ci, cp, vp]),
            "dbus_message_iter_close_container": (cu, [vp, vp]),
            "dbus_message_iter_init": (cu, [vp, vp]),
            "dbus_message_iter_get_arg_type": (ci, [vp]),
            "dbus_message_iter_get_basic": (None, [vp, vp]),
            "dbus_message_get_type": (ci, [vp]),
            "dbus_connection_send_with_reply_and_block": (vp, [vp, vp, ci, ctypes.POINTER(_Error)]),
            "dbus_bus_get_private": (vp, [ci, ctypes.POINTER(_Error)]),
            "dbus_bus_add_match": (None, [vp, cp, ctypes.POINTER(_Error)]),
            "dbus_connection_set_exit_on_disconnect": (None, [vp, cu]),
            "dbus_connection_get_unix_fd": (cu, [vp, ctypes.POINTER(ci)]),
            "dbus_connection_read_write": (cu, [vp, ci]),
            "dbus_connection_pop_message": (vp, [vp]),
            "dbus_connection_get_is_connected": (cu, [vp]),
            "dbus_connection_close": (None, [vp]),
            "dbus_connection_unref": (None, [vp]),
            "dbus_message_get_interface": (cp, [vp]),
            "dbus_message_get_member": (cp, [vp]),
            "dbus_message_iter_next": (cu, [vp]),
            "dbus_message_iter_recurse": (None, [vp, vp]),
            "dbus_error_init": (None, [ctypes.POINTER(_Error)]),
            "dbus_error_free": (None, [ctypes.POINTER(_Error)]),
        }
        for function, (restype, argtypes) in signatures.items():
            getattr(lib, function).restype = restype
            getattr(lib, function).argtypes = argtypes
        _lib = lib
    return _lib


def _append(lib: ctypes.CDLL, it: Any, code: str, value: Any, keep: list[Any]) -> None:
    if code == "s":
        data = ctypes.c_char_p(str(value).encode("utf-8"))
        keep.append(data)
        ok = lib.dbus_message_iter_append_basic(it, _TYPE["s"], ctypes.byref(data))
    elif code in "ui":
        number = ctypes.c_uint32(value) if code == "u" else ctypes.c_int32(value)
        ok = lib.dbus_message_iter_append_basic(it, _TYPE[code], ctypes.byref(number))
    elif code == "b":
        flag = ctypes.c_uint32(1 if value else 0)  # dbus_bool_t is 32 bits
        ok = lib.dbus_message_iter_append_basic(it, _TYPE["b"], ctypes.byref(flag))
    elif code == "as":
        sub = _iterator()
        ok = lib.dbus_message_iter_open_container(it, _TYPE["a"], b"s", sub)
        for item in value:
            _append(lib, sub, "s", item, keep)
        ok = ok and lib.dbus_message_iter_close_container(it, sub)
    elif code == "a{sv}":
        sub = _iterator()
        ok = lib.dbus_message_iter_open_container(it, _TYPE["a"], b"{sv}", sub)
        for key, item in dict(value).items():
            entry, variant = _iterator(), _iterator()
            inner = "b" if isinstance(item, bool) else "i" if isinstance(item, int) else "s"
            ok = ok and lib.dbus_message_iter_open_container(sub, _DICT_ENTRY, None, entry)
            _append(lib, entry, "s", key, keep)
            ok = ok and lib.dbus_message_iter_open_container(
                entry, _TYPE["v"], inner.encode(), variant
            )
            _append(lib, variant, inner, item, keep)
            ok = ok and lib.dbus_message_iter_close_container(entry, variant)
            ok = ok and lib.dbus_message_iter_close_container(sub, entry)
        ok = ok and lib.dbus_message_iter_close_container(it, sub)
    else:
        raise ValueError(f"unsupported D-Bus type {code!r}")
    if not ok:
        raise DBusCallError(f"out of memory appending {code!r}")


def split_signature(signature: str) -> list[str]:
    """``"susssasa{sv}i"`` -> ``["s", "u", "s", "s", "s", "as", "a{sv}", "i"]``."""
    parts, i = [], 0
    while i < len(signature):
        if signature.startswith("a{sv}", i):
            parts.append("a{sv}")
            i += 5
        elif signature.startswith("as", i):
            parts.append("as")
            i += 2
        elif signature[i] in "suib":
            parts.append(signature[i])
            i += 1
        else:
            raise ValueError(f"unsupported D-Bus signature {signature!r}")
    return parts


def _read_basic(lib: ctypes.CDLL, it: Any) -> Any:
    kind = lib.dbus_message_iter_get_arg_type(it)
    if kind in (_TYPE["u"], _TYPE["b"]):
        number: Any = ctypes.c_uint32()
    elif kind == _TYPE["i"]:
        number = ctypes.c_int32()
    elif kind == _TYPE["a"]:  # an array of basic values (``as`` for GetCapabilities)
        sub, items = _iterator(), []
        lib.dbus_message_iter_recurse(it, sub)
        while lib.dbus_message_iter_get_arg_type(sub) != 0:
            items.append(_read_basic(lib, sub))
            lib.dbus_message_iter_next(sub)
        return items
    elif kind == _TYPE["s"]:
        text = ctypes.c_char_p()
        lib.dbus_message_iter_get_basic(it, ctypes.byref(text))
        return (text.value or b"").decode("utf-8", "replace")
    else:
        return None
    lib.dbus_message_iter_get_basic(it, ctypes.byref(number))
    return bool(number.value) if kind == _TYPE["b"] else int(number.value)


def _read_all(lib: ctypes.CDLL, message: Any) -> list[Any]:
    values: list[Any] = []
    it = _iterator()
    if lib.dbus_message_iter_init(message, it):
        values.append(_read_basic(lib, it))
        while lib.dbus_message_iter_next(it):
            values.append(_read_basic(lib, it))
    return values


class DBusLink(QObject):
    """A private session-bus connection for exactly typed calls and their signals.

    Signals:
        signalReceived(str, str, list): interface, member and the decoded
            arguments of a D-Bus signal matched by :meth:`add_match`.
    """

    signalReceived = Signal(str, str, list)  # noqa: N815 - Qt's camelCase for signals

    def __init__(self, connection: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = _libdbus()
        self._connection: int | None = connection
        fd = ctypes.c_int(-1)
        self._lib.dbus_connection_get_unix_fd(connection, ctypes.byref(fd))
        self._notifier = QSocketNotifier(fd.value, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    @classmethod
    def session(cls, parent: QObject | None = None) -> DBusLink | None:
        """Connect to the session bus, or ``None`` when there is none (or no libdbus)."""
        try:
            lib = _libdbus()
        except OSError:
            return None
        error = _Error()
        lib.dbus_error_init(ctypes.byref(error))
        connection = lib.dbus_bus_get_private(_BUS_SESSION, ctypes.byref(error))
        if not connection:
            lib.dbus_error_free(ctypes.byref(error))
            return None
        # libdbus would _exit() the whole app when the bus goes away.
        lib.dbus_connection_set_exit_on_disconnect(connection, 0)
        return cls(connection, parent)

    @property
    def connected(self) -> bool:
        """Tell whether the connection is still up."""
        return bool(self._connection) and bool(
            self._lib.dbus_connection_get_is_connected(self._connection)
        )

    def add_match(self, rule: str) -> None:
        """Receive the signals matching ``rule`` as :attr:`signalReceived`."""
        if not self.connected:
            raise DBusCallError("not connected")
        error = _Error()
        self._lib.dbus_error_init(ctypes.byref(error))
        self._lib.dbus_bus_add_match(self._connection, rule.encode(), ctypes.byref(error))
        if error.name:
            text = (error.message or b"").decode()
            self._lib.dbus_error_free(ctypes.byref(error))
            raise DBusCallError(text)

    def call(
        self,
        service: str,
        path: str,
        interface: str,
        method: str,
        signature: str,
        args: Sequence[Any],
        *,
        timeout_ms: int = _REPLY_TIMEOUT_MS,
    ) -> list[Any]:
        """Call ``method`` with exactly typed arguments; return the reply's basic values.

        Raises:
            DBusCallError: not connected, no reply in time, or an error reply.
        """
        codes = split_signature(signature)
        if len(codes) != len(args):
            raise ValueError(f"{signature!r} takes {len(codes)} arguments, got {len(args)}")
        if not self.connected:
            raise DBusCallError("not connected")
        lib = self._lib
        message = lib.dbus_message_new_method_call(
            service.encode(), path.encode(), interface.encode(), method.encode()
        )
        if not message:
            raise DBusCallError("out of memory")
        keep: list[Any] = []  # the bytes libdbus copies from must live until appended
        error = _Error()
        lib.dbus_error_init(ctypes.byref(error))
        try:
            it = _iterator()
            lib.dbus_message_iter_init_append(message, it)
            for code, value in zip(codes, args, strict=True):
                _append(lib, it, code, value, keep)
            reply = lib.dbus_connection_send_with_reply_and_block(
                self._connection, message, timeout_ms, ctypes.byref(error)
            )
        finally:
            lib.dbus_message_unref(message)
            # Blocking may have read signals into libdbus's queue without the
            # socket notifier firing for them; hand them out from the event loop.
            QTimer.singleShot(0, self, self._dispatch)
        if not reply:
            text = f"{(error.name or b'').decode()}: {(error.message or b'').decode()}"
            lib.dbus_error_free(ctypes.byref(error))
            raise DBusCallError(text)
        try:
            return _read_all(lib, reply)
        finally:
            lib.dbus_message_unref(reply)

    def close(self) -> None:
        """Disconnect (idempotent)."""
        if self._connection:
            self._notifier.setEnabled(False)
            self._lib.dbus_connection_close(self._connection)
            self._lib.dbus_connection_unref(self._connection)
            self._connection = None

    def _read(self) -> None:
        if not self._connection:
            return
        if not self._lib.dbus_connection_read_write(self._connection, 0) or not self.connected:
            self.close()  # the bus went away
            return
        self._dispatch()

    def _dispatch(self) -> None:
        lib = self._lib
        while self._connection:
            message = lib.dbus_connection_pop_message(self._connection)
            if not message:
                return
            try:
                if lib.dbus_message_get_type(message) == _MESSAGE_SIGNAL:
                    interface = (lib.dbus_message_get_interface(message) or b"").decode()
                    member = (lib.dbus_message_get_member(message) or b"").decode()
                    self.signalReceived.emit(interface, member, _read_all(lib, message))
            finally:
                lib.dbus_message_unref(message)
