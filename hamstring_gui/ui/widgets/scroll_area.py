"""A frameless scroll area with names a screen reader can read, scroll bars included."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QScrollArea, QWidget

from hamstring_gui.core.i18n import _


def name_scroll_bars(area: QAbstractScrollArea, name: str) -> None:
    """Name both scroll bars of ``area`` after what it shows ("Scroll “Stretches” up or down")."""
    area.verticalScrollBar().setAccessibleName(_("Scroll “{area}” up or down").format(area=name))
    area.horizontalScrollBar().setAccessibleName(_("Scroll “{area}” sideways").format(area=name))


class NamedScrollArea(QScrollArea):
    """Shows ``content`` at the area's width, scrolling when it is taller.

    The area and both its scroll bars carry ``name``: an unnamed scroll bar
    is read as just "scroll bar", with nothing to say what it scrolls.
    """

    def __init__(self, name: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        name_scroll_bars(self, name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
