"""Joint limits of a stiff adult: the hip's limit depends on the knee."""

from __future__ import annotations

from hamstring_gui.core.figure import limits


def test_a_straight_leg_reaches_60_to_70_degrees_of_hip_flexion() -> None:
    assert 60 <= limits.hip_flexion_limit(0) <= 70


def test_at_90_degrees_of_hip_flexion_the_knee_stays_about_20_short_of_straight() -> None:
    # The 90/90 test: the knee flexion at which the hip limit reaches 90 degrees.
    knee = next(k for k in range(0, 90) if limits.hip_flexion_limit(k) >= 90)
    assert 15 <= knee <= 25


def test_a_bent_knee_lets_the_hip_flex_far_but_not_without_end() -> None:
    assert limits.hip_flexion_limit(120) == limits.HIP_MAX


def test_violations_name_the_joint_and_let_good_angles_pass() -> None:
    assert limits.violations({"r_knee": 5, "r_hip_flex": 60, "lumbar": 20}) == []
    found = limits.violations({"r_knee": -10, "l_knee": 0, "l_hip_flex": 80})
    assert any(v.startswith("r_knee") for v in found)
    assert any(v.startswith("l_hip_flex") for v in found)
