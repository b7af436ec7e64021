"""The routine editor's three panes side by side, each given the width it needs first.

A splitter shares its width by stretch factors alone, so at 150 % text in
German the library and the preview got less than their narrowest and
scrolled sideways while the routine pane had room to spare. Here each pane
first gets its minimum width (when the window has it), and only what is left
is shared by the factors. Each pane scrolls on its own when the screen is
smaller than that.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QStyle, QWidget

from hamstring_gui.ui.widgets.scroll_area import NamedScrollArea


def share_width(total: int, needs: Sequence[int], weights: Sequence[int]) -> list[int]:
    """Widths for panes that need ``needs`` pixels: needs first, the rest by ``weights``.

    When ``total`` is less than the needs together, each gets its share of
    ``total`` in proportion to its need.
    """
    spare = total - sum(needs)
    if spare < 0:
        return [total * need // max(1, sum(needs)) for need in needs]
    return [
        need + spare * weight // sum(weights) for need, weight in zip(needs, weights, strict=True)
    ]


class EditorPanes(QSplitter):
    """Named, scrolling panes side by side, sized by :func:`share_width` until a handle moves."""

    def __init__(
        self, panes: Sequence[tuple[str, QWidget, int]], parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self._weights = [weight for _name, _pane, weight in panes]
        self._panes = [pane for _name, pane, _weight in panes]
        for name, pane, weight in panes:
            area = NamedScrollArea(name, pane)
            self.addWidget(area)
            self.setStretchFactor(self.indexOf(area), weight)
        self.splitterMoved.connect(self._moved_by_hand)
        self._by_hand = False

    def needs(self) -> list[int]:
        """The narrowest each pane can be without scrolling sideways (its scroll bar included)."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return [pane.minimumSizeHint().width() + bar for pane in self._panes]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Share the new width by need, then by weight (unless the user moved a handle).

        Once now and once more when the events of this turn are done: a pane
        shown for the first time is polished (styled, its fonts set) only then,
        and needs more than it said before.
        """
        super().resizeEvent(event)
        self.share()
        QTimer.singleShot(0, self.share)

    def share(self) -> None:
        """Give each pane its need, then the rest by weight (not after a handle was moved)."""
        if not self._by_hand:
            total = self.width() - self.handleWidth() * (self.count() - 1)
            self.setSizes(share_width(total, self.needs(), self._weights))

    def _moved_by_hand(self, _position: int, _index: int) -> None:
        self._by_hand = True
