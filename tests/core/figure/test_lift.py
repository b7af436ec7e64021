"""The compatibility path: a 2D frame becomes a 3D body, near side towards the viewer."""

from __future__ import annotations

from hamstring_gui.core.figure import flat_file
from hamstring_gui.core.figure.flat import forward
from hamstring_gui.core.figure.lift import lift_body, lift_prop
from tests.helpers.flat_sample import load_sample


def test_a_lifted_body_keeps_the_2d_points_with_the_near_side_at_plus_z() -> None:
    frame = load_sample("towel-stretch").stretched
    flat_body = forward(frame.pose)
    body = lift_body(flat_body)
    assert body["r_knee"][:2] == flat_body["near_knee"] and body["r_knee"][2] > 0
    assert body["l_knee"][:2] == flat_body["far_knee"] and body["l_knee"][2] < 0


def test_old_prop_numbers_are_renamed_for_the_3d_props() -> None:
    chair = lift_prop(flat_file.Prop("chair", {"x": 12, "seat": 45}))
    assert chair.values == {"front": 12, "seat": 45}
