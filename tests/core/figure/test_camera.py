"""Orthographic cameras and the mirrored other side."""

from __future__ import annotations

import pytest

from hamstring_gui.core.figure.camera import VIEWS, Camera


def test_the_side_view_sees_x_as_right_y_as_up_and_z_as_near() -> None:
    (u, v), depth = Camera().project((10.0, 20.0, 30.0))
    assert (u, v, depth) == (10.0, 20.0, 30.0)


def test_the_front_view_sees_the_right_side_on_the_screens_left() -> None:
    # A figure facing +x seen from the front: its right side (+z) appears on the left.
    (u, _), _ = VIEWS["front"].project((0.0, 0.0, 10.0))
    assert u < 0


@pytest.mark.parametrize("camera", list(VIEWS.values()))
def test_a_mirrored_scene_seen_by_the_mirrored_camera_is_the_mirror_image(camera) -> None:
    for point in ((10.0, 20.0, 30.0), (-5.0, 0.0, 12.0), (40.0, 90.0, -9.0)):
        (u, v), depth = camera.project(point)
        (mu, mv), mdepth = camera.mirrored().project((-point[0], point[1], point[2]))
        assert (mu, mv, mdepth) == pytest.approx((-u, v, depth))
