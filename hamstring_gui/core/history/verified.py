"""The verified-state stamp: a history file that passed its checks is not checked again unchanged.

The checks on open (:mod:`~hamstring_gui.core.history.check`) read the whole
file: on ten years of sessions (16 MB) ``PRAGMA quick_check`` and the row
check cost about 110 ms of CPU together, on every ``history --json`` and
every start. After they pass, :func:`mark_verified` writes what the file
looked like before it was opened (device, inode, size, modification and
change times in ns, and its ``-wal``) to ``<file>.verified``, private (0600).
:func:`is_verified` compares that with the file as it is now: any write by
the app, another program or a hand, a copy put in its place, a ``touch`` or
``chmod`` changes one of them, and the full checks run again.

Measured (2 cores shared with other work, user+sys CPU of ``hamstring-gui
history --json`` on ten years, 15 alternating runs): 568 ms median with the
checks, 446 ms with the stamp; the check alone costs more than the run-to-run
noise of the whole command.

Racy writes: a change in the same clock tick as the last one may keep the
modification time. So a stamp is written only for a file last changed more
than :data:`SETTLE_SECONDS` before it was stat'ed (as git does for its
index); a file just written is checked again on its next open. A file with a
non-empty ``-wal`` (the app is writing into it) is never stamped.

Standard library only: no Qt.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from hamstring_gui.core.safe_file import FILE_MODE

SUFFIX = ".verified"
SETTLE_SECONDS = 2.0


def _stat_line(path: Path) -> str | None:
    """The identity and change times of the file and its ``-wal``; ``None`` without a file."""
    try:
        main = os.stat(path)
    except OSError:
        return None
    try:
        wal = os.stat(f"{path}-wal")
        wal_part = f"{wal.st_ino} {wal.st_size} {wal.st_mtime_ns}"
    except OSError:
        wal_part = "-"
    return (
        f"{main.st_dev} {main.st_ino} {main.st_size} {main.st_mtime_ns} {main.st_ctime_ns}"
        f" wal {wal_part}"
    )


def stamp_path(path: Path) -> Path:
    """Where the stamp of ``path`` lives: beside it, in the app's private folder."""
    return path.with_name(path.name + SUFFIX)


def file_state(path: Path) -> str | None:
    """What :func:`is_verified` and :func:`mark_verified` compare: take it before opening."""
    return _stat_line(path)


def is_verified(path: Path, state: str | None) -> bool:
    """Whether ``path``, in ``state``, passed its checks and has not changed since."""
    if state is None:
        return False
    try:
        with open(stamp_path(path), encoding="ascii") as file:
            return file.read() == state
    except (OSError, ValueError):
        return False


def mark_verified(path: Path, state: str | None, *, now: float | None = None) -> None:
    """Note that ``path`` in ``state`` (taken before it was opened) passed its checks.

    Nothing is written for a file changed within :data:`SETTLE_SECONDS` of
    ``now`` or with a non-empty ``-wal``, and a stamp that cannot be written
    is simply missing (the next open checks the file in full).
    """
    if state is None:
        return
    fields = state.split()
    mtime = int(fields[3]) / 1e9
    wal_size = fields[-2] if fields[-1] != "-" else "0"
    if wal_size != "0" or mtime > (time.time() if now is None else now) - SETTLE_SECONDS:
        forget(path)
        return
    target = stamp_path(path)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, FILE_MODE)
        with os.fdopen(fd, "w", encoding="ascii") as file:
            file.write(state)
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def forget(path: Path) -> None:
    """Remove the stamp of ``path``: its next open checks it in full."""
    with contextlib.suppress(OSError):
        os.unlink(stamp_path(path))
