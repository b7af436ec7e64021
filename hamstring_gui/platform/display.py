"""Is there a graphical session to open a window in? Asked before Qt loads.

Without one, ``QGuiApplication`` aborts the process (SIGABRT, exit 134) with
"This application failed to start because no Qt platform plugin could be
initialized. Reinstalling the application may fix this problem" and, for
xcb, a hint about ``libxcb-cursor0`` that is wrong here. :func:`choose_platform`
answers first, without Qt: the Qt platform to use, or one sentence saying
why there is none (the CLI prints it and exits 2).

The order is ``wayland;xcb``, so a Wayland session uses Wayland and an X11
session (or XWayland only) uses xcb. A ``QT_QPA_PLATFORM`` the user set is
respected: its candidates are checked the same way, and platforms that need
no display (``offscreen``, ``minimal``, ``vnc``...) are taken as they are.

Wayland: the compositor's socket is ``$WAYLAND_DISPLAY`` (absolute, or in
``$XDG_RUNTIME_DIR``); a socket file nobody accepts on (a compositor that
died) counts as none. X11: ``xcb_connect`` from libxcb (what Qt's xcb plugin
calls, so authorisation problems count too); without libxcb, a connect to
the display's socket.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

#: The order Qt tries when the user chose nothing (Qt's own syntax).
PREFERRED = "wayland;xcb"
#: Platforms that open no connection to a display server.
NO_DISPLAY_NEEDED = (
    "offscreen",
    "minimal",
    "minimalegl",
    "vnc",
    "linuxfb",
    "eglfs",
    "vkkhrdisplay",
)
#: The sentence when neither variable is set.
UNSET = "no graphical session: DISPLAY and WAYLAND_DISPLAY are unset"


@dataclass(frozen=True)
class Choice:
    """What :func:`choose_platform` found.

    Attributes:
        platform: the value for ``QT_QPA_PLATFORM`` ("" when there is none).
        problem: why there is no graphical session ("" when there is one).
    """

    platform: str
    problem: str = ""


Probe = Callable[[str], bool]


def wayland_socket(env: Mapping[str, str]) -> Path | None:
    """The compositor socket ``WAYLAND_DISPLAY`` names, or None when it is unset."""
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        return None
    if name.startswith("/"):
        return Path(name)
    return Path(env.get("XDG_RUNTIME_DIR", "") or "/nonexistent") / name


def accepts(path: Path) -> bool:
    """Tell whether something listens on the Unix socket at ``path``."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(1.0)
        try:
            client.connect(str(path))
        except OSError:
            return False
    return True


def x_display_opens(display: str) -> bool:
    """Tell whether the X server ``display`` accepts this client (as Qt's xcb plugin asks)."""
    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return _x_socket_accepts(display)
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)  # also frees the error object xcb hands out


def _x_socket_accepts(display: str) -> bool:
    """Without libxcb: whether the local socket (or TCP port) of ``display`` accepts."""
    match = re.fullmatch(r"(?:unix)?(?P<host>[^:/]*):(?P<number>\d+)(?:\.\d+)?", display)
    if match is None:
        return False
    number = int(match["number"])
    if match["host"] and match["host"] != "unix":
        with (
            contextlib.suppress(OSError),
            socket.create_connection((match["host"], 6000 + number), timeout=1.0),
        ):
            return True
        return False
    return accepts(Path(f"/tmp/.X11-unix/X{number}"))


def choose_platform(
    env: Mapping[str, str],
    *,
    wayland_up: Callable[[Path], bool] = accepts,
    x_up: Probe = x_display_opens,
) -> Choice:
    """The Qt platform for ``env`` (``os.environ``), or the reason there is none.

    Args:
        env: the environment (``QT_QPA_PLATFORM``, ``WAYLAND_DISPLAY``,
            ``DISPLAY``, ``XDG_RUNTIME_DIR``).
        wayland_up: whether a compositor listens on a socket (tests pass fakes).
        x_up: whether an X display can be opened.
    """
    asked = env.get("QT_QPA_PLATFORM", "").strip()
    candidates = [part.strip() for part in (asked or PREFERRED).split(";") if part.strip()]
    reasons: list[str] = []
    working: list[str] = []
    for candidate in candidates:
        name = candidate.split(":", 1)[0]
        if name in NO_DISPLAY_NEEDED:
            working.append(candidate)
        elif name.startswith("wayland"):
            path = wayland_socket(env)
            if path is None:
                reasons.append("WAYLAND_DISPLAY is unset")
            elif wayland_up(path):
                working.append(candidate)
            else:
                reasons.append(f"no Wayland compositor answers at {path}")
        elif name == "xcb":
            display = env.get("DISPLAY", "")
            if not display:
                reasons.append("DISPLAY is unset")
            elif x_up(display):
                working.append(candidate)
            else:
                reasons.append(f"the X display {display} cannot be opened")
        else:
            working.append(candidate)  # a platform this check does not know: Qt decides
    if working:
        # Every platform that answers, in order: Qt still falls back to the next one
        # when a plugin cannot load (Wayland's needs libwayland-client, say).
        return Choice(asked or ";".join(working))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return Choice("", UNSET)
    # A variable left unset is worth naming only when nothing else went wrong.
    found = [reason for reason in reasons if not reason.endswith(" is unset")] or reasons
    return Choice("", "no graphical session: " + ", and ".join(found))


def prepare(env: dict[str, str] | None = None) -> str:
    """Set ``QT_QPA_PLATFORM`` for Qt to the platforms found; returns the problem or "".

    A value the user set stays untouched. Otherwise only the platforms that
    answer are named, so Qt does not try a dead Wayland socket first.
    """
    environment = os.environ if env is None else env
    choice = choose_platform(environment)
    if choice.problem:
        return choice.problem
    if not environment.get("QT_QPA_PLATFORM"):
        environment["QT_QPA_PLATFORM"] = choice.platform
    return ""
