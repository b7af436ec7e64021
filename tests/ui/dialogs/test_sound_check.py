"""Preferences ▸ Sounds: "Test sound" and "Test voice" say what they found."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.dialogs.sound_check import SoundCheckPanel


class FakeSoundCheck(QObject):
    """What the Sounds page asks of the cue player, recorded."""

    availabilityChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []
        self.sound = "Looking for the sound server…"
        self.voice = "Starting the voice…"

    def open(self) -> None:
        self.calls.append("open")

    def warm_up(self) -> None:
        self.calls.append("warm_up")

    def test_sound(self) -> None:
        self.calls.append("test_sound")

    def test_voice(self) -> None:
        self.calls.append("test_voice")

    def sound_status(self) -> str:
        return self.sound

    def voice_status(self) -> str:
        return self.voice


def test_the_panel_looks_before_anything_is_pressed_and_follows_the_player(qtbot: QtBot) -> None:
    check = FakeSoundCheck()
    panel = SoundCheckPanel(check, "Chimes go to the sound server.")
    qtbot.addWidget(panel)
    assert check.calls == ["open", "warm_up"]
    assert panel.sound_status.text() == "Looking for the sound server…"
    check.voice = "No text-to-speech engine is installed."
    check.availabilityChanged.emit()
    assert panel.voice_status.accessibleName() == check.voice
    for name in ("test-sound", "test-voice"):
        button = panel.findChild(QPushButton, name)
        assert button is not None and not button.autoDefault()
        button.click()
        assert panel.findChild(QLabel, f"{name}-status") is not None
    assert check.calls[2:] == ["test_sound", "test_voice"]
