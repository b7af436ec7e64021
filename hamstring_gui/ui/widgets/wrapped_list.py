"""Lists whose long entries wrap onto more lines instead of scrolling sideways.

German and Spanish stretch names at 150 % text are wider than a list beside
a picture on a 1280 x 800 laptop; a sideways scroll bar hides the end of a
name (and the sore-back mark after it). Wrapping keeps every word in view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView

from hamstring_gui.ui.widgets.scroll_area import name_scroll_bars


def wrap_long_items(view: QListView) -> None:
    """Make ``view`` wrap each entry to its width, never scrolling sideways.

    Call it after naming ``view``: its scroll bar is named after it.

    ``setWordWrap`` alone is not enough: the list measures an entry at its one-line
    width unless there is no horizontal scroll bar to give it that room, and it
    lays entries out again on a resize only in ``Adjust`` mode.
    """
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    name_scroll_bars(view, view.accessibleName())  # taller entries make the list scroll
