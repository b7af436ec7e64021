"""Older settings files brought up to date, in order."""

from __future__ import annotations

from typing import Any

import pytest

from hamstring_gui.core.settings import (
    SCHEMA_VERSION,
    migrate,
    migrations,
    settings_from_dict,
)


def test_version_0_flat_keys_are_migrated_into_session() -> None:
    settings, messages = settings_from_dict({"hold_seconds": 45, "session": {"reps": 2}})
    assert (settings.session.hold_seconds, settings.session.reps) == (45, 2)
    assert messages == []
    migrated, _ = migrate({"hold_seconds": 45})
    assert migrated == {"version": SCHEMA_VERSION, "session": {"hold_seconds": 45}}


def test_migrations_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    # A pretend version 2 that renamed sound.volume to sound.loudness.
    def to_2(data: dict[str, Any]) -> dict[str, Any]:
        data["sound"] = {"volume": data.pop("loudness")}
        return data

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, to_2)
    migrated, _ = migrate({"hold_seconds": 50, "loudness": 10})
    assert migrated == {"version": 2, "session": {"hold_seconds": 50}, "sound": {"volume": 10}}


def test_bad_version_is_read_as_current() -> None:
    settings, messages = settings_from_dict({"version": "two", "sound": {"volume": 5}})
    assert settings.sound.volume == 5
    assert messages[0].startswith('version: "two" is not a version number')
