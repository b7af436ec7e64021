"""Preferences ▸ Sounds: "Test sound" and "Test voice", and what each found.

The statuses show before anything is pressed: the panel asks the cue player
to look for the sound server and start the voice (both in the background)
as soon as it is built, and follows ``availabilityChanged``.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hamstring_gui.core.i18n import _


class SoundCheck(Protocol):
    """What the Sounds page asks of the cue player (``ui.audio.sound.QtCuePlayer``)."""

    @property
    def availabilityChanged(self) -> SignalInstance:  # noqa: N802 - Qt signal naming
        """Emitted when sound or voice became ready or failed."""
        ...

    def open(self) -> None:
        """Look for the sound server in the background."""
        ...

    def warm_up(self) -> None:
        """Start the voice in the background."""
        ...

    def test_sound(self) -> None:
        """Play a chime."""
        ...

    def test_voice(self) -> None:
        """Say a line."""
        ...

    def sound_status(self) -> str:
        """What was found for the chimes, in words."""
        ...

    def voice_status(self) -> str:
        """What was found for the voice, in words."""
        ...


class SoundCheckPanel(QWidget):
    """Two buttons, each with a line saying what it found (readable by screen readers)."""

    def __init__(self, check: SoundCheck, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        note = QLabel(intro)
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.sound_status = QLabel()
        self.voice_status = QLabel()
        for row, (name, text, status, test) in enumerate(
            (
                ("test-sound", _("&Test sound"), self.sound_status, check.test_sound),
                ("test-voice", _("Test &voice"), self.voice_status, check.test_voice),
            )
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)  # Enter closes Preferences; it never tests
            button.clicked.connect(test)
            status.setObjectName(f"{name}-status")
            status.setWordWrap(True)
            status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(status, row, 1)
        layout.addLayout(grid)
        check.availabilityChanged.connect(self.show_status)
        self.show_status()
        check.open()  # what "Test sound" will use is found before it is pressed
        check.warm_up()

    def show_status(self) -> None:
        """Show what the player has found so far."""
        for label, text in (
            (self.sound_status, self.check.sound_status()),
            (self.voice_status, self.check.voice_status()),
        ):
            label.setText(text)
            label.setAccessibleName(text)
