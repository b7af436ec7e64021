"""The preferences dialog: built from the schema, saves at once, restores with undo."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hamstring_gui.core.settings import (
    SECTIONS,
    SessionSettings,
    Settings,
    bounded_fields,
    spec_fields,
)
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.dialogs.preferences import PreferencesDialog
from hamstring_gui.ui.settings_model import SettingsModel
from tests.ui.dialogs.test_sound_check import FakeSoundCheck


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    store = SettingsStore(tmp_path / "cfg" / "settings.json")
    assert store.load() == []
    return store


@pytest.fixture
def dialog(qtbot: QtBot, store: SettingsStore) -> PreferencesDialog:
    dialog = PreferencesDialog(store)
    qtbot.addWidget(dialog)
    return dialog


def on_disk(store: SettingsStore) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(store.path.read_text())
    return data


def spin(dialog: PreferencesDialog, name: str) -> QSpinBox:
    widget = dialog.findChild(QSpinBox, name)
    assert widget is not None, name
    return widget


def test_every_setting_has_a_widget_with_the_schema_range(dialog: PreferencesDialog) -> None:
    for section, cls in SECTIONS.items():
        for name, _spec in spec_fields(cls):
            assert dialog.findChild(QWidget, f"{section}.{name}") is not None, f"{section}.{name}"
        for name, bound in bounded_fields(cls):
            box = spin(dialog, f"{section}.{name}")
            assert (box.minimum(), box.maximum()) == (bound.minimum, bound.maximum)
            assert box.suffix() == (f" {bound.unit}" if bound.unit else "")
            assert box.value() == getattr(cls(), name)
    hints = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("30 s is as effective as 60 s" in text for text in hints)


def test_a_change_is_saved_at_once_and_announced(
    qtbot: QtBot, dialog: PreferencesDialog, store: SettingsStore
) -> None:
    with qtbot.waitSignal(
        dialog.settingsChanged, check_params_cb=lambda s: s.session.hold_seconds == 45
    ):
        spin(dialog, "session.hold_seconds").setValue(45)
    assert on_disk(store)["session"]["hold_seconds"] == 45
    assert SettingsStore(store.path).load() == []


def test_other_kinds_of_widget_save_too(dialog: PreferencesDialog, store: SettingsStore) -> None:
    theme = dialog.findChild(QComboBox, "appearance.theme")
    assert theme is not None
    theme.setCurrentIndex(theme.findData("dark"))
    voice = dialog.findChild(QCheckBox, "sound.voice")
    assert voice is not None
    voice.click()
    start = dialog.findChild(QTimeEdit, "reminders.start")
    assert start is not None
    start.setTime(start.time().addSecs(30 * 60))
    saturday = [b for b in dialog.findChildren(QCheckBox) if b.text() == "Sat"][0]
    saturday.click()
    saved = on_disk(store)
    assert saved["appearance"]["theme"] == "dark"
    assert saved["sound"]["voice"] is True
    assert saved["reminders"]["start"] == "08:30"
    assert saved["reminders"]["active_days"] == ["mon", "tue", "wed", "thu", "fri", "sat"]


def test_restore_defaults_then_undo(
    qtbot: QtBot, dialog: PreferencesDialog, store: SettingsStore
) -> None:
    dialog.show_page("sounds")
    spin(dialog, "sound.volume").setValue(20)
    spin(dialog, "session.hold_seconds").setValue(45)  # another page: left alone
    page = dialog.pages["sounds"]
    assert page.undo_button.isHidden()
    with qtbot.waitSignal(dialog.settingsChanged, check_params_cb=lambda s: s.sound.volume == 70):
        page.restore_button.click()
    assert on_disk(store)["sound"]["volume"] == 70
    assert on_disk(store)["session"]["hold_seconds"] == 45
    assert spin(dialog, "sound.volume").value() == 70
    assert not page.undo_button.isHidden()
    page.undo_button.click()
    assert on_disk(store)["sound"]["volume"] == 20
    assert spin(dialog, "sound.volume").value() == 20
    assert page.undo_button.isHidden()


def test_editing_after_restore_drops_the_undo(dialog: PreferencesDialog) -> None:
    spin(dialog, "session.reps").setValue(5)
    page = dialog.pages["session"]
    page.restore_button.click()
    assert not page.undo_button.isHidden()
    spin(dialog, "session.rest_seconds").setValue(20)
    assert page.undo_button.isHidden()


def test_restore_when_already_default(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    page = dialog.pages["appearance"]
    with qtbot.assertNotEmitted(dialog.settingsChanged):
        page.restore_button.click()
    assert page.status.text() == "These are already the defaults."


def test_session_restore_forgets_stretch_holds_and_undo_brings_them_back(
    dialog: PreferencesDialog, store: SettingsStore
) -> None:
    dialog.model.remember_hold("chair-stretch", 40)
    dialog.pages["session"].restore_button.click()
    assert on_disk(store)["session"]["overrides"] == {}
    dialog.pages["session"].undo_button.click()
    assert on_disk(store)["session"]["overrides"] == {"chair-stretch": {"hold_seconds": 40}}


def test_age_band_65_plus_moves_the_default_hold_to_60(
    dialog: PreferencesDialog, store: SettingsStore
) -> None:
    age = dialog.findChild(QComboBox, "profile.age_band")
    assert age is not None
    age.setCurrentIndex(age.findData("65+"))
    assert spin(dialog, "session.hold_seconds").value() == 60
    assert on_disk(store)["session"]["hold_seconds"] == 60
    safety = dialog.pages["safety"]
    safety.restore_button.click()
    assert spin(dialog, "session.hold_seconds").value() == 30
    safety.undo_button.click()
    assert on_disk(store)["profile"]["age_band"] == "65+"
    assert on_disk(store)["session"]["hold_seconds"] == 60


def test_show_safety_again(qtbot: QtBot, store: SettingsStore) -> None:
    import dataclasses

    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))
    dialog = PreferencesDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.safetyScreenRequested):
        button = dialog.findChild(QPushButton, "show-safety")
        assert button is not None
        button.click()
    assert on_disk(store)["safety_acknowledged"] is False


def test_read_only_store_says_so_and_keeps_showing_saved_values(
    qtbot: QtBot, store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root can read a chmod 000 file, so os.open() is made to refuse it instead.
    store.save(Settings(session=SessionSettings(hold_seconds=45)))
    real_open = os.open

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == store.path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    locked = SettingsStore(store.path)
    locked.load()
    dialog = PreferencesDialog(locked)
    qtbot.addWidget(dialog)
    assert not dialog.banner.isHidden()
    assert "cannot be read" in dialog.banner.text()
    with qtbot.assertNotEmitted(dialog.settingsChanged):
        spin(dialog, "session.reps").setValue(5)
    assert spin(dialog, "session.reps").value() == 3  # back to what is saved
    monkeypatch.undo()
    assert on_disk(store)["session"]["hold_seconds"] == 45


def test_ask_returns_the_settings_and_reports_changes(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Settings] = []

    def fake_exec(self: PreferencesDialog) -> int:
        assert self.current_page() is self.pages["reminders"]
        spin(self, "reminders.work_minutes").setValue(30)
        return 0

    monkeypatch.setattr(PreferencesDialog, "exec", fake_exec)
    settings = PreferencesDialog.ask(store, page="reminders", on_change=seen.append)
    assert settings.reminders.work_minutes == 30
    assert [s.reminders.work_minutes for s in seen] == [30]


def test_model_remember_hold_announces(qtbot: QtBot, store: SettingsStore) -> None:
    model = SettingsModel(store)
    with qtbot.waitSignal(model.changed, check_params_cb=lambda s: s.session.hold_for("x") == 40):
        assert model.remember_hold("x", 40)
    with qtbot.assertNotEmitted(model.changed):
        assert model.update(model.settings)  # no change, no save, no signal


def test_notes_say_why_an_option_is_unavailable(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from hamstring_gui.core.settings.store import SettingsStore
    from hamstring_gui.ui.dialogs.preferences import PreferencesDialog

    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    dialog = PreferencesDialog(store)
    qtbot.addWidget(dialog)
    dialog.set_notes("sounds", ["Voice is unavailable: no speech engine is installed."])
    notes = dialog.pages["sounds"].findChildren(type(dialog.banner), "note-sounds")
    assert [note.text() for note in notes] == [
        "Voice is unavailable: no speech engine is installed."
    ]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_enter_changes_nothing_wherever_the_focus_is(
    qtbot: QtBot, dialog: PreferencesDialog, store: SettingsStore
) -> None:
    """Enter closes Preferences; it never presses "Restore defaults"."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    spin(dialog, "session.hold_seconds").setValue(45)
    before = dialog.settings
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_list.hasFocus() or dialog.focusWidget() is dialog.page_list
    assert dialog.close_button.isDefault()
    for button in dialog.findChildren(QPushButton):
        assert button is dialog.close_button or not button.autoDefault(), button.text()
    restore = dialog.findChild(QPushButton, "restore-session")
    restore.setFocus()
    QTest.keyClick(restore, Qt.Key.Key_Return)
    assert dialog.settings == before
    assert not dialog.isVisible()  # Enter closed it instead
    assert dialog.page_list.accessibleName()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_digits_typed_into_the_time_fields_are_taken(
    qtbot: QtBot, dialog: PreferencesDialog, store: SettingsStore
) -> None:
    from PySide6.QtCore import QPoint, Qt

    dialog.show()
    dialog.show_page("reminders")
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for name, typed in (("reminders.start", "0915"), ("reminders.end", "1730")):
        edit = dialog.findChild(QTimeEdit, name)
        assert edit is not None
        # A click leaves the cursor inside the hours ("1|8"); digits must still count.
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(8, edit.height() // 2))
        assert edit.hasFocus()
        qtbot.keyClicks(edit, typed)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)  # done typing: the focus moves on
    assert on_disk(store)["reminders"]["start"] == "09:15"
    assert on_disk(store)["reminders"]["end"] == "17:30"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_typed_hold_out_of_range_is_explained(
    qtbot: QtBot, dialog: PreferencesDialog, store: SettingsStore
) -> None:

    dialog.show()
    dialog.show_page("session")
    qtbot.waitExposed(dialog)
    spin(dialog, "session.hold_seconds").setValue(45)
    box = spin(dialog, "session.hold_seconds")
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "5")
    box.interpretText()  # what leaving the field does (Tab, a click elsewhere)
    assert box.value() == 45, "Qt keeps the last good value"
    status = dialog.pages["session"].status.text()
    assert status.startswith("Hold") and "5 s is too short" in status
    assert f"from {box.minimum()} to {box.maximum()} s" in status
    assert on_disk(store)["session"]["hold_seconds"] == 45
    box.selectAll()
    qtbot.keyClicks(box, "20")
    box.interpretText()
    assert on_disk(store)["session"]["hold_seconds"] == 20


def test_sounds_page_tests_sound_and_voice_and_says_what_it_found(
    qtbot: QtBot, store: SettingsStore
) -> None:
    check = FakeSoundCheck()
    dialog = PreferencesDialog(store, sound_check=check)
    qtbot.addWidget(dialog)
    assert check.calls == ["open", "warm_up"]  # found before any button is pressed
    page = dialog.pages["sounds"]
    sound_button = page.findChild(QPushButton, "test-sound")
    voice_button = page.findChild(QPushButton, "test-voice")
    assert sound_button is not None and voice_button is not None
    sound_status = page.findChild(QLabel, "test-sound-status")
    voice_status = page.findChild(QLabel, "test-voice-status")
    assert sound_status is not None and voice_status is not None
    assert sound_status.text() == "Looking for the sound server…"
    check.sound = "Chimes play on Built-in Audio (pulseaudio 16.1)."
    check.voice = "The voice is speech-dispatcher, espeak-ng (MALE1, en)."
    check.availabilityChanged.emit()
    assert sound_status.text() == check.sound and sound_status.accessibleName() == check.sound
    assert voice_status.text() == check.voice
    sound_button.click()
    voice_button.click()
    assert check.calls[2:] == ["test_sound", "test_voice"]
    assert page.findChild(QCheckBox, "sound.tick_breaks") is not None
    # The voice's level is matched for espeak-ng only, and the page says so.
    hints = [label.text() for label in dialog.sound_panel.findChildren(QLabel, "hint")]
    assert any("espeak-ng" in hint and "louder or quieter" in hint for hint in hints), hints


def test_without_a_sound_check_the_page_has_no_test_buttons(dialog: PreferencesDialog) -> None:
    assert dialog.pages["sounds"].findChild(QPushButton, "test-sound") is None
