"""Where the user's files live, from platformdirs (so XDG_CONFIG_HOME and friends move them)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

from . import APP_ID


def config_dir() -> Path:
    """Folder of ``settings.json``."""
    return platformdirs.user_config_path(APP_ID)


def data_dir() -> Path:
    """Folder of the history database and custom routines."""
    return platformdirs.user_data_path(APP_ID)


def settings_file() -> Path:
    """The settings file."""
    return config_dir() / "settings.json"


def history_file() -> Path:
    """The history database (SQLite)."""
    return data_dir() / "history.sqlite3"


def runtime_dir() -> Path:
    """Per-session folder for the control socket and the instance lock (private, 0700).

    Without ``XDG_RUNTIME_DIR`` (cron, a bare X server) platformdirs warns and
    guesses; we use a private per-user folder in the temp dir instead, and
    refuse one that another user created.
    """
    if os.environ.get("XDG_RUNTIME_DIR"):
        folder = platformdirs.user_runtime_path(APP_ID)
    else:
        folder = Path(tempfile.gettempdir()) / f"{APP_ID}-{os.getuid()}"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if folder.stat().st_uid != os.getuid():
        raise PermissionError(f"{folder} belongs to another user")
    return folder


def routines_dir() -> Path:
    """Folder of the user's custom routines (``<id>.toml`` files)."""
    return data_dir() / "routines"
