"""The settings model: a save is announced; a refused save is reported, not raised."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.settings_model import SettingsModel


def _model(tmp_path: Path) -> SettingsModel:
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    return SettingsModel(store)


def test_a_change_is_saved_and_announced_once(qtbot: QtBot, tmp_path: Path) -> None:
    model = _model(tmp_path)
    changed = dataclasses.replace(model.settings, safety_acknowledged=True)
    with qtbot.waitSignal(model.changed, check_params_cb=lambda s: s == changed):
        assert model.update(changed)
    reread = SettingsStore(tmp_path / "settings.json")
    reread.load()
    assert reread.settings.safety_acknowledged
    with qtbot.assertNotEmitted(model.changed):
        assert model.update(changed)  # the same settings: nothing to save


def test_remember_hold_sets_and_forgets(qtbot: QtBot, tmp_path: Path) -> None:
    model = _model(tmp_path)
    assert model.remember_hold("chair-stretch", 45)
    assert model.settings.session.hold_for("chair-stretch") == 45
    assert model.remember_hold("chair-stretch", None)
    assert model.settings.session.hold_for("chair-stretch") is None


def test_a_refused_save_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    model = _model(tmp_path)
    model.store.read_only = "the file could not be read"  # as after an unreadable file
    changed = dataclasses.replace(model.settings, safety_acknowledged=True)
    with (
        qtbot.waitSignal(model.saveFailed, check_params_cb=lambda m: "could not be read" in m),
        qtbot.assertNotEmitted(model.changed),
    ):
        assert not model.update(changed)
