"""The guarded reader every file goes through, and the private folders (issue 17)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.safe_file import (
    FileMissingError,
    decode_text,
    make_private,
    private_folder,
    read_regular_file,
)


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"abc")
    assert read_regular_file(path) == b"abc"


def test_a_fifo_is_refused_at_once_without_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "settings.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(DataError, match="not a regular file"):
        read_regular_file(fifo)
    assert time.monotonic() - started < 1


@pytest.mark.parametrize(
    ("name", "problem"),
    [("/dev/null", "not a regular file"), ("/proc", "is a folder"), ("/", "is a folder")],
)
def test_devices_and_folders_are_refused(name: str, problem: str) -> None:
    with pytest.raises(DataError, match=problem):
        read_regular_file(Path(name))


def test_missing_big_and_impossible_names(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError):
        read_regular_file(tmp_path / "none")
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(DataError, match="larger than 100 bytes"):
        read_regular_file(big, limit=100)
    with pytest.raises(DataError, match="not a possible file name"):
        read_regular_file(Path("a\0b"))


def test_a_byte_order_mark_is_accepted_and_bad_bytes_named() -> None:
    assert decode_text(b"\xef\xbb\xbf{}", "f") == "{}"
    with pytest.raises(DataError, match="offset 1"):
        decode_text(b"a\xff", "f")


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_private_folders_and_files_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        folder = private_folder(tmp_path / "a" / "b")
    finally:
        os.umask(old)
    assert (tmp_path / "a").stat().st_mode & 0o777 == 0o700
    assert folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o755)  # from an older version
    private_folder(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    file = folder / "f"
    file.write_bytes(b"")
    file.chmod(0o644)
    make_private(file)
    assert file.stat().st_mode & 0o777 == 0o600
    file.chmod(0o444)  # the user's choice: read-only stays read-only
    make_private(file)
    assert file.stat().st_mode & 0o777 == 0o400
