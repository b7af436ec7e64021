"""The scene painter: the L/R badge stays readable and inside its ring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.scene import Scene
from hamstring_gui.core.figure.shapes import Kind, Shape
from hamstring_gui.ui.style.palette import LIGHT
from hamstring_gui.ui.widgets.scene_painter import _badge_radius, badge_font, paint_scene


@pytest.fixture(autouse=True)
def _app(qapp):  # type: ignore[no-untyped-def]
    """Font metrics need a QGuiApplication."""
    return qapp


def test_the_side_badge_is_big_enough_in_a_small_picture() -> None:
    assert _badge_radius(QRectF(0, 0, 200, 150)) >= 11  # a 22 px disc, never ~12 px


@pytest.mark.parametrize("text", ["L", "I", "‹Ľ·›"])
def test_a_badge_letter_stays_inside_its_ring(text: str) -> None:
    """The pseudo-locale's "‹Ľ·›" spilled over the leg at 150 % text; now it shrinks to fit."""
    font = badge_font(QFont(), 20, text)
    assert QFontMetricsF(font).horizontalAdvance(text) <= 20 * 1.5
    assert font.bold()
    if len(text) == 1:
        assert font.pixelSize() == 24  # a letter keeps its size
    else:
        assert font.pixelSize() < 24  # shrunk from the one-letter size


def test_the_ghost_is_faint_and_its_overlaps_do_not_darken() -> None:
    """Two overlapping ghost limbs read as one light silhouette, not a darker joint."""
    square = ((0.0, 0.0), (60.0, 0.0), (60.0, 60.0), (0.0, 60.0))
    moved = tuple((u + 30.0, v) for u, v in square)
    shapes = tuple(
        Shape(Kind.FILL, points, 0.0, Role.GHOST, "ghost-trunk", -1.0) for points in (square, moved)
    )
    image = QImage(200, 150, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_scene(painter, QRectF(0, 0, 200, 150), Scene(shapes), (0, 0, 90, 60), LIGHT)
    painter.end()
    single, overlap = image.pixelColor(30, 75), image.pixelColor(100, 75)
    assert single == overlap
    assert 150 < single.lightness() < 250  # visible, yet far lighter than the body
