"""The frames of a looping move, each drawn once and then copied (the session's CPU budget).

:class:`~hamstring_gui.ui.widgets.illustration.IllustrationView` draws a
loop as a flip-book, one picture per frame tick; this keeps the pictures.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRect
from PySide6.QtGui import QPixmap

BUDGET = 8 * 1024 * 1024
"""Bytes of pictures a view keeps. In the default session window (a 464 x 526
picture) the 22 frames of the jogging loop and the backdrop take 4.6 MB; the
longest loop (walking lunges, 60 frames) keeps 45 of them."""


def _bytes(width: float, height: float) -> int:
    return round(width) * round(height) * 4  # 32-bit pixels


class LoopPicture(NamedTuple):
    """One frame of a loop: where it draws (view pixels) and, once drawn, its picture."""

    extent: QRect
    pixmap: QPixmap | None = None


class LoopPictures:
    """The frames of the loop a view shows, each drawn once and then copied.

    A move loops through the same frames for a whole phase (30-120 s).
    Painting one costs ~2.5 ms of CPU in the default session window, most of
    it the figure's outlines (a cosmetic pen wider than one pixel takes
    QPainter's general stroker); copying a kept picture costs ~0.1 ms.
    Measured (CPU time, jogging in a 464 x 526 view, offscreen): a loop frame
    with its repaint 2.95 ms painted, 0.35-0.49 ms copied; ``start
    full-session`` under Xvfb on the shared 2-core VM: 3.6-4.4 % of a core
    while the loop runs, 1.6-1.8 % with the pictures kept.

    A picture is opaque: background, floor and figure painted exactly as the
    view paints them, over the frame's extent (which holds everything but
    the floor), so copying it gives the same pixels as painting. Where the
    last frame was, the ``backdrop`` (the whole view without the figure: the
    floor's oval alone costs ~0.3 ms a frame) is copied. Pictures are kept
    until they fill ``budget`` bytes (a very large window); frames past it
    are painted every time. The view :meth:`clear` s them when what they
    show changes: another phase, size, palette, font or screen (``ratio``).
    """

    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.ratio = 1.0
        self._frames: dict[int, LoopPicture] = {}
        self._bytes = 0
        self.backdrop: QPixmap | None = None

    def clear(self, ratio: float | None = None) -> None:
        """Drop every frame (what they show changed); ``ratio``: a new device pixel ratio."""
        self._frames.clear()
        self._bytes = 0
        self.backdrop = None
        if ratio is not None:
            self.ratio = ratio

    def get(self, frame: int) -> LoopPicture | None:
        """Frame ``frame``, if its extent is known."""
        return self._frames.get(frame)

    def place(self, frame: int, extent: QRect) -> LoopPicture:
        """Note where frame ``frame`` draws."""
        picture = self._frames[frame] = LoopPicture(extent)
        return picture

    def has_room(self, extent: QRect) -> bool:
        """Whether the budget holds one more picture of ``extent`` (view pixels)."""
        size = _bytes(extent.width() * self.ratio, extent.height() * self.ratio)
        return self._bytes + size <= self.budget

    def keep(self, frame: int, pixmap: QPixmap) -> None:
        """Keep the picture of ``frame`` (placed before)."""
        self._bytes += _bytes(pixmap.width(), pixmap.height())
        self._frames[frame] = self._frames[frame]._replace(pixmap=pixmap)

    def keep_backdrop(self, pixmap: QPixmap) -> None:
        """Keep the still part of the view: background, floor and inset, no figure."""
        self._bytes += _bytes(pixmap.width(), pixmap.height())
        self.backdrop = pixmap

    @property
    def kept_bytes(self) -> int:
        """The memory the kept pictures take."""
        return self._bytes
