"""The 2D scenes (compatibility path): still built, mirrored and highlighted."""

from __future__ import annotations

from hamstring_gui.core.figure.flat_scene import build_scene, frame_bounds, rest_scene
from hamstring_gui.core.figure.roles import Role
from tests.helpers.flat_sample import load_sample


def test_a_2d_scene_highlights_the_named_leg() -> None:
    ill = load_sample("towel-stretch")
    scene = build_scene(ill, ill.stretched, "left")
    assert scene.parts(Role.WORK) | scene.parts(Role.WORK_FAR) == {"left-leg"}
    left, bottom, right, top = frame_bounds(ill, "left")
    assert right > left and top > bottom >= -5


def test_the_2d_rest_figure_highlights_nothing() -> None:
    assert not rest_scene().parts(Role.WORK)
