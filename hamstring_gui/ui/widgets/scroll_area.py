"""A frameless scroll area with names a screen reader can read, scroll bars included."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from hamstring_gui.core.i18n import _


class NamedScrollArea(QScrollArea):
    """Shows ``content`` at the area's width, scrolling when it is taller.

    The area and both its scroll bars carry ``name``: an unnamed scroll bar
    is read as just "scroll bar", with nothing to say what it scrolls.
    """

    def __init__(self, name: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.verticalScrollBar().setAccessibleName(
            _("Scroll “{area}” up or down").format(area=name)
        )
        self.horizontalScrollBar().setAccessibleName(
            _("Scroll “{area}” sideways").format(area=name)
        )
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
