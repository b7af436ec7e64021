"""One person's proportions: every measured bone has a length, on both sides."""

from __future__ import annotations

from hamstring_gui.core.figure import skeleton as sk


def test_every_limb_bone_is_measured_on_both_sides() -> None:
    ends = sk.all_bone_ends()
    for side in sk.SIDES:
        for bone in ("thigh", "shin", "upper_arm", "forearm"):
            assert f"{side}_{bone}" in ends
            assert sk.bone_length(f"{side}_{bone}") == sk.BONES[bone]
    assert sk.bone_length("lumbar") == sk.LUMBAR


def test_a_standing_adult_is_about_170_cm_tall() -> None:
    height = sk.ANKLE_HEIGHT + sk.SHIN + sk.THIGH + sk.LUMBAR + sk.THORACIC + sk.NECK
    assert 160 <= height + sk.HEAD_UP + sk.RADII["head"][0] <= 175


def test_limbs_taper_from_the_body_outwards() -> None:
    for bone in ("thigh", "shin", "upper_arm", "forearm"):
        near, far = sk.RADII[bone]
        assert near >= far > 0
