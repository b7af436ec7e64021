"""Where the user's files live, from platformdirs (so XDG_CONFIG_HOME and friends move them)."""

from __future__ import annotations

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
