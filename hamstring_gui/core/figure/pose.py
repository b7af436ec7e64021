"""A body position in 3D: trunk, a three-part spine, legs and arms, solved to points.

A :class:`Pose` holds joint angles; a limb may instead *reach* for a target
(a foot placed on the floor or a wall, a hand on a towel, a thigh or the
partner's heel), solved with two-bone inverse kinematics every frame. Either
way the points come from bones of fixed length, so no frame can stretch a
limb. Sides are ``r`` and ``l``; the canonical picture works the right leg.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from hamstring_gui.core.figure import skeleton as sk
from hamstring_gui.core.figure.vec import (
    V3,
    X,
    Y,
    Z,
    add,
    angle,
    dot,
    length,
    lerp,
    mix,
    norm,
    perpendicular,
    rotate,
    scale,
    signed_angle,
    sub,
    turn,
)

Frame3 = tuple[V3, V3, V3]
"""Forward, up and right unit vectors of the pelvis or the chest."""


class Trunk(NamedTuple):
    """Where the pelvis is and how the spine bends.

    ``tilt``: the pelvis tipped forward from upright (a hip hinge; lying on
    the back is ``-90``). ``lumbar``, ``thoracic``, ``neck``: flexion of each
    part of the spine; 0 keeps the back straight, positive rounds it.
    ``yaw`` turns the whole body to its left about the vertical; ``roll`` turns
    it about its own spine (lying on the back: rolling onto one side).
    """

    pelvis: V3
    tilt: float = 0.0
    lumbar: float = 0.0
    thoracic: float = 0.0
    neck: float = 0.0
    yaw: float = 0.0
    roll: float = 0.0


class Leg(NamedTuple):
    """Hip flexion, abduction (out to the side) and turn (toes out), knee flexion, ankle."""

    flex: float = 0.0
    abduct: float = 0.0
    turn: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0


class Arm(NamedTuple):
    """Shoulder flexion (forward raise), abduction, twist, elbow flexion."""

    flex: float = 0.0
    abduct: float = 0.0
    twist: float = 0.0
    elbow: float = 0.0


class Reach(NamedTuple):
    """A limb whose end goes to a target each frame.

    ``point`` names a point of this body (``r_knee``), of the other figure
    (``subject.r_heel``) or is empty for the world point ``offset``; the
    hand or ankle stops ``along`` (0..1) of the way from the shoulder or hip,
    as when holding a towel. ``pole``: where the knee (kneecap) or elbow
    points, in the root's frame (forward, up, outward). ``foot``: the foot's
    world direction for a placed foot, or the fingers' for a hand laid flat
    (otherwise a hand goes on in line with the forearm).
    """

    point: str
    offset: V3 = (0.0, 0.0, 0.0)
    along: float = 1.0
    pole: V3 = (1.0, 0.0, 0.0)
    foot: V3 | None = None


_NONE: Mapping[str, Reach] = MappingProxyType({})


class Pose(NamedTuple):
    """A whole body: trunk, angles of each limb, and the limbs that reach for targets."""

    trunk: Trunk
    legs: Mapping[str, Leg]
    arms: Mapping[str, Arm]
    reaches: Mapping[str, Reach] = _NONE  # keys "r_leg", "l_arm", ...


class Body:
    """A solved pose: named points in world space plus the pelvis and chest frames."""

    __slots__ = ("chest", "pelvis", "points")

    def __init__(self, points: dict[str, V3], pelvis: Frame3, chest: Frame3) -> None:
        self.points = points
        self.pelvis = pelvis
        self.chest = chest

    def __getitem__(self, name: str) -> V3:
        return self.points[name]


def _frames(trunk: Trunk) -> tuple[Frame3, Frame3, V3]:
    f, u, r = X, Y, Z
    f, u = turn(f, scale(u, -1), trunk.tilt), turn(u, f, trunk.tilt)
    f, r = rotate(f, u, trunk.roll), rotate(r, u, trunk.roll)
    if trunk.yaw:
        f, u, r = (rotate(v, Y, trunk.yaw) for v in (f, u, r))
    bend = trunk.lumbar + trunk.thoracic
    chest = (turn(f, scale(u, -1), bend), turn(u, f, bend), r)
    neck = turn(u, f, bend + trunk.neck)
    return (f, u, r), chest, neck


def _leg_from_angles(hip: V3, frame: Frame3, leg: Leg, s: float) -> tuple[V3, V3, V3]:
    f, u, r = frame
    d0 = turn(scale(u, -1), f, leg.flex)
    p0 = turn(f, u, leg.flex)
    d = turn(d0, scale(r, s), leg.abduct)
    p = rotate(p0, d, s * leg.turn)
    knee = add(hip, d, sk.THIGH)
    shin = turn(d, scale(p, -1), leg.knee)
    front = turn(p, d, leg.knee)
    ankle = add(knee, shin, sk.SHIN)
    return knee, ankle, turn(front, scale(shin, -1), leg.ankle)


def _arm_from_angles(shoulder: V3, frame: Frame3, arm: Arm, s: float) -> tuple[V3, V3]:
    f, u, r = frame
    d0 = turn(scale(u, -1), f, arm.flex)
    p0 = turn(f, u, arm.flex)
    d = turn(d0, scale(r, s), arm.abduct)
    p = rotate(p0, d, -s * arm.twist)
    elbow = add(shoulder, d, sk.UPPER_ARM)
    return elbow, add(elbow, turn(d, p, arm.elbow), sk.FOREARM)


def two_bone(root: V3, target: V3, upper: float, lower: float, pole: V3) -> tuple[V3, V3]:
    """Middle joint and end that bring a two-bone chain from ``root`` towards ``target``.

    The middle joint bends towards ``pole``; out of reach, the chain points
    straight at the target. Bone lengths are exact either way.
    """
    to = sub(target, root)
    d = min(max(length(to), abs(upper - lower) + 1e-6, 1e-6), upper + lower - 1e-9)
    u = norm(to, fallback=scale(Y, -1))
    w = perpendicular(pole, u)
    cos_a = (upper * upper + d * d - lower * lower) / (2 * upper * d)
    a = math.acos(max(-1.0, min(1.0, cos_a)))
    mid = add(add(root, u, upper * math.cos(a)), w, upper * math.sin(a))
    return mid, add(mid, norm(sub(add(root, u, d), mid)), lower)


def _in_frame(frame: Frame3, v: V3, s: float) -> V3:
    f, u, r = frame
    return add(add(scale(f, v[0]), u, v[1]), r, s * v[2])


def _foot_points(points: dict[str, V3], side: str, foot: V3) -> None:
    ankle, knee = points[f"{side}_ankle"], points[f"{side}_knee"]
    up = perpendicular(sub(knee, ankle), foot)
    sole = add(ankle, up, -sk.SOLE_DOWN)
    points[f"{side}_heel"] = add(sole, foot, -sk.HEEL_BACK)
    # The toe end is thinner than the heel: lower it so the sole lies flat.
    taper = sk.RADII["foot"][0] - sk.RADII["foot"][1]
    points[f"{side}_toe"] = add(add(sole, foot, sk.TOE_FORWARD), up, -taper)
    points[f"{side}_ball"] = add(sole, foot, sk.BALL_FORWARD)


def _thigh_marks(hip: V3, knee: V3, ankle: V3, frame: Frame3) -> tuple[V3, V3]:
    """Points on the back of the thigh near the knee (a towel's loop) and on its front (a hand)."""
    d = norm(sub(knee, hip))
    shin = norm(sub(ankle, knee))
    bend = angle(d, shin)
    if bend > 3.0:
        kneecap = perpendicular(sub(scale(d, math.cos(math.radians(bend))), shin), d)
    else:
        kneecap = perpendicular(frame[0], d)
    back = add(lerp(hip, knee, 0.78), kneecap, -(sk.RADII["thigh"][1] + 0.8))
    return back, add(lerp(hip, knee, 0.55), kneecap, sum(sk.RADII["thigh"]) / 2 + 1.0)


def solve(pose: Pose, other: Body | None = None) -> Body:
    """Forward (and inverse) kinematics: every named point of ``pose`` in world space.

    Reaches for ``subject.`` points look them up in ``other`` (the person a
    partner holds).
    """
    trunk = pose.trunk
    pelvis_frame, chest_frame, neck_dir = _frames(trunk)
    f, u, r = pelvis_frame
    p = trunk.pelvis
    waist = add(p, turn(u, f, trunk.lumbar), sk.LUMBAR)
    chest = add(waist, chest_frame[1], sk.THORACIC)
    neck = add(chest, neck_dir, sk.NECK)
    face = turn(chest_frame[0], scale(chest_frame[1], -1), trunk.neck)
    points: dict[str, V3] = {
        "pelvis": p,
        "waist": waist,
        "chest": chest,
        "neck": neck,
        "head": add(add(neck, neck_dir, sk.HEAD_UP), face, 1.5),
    }
    points["nose"] = add(points["head"], face, sk.RADII["head"][0] - 1.0)
    for side in sk.SIDES:
        s = sk.side_sign(side)
        hip = add(p, r, s * sk.HIP_HALF)
        points[f"{side}_hip"] = hip
        reach = pose.reaches.get(f"{side}_leg")
        if reach is None:
            knee, ankle, foot = _leg_from_angles(hip, pelvis_frame, pose.legs[side], s)
        else:
            target = add(_target(reach, points, other), reach.offset)
            target = lerp(hip, target, reach.along)
            pole = _in_frame(pelvis_frame, reach.pole, s)
            knee, ankle = two_bone(hip, target, sk.THIGH, sk.SHIN, pole)
            foot = (
                norm(reach.foot)
                if reach.foot is not None
                else turn(pole, norm(sub(knee, ankle)), 0)
            )
        points[f"{side}_knee"], points[f"{side}_ankle"] = knee, ankle
        _foot_points(points, side, foot)
        marks = _thigh_marks(hip, knee, ankle, pelvis_frame)
        points[f"{side}_thigh_back"], points[f"{side}_thigh_top"] = marks
    _, cu, cr = chest_frame
    for side in sk.SIDES:  # both shoulders first: a hand may hold the other shoulder
        s = sk.side_sign(side)
        points[f"{side}_shoulder"] = add(
            add(chest, cr, s * sk.SHOULDER_HALF), cu, -sk.SHOULDER_DROP
        )
    for side in sk.SIDES:
        s = sk.side_sign(side)
        shoulder = points[f"{side}_shoulder"]
        reach = pose.reaches.get(f"{side}_arm")
        if reach is None:
            elbow, hand = _arm_from_angles(shoulder, chest_frame, pose.arms[side], s)
        else:
            target = add(_target(reach, points, other), reach.offset)
            target = lerp(shoulder, target, reach.along)
            pole = _in_frame(chest_frame, reach.pole, s)
            elbow, hand = two_bone(shoulder, target, sk.UPPER_ARM, sk.FOREARM, pole)
        points[f"{side}_elbow"], points[f"{side}_hand"] = elbow, hand
        flat = reach.foot if reach is not None and reach.foot is not None else None
        fingers = norm(flat) if flat is not None else norm(sub(hand, elbow))
        points[f"{side}_fingers"] = add(hand, fingers, sk.HAND)
    return Body(points, pelvis_frame, chest_frame)


def heel_height(pose: Pose, side: str) -> float:
    """Height of the heel's centre of leg ``side`` (by angles): what ``heel_at`` solves for."""
    pelvis_frame, _, _ = _frames(pose.trunk)
    s = sk.side_sign(side)
    hip = add(pose.trunk.pelvis, pelvis_frame[2], s * sk.HIP_HALF)
    knee, ankle, foot = _leg_from_angles(hip, pelvis_frame, pose.legs[side], s)
    up = perpendicular(sub(knee, ankle), foot)
    return add(add(ankle, up, -sk.SOLE_DOWN), foot, -sk.HEEL_BACK)[1]


def _target(reach: Reach, points: dict[str, V3], other: Body | None) -> V3:
    if not reach.point:
        return (0.0, 0.0, 0.0)
    if reach.point.startswith("subject."):
        if other is None:
            raise KeyError(reach.point)
        return other[reach.point.removeprefix("subject.")]
    return points[reach.point]


# --- measuring a solved body ---------------------------------------------------


def _local(frame: Frame3, v: V3) -> V3:
    return (dot(v, frame[0]), dot(v, frame[1]), dot(v, frame[2]))


def leg_angles(body: Body, side: str) -> Leg:
    """The angles a solved leg has (exact inverse of the forward kinematics)."""
    s = sk.side_sign(side)
    f, u, r = body.pelvis
    hip, knee, ankle = (body[f"{side}_{n}"] for n in ("hip", "knee", "ankle"))
    d = norm(sub(knee, hip))
    df, du, dr = _local(body.pelvis, d)
    abduct = math.degrees(math.asin(max(-1.0, min(1.0, s * dr))))
    flex = math.degrees(math.atan2(df, -du))
    shin = norm(sub(ankle, knee))
    k = angle(d, shin)
    p0 = turn(f, u, flex)
    foot = norm(sub(body[f"{side}_ball"], body[f"{side}_heel"]))
    # A straight knee leaves the kneecap's direction to the foot (front ~ kneecap).
    p = norm(sub(scale(d, math.cos(math.radians(k))), shin)) if k > 1.0 else foot
    p = perpendicular(p, d)
    twist = s * signed_angle(perpendicular(p0, d), p, d)
    front = turn(p, d, k)
    up = norm(scale(shin, -1))
    ankle_angle = math.degrees(math.atan2(dot(foot, up), dot(foot, front)))
    return Leg(flex, abduct, twist, k, ankle_angle)


def arm_angles(body: Body, side: str) -> Arm:
    """The angles a solved arm has (exact inverse of the forward kinematics)."""
    s = sk.side_sign(side)
    f, u, _ = body.chest
    shoulder, elbow, hand = (body[f"{side}_{n}"] for n in ("shoulder", "elbow", "hand"))
    d = norm(sub(elbow, shoulder))
    df, du, dr = _local(body.chest, d)
    abduct = math.degrees(math.asin(max(-1.0, min(1.0, s * dr))))
    flex = math.degrees(math.atan2(df, -du))
    fore = norm(sub(hand, elbow))
    e = angle(d, fore)
    p0 = perpendicular(turn(f, u, flex), d)
    p = perpendicular(sub(fore, scale(d, math.cos(math.radians(e)))), d) if e > 1.0 else p0
    return Arm(flex, abduct, -s * signed_angle(p0, p, d), e)


def spine_angles(body: Body) -> dict[str, float]:
    """Flexion of the lower back, upper back and neck as drawn (0 = straight)."""
    _, u, right = body.pelvis
    r = scale(right, -1)  # flexion turns the spine from up towards forward
    lumbar = norm(sub(body["waist"], body["pelvis"]))
    thoracic = norm(sub(body["chest"], body["waist"]))
    neck = norm(sub(body["neck"], body["chest"]))
    return {
        "lumbar": signed_angle(u, lumbar, r),
        "thoracic": signed_angle(lumbar, thoracic, r),
        "neck": signed_angle(thoracic, neck, r),
    }


def joint_angles(body: Body) -> dict[str, float]:
    """Every joint as drawn, keyed as :func:`limits.violations` expects."""
    angles = spine_angles(body)
    for side in sk.SIDES:
        leg, arm = leg_angles(body, side), arm_angles(body, side)
        angles.update(
            {
                f"{side}_hip_flex": leg.flex,
                f"{side}_hip_abduction": leg.abduct,
                f"{side}_hip_turn": leg.turn,
                f"{side}_knee": leg.knee,
                f"{side}_ankle": leg.ankle,
                f"{side}_elbow": arm.elbow,
                f"{side}_shoulder_flex": arm.flex,
            }
        )
    return angles


def settled(pose: Pose, body: Body) -> Pose:
    """``pose`` with the angles its reaching limbs have in ``body`` filled in."""
    legs = {side: leg_angles(body, side) for side in sk.SIDES}
    arms = {side: arm_angles(body, side) for side in sk.SIDES}
    return pose._replace(legs=legs, arms=arms)


# --- motion -------------------------------------------------------------------


def _mix_tuple(a: tuple[float, ...], b: tuple[float, ...], t: float) -> tuple[float, ...]:
    return tuple(mix(x, y, t) for x, y in zip(a, b, strict=True))


def _mix_reach(a: Reach, b: Reach, t: float) -> Reach:
    foot = None
    if a.foot is not None and b.foot is not None:
        foot = norm(lerp(a.foot, b.foot, t))
    return Reach(
        a.point,
        lerp(a.offset, b.offset, t),
        mix(a.along, b.along, t),
        norm(lerp(a.pole, b.pole, t)),
        foot,
    )


def interpolate(a: Pose, b: Pose, t: float) -> Pose:
    """The pose ``t`` (0..1) of the way from ``a`` to ``b`` (both :func:`settled`).

    Angles move linearly; a limb reaching for the same target in both keeps
    reaching for it (a heel stays on the floor, hands stay on the towel).
    """
    if t <= 0:
        return a
    if t >= 1:
        return b
    trunk = Trunk(lerp(a.trunk.pelvis, b.trunk.pelvis, t), *_mix_tuple(a.trunk[1:], b.trunk[1:], t))
    reaches = {}
    for key, ra in a.reaches.items():
        rb = b.reaches.get(key)
        if rb is not None and rb.point == ra.point:
            reaches[key] = _mix_reach(ra, rb, t)
    legs = {s: Leg(*_mix_tuple(a.legs[s], b.legs[s], t)) for s in sk.SIDES}
    arms = {s: Arm(*_mix_tuple(a.arms[s], b.arms[s], t)) for s in sk.SIDES}
    return Pose(trunk, legs, arms, reaches)


def raised(pose: Pose, dy: float) -> Pose:
    """``pose`` moved up by ``dy``, world placements included."""
    if dy == 0:
        return pose
    up = (0.0, dy, 0.0)
    reaches = {
        k: r._replace(offset=add(r.offset, up)) if not r.point else r
        for k, r in pose.reaches.items()
    }
    return pose._replace(
        trunk=pose.trunk._replace(pelvis=add(pose.trunk.pelvis, up)), reaches=reaches
    )


def mirrored(body: Body) -> Body:
    """The body reflected across ``x = 0`` (the other side's picture)."""

    def m(v: V3) -> V3:
        return (-v[0], v[1], v[2])

    return Body(
        {k: m(v) for k, v in body.points.items()},
        (m(body.pelvis[0]), m(body.pelvis[1]), m(body.pelvis[2])),
        (m(body.chest[0]), m(body.chest[1]), m(body.chest[2])),
    )
