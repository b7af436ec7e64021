"""The 2D figure (compatibility path): pose data of the stretches not yet in 3D."""

from __future__ import annotations

import math

import pytest

from hamstring_gui.core import assets, figure
from hamstring_gui.core.catalog import Sides, load_catalog
from hamstring_gui.core.figure import Frame, Illustration, Role, ShapeKind
from hamstring_gui.core.figure.flat_file import parse_illustration
from hamstring_gui.core.figure.library import is_3d
from tests.helpers.flat_sample import load_sample

ALL_IDS = list(load_catalog())
STRETCH_IDS = [i for i in ALL_IDS if not is_3d(i)]  # the 3D ones: test_stretches.py
EACH_IDS = [i for i in STRETCH_IDS if load_catalog()[i].sides is Sides.EACH]
BOTH_IDS = [i for i in STRETCH_IDS if load_catalog()[i].sides is Sides.BOTH]
STEPS = 24


def all_frames(ill: Illustration) -> list[Frame]:
    """Key frames and every animation frame the view can show."""
    frames = list(ill.key_frames())
    for i in range(STEPS + 1):
        t = i / STEPS
        frames.append(ill.frame_at(ill.start, ill.stretched, figure.ease_in_out(t)))
        frames.append(ill.frame_at(ill.stretched, ill.deeper, figure.ease_in_out(t)))
        if ill.loop:
            frames.append(ill.frame_at(ill.start, ill.loop[0], figure.ease_in_out(t)))
        frames.append(ill.loop_frame(t))
    return frames


def bodies(frame: Frame) -> list[tuple[figure.Pose, figure.Body]]:
    body = figure.forward(frame.pose)
    out = [(frame.pose, body)]
    if frame.partner is not None:
        out.append((frame.partner, figure.forward(frame.partner, body)))
    return out


def test_every_stretch_has_pose_data_and_no_file_is_orphaned() -> None:
    files = {name.removesuffix(".toml") for name in assets.listdir("poses")}
    assert files == set(ALL_IDS)


@pytest.mark.parametrize("stretch_id", STRETCH_IDS)
def test_limb_lengths_are_the_same_in_every_pose_and_frame(stretch_id: str) -> None:
    ill = figure.load_illustration(stretch_id)
    for frame in all_frames(ill):
        for _, body in bodies(frame):
            for name, length in figure.segment_lengths(body).items():
                segment = name.removeprefix("near_").removeprefix("far_")
                assert length == pytest.approx(figure.SEGMENTS[segment], abs=1e-6), name


@pytest.mark.parametrize("stretch_id", STRETCH_IDS)
def test_nothing_goes_below_the_floor_in_any_frame(stretch_id: str) -> None:
    ill = figure.load_illustration(stretch_id)
    for frame in all_frames(ill):
        for _, body in bodies(frame):
            assert figure.lowest(body) >= -1e-6


@pytest.mark.parametrize("stretch_id", STRETCH_IDS)
def test_in_between_frames_hardly_need_lifting_off_the_floor(stretch_id: str) -> None:
    ill = figure.load_illustration(stretch_id)
    pairs = [(ill.start, ill.stretched), (ill.stretched, ill.deeper)]
    loop = ill.loop or (ill.start, ill.stretched)
    pairs += [(loop[i], loop[(i + 1) % len(loop)]) for i in range(len(loop))]
    for a, b in pairs:
        for i in range(STEPS + 1):
            pose = figure.interpolate(a.pose, b.pose, i / STEPS)
            assert figure.floor_lift(pose) < 2.0


@pytest.mark.parametrize("stretch_id", STRETCH_IDS)
def test_key_poses_rest_on_the_floor_rather_than_float(stretch_id: str) -> None:
    ill = figure.load_illustration(stretch_id)
    for frame in ill.key_frames():
        for _, body in bodies(frame):
            assert figure.lowest(body) <= 1.5


@pytest.mark.parametrize("stretch_id", STRETCH_IDS)
def test_knees_and_elbows_never_bend_backwards(stretch_id: str) -> None:
    ill = figure.load_illustration(stretch_id)
    for frame in all_frames(ill):
        for pose, body in bodies(frame):
            for joint, flex in figure.joint_flexions(pose, body).items():
                assert -1e-6 <= flex <= figure.KNEE_RANGE[1], joint


@pytest.mark.parametrize("stretch_id", STRETCH_IDS)
def test_gripping_hands_reach_what_they_hold(stretch_id: str) -> None:
    ill = figure.load_illustration(stretch_id)
    for frame in ill.key_frames():
        body = figure.forward(frame.pose)
        for arm, grip in frame.pose.grips.items():
            held = (
                grip.offset
                if grip.target == "world"
                else figure.add(body[grip.target], grip.offset)
            )
            target = figure.lerp_vec(body["shoulder"], held, grip.reach)
            assert figure.distance(body[f"{arm}_hand"], target) < 2.0, (arm, grip)


@pytest.mark.parametrize("stretch_id", EACH_IDS)
def test_the_left_picture_is_the_exact_mirror_of_the_right(stretch_id: str) -> None:
    ill = figure.load_illustration(stretch_id)
    for frame in (ill.start, ill.stretched):
        left = figure.build_scene(ill, frame, "left", arrow=True)
        right = figure.build_scene(ill, frame, "right", arrow=True)
        assert len(left.shapes) == len(right.shapes)
        for a, b in zip(left.shapes, right.shapes, strict=True):
            assert a.points == tuple((-x, y) for x, y in b.points)
            assert (a.kind, a.role, a.width) == (b.kind, b.role, b.width)


@pytest.mark.parametrize("stretch_id", EACH_IDS)
@pytest.mark.parametrize("side", ["left", "right"])
def test_the_highlighted_leg_is_the_one_the_phase_names(stretch_id: str, side: str) -> None:
    ill = figure.load_illustration(stretch_id)
    scene = figure.build_scene(ill, ill.stretched, side)
    other = "right" if side == "left" else "left"
    assert scene.parts(Role.WORK) | scene.parts(Role.WORK_FAR) == {f"{side}-leg"}
    labels = [s.text for s in scene.shapes if s.kind is ShapeKind.TEXT]
    assert labels == [side[0].upper()]
    # The working leg is the near one: drawn over the other leg.
    order = [s.part for s in scene.shapes]
    assert order.index(f"{side}-leg") > order.index(f"{other}-leg")


@pytest.mark.parametrize("stretch_id", BOTH_IDS)
def test_both_leg_stretches_highlight_both_legs_without_a_side_label(stretch_id: str) -> None:
    ill = figure.load_illustration(stretch_id)
    scene = figure.build_scene(ill, ill.stretched, None)
    assert scene.parts(Role.WORK) | scene.parts(Role.WORK_FAR) == {"left-leg", "right-leg"}
    assert not [s for s in scene.shapes if s.kind is ShapeKind.TEXT]


# A 2D file of its own (standing-hamstring's before it was posed in 3D), so the
# test does not depend on which stretches are still drawn in 2D.
HEEL_FORWARD_2D = """
schema = 1
start = "start"
stretched = "stretched"

[pose.start]
hip = [-6, 85]
trunk = 50
near_leg = { heel_at = 5, knee = 0, foot = 50 }
far_leg = { to = [-16, 10.5], foot = 0 }
near_arm = { grip = "far_thigh", offset = [3, 6] }
far_arm = { grip = "far_thigh", offset = [-1, 6] }

[pose.stretched]
like = "start"
"""


def test_a_figure_facing_left_shows_its_left_side() -> None:
    # Standing with the working heel forward: in the left-leg picture the toes point left.
    ill = parse_illustration(HEEL_FORWARD_2D, "poses/x.toml", "x", both_legs=False)
    scene = figure.build_scene(ill, ill.start, "left")
    (leg,) = [s for s in scene.shapes if s.part == "left-leg"]
    _, _, _, heel, toe, _ = leg.points
    assert toe[0] < heel[0]


def test_rest_figure_highlights_nothing() -> None:
    scene = figure.rest_scene()
    assert not scene.parts(Role.WORK) and not scene.parts(Role.WORK_FAR)
    assert figure.lowest(figure.forward(figure.REST_POSE)) == pytest.approx(0.0, abs=1.0)


def test_pnf_contract_arrow_points_back_towards_the_start_pose() -> None:
    ill = load_sample("pnf-towel")
    scene = figure.build_scene(ill, ill.stretched, "right", arrow=True)
    (arrow,) = [s for s in scene.shapes if s.kind is ShapeKind.ARROW]
    start, end = arrow.points
    ankle_start = figure.forward(ill.start.pose)["near_ankle"]
    ankle_deep = figure.forward(ill.deeper.pose)["near_ankle"]
    wanted = (ankle_start[0] - ankle_deep[0], ankle_start[1] - ankle_deep[1])
    drawn = (end[0] - start[0], end[1] - start[1])
    cos = (wanted[0] * drawn[0] + wanted[1] * drawn[1]) / (math.hypot(*wanted) * math.hypot(*drawn))
    assert cos > 0.99


def test_inverse_kinematics_reaches_a_target_with_the_knee_bending_forward() -> None:
    thigh, knee = figure.solve_two_link(
        (0, 90), (10, 20), figure.THIGH, figure.SHIN, bend_ccw=False
    )  # noqa: E501
    body = figure.forward(
        figure.Pose(
            (0, 90),
            90,
            0,
            figure.Limb(thigh, knee),
            figure.Limb(-90, 0),
            figure.Limb(-90, 0),
            figure.Limb(-90, 0),
        )
    )
    assert (
        figure.distance((body["near_ankle"][0], body["near_ankle"][1] - 90 + 90), (10, 20)) < 1e-6
    )  # noqa: E501
    assert knee > 0
    assert body["near_knee"][0] > 5  # the knee sits in front of the hip-ankle line


def test_easing_starts_and_ends_still_and_never_goes_back() -> None:
    values = [figure.ease_in_out(i / 100) for i in range(101)]
    assert values[0] == 0 and values[-1] == 1
    assert all(b >= a for a, b in zip(values, values[1:], strict=False))
    assert figure.ease_in_out(-1) == 0 and figure.ease_in_out(2) == 1


def test_interpolation_ends_are_the_key_poses() -> None:
    ill = load_sample("towel-stretch")
    assert ill.frame_at(ill.start, ill.stretched, 0).pose == ill.start.pose
    assert ill.frame_at(ill.start, ill.stretched, 1).pose == ill.stretched.pose
