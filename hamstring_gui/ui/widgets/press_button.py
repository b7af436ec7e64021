"""A push button that the keyboard can always press: Space and Enter, focus first.

A plain ``QPushButton`` outside a dialog ignores Enter, and a window-wide
shortcut on Space (the session's Pause) takes the key before the focused
button sees it. This button claims both keys while it has the focus, so the
button a keyboard user is on is the one that acts; with the focus elsewhere
the window's shortcuts work as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QToolButton, QWidget

PRESS_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter})
_ENTER = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_NO_MODIFIERS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def claims_key(event: QEvent) -> bool:
    """Whether ``event`` asks a focused button for Space or Enter (and it accepted)."""
    # Qt asks the focus widget first whether it wants a key that is also a
    # shortcut: accepting keeps Space and Enter for the focused button.
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and event.key() in PRESS_KEYS
        and event.modifiers() in _NO_MODIFIERS
    ):
        event.accept()
        return True
    return False


class PressButton(QPushButton):
    """A ``QPushButton`` that Space and Enter press whenever it has the focus."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAutoDefault(False)

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt override
        return claims_key(event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102, N802 - Qt override
        if event.key() in _ENTER and event.modifiers() in _NO_MODIFIERS:
            if not event.isAutoRepeat():
                self.animateClick()
            return
        super().keyPressEvent(event)


class MenuButton(QToolButton):
    """A button that opens its menu on Space or Enter, even where Space is a shortcut."""

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt override
        return claims_key(event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102, N802 - Qt override
        if event.key() in _ENTER and event.modifiers() in _NO_MODIFIERS:
            self.showMenu()
            return
        super().keyPressEvent(event)
