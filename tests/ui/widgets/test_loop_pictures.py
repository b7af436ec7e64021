"""The kept pictures of a loop: a bounded store that the view clears when what they show changes."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QPixmap

from hamstring_gui.ui.widgets.loop_pictures import LoopPictures


def test_pictures_are_kept_within_the_budget(qapp) -> None:
    pictures = LoopPictures(budget=100 * 100 * 4 * 2)
    extent = QRect(10, 10, 100, 100)
    for frame in range(3):
        pictures.place(frame, extent)
        if pictures.has_room(extent):
            pictures.keep(frame, QPixmap(100, 100))
    kept = [pictures.get(frame) for frame in range(3)]
    assert [p is not None and p.pixmap is not None for p in kept] == [True, True, False]
    assert pictures.kept_bytes == 80_000
    assert not pictures.has_room(QRect(0, 0, 1, 1))


def test_a_device_pixel_ratio_counts_device_pixels(qapp) -> None:
    pictures = LoopPictures(budget=100 * 100 * 4)
    assert pictures.has_room(QRect(0, 0, 100, 100))
    pictures.clear(ratio=2.0)
    assert not pictures.has_room(QRect(0, 0, 100, 100))


def test_clearing_drops_every_picture(qapp) -> None:
    pictures = LoopPictures()
    pictures.place(0, QRect(0, 0, 10, 10))
    pictures.keep(0, QPixmap(10, 10))
    pictures.keep_backdrop(QPixmap(20, 20))
    assert pictures.kept_bytes == (100 + 400) * 4
    pictures.clear()
    assert pictures.get(0) is None and pictures.backdrop is None and pictures.kept_bytes == 0
