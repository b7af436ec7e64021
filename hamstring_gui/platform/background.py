"""Start at login from inside a sandbox: the Background portal.

A Flatpak app cannot write the host's ``~/.config/autostart``; it asks
``org.freedesktop.portal.Background.RequestBackground`` instead, and the
portal writes (or removes) the login entry on the host, asking the user the
first time (https://flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.Background.html).
The call goes over the session bus through :mod:`hamstring_gui.platform.dbus`
(jeepney), as every other D-Bus call of the app. The sandbox is recognised by
``/.flatpak-info``, which Flatpak puts at the root of every sandbox.

The reply is a request handle; the user's answer arrives later as a
``Response`` signal, which the app does not wait for: start at login is the
user's own choice in Preferences, and the portal remembers it.
"""

from __future__ import annotations

from pathlib import Path

from hamstring_gui.platform.dbus import Bus, DBusError, SessionBus

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.Background"
#: What the portal starts at login (the Flatpak's command, in the tray).
COMMANDLINE = ["hamstring-gui", "--tray"]
REASON = "Remind you to take stretch breaks from the tray after you log in"


def in_sandbox(root: Path = Path("/")) -> bool:
    """Tell whether the app runs inside a Flatpak sandbox."""
    return (root / ".flatpak-info").exists()


def request_background(bus: Bus, autostart: bool) -> str:
    """Ask the portal to start the app at login (or no longer); returns the request handle.

    Raises:
        DBusError: no portal, or it refused the call.
    """
    options = {
        "reason": ("s", REASON),
        "autostart": ("b", autostart),
        "commandline": ("as", COMMANDLINE),
        "dbus-activatable": ("b", False),
    }
    reply = bus.call(SERVICE, PATH, INTERFACE, "RequestBackground", "sa{sv}", ("", options))
    return str(reply[0]) if reply else ""


def set_autostart(autostart: bool) -> str:
    """:func:`request_background` on a connection of its own.

    Raises:
        DBusError: no session bus, no portal, or a refusal.
    """
    bus = SessionBus.connect()
    if bus is None:
        raise DBusError("no session bus to reach the Background portal")
    try:
        return request_background(bus, autostart)
    finally:
        bus.close()
