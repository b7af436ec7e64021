"""Whether now is a bad moment for a reminder: a locked screen, the desktop's "do not disturb".

Qt-free: each query takes the session bus (:class:`~hamstring_gui.platform.dbus.Bus`)
and, for GNOME's setting, a command runner. Tests pass fakes.

- Screen lock: ``GetActive`` of ``org.gnome.ScreenSaver`` (GNOME) or
  ``org.freedesktop.ScreenSaver`` (KDE Plasma, Xfce, others).
- Do not disturb: the ``Inhibited`` property of ``org.freedesktop.Notifications``
  where the server has one (KDE Plasma's "Do not disturb"), dunst's
  ``paused`` (``dunstctl set-paused true``), and GNOME's
  ``org.gnome.desktop.notifications show-banners`` (false while "Do Not
  Disturb" is on), read through the settings portal or, failing that, the
  ``gsettings`` command.

Every query answers False (or None) when the desktop does not tell: a
missing service never holds reminders back.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Sequence
from typing import Any

from hamstring_gui.platform.dbus import Bus, DBusError

#: A query that takes longer than this is treated as "the desktop does not tell".
TIMEOUT_SECONDS = 1.0

PROPERTIES = "org.freedesktop.DBus.Properties"
NOTIFICATIONS = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
DUNST = "org.dunstproject.cmd0"
PORTAL = ("org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop")
PORTAL_SETTINGS = "org.freedesktop.portal.Settings"
GNOME_NOTIFICATIONS = ("org.gnome.desktop.notifications", "show-banners")
SCREENSAVERS = (
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
)


#: Runs a command; its standard output, or None when it failed or is missing.
Runner = Callable[[Sequence[str]], "str | None"]


def run_command(argv: Sequence[str]) -> str | None:
    """Run ``argv`` briefly; its output when it succeeded."""
    if shutil.which(argv[0]) is None:
        return None
    try:
        done = subprocess.run(
            list(argv), capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def plain(value: Any) -> Any:
    """A D-Bus value without its variant wrappers (jeepney gives ``(signature, value)``)."""
    while (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and len(value[0]) >= 1
        and value[0][0] in "bsuivnqxtdoga({"
    ):
        value = value[1]
    return value


def _ask(
    bus: Bus | None,
    where: tuple[str, str],
    interface: str,
    method: str,
    signature: str = "",
    args: tuple[Any, ...] = (),
) -> Any:
    """The first value of a reply, or None when the desktop (or the bus) does not answer."""
    if bus is None:
        return None
    service, path = where
    try:
        reply = bus.call(
            service,
            path,
            interface,
            method,
            signature,
            args,
            timeout=TIMEOUT_SECONDS,
            auto_start=False,
        )
    except DBusError:
        return None
    return plain(reply[0]) if reply else None


class ScreenLock:
    """Whether the session's screen is locked (the first screensaver that answers)."""

    def __init__(self, bus: Bus | None) -> None:
        self._bus = bus

    def locked(self) -> bool:
        """True while the screen is locked; False when unlocked or nobody tells."""
        for service, path, interface in SCREENSAVERS:
            active = _ask(self._bus, (service, path), interface, "GetActive")
            if isinstance(active, bool):
                return active
        return False


class DoNotDisturb:
    """The desktop's own "do not disturb" switch, where it has one.

    Args:
        bus: the session bus (None: only GNOME's setting, through gsettings).
        desktop: ``XDG_CURRENT_DESKTOP``; GNOME's setting is read only on GNOME.
        run: runs ``gsettings`` when the settings portal does not answer.
    """

    def __init__(self, bus: Bus | None, desktop: str, run: Runner = run_command) -> None:
        self._bus = bus
        self._gnome = "gnome" in desktop.lower().split(":")
        self._run = run

    def active(self) -> bool:
        """True while the user asked not to be disturbed."""
        inhibited = _ask(
            self._bus,
            NOTIFICATIONS,
            PROPERTIES,
            "Get",
            signature="ss",
            args=(NOTIFICATIONS[0], "Inhibited"),
        )
        if inhibited is True:
            return True
        paused = _ask(
            self._bus, NOTIFICATIONS, PROPERTIES, "Get", signature="ss", args=(DUNST, "paused")
        )
        if paused is True:
            return True
        return self._gnome and self._gnome_banners() is False

    def _gnome_banners(self) -> bool | None:
        shown = _ask(
            self._bus,
            PORTAL,
            PORTAL_SETTINGS,
            "ReadOne",
            signature="ss",
            args=GNOME_NOTIFICATIONS,
        )
        if isinstance(shown, bool):
            return shown
        output = self._run(["gsettings", "get", *GNOME_NOTIFICATIONS])
        if output is None:
            return None
        word = output.strip()
        return {"true": True, "false": False}.get(word)
