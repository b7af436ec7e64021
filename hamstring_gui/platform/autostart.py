"""Start at login: an XDG autostart entry that opens the app in the tray.

The entry is ``$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop`` (``~/.config``
when unset), per the XDG Autostart spec; its text is the packaging template
``packaging/linux/autostart/…desktop`` (``Exec=hamstring-gui --tray``) when
``hamstring-gui`` is on ``PATH``. A source install (``.venv/bin`` only) gets
the absolute path of the running program instead (:func:`launch_command`),
since the login session would not find the bare name.

No Qt here: the app calls :func:`sync` at start and on every settings
change; a :class:`AutostartError` carries the sentence to show the user.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from hamstring_gui.core import i18n
from hamstring_gui.core.settings.store import write_atomic

DESKTOP_ID = "io.github.hamstringcoach.HamstringCoach"
TRAY_FLAG = "--tray"

NAME = "Hamstring Coach reminders"
COMMENT = "Reminds you to take a stretch break"


def _localized(key: str, english: str) -> str:
    """``Name[de]=…`` for each shipped language, then ``Name=…``, as ``msgfmt --desktop`` writes.

    The login screen shows the entry in the desktop's language whatever the
    app's: every translation goes in, from the same catalogues (``make po``
    extracts the packaging template these words come from).
    """
    lines = [
        f"{key}[{code}]={i18n.load(code).translations.gettext(english)}"
        for code in i18n.translated_languages()
    ]
    return "\n".join([*lines, f"{key}={english}"])


@functools.cache
def entry() -> str:
    """The entry's text with ``Exec=hamstring-gui --tray``.

    Built on first use, not at import: every language's catalogue is read for
    it, and the app imports this module on every start.
    """
    return f"""[Desktop Entry]
Type=Application
Version=1.4
{_localized("Name", NAME)}
{_localized("Comment", COMMENT)}
Exec=hamstring-gui {TRAY_FLAG}
Icon={DESKTOP_ID}
Terminal=false
NoDisplay=true
X-GNOME-Autostart-enabled=true
X-KDE-autostart-after=panel
"""


PROGRAM = "hamstring-gui"


class AutostartError(Exception):
    """Start at login cannot work; the message says why, for the user."""


def _quoted(argument: str) -> str:
    """One ``Exec`` argument, quoted as the Desktop Entry spec asks when needed."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def launch_command(
    which: Callable[[str], str | None] = shutil.which,
    argv0: str | None = None,
    python: str | None = None,
) -> list[str]:
    """How the login session should start this program (before ``--tray``).

    ``hamstring-gui`` when it is on ``PATH``; otherwise the running program's
    absolute path (``.venv/bin/hamstring-gui``), or ``python -m
    hamstring_gui`` when it runs that way.
    """
    if which(PROGRAM):
        return [PROGRAM]
    argv0 = sys.argv[0] if argv0 is None else argv0
    program = Path(argv0)
    if program.name == PROGRAM and program.is_file():
        return [str(program.resolve())]
    return [str(Path(python or sys.executable).absolute()), "-m", "hamstring_gui"]


def entry_text(command: list[str]) -> str:
    """The autostart entry that runs ``command --tray``."""
    exec_line = " ".join(_quoted(part) for part in [*command, TRAY_FLAG])
    return entry().replace(f"Exec={PROGRAM} {TRAY_FLAG}", f"Exec={exec_line}")


def check(command: list[str]) -> None:
    """Raise :class:`AutostartError` when ``command`` cannot start at login."""
    program = command[0]
    if os.sep not in program:
        return  # found on PATH just now
    if not os.access(program, os.X_OK):
        raise AutostartError(f"{program} cannot be run, so it cannot start at login")
    if any(part.startswith("_MEI") for part in Path(program).parts):
        raise AutostartError("a program unpacked to a temporary folder cannot start at login")


def autostart_dir() -> Path:
    """``$XDG_CONFIG_HOME/autostart`` (an unset or relative value means ``~/.config``)."""
    config = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return base / "autostart"


def entry_path() -> Path:
    """Where the autostart entry lives."""
    return autostart_dir() / f"{DESKTOP_ID}.desktop"


def is_enabled() -> bool:
    """Tell whether the entry exists (a user may also have removed it by hand)."""
    return entry_path().is_file()


def set_enabled(enabled: bool, command: list[str] | None = None) -> Path:
    """Write (atomically) or remove the entry; returns its path.

    Raises:
        AutostartError: the entry cannot be written, or would not start the app.
    """
    path = entry_path()
    if not enabled:
        path.unlink(missing_ok=True)
        _ask_portal(False)
        return path
    command = launch_command() if command is None else command
    check(command)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # shared with other apps: not made 0700
        write_atomic(path, entry_text(command).encode("utf-8"))  # 0600, like every file we write
    except OSError as error:
        raise AutostartError(
            f"the login entry {path} cannot be written ({error.strerror or error})"
        ) from None
    _ask_portal(True)
    return path


def _ask_portal(enabled: bool) -> None:
    """Inside Flatpak, have the Background portal make (or drop) the real login entry.

    The entry written above lands in the sandbox's own config folder, where
    the session never looks: there it only records the choice (for
    :func:`is_enabled` and :func:`sync`).

    Raises:
        AutostartError: the portal cannot be asked.
    """
    # Here, not at the top: the app imports this module for DESKTOP_ID before
    # its first paint, and the D-Bus client (jeepney) is only needed in Flatpak.
    from hamstring_gui.platform import background
    from hamstring_gui.platform.dbus import DBusError

    if not background.in_sandbox():
        return
    try:
        background.set_autostart(enabled)
    except DBusError as error:
        raise AutostartError(
            f"start at login cannot be set up through the desktop ({error})"
        ) from None


def sync(enabled: bool, command: list[str] | None = None) -> Path | None:
    """Make the entry match the setting (at start and on every change).

    With the setting on, a missing entry is written again and an entry for
    another program path (the checkout moved, a new install) is rewritten;
    with it off, an entry is removed. Returns the entry's path when written.

    Raises:
        AutostartError: start at login is on but cannot work.
    """
    if not enabled:
        if is_enabled():
            set_enabled(False)
        return None
    command = launch_command() if command is None else command
    path = entry_path()
    try:
        current = path.read_text(encoding="utf-8") if path.is_file() else None
    except OSError:
        current = None
    if current == entry_text(command):
        return path
    return set_enabled(True, command)
