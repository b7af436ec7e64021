"""A launch handed over to the running app may bring its window to the front.

A launcher (GNOME Shell, KDE, a dock) gives the process it starts a token:
``XDG_ACTIVATION_TOKEN`` on Wayland, ``DESKTOP_STARTUP_ID`` on X11. A second
``hamstring-gui`` forwards both over the control socket
(:func:`hamstring_gui.ipc.launch_tokens`); :class:`LaunchActivation` spends
them on the running window, called by the control server before the
``show``/``start`` handler raises it.

- Wayland: Qt's xdg-shell integration reads ``XDG_ACTIVATION_TOKEN`` from the
  environment in ``QWaylandXdgSurface::requestActivate()`` (called by
  ``QWindow::requestActivate()``, i.e. ``activateWindow()``), hands it to
  ``xdg_activation_v1.activate`` and unsets it (qtwayland
  ``src/plugins/shellintegration/xdg-shell/qwaylandxdgshell.cpp``; the
  protocol: https://wayland.app/protocols/xdg-activation-v1). So the token is
  put into the environment just before the raise. Without it GNOME shows
  "Hamstring Coach is ready" instead of raising the window.
- X11: Qt's xcb plugin reads ``DESKTOP_STARTUP_ID`` once, at start, and
  completes only that launch (its setter, ``QXcbNativeInterface::setStartupId``,
  is not reachable from Python). Per the startup-notification spec
  (https://specifications.freedesktop.org/startup-notification-spec/latest/)
  this module sets ``_NET_STARTUP_ID`` on the window (the window manager reads
  the launch time from it) and sends the ``remove: ID=...`` message to the root
  window on Qt's own xcb connection, so the launch spinner stops.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import struct
from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

_XCB_CLIENT_MESSAGE = 33
_XCB_EVENT_MASK_PROPERTY_CHANGE = 0x400000
_XCB_PROP_MODE_REPLACE = 0
_CHUNK = 20  # bytes of message per client-message event


class Window(Protocol):
    """What is raised: the main window (its native id on X11)."""

    def winId(self) -> int: ...  # noqa: D102, N802 - Qt's name


def startup_message(kind: str, startup_id: str) -> bytes:
    """A startup-notification message (``remove: ID=...``), NUL-terminated, value quoted."""
    escaped = startup_id.replace("\\", "\\\\").replace('"', '\\"')
    return f'{kind}: ID="{escaped}"'.encode() + b"\0"


def client_messages(message: bytes, window: int, begin: int, more: int) -> list[bytes]:
    """``message`` as 32-byte ``xcb_client_message_event_t`` events, 20 bytes each.

    The first carries type ``begin`` (``_NET_STARTUP_INFO_BEGIN``), the rest
    ``more`` (``_NET_STARTUP_INFO``); format 8, ``window`` is the sender's.
    """
    return [
        struct.pack(
            "=BBHII20s",
            _XCB_CLIENT_MESSAGE,
            8,
            0,
            window,
            begin if start == 0 else more,
            message[start : start + _CHUNK],
        )
        for start in range(0, len(message), _CHUNK)
    ]


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _AtomReply(ctypes.Structure):
    _fields_ = [
        ("response_type", ctypes.c_uint8),
        ("pad0", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("atom", ctypes.c_uint32),
    ]


class _ScreenIterator(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("rem", ctypes.c_int), ("index", ctypes.c_int)]


class _Xcb:
    """The few libxcb calls needed, on Qt's own connection."""

    def __init__(self, connection: int) -> None:
        lib = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so.1")
        self._libc = ctypes.CDLL(None)
        self._lib = lib
        self._connection = ctypes.c_void_p(connection)
        lib.xcb_intern_atom.restype = _Cookie
        lib.xcb_intern_atom.argtypes = [ctypes.c_void_p, ctypes.c_uint8, ctypes.c_uint16]
        lib.xcb_intern_atom.argtypes += [ctypes.c_char_p]
        lib.xcb_intern_atom_reply.restype = ctypes.POINTER(_AtomReply)
        lib.xcb_intern_atom_reply.argtypes = [ctypes.c_void_p, _Cookie, ctypes.c_void_p]
        lib.xcb_get_setup.restype = ctypes.c_void_p
        lib.xcb_get_setup.argtypes = [ctypes.c_void_p]
        lib.xcb_setup_roots_iterator.restype = _ScreenIterator
        lib.xcb_setup_roots_iterator.argtypes = [ctypes.c_void_p]
        lib.xcb_send_event.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint8,
            ctypes.c_uint32,
            ctypes.c_uint32,
            ctypes.c_char_p,
        ]
        lib.xcb_change_property.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint8,
            ctypes.c_uint32,
            ctypes.c_uint32,
            ctypes.c_uint32,
            ctypes.c_uint8,
            ctypes.c_uint32,
            ctypes.c_char_p,
        ]
        lib.xcb_flush.argtypes = [ctypes.c_void_p]
        self._libc.free.argtypes = [ctypes.c_void_p]

    def atom(self, name: str) -> int:
        raw = name.encode()
        cookie = self._lib.xcb_intern_atom(self._connection, 0, len(raw), raw)
        reply = self._lib.xcb_intern_atom_reply(self._connection, cookie, None)
        if not reply:
            raise OSError(f"no atom {name}")
        try:
            return int(reply.contents.atom)
        finally:
            self._libc.free(ctypes.cast(reply, ctypes.c_void_p))

    def root(self) -> int:
        screen = self._lib.xcb_setup_roots_iterator(self._lib.xcb_get_setup(self._connection))
        return int(ctypes.c_uint32.from_address(screen.data).value)  # xcb_screen_t.root

    def set_text_property(self, window: int, name: str, value: bytes) -> None:
        self._lib.xcb_change_property(
            self._connection,
            _XCB_PROP_MODE_REPLACE,
            window,
            self.atom(name),
            self.atom("UTF8_STRING"),
            8,
            len(value),
            value,
        )

    def send_to_root(self, event: bytes) -> None:
        self._lib.xcb_send_event(
            self._connection, 0, self.root(), _XCB_EVENT_MASK_PROPERTY_CHANGE, event
        )

    def flush(self) -> None:
        self._lib.xcb_flush(self._connection)


def _drop_token(token: str) -> None:
    if os.environ.get("XDG_ACTIVATION_TOKEN") == token:
        del os.environ["XDG_ACTIVATION_TOKEN"]


class LaunchActivation:
    """Spends a handed-over launch's tokens on ``window`` (the control server's launch hook)."""

    def __init__(self, window: Window, platform: str | None = None) -> None:
        self._window = window
        self._platform = platform

    def __call__(self, launch: dict[str, str]) -> None:
        """Prepare the raise that follows (Wayland) and complete the launch (X11)."""
        platform = self._platform or QGuiApplication.platformName()
        token = launch.get("XDG_ACTIVATION_TOKEN")
        startup_id = launch.get("DESKTOP_STARTUP_ID")
        if platform.startswith("wayland") and token:
            # Qt reads and clears it in the activateWindow() the handler calls next;
            # a token left unspent (a refused command) is dropped after it.
            os.environ["XDG_ACTIVATION_TOKEN"] = token
            QTimer.singleShot(0, lambda: _drop_token(token))
        elif platform == "xcb" and startup_id:
            try:
                self._complete_x11_launch(startup_id)
            except (OSError, AttributeError, ValueError) as error:
                log.warning("startup notification not completed: %s", error)

    def _complete_x11_launch(self, startup_id: str) -> None:
        app = QGuiApplication.instance()
        native = app.nativeInterface() if isinstance(app, QGuiApplication) else None
        if native is None or not hasattr(native, "connection"):
            return
        xcb = _Xcb(int(native.connection()))
        window = int(self._window.winId())
        xcb.set_text_property(window, "_NET_STARTUP_ID", startup_id.encode())
        begin, more = xcb.atom("_NET_STARTUP_INFO_BEGIN"), xcb.atom("_NET_STARTUP_INFO")
        for event in client_messages(startup_message("remove", startup_id), window, begin, more):
            xcb.send_to_root(event)
        xcb.flush()
