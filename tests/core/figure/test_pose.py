"""The 3D pose: forward and inverse kinematics keep every bone its length."""

from __future__ import annotations

import random

import pytest

from hamstring_gui.core.figure import skeleton as sk
from hamstring_gui.core.figure.pose import (
    Arm,
    Leg,
    Pose,
    Reach,
    Trunk,
    interpolate,
    joint_angles,
    mirrored,
    settled,
    solve,
    spine_angles,
    two_bone,
)
from hamstring_gui.core.figure.vec import dist

STANDING = Pose(Trunk((0.0, 90.6, 0.0)), {"r": Leg(), "l": Leg()}, {"r": Arm(), "l": Arm()})


def random_pose(rng: random.Random) -> Pose:
    trunk = Trunk((0.0, 60.0, 0.0), rng.uniform(-90, 90), rng.uniform(-10, 40), rng.uniform(-5, 35))
    legs = {
        s: Leg(
            rng.uniform(-20, 110), rng.uniform(-15, 40), rng.uniform(-30, 40), rng.uniform(5, 140)
        )
        for s in sk.SIDES
    }
    arms = {
        s: Arm(
            rng.uniform(-40, 170), rng.uniform(-20, 90), rng.uniform(-30, 30), rng.uniform(5, 140)
        )
        for s in sk.SIDES
    }
    return Pose(trunk, legs, arms)


def bone_errors(pose: Pose) -> list[float]:
    body = solve(pose)
    return [
        abs(dist(body[a], body[b]) - sk.bone_length(name))
        for name, (a, b) in sk.all_bone_ends().items()
    ]


def test_standing_figure_is_one_adult_of_170_cm_on_the_floor() -> None:
    body = solve(STANDING)
    top = body["head"][1] + sk.RADII["head"][0]
    assert 160 <= top <= 175
    assert body["r_heel"][1] - sk.RADII["foot"][0] == pytest.approx(0.0, abs=0.5)
    assert body["r_hip"][2] > 0 > body["l_hip"][2]  # the right side is towards +z


def test_bones_keep_their_length_in_any_pose() -> None:
    rng = random.Random(19)
    for _ in range(200):
        assert max(bone_errors(random_pose(rng))) < 1e-9


def test_measured_angles_rebuild_the_same_body() -> None:
    rng = random.Random(7)
    for _ in range(200):
        pose = random_pose(rng)
        body = solve(pose)
        again = solve(settled(pose, body))
        assert max(dist(body[k], again[k]) for k in body.points) < 0.2


def test_a_knee_bends_towards_its_pole_and_reaches_a_reachable_target() -> None:
    knee, ankle = two_bone((0, 90, 0), (20, 20, 0), sk.THIGH, sk.SHIN, (1, 0, 0))
    assert dist(ankle, (20, 20, 0)) < 1e-9
    assert dist((0, 90, 0), knee) == pytest.approx(sk.THIGH)
    assert knee[0] > 10  # in front of the hip-ankle line: the kneecap's side


def test_an_unreachable_target_straightens_the_limb_without_stretching_it() -> None:
    knee, ankle = two_bone((0, 90, 0), (0, -100, 0), sk.THIGH, sk.SHIN, (1, 0, 0))
    assert dist((0, 90, 0), ankle) == pytest.approx(sk.THIGH + sk.SHIN, abs=1e-6)


def test_a_rounded_back_measures_as_flexion_and_a_straight_one_as_none() -> None:
    straight = spine_angles(solve(STANDING._replace(trunk=Trunk((0, 90, 0), tilt=60))))
    rounded = spine_angles(
        solve(STANDING._replace(trunk=Trunk((0, 90, 0), tilt=30, lumbar=25, thoracic=30)))
    )
    assert straight["lumbar"] == pytest.approx(0, abs=1e-6)
    assert rounded["lumbar"] == pytest.approx(25) and rounded["thoracic"] == pytest.approx(30)


def test_a_hand_keeps_holding_the_knee_while_the_leg_rises() -> None:
    grip = {"r_arm": Reach("r_knee", (0.0, 6.0, 0.0))}
    low = STANDING._replace(
        trunk=Trunk((0, 55, 0), tilt=30),
        legs={"r": Leg(100, knee=90), "l": Leg(110, knee=90)},
        reaches=grip,
    )
    high = low._replace(legs={"r": Leg(122, knee=110), "l": Leg(110, knee=90)})
    a, b = settled(low, solve(low)), settled(high, solve(high))
    for i in range(11):
        body = solve(interpolate(a, b, i / 10))
        held = body["r_knee"]
        assert dist(body["r_hand"], (held[0], held[1] + 6, held[2])) < 1.0


def test_a_hand_laid_flat_points_its_fingers_its_own_way() -> None:
    target = (30.0, 100.0, 20.0)
    along = STANDING._replace(reaches={"r_arm": Reach("", target)})
    flat = STANDING._replace(reaches={"r_arm": Reach("", target, foot=(1.0, 0.0, 0.0))})
    a, b = solve(along), solve(flat)
    assert a["r_hand"] == b["r_hand"]  # the arm is the same; only the hand turns
    assert a["r_fingers"][1] < a["r_hand"][1] - 1  # in line with the forearm: downwards
    assert dist(b["r_hand"], target) < 1e-6
    assert b["r_fingers"] == pytest.approx((target[0] + sk.HAND, target[1], target[2]))


def test_joint_angles_of_standing_are_neutral() -> None:
    angles = joint_angles(solve(STANDING))
    assert all(abs(v) < 1e-6 for k, v in angles.items() if "shoulder" not in k)


def test_a_mirrored_body_is_the_reflection_of_every_point() -> None:
    body = solve(random_pose(random.Random(3)))
    other = mirrored(body)
    for name, (x, y, z) in body.points.items():
        assert other[name] == (-x, y, z)
