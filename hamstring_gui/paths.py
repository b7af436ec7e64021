"""Where the user's files live, from platformdirs (so XDG_CONFIG_HOME and friends move them)."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

import platformdirs

from hamstring_gui import APP_ID
from hamstring_gui.core.safe_file import UnsafeFolderError, private_folder


def config_dir() -> Path:
    """Folder of ``settings.json``."""
    return platformdirs.user_config_path(APP_ID)


def data_dir() -> Path:
    """Folder of the history database and custom routines."""
    return platformdirs.user_data_path(APP_ID)


def cache_dir() -> Path:
    """Folder of what can be rebuilt at any time (the runtime folder when /tmp is unsafe)."""
    return platformdirs.user_cache_path(APP_ID)


def settings_file() -> Path:
    """The settings file."""
    return config_dir() / "settings.json"


def history_file() -> Path:
    """The history database (SQLite)."""
    return data_dir() / "history.sqlite3"


_TOLD: set[str] = set()


def runtime_dir() -> Path:
    """Per-session folder for the control socket and the instance lock (private, 0700).

    ``$XDG_RUNTIME_DIR/hamstring-gui`` when that folder is ours and private
    (what platformdirs would pick, without its warnings); otherwise (cron, a
    bare X server, a badly made folder) ``/tmp/hamstring-gui-<uid>``. That
    name can be taken first by another user, or be a symlink: such a folder is
    refused with one line on stderr (once) and a folder in the user's own
    cache is used instead.

    Raises:
        UnsafeFolderError: not even the cache folder is private.
    """
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if base and _problem(Path(base)) is None:
        candidate = Path(base) / APP_ID
    else:
        candidate = Path(tempfile.gettempdir()) / f"{APP_ID}-{os.getuid()}"
    problem = _claim(candidate)
    if problem is None:
        return candidate
    fallback = cache_dir() / "runtime"
    again = _claim(fallback, parents=True)
    if again is not None:
        raise UnsafeFolderError(f"{problem}, and {again}: no private folder for the control socket")
    if problem not in _TOLD:
        _TOLD.add(problem)
        print(f"hamstring-gui: {problem}; using {fallback} instead", file=sys.stderr)
    return fallback


def _claim(folder: Path, *, parents: bool = False) -> str | None:
    """Make ``folder`` (0700) unless it exists; why it is not safe to use, or ``None``."""
    try:
        if parents:
            private_folder(folder.parent)
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError as error:
        return f"{folder} cannot be made ({error.strerror or error})"
    return _problem(folder)


def _problem(folder: Path) -> str | None:
    """Why ``folder`` is not a private folder of this user (never following a symlink)."""
    try:
        info = os.lstat(folder)
    except OSError as error:
        return f"{folder} cannot be used ({error.strerror or error})"
    if stat.S_ISLNK(info.st_mode):
        return f"{folder} is a symbolic link, not a folder of this user"
    if not stat.S_ISDIR(info.st_mode):
        return f"{folder} is not a folder"
    if info.st_uid != os.getuid():
        return f"{folder} belongs to another user"
    if info.st_mode & 0o077:
        return f"{folder} is not private (mode {stat.S_IMODE(info.st_mode):04o}, needs 0700)"
    return None


def routines_dir() -> Path:
    """Folder of the user's custom routines (``<id>.toml`` files)."""
    return data_dir() / "routines"
