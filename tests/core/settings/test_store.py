"""settings.json on disk: every kind of bad file, the backup, atomic saves."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from hamstring_gui.core.settings import SCHEMA_VERSION, SessionSettings, Settings, settings_to_dict
from hamstring_gui.core.settings.store import (
    SettingsSaveError,
    SettingsStore,
    load_settings,
    write_atomic,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    folder = tmp_path / "config" / "hamstring-gui"
    return folder / "settings.json"


def write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data))


def hold(seconds: int) -> Settings:
    return Settings(session=SessionSettings(hold_seconds=seconds))


def corrupt_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob("settings.json.corrupt-*"))


def test_no_file_means_defaults_and_no_message(path: Path) -> None:
    store = SettingsStore(path)
    assert store.load() == []
    assert store.settings == Settings()
    assert not path.exists()  # nothing is written until something changes


def test_round_trip(path: Path) -> None:
    store = SettingsStore(path)
    store.load()
    store.save(hold(45))
    again = SettingsStore(path)
    assert again.load() == []
    assert again.settings == hold(45)
    assert json.loads(path.read_text())["version"] == SCHEMA_VERSION


def test_save_keeps_the_previous_file_as_bak(path: Path) -> None:
    store = SettingsStore(path)
    store.save(hold(40))
    assert not store.backup_path.exists()
    store.save(hold(45))
    assert json.loads(store.backup_path.read_text())["session"]["hold_seconds"] == 40
    store.save(hold(45))  # nothing changed: nothing rewritten, backup untouched
    assert json.loads(store.backup_path.read_text())["session"]["hold_seconds"] == 40


def test_new_file_is_private_and_an_old_readable_file_becomes_private(path: Path) -> None:
    store = SettingsStore(path)
    store.save(hold(40))
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o644)  # as older versions left it
    store.save(hold(45))
    assert path.stat().st_mode & 0o777 == 0o600
    assert store.backup_path.stat().st_mode & 0o777 == 0o600


def test_not_json_is_moved_aside_and_defaults_used(path: Path) -> None:
    write(path, '{"session": {"hold_seconds": 45,}')
    store = SettingsStore(path)
    messages = store.load()
    assert store.settings == Settings()
    [kept] = corrupt_files(path)
    assert kept.read_text() == '{"session": {"hold_seconds": 45,}'
    assert not path.exists()
    assert len(messages) == 1
    assert "settings.json is not valid JSON (line 1, column 33" in messages[0]
    assert f"it was kept as {kept.name}" in messages[0]
    assert messages[0].endswith("using the default settings")
    # Told once: the next start finds nothing wrong.
    assert SettingsStore(path).load() == []


def test_not_json_falls_back_to_a_good_bak(path: Path) -> None:
    store = SettingsStore(path)
    store.save(hold(40))
    store.save(hold(45))
    path.write_text("garbage")
    again = SettingsStore(path)
    messages = again.load()
    assert again.settings == hold(40)
    assert messages[0].endswith("using the backup settings.json.bak")
    assert len(corrupt_files(path)) == 1
    # The backup is put back in place, so the next start is quiet and the same.
    third = SettingsStore(path)
    assert third.load() == []
    assert third.settings == hold(40)


def test_bad_bak_too_gives_defaults(path: Path) -> None:
    write(path, "[not json")
    path.with_name("settings.json.bak").write_text("nor this")
    store = SettingsStore(path)
    messages = store.load()
    assert store.settings == Settings()
    assert "the backup cannot be used either (settings.json.bak is not valid JSON" in messages[0]


def test_cli_load_changes_nothing_on_disk(path: Path) -> None:
    write(path, "garbage")
    settings, messages = load_settings(path)
    assert settings == Settings()
    assert "not valid JSON" in messages[0]
    assert path.read_text() == "garbage"
    assert corrupt_files(path) == []


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[1, 2]", "holds list JSON, not a group of settings"),
        ('"hello"', "holds str JSON"),
    ],
)
def test_json_that_is_not_an_object(path: Path, content: str, words: str) -> None:
    write(path, content)
    store = SettingsStore(path)
    messages = store.load()
    assert store.settings == Settings()
    assert words in messages[0]
    assert len(corrupt_files(path)) == 1


def test_not_utf8(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"a": "\xff"}')
    messages = SettingsStore(path).load()
    assert "settings.json: not UTF-8 text" in messages[0]


def test_empty_file_uses_bak_and_is_not_kept(path: Path) -> None:
    store = SettingsStore(path)
    store.save(hold(40))
    store.save(hold(45))
    path.write_text("  \n")
    again = SettingsStore(path)
    messages = again.load()
    assert again.settings == hold(40)
    assert messages[0] == "settings.json is empty; using the backup settings.json.bak"
    assert corrupt_files(path) == []  # nothing in it worth keeping


def test_wrong_types_and_out_of_range_are_fixed_once_and_original_kept(path: Path) -> None:
    original = {"version": 1, "session": {"hold_seconds": 500, "reps": "three"}}
    write(path, original)
    store = SettingsStore(path)
    messages = store.load()
    assert store.settings.session.hold_seconds == 60
    assert store.settings.session.reps == 3
    assert messages == [
        "settings.json: session.hold_seconds: 500 is above the maximum; using 60 s",
        'settings.json: session.reps: "three" is not a number; using the default 3',
    ]
    # The fixed values are written so the user is told once; what they wrote is the .bak.
    assert json.loads(store.backup_path.read_text()) == original
    assert SettingsStore(path).load() == []


def test_a_folder_in_place_of_the_file(path: Path) -> None:
    path.mkdir(parents=True)
    store = SettingsStore(path)
    messages = store.load()
    assert store.settings == Settings()
    assert "is a folder, not a file" in messages[0]
    assert "not saving changes until this is fixed" in messages[0]
    with pytest.raises(SettingsSaveError, match="is a folder"):
        store.save(hold(45))
    assert path.is_dir()


def test_unreadable_file_is_never_overwritten(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not stop reads, so os.open() is
    # made to refuse this one file the way it would for a normal user.
    write(path, {"version": 1, "session": {"hold_seconds": 45}})
    real_open = os.open

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    store = SettingsStore(path)
    messages = store.load()
    assert store.settings == Settings()
    assert "settings.json cannot be read (Permission denied)" in messages[0]
    assert store.read_only
    with pytest.raises(SettingsSaveError, match="not saved"):
        store.save(hold(30))
    with pytest.raises(SettingsSaveError):
        store.remember_hold("chair-stretch", 40)
    monkeypatch.undo()
    assert json.loads(path.read_text())["session"]["hold_seconds"] == 45
    assert corrupt_files(path) == []


def test_a_file_that_cannot_be_moved_aside_is_not_overwritten(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SettingsStore(path)
    store.save(hold(40))
    store.save(hold(45))
    path.write_text("garbage")

    def no_replace(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", no_replace)
    again = SettingsStore(path)
    messages = again.load()
    assert again.settings == hold(40)
    assert "could not be moved aside, so changes will not be saved" in messages[0]
    with pytest.raises(SettingsSaveError):
        again.save(hold(50))
    assert path.read_text() == "garbage"


def test_newer_version_with_unknown_keys_kept_on_save(path: Path) -> None:
    newer = {
        "version": SCHEMA_VERSION + 3,
        "session": {"hold_seconds": 45, "breathing": "box"},
        "sync": {"account": "me"},
    }
    write(path, newer)
    store = SettingsStore(path)
    assert store.load() == []
    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))
    saved = json.loads(path.read_text())
    assert saved["version"] == SCHEMA_VERSION + 3
    assert saved["session"]["breathing"] == "box"
    assert saved["session"]["hold_seconds"] == 45
    assert saved["sync"] == {"account": "me"}
    assert saved["safety_acknowledged"] is True


def test_older_version_is_migrated(path: Path) -> None:
    write(path, {"hold_seconds": 45, "reps": 2})  # version 0: flat, hand-written
    store = SettingsStore(path)
    assert store.load() == []
    assert (store.settings.session.hold_seconds, store.settings.session.reps) == (45, 2)
    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))
    saved = json.loads(path.read_text())
    assert saved["version"] == SCHEMA_VERSION
    assert "hold_seconds" not in saved
    assert saved["session"]["hold_seconds"] == 45


def test_remember_hold(path: Path) -> None:
    store = SettingsStore(path)
    store.load()
    settings = store.remember_hold("chair-stretch", 40)
    assert settings.session.hold_for("chair-stretch") == 40
    saved = json.loads(path.read_text())
    assert saved["session"]["overrides"] == {"chair-stretch": {"hold_seconds": 40}}
    store.remember_hold("chair-stretch", None)
    assert SettingsStore(path).load() == []
    assert json.loads(path.read_text())["session"]["overrides"] == {}


def test_save_writes_through_a_symlink(path: Path, tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "settings.json"
    write(real, settings_to_dict(hold(40)))
    path.parent.mkdir(parents=True)
    path.symlink_to(real)
    store = SettingsStore(path)
    store.load()
    store.save(hold(45))
    assert path.is_symlink()
    assert json.loads(real.read_text())["session"]["hold_seconds"] == 45


def test_stale_temp_files_are_removed_under_the_lock(path: Path) -> None:
    store = SettingsStore(path)
    store.save(hold(40))
    stale = path.with_name(".settings.json.abc123.tmp")
    stale.write_text("half")
    store.save(hold(45))
    assert not stale.exists()
    assert store.lock_path.exists()


def test_a_failed_write_leaves_the_old_file_and_no_temp(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SettingsStore(path)
    store.save(hold(40))

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(SettingsSaveError, match="No space left on device"):
        store.save(hold(45))
    monkeypatch.undo()
    assert store.settings == hold(40)
    assert SettingsStore(path).load() == []
    assert json.loads(path.read_text())["session"]["hold_seconds"] == 40
    assert list(path.parent.glob(".settings.json.*.tmp")) == []


def test_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = SettingsStore(blocker / "settings.json")
    assert "settings.json cannot be read (Not a directory)" in store.load()[0]
    with pytest.raises(SettingsSaveError, match="Not a directory"):
        store.save(hold(45))
    store.read_only = None  # even when forced, the folder cannot be made
    with pytest.raises(SettingsSaveError, match="cannot save settings in"):
        store.save(hold(45))


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "own" / "f.json"
    target.parent.mkdir()
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["f.json"]
