"""Where the user's files live, from platformdirs (so XDG_CONFIG_HOME and friends move them)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

from hamstring_gui import APP_ID


def config_dir() -> Path:
    """Folder of ``settings.json``."""
    return platformdirs.user_config_path(APP_ID)


def data_dir() -> Path:
    """Folder of the history database and custom routines."""
    return platformdirs.user_data_path(APP_ID)


def cache_dir() -> Path:
    """Folder of what can be rebuilt at any time (parsed data files)."""
    return platformdirs.user_cache_path(APP_ID)


def settings_file() -> Path:
    """The settings file."""
    return config_dir() / "settings.json"


def history_file() -> Path:
    """The history database (SQLite)."""
    return data_dir() / "history.sqlite3"


def runtime_dir() -> Path:
    """Per-session folder for the control socket and the instance lock (private, 0700).

    ``$XDG_RUNTIME_DIR/hamstring-gui`` when that folder is ours and private
    (what platformdirs would pick, without its warnings); otherwise (cron, a
    bare X server, a badly made folder) a private per-user folder in the temp
    dir. A folder another user made is refused.
    """
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if base and _is_private(Path(base)):
        folder = Path(base) / APP_ID
    else:
        folder = Path(tempfile.gettempdir()) / f"{APP_ID}-{os.getuid()}"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not _is_private(folder):
        raise PermissionError(f"{folder} is not a private folder of this user")
    return folder


def _is_private(folder: Path) -> bool:
    try:
        info = folder.stat()
    except OSError:
        return False
    return folder.is_dir() and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def routines_dir() -> Path:
    """Folder of the user's custom routines (``<id>.toml`` files)."""
    return data_dir() / "routines"
