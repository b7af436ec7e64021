"""Hostile and odd ``settings.json`` files: load never raises, hangs or loses a file (issue 17)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from hamstring_gui.core.settings import SessionSettings, Settings
from hamstring_gui.core.settings.store import SettingsSaveError, SettingsStore

GOOD = {"version": 1, "session": {"hold_seconds": 45}}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    folder = tmp_path / "config" / "hamstring-gui"
    folder.mkdir(parents=True)
    return folder / "settings.json"


def hold(seconds: int) -> Settings:
    return Settings(session=SessionSettings(hold_seconds=seconds))


def corrupt_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob("settings.json.corrupt-*"))


HOSTILE = {
    "huge-int": '{"session": {"hold_seconds": ' + "9" * 5000 + "}}",
    "huge-int-unknown-key": '{"x": ' + "1" * 4400 + "}",
    "nesting-bomb": "[" * 100_000 + "]" * 100_000,
    "object-bomb": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "deep-but-loadable": '{"x": ' + "[" * 990 + "]" * 990 + "}",
    "deep-unknown-key": '{"session": {"hold_seconds": 45}, "x": ' + "[" * 200 + "]" * 200 + "}",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_kept_aside_and_the_defaults_used(path: Path, name: str) -> None:
    text = HOSTILE[name]
    path.write_text(text)
    store = SettingsStore(path)
    started = time.monotonic()
    messages = store.load()
    assert time.monotonic() - started < 1
    assert store.settings == Settings()
    assert len(messages) == 1 and "\n" not in messages[0]
    assert "kept as settings.json.corrupt-" in messages[0]
    [kept] = corrupt_files(path)
    assert kept.read_text() == text  # the user's file is kept as it was
    assert kept.stat().st_mode & 0o077 == 0
    store.save(hold(40))  # saving works again
    assert SettingsStore(path).load() == []


def test_a_hostile_file_falls_back_to_a_good_backup(path: Path) -> None:
    path.with_name("settings.json.bak").write_text(json.dumps(GOOD))
    path.write_text(HOSTILE["nesting-bomb"])
    store = SettingsStore(path)
    messages = store.load()
    assert store.settings.session.hold_seconds == 45
    assert "using the backup settings.json.bak" in messages[0]


def test_the_command_line_reads_a_hostile_file_without_moving_it(path: Path) -> None:
    path.write_text(HOSTILE["huge-int"])
    store = SettingsStore(path)
    assert store.load(repair=False)
    assert path.exists() and not corrupt_files(path)


def test_a_fifo_does_not_hang_and_is_never_written_over(path: Path) -> None:
    os.mkfifo(path)
    store = SettingsStore(path)
    started = time.monotonic()
    [message] = store.load()
    assert time.monotonic() - started < 1
    assert "not a regular file" in message
    assert store.settings == Settings()
    with pytest.raises(SettingsSaveError):
        store.save(hold(40))
    assert path.is_fifo()


def test_a_byte_order_mark_is_accepted(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode())
    store = SettingsStore(path)
    assert store.load() == []
    assert store.settings.session.hold_seconds == 45
    assert not corrupt_files(path)


def test_a_read_only_file_is_used_left_alone_and_not_saved(path: Path) -> None:
    # Out-of-range values would normally be repaired on disk at start-up.
    path.write_text(json.dumps({"version": 1, "session": {"hold_seconds": 45, "reps": 99}}))
    path.chmod(0o444)
    before = path.read_bytes(), path.stat().st_ino
    store = SettingsStore(path)
    messages = store.load()
    assert store.settings.session.hold_seconds == 45
    assert any("read-only" in message and "cannot be saved" in message for message in messages)
    with pytest.raises(SettingsSaveError, match="read-only"):
        store.save(hold(40))
    assert (path.read_bytes(), path.stat().st_ino) == before
    assert not path.with_name("settings.json.bak").exists()


def test_a_read_only_broken_file_is_not_moved(path: Path) -> None:
    path.write_text("{not json")
    path.chmod(0o400)
    store = SettingsStore(path)
    messages = store.load()
    assert path.exists() and not corrupt_files(path)
    assert store.read_only and any("read-only" in message for message in messages)


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_saved_files_and_folder_are_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "new" / "hamstring-gui" / "settings.json"
    old = os.umask(umask)
    try:
        store = SettingsStore(path)
        store.save(hold(40))
        store.save(hold(45))
    finally:
        os.umask(old)
    for made in (path, path.with_name("settings.json.bak"), path.with_name("settings.json.lock")):
        assert made.stat().st_mode & 0o777 == 0o600, made
    assert path.parent.stat().st_mode & 0o777 == 0o700
