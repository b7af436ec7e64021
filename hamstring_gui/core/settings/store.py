"""``settings.json`` on disk: loads that never crash or lose data, saves that are atomic.

Lifecycle: build a :class:`SettingsStore` with the file's path (from
``hamstring_gui.paths.settings_file()``), call :meth:`SettingsStore.load`
once at start-up and show its messages to the user (in the window and once
on stderr), then read :attr:`SettingsStore.settings` and call
:meth:`SettingsStore.save` with each new :class:`Settings`.

Guarantees:

* A save writes a temporary file in the same folder, flushes and fsyncs it,
  renames it over ``settings.json`` with :func:`os.replace` and fsyncs the
  folder, so after a crash the file is either the old or the new one. The
  previous good file is kept as ``settings.json.bak``. Writers hold an
  exclusive ``flock`` on ``settings.json.lock``.
* Malformed JSON is moved aside as ``settings.json.corrupt-<timestamp>``
  and the ``.bak`` is used if it is good, else the defaults.
* A file that cannot be read (a folder in its place, no permission) is
  never written over: the store turns read-only and says why.
* Bad values are fixed per field (see :func:`settings_from_dict`); keys
  this version does not know are kept on save.

Standard library only: no Qt, no platformdirs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import fcntl
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from hamstring_gui.core.datafile import DataError, check_values
from hamstring_gui.core.safe_file import (
    FILE_MODE,
    FileMissingError,
    decode_text,
    make_private,
    private_folder,
    read_regular_file,
)
from hamstring_gui.core.settings import Settings, migrate, settings_from_dict, settings_to_dict

_TEMP_PREFIX = "."
_TEMP_SUFFIX = ".tmp"
MAX_SETTINGS_BYTES = 1024 * 1024
MAX_SETTINGS_DEPTH = 16
"""Our settings nest three levels; deeper ones are refused (a save must never recurse out)."""
_MAX_INT_DIGITS = 30


class SettingsSaveError(OSError):
    """Settings could not be written; the message says why, in the user's words."""


class _UnreadableError(Exception):
    """The file exists but cannot be read: never overwrite it."""


class _MalformedError(Exception):
    """The file was read but holds no usable JSON object."""


def _describe(error: OSError) -> str:
    return error.strerror or str(error)


def _fsync_folder(folder: Path) -> None:
    # The rename is only durable once the folder entry is on disk.
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:  # some file systems cannot fsync a folder
        if error.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    The new file is private: 0600, or the existing file's mode without
    group and other bits (a file the user made read-only stays read-only).
    """
    folder = path.parent
    fd, temp_name = tempfile.mkstemp(
        prefix=_TEMP_PREFIX + path.name + ".", suffix=_TEMP_SUFFIX, dir=folder
    )  # noqa: E501
    try:
        with os.fdopen(fd, "wb") as temp:
            mode = FILE_MODE
            with contextlib.suppress(FileNotFoundError):
                mode = stat.S_IMODE(os.stat(path).st_mode) & 0o700
            os.chmod(temp.fileno(), mode)
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(folder)


def _read_bytes(path: Path) -> bytes | None:
    """The file's bytes, ``None`` when it does not exist.

    Read like every file of the app (:func:`~hamstring_gui.core.safe_file.read_regular_file`):
    a FIFO, device or folder in its place never blocks and is never read.

    Raises:
        _UnreadableError: it exists but cannot be read.
    """
    try:
        return read_regular_file(path, limit=MAX_SETTINGS_BYTES)
    except FileMissingError:
        return None
    except DataError as error:
        raise _UnreadableError(f"{path} {error.problem}") from None


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise _MalformedError(f"a number of more than {_MAX_INT_DIGITS} digits")
    return int(text)


def _parse(data: bytes, name: str) -> dict[str, Any]:
    """The JSON object in ``data`` (a UTF-8 byte order mark is fine).

    Raises:
        _MalformedError: empty, not UTF-8, not JSON, nested too deeply, a huge
            number, or not an object.
    """
    if not data.strip():
        raise _MalformedError(f"{name} is empty")
    try:
        parsed = json.loads(decode_text(data, name), parse_int=_bounded_int)
        check_values(parsed, name, max_depth=MAX_SETTINGS_DEPTH)
    except DataError as error:
        raise _MalformedError(str(error)) from None
    except _MalformedError as error:
        raise _MalformedError(f"{name} is not valid settings ({error})") from None
    except json.JSONDecodeError as error:
        raise _MalformedError(
            f"{name} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:  # the C parser recurses once per bracket
        raise _MalformedError(f"{name} is nested too deeply") from None
    if not isinstance(parsed, dict):
        raise _MalformedError(f"{name} holds {type(parsed).__name__} JSON, not a group of settings")
    return parsed


def _made_read_only(path: Path) -> bool:
    """Whether the user took away their own write permission (root ignores it, so ask the mode)."""
    try:
        return not os.stat(path).st_mode & stat.S_IWUSR
    except OSError:
        return False


def _encode(data: Mapping[str, Any]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


class SettingsStore:
    """The user's settings file, loaded once and saved on every change.

    Attributes:
        path: Where ``settings.json`` lives (passed in; see ``hamstring_gui.paths``).
        read_only: Why saving is refused (the file could not be read and must
            not be overwritten), or ``None`` when saves are allowed.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.read_only: str | None = None
        self._settings = Settings()
        self._raw: dict[str, Any] = {}

    @property
    def settings(self) -> Settings:
        """The current settings (defaults until :meth:`load`)."""
        return self._settings

    @property
    def backup_path(self) -> Path:
        """The previous good file, ``settings.json.bak``."""
        return self.path.with_name(self.path.name + ".bak")

    @property
    def lock_path(self) -> Path:
        """The lock file writers hold, ``settings.json.lock``."""
        return self.path.with_name(self.path.name + ".lock")

    # -- loading ---------------------------------------------------------

    def load(self, *, repair: bool = True) -> list[str]:
        """Read the file, falling back to the backup, then to the defaults; never raises.

        Args:
            repair: Move a malformed file aside, put a good backup back in
                its place and rewrite values that had to be fixed (the app
                does this at start-up, so the user is told once). The
                command line passes ``False`` and changes nothing on disk.

        Returns:
            Messages for the user, one per problem, each naming the file or
            the field, the bad value and what is used instead.
        """
        self.read_only = None
        self._settings, self._raw = Settings(), {}
        try:
            data = _read_bytes(self.path)
        except _UnreadableError as error:
            self.read_only = f"{error}; changes will not be saved until this is fixed"
            return [
                f"{error}; using the default settings and not saving changes until this is fixed"
            ]  # noqa: E501
        if data is None:
            return []
        locked = _made_read_only(self.path)
        if locked:
            # The user's choice: use the file, never replace or move it.
            self.read_only = f"{self.path.name} is read-only"
            repair = False
        try:
            messages = self._use(_parse(data, self.path.name), repair=repair)
        except _MalformedError as error:
            messages = self._recover(str(error), empty=not data.strip(), repair=repair)
        if locked:
            messages.append(
                f"{self.path.name} is read-only: it is used as it is and changes cannot be saved"
            )
        return messages

    def _use(self, parsed: dict[str, Any], *, repair: bool) -> list[str]:
        migrated, messages = migrate(parsed)
        settings, problems = settings_from_dict(migrated)
        messages += problems
        self._settings, self._raw = settings, migrated
        if repair and messages:
            # Write the fixed values now so the user is told once; the
            # file as it was becomes settings.json.bak.
            try:
                self.save(settings)
            except SettingsSaveError as error:
                messages.append(str(error))
        return [f"{self.path.name}: {message}" for message in messages]

    def _recover(self, problem: str, *, empty: bool, repair: bool) -> list[str]:
        message = problem
        if repair and not empty:
            kept = self._move_aside()
            if kept:
                message += f"; it was kept as {kept.name}"
            else:
                # Never write over a file the user may want to mend by hand.
                self.read_only = f"{problem} and could not be moved aside"
                message += "; it could not be moved aside, so changes will not be saved"
        try:
            backup = self._parse_backup()
        except (_UnreadableError, _MalformedError) as error:
            return [f"{message}; the backup cannot be used either ({error}); using the defaults"]
        if backup is None:
            return [f"{message}; using the default settings"]
        problems = self._use(backup, repair=False)
        if repair and not self.read_only:
            try:
                self.save(self._settings)
            except SettingsSaveError as error:
                problems.append(str(error))
        return [f"{message}; using the backup {self.backup_path.name}", *problems]

    def _parse_backup(self) -> dict[str, Any] | None:
        data = _read_bytes(self.backup_path)
        return None if data is None else _parse(data, self.backup_path.name)

    def _move_aside(self) -> Path | None:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        for attempt in range(100):
            suffix = f"-{attempt}" if attempt else ""
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}{suffix}")
            if target.exists():
                continue
            try:
                with self._locked():
                    os.replace(self.path, target)
            except (OSError, SettingsSaveError):
                return None
            make_private(target)
            return target
        return None

    # -- saving ----------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            private_folder(self.path.parent)
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise SettingsSaveError(
                f"cannot save settings in {self.path.parent} ({_describe(error)})"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def _remove_stale_temps(self, folder: Path) -> None:
        # Under the lock no other writer is half-way, so any temp file left
        # is from a writer that was killed.
        pattern = f"{_TEMP_PREFIX}{self.path.name}.*{_TEMP_SUFFIX}"
        for stale in folder.glob(pattern):
            with contextlib.suppress(OSError):
                stale.unlink()

    def save(self, settings: Settings) -> None:
        """Write ``settings`` atomically, keeping the previous good file as ``.bak``.

        Raises:
            SettingsSaveError: the store is read-only, or the disk refused.
        """
        if self.read_only:
            raise SettingsSaveError(f"settings not saved: {self.read_only}")
        try:
            data = _encode(settings_to_dict(settings, keep_unknown=self._raw))
        except (ValueError, TypeError, RecursionError) as error:
            problem = f"settings not saved: they cannot be written as JSON ({error})"
            raise SettingsSaveError(problem) from None
        # Write through a symlink (dotfile managers) rather than replacing it.
        target = Path(os.path.realpath(self.path))
        try:
            with self._locked():
                self._remove_stale_temps(target.parent)
                current = _read_bytes(target)
                if current != data:
                    if current is not None and self._is_good(current):
                        write_atomic(self.backup_path, current)
                    write_atomic(target, data)
        except _UnreadableError as error:
            raise SettingsSaveError(f"settings not saved: {error}") from None
        except OSError as error:
            if isinstance(error, SettingsSaveError):
                raise
            raise SettingsSaveError(
                f"settings not saved to {self.path} ({_describe(error)})"
            ) from None
        self._settings = settings
        self._raw = json.loads(data)

    def _is_good(self, data: bytes) -> bool:
        try:
            _parse(data, self.path.name)
        except _MalformedError:
            return False
        return True

    def remember_hold(self, stretch_id: str, seconds: int | None) -> Settings:
        """Save the user's own hold for one stretch (``None`` forgets it); returns the new settings.

        Raises:
            ValueError: ``stretch_id`` is not an id.
            SettingsSaveError: the settings could not be written.
        """
        session = self._settings.session.with_hold_for(stretch_id, seconds)
        settings = dataclasses.replace(self._settings, session=session)
        self.save(settings)
        return settings


def load_settings(path: Path | str) -> tuple[Settings, list[str]]:
    """Read settings without changing anything on disk (for the command line)."""
    store = SettingsStore(path)
    messages = store.load(repair=False)
    return store.settings, messages
