"""The settings store as a QObject, so every part of the window hears of a change."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hamstring_gui.core.settings import Settings
from hamstring_gui.core.settings.store import SettingsSaveError, SettingsStore


class SettingsModel(QObject):
    """Wraps a loaded :class:`SettingsStore`; one instance per app, made in ``app.py``.

    Signals:
        changed(object): the new :class:`Settings`, after each successful save.
        saveFailed(str): a save was refused; the message is for the user.
    """

    changed = Signal(object)
    saveFailed = Signal(str)  # noqa: N815 - Qt's camelCase for signals

    def __init__(self, store: SettingsStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    @property
    def settings(self) -> Settings:
        """The current settings."""
        return self.store.settings

    def update(self, settings: Settings) -> bool:
        """Save ``settings`` and announce them; ``False`` (and ``saveFailed``) when refused."""
        if settings == self.store.settings:
            return True
        try:
            self.store.save(settings)
        except SettingsSaveError as error:
            self.saveFailed.emit(str(error))
            return False
        self.changed.emit(settings)
        return True

    def remember_hold(self, stretch_id: str, seconds: int | None) -> bool:
        """The window's "Remember 40 s for this stretch" (``None`` forgets it)."""
        session = self.settings.session.with_hold_for(stretch_id, seconds)
        return self.update(self.settings.with_section("session", session))
