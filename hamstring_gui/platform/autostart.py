"""Start at login: an XDG autostart entry that opens the app in the tray.

The entry is ``$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop`` (``~/.config``
when unset), per the XDG Autostart spec; its text is the packaging template
``packaging/linux/autostart/…desktop`` (``Exec=hamstring-gui --tray``).
No Qt here: the preferences toggle calls :func:`set_enabled`.
"""

from __future__ import annotations

import os
from pathlib import Path

from hamstring_gui.core.settings.store import write_atomic

DESKTOP_ID = "io.github.hamstringcoach.HamstringCoach"
TRAY_FLAG = "--tray"

ENTRY = f"""[Desktop Entry]
Type=Application
Version=1.4
Name=Hamstring Coach reminders
Comment=Reminds you to take a stretch break
Exec=hamstring-gui {TRAY_FLAG}
Icon={DESKTOP_ID}
Terminal=false
NoDisplay=true
X-GNOME-Autostart-enabled=true
X-KDE-autostart-after=panel
"""


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


def set_enabled(enabled: bool) -> Path:
    """Write (atomically) or remove the entry; returns its path."""
    path = entry_path()
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)  # shared with other apps: not made 0700
        write_atomic(path, ENTRY.encode("utf-8"))  # 0600, like every file the app writes
    else:
        path.unlink(missing_ok=True)
    return path
