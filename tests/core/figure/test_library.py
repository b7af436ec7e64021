"""The figures of all stretches: 3D files and lifted 2D ones, loaded once."""

from __future__ import annotations

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.figure.camera import Camera
from hamstring_gui.core.figure.library import is_3d, load_figure, rest_scene
from hamstring_gui.core.figure.roles import Role


def test_every_stretch_has_a_figure_and_it_is_cached() -> None:
    for stretch_id in load_catalog():
        assert load_figure(stretch_id) is load_figure(stretch_id)


def test_schema_2_files_are_3d_and_the_rest_are_lifted() -> None:
    assert is_3d("chair-stretch")
    assert is_3d("towel-stretch")
    lifted = [i for i in load_catalog() if not is_3d(i)]
    assert all(load_figure(i).camera == Camera() for i in lifted)  # the old side view


def test_the_rest_picture_is_a_calm_standing_figure() -> None:
    scene = rest_scene()
    left, bottom, right, top = scene.bounds()
    assert 155 < top - bottom < 180
    assert not scene.parts(Role.WORK)
