"""3D pose files: readable, inherited poses, solved helpers, clear errors."""

from __future__ import annotations

import pytest

from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.figure import skeleton as sk
from hamstring_gui.core.figure.pose import solve
from hamstring_gui.core.figure.posefile import parse_pose_file

BASE = """
schema = 2
start = "a"
stretched = "b"
[pose.a]
pelvis = [0, 55, 0]
right_leg = { knee = 5, ankle = 10, heel_at = 0 }
left_leg = { at = [36, 8.6, -13], foot = [1, 0, 0] }
contacts = ["r_heel:floor"]
[pose.b]
like = "a"
tilt = 12
"""


def test_a_pose_inherits_and_heel_at_puts_the_heel_on_the_floor() -> None:
    data = parse_pose_file(BASE, "poses/x.toml")
    assert data.poses["b"].pose.trunk.tilt == 12
    assert data.poses["a"].contacts == (("r_heel", "floor"),)
    for name in ("a", "b"):
        body = solve(data.poses[name].pose)
        assert body["r_heel"][1] - sk.RADII["foot"][0] == pytest.approx(0.0, abs=0.05)


def test_a_hand_on_the_floor_can_lie_flat() -> None:
    text = BASE.replace(
        'contacts = ["r_heel:floor"]',
        "right_arm = { at = [40, 5, 20], fingers = [1, 0, 0] }\n"
        'left_arm = { grip = "l_knee", offset = [0, 6, 0], fingers = [0, -1, 0] }\n'
        'contacts = ["r_heel:floor"]',
    )
    pose = parse_pose_file(text, "poses/x.toml").poses["a"].pose
    assert pose.reaches["r_arm"].foot == (1.0, 0.0, 0.0)
    assert pose.reaches["l_arm"].foot == (0.0, -1.0, 0.0)
    body = solve(pose)
    assert body["r_fingers"][0] - body["r_hand"][0] == pytest.approx(sk.HAND)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (BASE.replace("tilt = 12", "tilt = 'far'"), "must be a number"),
        (BASE.replace("knee = 5,", "knee = 5, hop = 1,"), "unknown key"),
        (BASE.replace('stretched = "b"', 'stretched = "c"'), "names no pose"),
        (BASE + "[[prop]]\nkind = 'piano'\n", "needs a kind"),
        (BASE.replace("heel_at = 0", "heel_at = -50"), "out of reach"),
        ('camera = "sideways"\n' + BASE, "camera must be"),
        ('badge = "foot"\n' + BASE, "badge must be thigh or shin"),
        (BASE + '[[cue]]\nkind = "path"\npoint = "chest"\nahead = "yes"\n', "true or false"),
    ],
)
def test_broken_pose_files_fail_naming_the_problem(text: str, problem: str) -> None:
    with pytest.raises(DataError, match=problem):
        parse_pose_file(text, "poses/x.toml")


def test_a_cue_names_the_phases_it_shows_in() -> None:
    text = BASE + '[[cue]]\nkind = "path"\npoint = "r_heel"\nduring = ["contract"]\n'
    (cue,) = parse_pose_file(text, "x.toml").cues
    assert cue.during == ("contract",)
    with pytest.raises(DataError, match="during"):
        parse_pose_file(text.replace('"contract"', '"lift"'), "x.toml")


def test_an_arc_cue_can_run_ahead_and_turn_round_its_pivot() -> None:
    text = BASE + '[[cue]]\nkind = "path"\npoint = "chest"\npivot = "pelvis"\n'
    (plain,) = parse_pose_file(text, "x.toml").cues
    assert (plain.ahead, plain.turn) == (False, 0.0)
    (cue,) = parse_pose_file(text + "ahead = true\nturn = 30\n", "x.toml").cues
    assert (cue.ahead, cue.turn) == (True, 30.0)


@pytest.mark.parametrize("tilt", [0, 20, 45, 70])
def test_heel_at_finds_the_floor_in_a_deep_hip_hinge(tilt) -> None:
    # Folded far forward, the leg hangs at a negative hip flexion: still found.
    text = BASE.replace("pelvis = [0, 55, 0]", f"pelvis = [0, 55, 0]\ntilt = {tilt}")
    pose = parse_pose_file(text, "x.toml").poses["a"].pose
    body = solve(pose)
    assert abs(body["r_heel"][1] - sk.RADII["foot"][0]) < 0.05
    assert body["r_ankle"][0] >= body["r_hip"][0] - 1  # the leg forward of (or under) the hip


def test_a_file_can_name_the_bone_the_badge_sits_on() -> None:
    assert parse_pose_file(BASE, "poses/x.toml").badge is None
    assert parse_pose_file('badge = "shin"\n' + BASE, "poses/x.toml").badge == "shin"


def test_a_not_like_this_inset_can_have_its_own_camera() -> None:
    text = BASE + '[[cue]]\nkind = "not-like-this"\npose = "a"\n'
    (plain,) = parse_pose_file(text, "x.toml").cues
    assert plain.camera is None  # the picture's own view
    (cue,) = parse_pose_file(text + "camera = [90, 28]\n", "x.toml").cues
    assert cue.camera is not None and (cue.camera.yaw, cue.camera.pitch) == (90.0, 28.0)
    with pytest.raises(DataError, match="cue #1 camera must be"):
        parse_pose_file(text + 'camera = "sideways"\n', "x.toml")
