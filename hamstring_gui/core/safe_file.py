"""The one guarded way the app reads its files, and makes its folders private.

Every file the app reads (settings, window state, routine files, the
stretch library's user copies) may be hostile or damaged: a FIFO or a device
where a file should be, a folder, gigabytes, a byte order mark, bytes that
are not UTF-8. :func:`read_regular_file` opens without blocking, refuses
anything but a regular file, caps the size and turns every failure into one
:class:`~hamstring_gui.core.datafile.DataError` line; :func:`decode_text`
accepts a UTF-8 byte order mark.

Privacy: the app's files hold back-pain scores and "that hurts" events, so
every file it writes is 0600 and every folder of its own 0700, whatever the
umask (:func:`private_folder`; files: ``settings.store.write_atomic``).

Standard library only: no Qt.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from hamstring_gui.core.datafile import DataError

MAX_FILE_BYTES = 1024 * 1024
FILE_MODE = 0o600
FOLDER_MODE = 0o700


class UnsafeFolderError(OSError):
    """No private folder can be had for the app's files; the message says why, in one line."""


class FileMissingError(DataError):
    """The file does not exist (often fine: defaults are used)."""


def read_regular_file(path: Path, *, file: str | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a small regular file, refusing folders, devices, FIFOs and big files.

    Args:
        path: the file.
        file: how messages name it (default: the path).
        limit: the most bytes accepted.

    Raises:
        FileMissingError: there is no such file.
        DataError: naming ``file`` and the problem, for anything else.
    """
    label = str(path) if file is None else file
    try:
        # O_NONBLOCK: a FIFO given as the file must not hang the open.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileMissingError(label, "no such file") from None
    except OSError as error:
        raise DataError(label, f"cannot be read ({error.strerror or error})") from None
    except ValueError:  # a NUL byte in the name
        raise DataError(label, "is not a possible file name") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DataError(label, "is a folder, not a file")
        raise DataError(label, "is not a regular file (a pipe, device or socket)")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise DataError(label, f"larger than {_size(limit)} ({info.st_size} bytes)")
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise DataError(label, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:  # grew while being read
        raise DataError(label, f"larger than {_size(limit)}")
    return data


def decode_text(data: bytes, file: str) -> str:
    """UTF-8 text, with or without a byte order mark (editors on Windows write one).

    Raises:
        DataError: the bytes are not UTF-8, naming the offset of the first bad one.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(file, f"not UTF-8 text (bad byte at offset {error.start})") from None


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents, all 0700) and make it 0700; returns it.

    Parents that already exist are left as they are.

    Raises:
        OSError: the folder cannot be made.
    """
    missing = []
    for ancestor in (folder, *folder.parents):
        if ancestor.exists():
            break
        missing.append(ancestor)
    for ancestor in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another process
            ancestor.mkdir(mode=FOLDER_MODE)
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder")
    _strip_others(folder)
    return folder


def make_private(path: Path) -> None:
    """Make an existing file of the app 0600 (files from older versions were 0644)."""
    _strip_others(path)


def _strip_others(path: Path) -> None:
    # Only group and other bits go: a file the user made read-only stays so.
    with contextlib.suppress(OSError):  # not ours: leave it
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
