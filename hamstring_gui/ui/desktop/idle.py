"""How long the user has been away, and whether now is a bad moment (do not disturb).

Idle time comes from the first source the desktop offers:

1. ``org.gnome.Mutter.IdleMonitor`` ``GetIdletime`` (GNOME, also on Wayland),
2. ``org.freedesktop.ScreenSaver`` ``GetSessionIdleTime`` (KDE Plasma),
3. the X screensaver extension, ``XScreenSaverQueryInfo`` from
   ``libXss.so.1`` (Debian ``libxss1``) on X11 sessions,
4. otherwise none: :attr:`IdleMonitor.source` is ``"none"`` and idle time
   never counts as a break (said once on stderr, not an error).

Do not disturb is true while the active X window is full-screen
(``_NET_ACTIVE_WINDOW`` + ``_NET_WM_STATE_FULLSCREEN``, read with Xlib via
ctypes) or while a screensaver inhibitor is held where the desktop tells us
(``org.freedesktop.PowerManagement.Inhibit`` ``HasInhibit`` on KDE). Not
detectable on Wayland sessions without those services, where it is simply
never on. The D-Bus questions go through :mod:`hamstring_gui.platform.dbus`.

Locked screens and the desktop's own "do not disturb" come from
:mod:`hamstring_gui.platform.presence` (Qt-free), asked on the same bus.

Lifecycle: :class:`IdleMonitor` checks once every
:data:`CHECK_INTERVAL_MS` **only while watching** — the reminder service
turns watching on while reminders are on and work is being counted (or the
user is away and we wait for them to come back) and off otherwise, so an
idle desktop with reminders off costs nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from hamstring_gui.core.i18n import _
from hamstring_gui.core.reminders import Hold
from hamstring_gui.platform.dbus import Bus, DBusError
from hamstring_gui.platform.presence import DoNotDisturb, ScreenLock

#: One idle check a minute while watching: enough for breaks counted in minutes.
CHECK_INTERVAL_MS = 60_000
_DBUS_TIMEOUT_SECONDS = 0.5


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    ]


class _X11:
    """The few Xlib / XSS calls needed, on our own display connection."""

    def __init__(self) -> None:
        xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        xlib.XInternAtom.restype = ctypes.c_ulong
        xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        xlib.XGetWindowProperty.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_void_p),
        ]
        xlib.XFree.argtypes = [ctypes.c_void_p]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.xlib = xlib
        self.display = xlib.XOpenDisplay(None)
        if not self.display:
            raise OSError("cannot open the X display")
        self.root = xlib.XDefaultRootWindow(self.display)
        self.xss: Any = None
        self.info: Any = None
        try:
            xss = ctypes.CDLL(ctypes.util.find_library("Xss") or "libXss.so.1")
        except OSError:
            return
        xss.XScreenSaverQueryExtension.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
        xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XScreenSaverInfo),
        ]
        event, error = ctypes.c_int(), ctypes.c_int()
        if xss.XScreenSaverQueryExtension(self.display, ctypes.byref(event), ctypes.byref(error)):
            self.xss = xss
            self.info = xss.XScreenSaverAllocInfo()

    def idle_seconds(self) -> float | None:
        if self.xss is None or not self.xss.XScreenSaverQueryInfo(
            self.display, self.root, self.info
        ):
            return None
        return float(self.info.contents.idle) / 1000.0

    def _atoms(self, window: int, name: bytes) -> list[int]:
        xlib = self.xlib
        prop = xlib.XInternAtom(self.display, name, 1)
        if not prop:
            return []
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = xlib.XGetWindowProperty(
            self.display,
            window,
            prop,
            0,
            64,
            0,
            0,
            ctypes.byref(kind),
            ctypes.byref(fmt),
            ctypes.byref(count),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        if status != 0 or not data.value:
            return []
        try:
            if fmt.value != 32:
                return []
            # Format 32 properties come back as C longs.
            values = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [values[i] for i in range(count.value)]
        finally:
            xlib.XFree(data)

    def active_window_fullscreen(self) -> bool:
        active = self._atoms(self.root, b"_NET_ACTIVE_WINDOW")
        if not active or not active[0]:
            return False
        fullscreen = self.xlib.XInternAtom(self.display, b"_NET_WM_STATE_FULLSCREEN", 1)
        return bool(fullscreen) and fullscreen in self._atoms(active[0], b"_NET_WM_STATE")

    def close(self) -> None:
        if self.display:
            self.xlib.XCloseDisplay(self.display)
            self.display = None


def _dbus_value(bus: Bus | None, service: str, path: str, interface: str, method: str) -> Any:
    """The first value of a reply, or None when the bus or the service is not there."""
    if bus is None or not bus.connected:
        return None
    try:
        reply = bus.call(
            service, path, interface, method, timeout=_DBUS_TIMEOUT_SECONDS, auto_start=False
        )
    except DBusError:
        return None
    return reply[0] if reply else None


def _is_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class IdleMonitor(QObject):
    """Reads the desktop's idle time and what holds reminders back.

    Args:
        bus: the session bus (None: only the X server is asked); closed in
            :meth:`close`.

    Signals:
        sampled(float, object): idle seconds and the :class:`Hold` set
            (a ``frozenset``), once per check while watching (idle 0 when no
            source is available).
    """

    sampled = Signal(float, object)

    def __init__(self, bus: Bus | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._lock = ScreenLock(bus)
        self._dnd = DoNotDisturb(bus, os.environ.get("XDG_CURRENT_DESKTOP", ""))
        self._x11: _X11 | None = None
        if QGuiApplication.platformName() == "xcb":
            try:
                self._x11 = _X11()
            except OSError:
                self._x11 = None
        self.source = self._find_source()
        if self.source == "none":
            print(
                "hamstring-gui: "
                + _("the desktop offers no idle time; time away will not count as a break"),
                file=sys.stderr,
            )
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def _find_source(self) -> str:
        if self._mutter() is not None:
            return "mutter"
        if self._screensaver() is not None:
            return "screensaver"
        if self._x11 is not None and self._x11.idle_seconds() is not None:
            return "xss"
        return "none"

    def _mutter(self) -> float | None:
        value = _dbus_value(
            self._bus,
            "org.gnome.Mutter.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            "org.gnome.Mutter.IdleMonitor",
            "GetIdletime",
        )
        return float(value) / 1000.0 if _is_number(value) else None

    def _screensaver(self) -> float | None:
        value = _dbus_value(
            self._bus,
            "org.freedesktop.ScreenSaver",
            "/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "GetSessionIdleTime",
        )
        return float(value) if _is_number(value) else None

    @property
    def watching(self) -> bool:
        """Tell whether the periodic check runs."""
        return self._timer.isActive()

    def set_watching(self, watching: bool) -> None:
        """Start or stop the once-a-minute check (the reminder service decides)."""
        if watching and not self._timer.isActive() and self.source != "none":
            self._timer.start()
        elif not watching and self._timer.isActive():
            self._timer.stop()

    def idle_seconds(self) -> float | None:
        """Seconds since the last input, or ``None`` when not available."""
        if self.source == "mutter":
            return self._mutter()
        if self.source == "screensaver":
            return self._screensaver()
        if self.source == "xss" and self._x11 is not None:
            return self._x11.idle_seconds()
        return None

    def full_screen(self) -> bool:
        """A full-screen active window, or a held screensaver inhibitor where visible."""
        if self._x11 is not None and self._x11.active_window_fullscreen():
            return True
        inhibited = _dbus_value(
            self._bus,
            "org.freedesktop.PowerManagement",
            "/org/freedesktop/PowerManagement/Inhibit",
            "org.freedesktop.PowerManagement.Inhibit",
            "HasInhibit",
        )
        return inhibited is True

    def holds(self) -> frozenset[Hold]:
        """What holds reminders back now: full screen, a locked screen, do not disturb."""
        held = set()
        if self.full_screen():
            held.add(Hold.FULL_SCREEN)
        if self._lock.locked():
            held.add(Hold.LOCKED)
        if self._dnd.active():  # GNOME's setting is read through gsettings without a bus
            held.add(Hold.DO_NOT_DISTURB)
        return frozenset(held)

    def check(self) -> None:
        """Read both now and emit :attr:`sampled`."""
        self.sampled.emit(self.idle_seconds() or 0.0, self.holds())

    def close(self) -> None:
        """Stop checking and close the X and bus connections."""
        self._timer.stop()
        if self._bus is not None:
            self._bus.close()
            self._bus = None
        if self._x11 is not None:
            self._x11.close()
            self._x11 = None
