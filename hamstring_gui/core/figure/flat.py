"""The drawn figure: poses as joint angles, forward kinematics, props, scenes.

Plain Python (no Qt): the renderer in ``ui/illustration.py`` only paints the
:class:`Scene` built here, so every geometric promise is testable headless.

Coordinates are centimetres of a 170 cm person, ``y`` up, the floor at
``y = 0``. Every pose is authored in one canonical view: the figure faces
right (``+x``), so the viewer sees its right side and the *near* leg is the
right leg. The near leg is always the working leg. The left-leg picture is
the exact mirror image (``x -> -x``) of that canonical picture, which makes
the near leg the left leg, as it is for a real person seen from the other
side.

Angles are degrees, ``0`` pointing forward (``+x``), ``90`` up, ``-90``
down. Trunk, thigh and upper arm carry absolute angles (so a trunk hinging
forward leaves the legs where they are); knee, elbow, ankle and head are
relative flexions. Knees and elbows only ever flex one way (``0..165``).

Pose data lives in ``resources/poses/<stretch id>.toml``. A file names a
``start`` and a ``stretched`` pose, optionally a ``deeper`` pose (PNF relax)
and a ``loop`` of poses (moves), and lists props. Legs and arms may be given
as angles or as targets (``to``, ``heel``, ``toe``, ``heel_at``, ``grip``);
targets are solved to angles with two-link inverse kinematics, so limb
lengths never change.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

from hamstring_gui.core.figure.roles import Role

Vec = tuple[float, float]

# Segment lengths (cm). The figure keeps them in every pose and frame.
TRUNK = 52.0  # hip (pelvis centre) to shoulder
NECK = 15.0  # shoulder to head centre
THIGH = 42.0
SHIN = 40.0
UPPER_ARM = 31.0
FOREARM = 33.0
SEGMENTS: Mapping[str, float] = {
    "trunk": TRUNK,
    "neck": NECK,
    "thigh": THIGH,
    "shin": SHIN,
    "upper_arm": UPPER_ARM,
    "forearm": FOREARM,
}

# Drawn thickness: half widths, used by the floor check.
HEAD_R = 10.5
TRUNK_R = 8.5
LIMB_R = 5.0
HAND_R = 5.0
# The foot in its own frame (x along the foot, from the ankle).
HEEL_LOCAL: Vec = (-3.0, -5.5)
TOE_LOCAL: Vec = (13.0, -5.5)
BALL_LOCAL: Vec = (9.0, -10.0)  # just off the sole: where a towel loops
FLAT_ANKLE_Y = LIMB_R - HEEL_LOCAL[1]  # ankle height with the foot flat on the floor

KNEE_RANGE = (0.0, 165.0)
ELBOW_RANGE = (0.0, 165.0)

POSES_FOLDER = "poses"

# The records here are immutable NamedTuples rather than frozen dataclasses
# (except Body, which is looked up by point name):
# Python 3.11 compiles six methods for each frozen dataclass (~0.8 ms a class,
# ~7 ms of every start for these nine), and a NamedTuple is also quicker to
# build, which the renderer does for every shape of every frame.
_NOTHING: Mapping[str, Any] = MappingProxyType({})
"""The empty, read-only default of a pose's grips and footholds."""


class ShapeKind(StrEnum):
    """How a shape is drawn."""

    LINE = "line"  # a rounded polyline of ``width``
    DOT = "dot"  # a filled circle of radius ``width`` at ``points[0]``
    RING = "ring"  # a stroked circle, radius ``width``, at ``points[0]``
    POLYGON = "polygon"  # filled and outlined
    ARROW = "arrow"  # a line with a head at its last point
    TEXT = "text"  # ``text`` centred at ``points[0]``, size ``width``


class Shape(NamedTuple):
    """One thing to paint: geometry, role (colour) and the body part it shows."""

    kind: ShapeKind
    points: tuple[Vec, ...]
    width: float
    role: Role
    part: str
    text: str = ""

    def mirrored(self) -> Shape:
        """The exact reflection across ``x = 0`` (text stays readable)."""
        return self._replace(points=tuple((-x, y) for x, y in self.points))


# --- small vector helpers -------------------------------------------------


def unit(degrees: float) -> Vec:
    """The unit vector at ``degrees``."""
    rad = math.radians(degrees)
    return (math.cos(rad), math.sin(rad))


def add(a: Vec, b: Vec, scale: float = 1.0) -> Vec:
    """``a + scale * b``."""
    return (a[0] + scale * b[0], a[1] + scale * b[1])


def rotate(v: Vec, degrees: float) -> Vec:
    """``v`` rotated counter-clockwise by ``degrees``."""
    c, s = unit(degrees)
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c)


def distance(a: Vec, b: Vec) -> float:
    """Euclidean distance."""
    return math.hypot(b[0] - a[0], b[1] - a[1])


def angle_of(v: Vec) -> float:
    """Direction of ``v`` in degrees."""
    return math.degrees(math.atan2(v[1], v[0]))


def lerp(a: float, b: float, t: float) -> float:
    """Linear interpolation."""
    return a + (b - a) * t


def lerp_vec(a: Vec, b: Vec, t: float) -> Vec:
    """Linear interpolation of points."""
    return (lerp(a[0], b[0], t), lerp(a[1], b[1], t))


def ease_in_out(t: float) -> float:
    """Smooth start and stop (cubic), clamped to 0..1."""
    t = min(1.0, max(0.0, t))
    return 4 * t * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def wrap(degrees: float) -> float:
    """An angle in ``(-180, 180]``."""
    value = math.fmod(degrees, 360.0)
    if value > 180:
        value -= 360
    elif value <= -180:
        value += 360
    return value


# --- poses ------------------------------------------------------------------


class Limb(NamedTuple):
    """A leg or an arm as angles: absolute ``base``, relative ``bend`` and ``end``.

    For a leg: thigh direction, knee flexion, ankle angle (foot direction is
    ``shin + 90 + end``). For an arm: upper arm direction, elbow flexion;
    ``end`` is unused. ``flip`` draws the limb mirrored about its root (a
    front view, as in a jumping jack).
    """

    base: float
    bend: float
    end: float = 0.0
    flip: bool = False


class Grip(NamedTuple):
    """An arm that holds something: the hand goes to a named point each frame.

    ``target`` names a point of the figure (or, for a partner, of the person
    stretching); ``offset`` moves the target; ``reach`` (0..1) stops the hand
    that fraction of the way from the shoulder, as when holding a strap.
    """

    target: str
    offset: Vec = (0.0, 0.0)
    reach: float = 1.0


class Foothold(NamedTuple):
    """A leg placed by where its ankle is (world point) and which way the foot points.

    Solved with inverse kinematics every frame, so a foot moving between two
    placements travels in a straight line instead of swinging through the floor.
    """

    ankle: Vec
    foot: float


class Pose(NamedTuple):
    """One body position: root (pelvis) position and joint angles.

    ``grips`` override arm angles with a hand target solved every frame, so
    hands stay on a thigh or a heel while the leg moves. ``facing`` is ``-1``
    for a figure drawn facing left (a partner facing the person).
    """

    root: Vec
    trunk: float
    head: float
    near_leg: Limb
    far_leg: Limb
    near_arm: Limb
    far_arm: Limb
    grips: Mapping[str, Grip] = _NOTHING
    facing: int = 1
    footholds: Mapping[str, Foothold] = _NOTHING

    def leg(self, name: str) -> Limb:
        """The angles of leg ``name`` (``near``/``far``), footholds solved."""
        limb: Limb = getattr(self, f"{name}_leg")
        hold = self.footholds.get(name)
        if hold is None:
            return limb
        target = _local(self.root, hold.ankle, self.facing)
        thigh, knee = solve_two_link((0.0, 0.0), target, THIGH, SHIN, bend_ccw=False)
        return Limb(thigh, knee, hold.foot - (thigh - knee) - 90, limb.flip)


@dataclass(frozen=True)
class Body:
    """A posed figure: named points in world coordinates."""

    points: Mapping[str, Vec]
    near_flip: Mapping[str, bool]

    def __getitem__(self, name: str) -> Vec:
        return self.points[name]


def _chain(root: Vec, a: float, la: float, b: float, lb: float) -> tuple[Vec, Vec]:
    mid = add(root, unit(a), la)
    return mid, add(mid, unit(b), lb)


def _local(origin: Vec, point: Vec, facing: int) -> Vec:
    """A world point in a figure's own (facing-right) frame around ``origin``."""
    return ((point[0] - origin[0]) * facing, point[1] - origin[1])


def _world(origin: Vec, local: Vec, facing: int) -> Vec:
    return (origin[0] + local[0] * facing, origin[1] + local[1])


def solve_two_link(
    root: Vec, target: Vec, la: float, lb: float, bend_ccw: bool
) -> tuple[float, float]:  # noqa: E501
    """Angles (base, flexion) that bring a two-link chain from ``root`` to ``target``.

    Knees bend the shin clockwise from the thigh (``bend_ccw=False``), elbows
    the forearm counter-clockwise; that choice picks the anatomical one of the
    two solutions. Out of reach, the chain points straight at the target.
    """
    d = distance(root, target)
    d = min(max(d, abs(la - lb) + 1e-6, 1e-6), la + lb)
    toward = angle_of((target[0] - root[0], target[1] - root[1]))
    cos_alpha = (la * la + d * d - lb * lb) / (2 * la * d)
    alpha = math.degrees(math.acos(min(1.0, max(-1.0, cos_alpha))))
    base = toward - alpha if bend_ccw else toward + alpha
    mid = add(root, unit(base), la)
    lower = angle_of((target[0] - mid[0], target[1] - mid[1])) if d < la + lb else base
    flex = wrap(lower - base) if bend_ccw else wrap(base - lower)
    return base, max(0.0, flex)


def _leg_points(hip: Vec, limb: Limb) -> dict[str, Vec]:
    shin_angle = limb.base - limb.bend
    knee, ankle = _chain(hip, limb.base, THIGH, shin_angle, SHIN)
    foot = shin_angle + 90 + limb.end
    return {
        "knee": knee,
        "ankle": ankle,
        "heel": add(ankle, rotate(HEEL_LOCAL, foot)),
        "toe": add(ankle, rotate(TOE_LOCAL, foot)),
        "ball": add(ankle, rotate(BALL_LOCAL, foot)),
        "thigh": lerp_vec(hip, knee, 0.6),
        "shin": lerp_vec(knee, ankle, 0.5),
    }


def _arm_points(shoulder: Vec, limb: Limb) -> dict[str, Vec]:
    elbow, hand = _chain(shoulder, limb.base, UPPER_ARM, limb.base + limb.bend, FOREARM)
    return {"elbow": elbow, "hand": hand}


def _flip_about(points: dict[str, Vec], origin: Vec) -> dict[str, Vec]:
    return {k: (2 * origin[0] - x, y) for k, (x, y) in points.items()}


def forward(pose: Pose, others: Body | None = None) -> Body:
    """Forward kinematics: the points of ``pose``.

    Grips are solved here, after the legs, against this figure's own points
    or, for names starting ``subject.``, against ``others``.
    """
    facing = pose.facing
    origin = pose.root
    hip: Vec = (0.0, 0.0)
    shoulder = add(hip, unit(pose.trunk), TRUNK)
    points: dict[str, Vec] = {
        "hip": hip,
        "shoulder": shoulder,
        "head": add(shoulder, unit(pose.trunk + pose.head), NECK),
        "waist": lerp_vec(hip, shoulder, 0.25),
    }
    for name in ("near", "far"):
        limb = pose.leg(name)
        leg = _leg_points(hip, limb)
        if limb.flip:
            leg = _flip_about(leg, hip)
        points.update({f"{name}_{k}": v for k, v in leg.items()})

    def lookup(name: str) -> Vec:
        if name == "world":
            return (0.0, 0.0)
        if name.startswith("subject."):
            if others is None:
                raise KeyError(name)
            return _local(origin, others[name.removeprefix("subject.")], facing)
        return points[name]

    for name, limb in (("near", pose.near_arm), ("far", pose.far_arm)):
        grip = pose.grips.get(name)
        if grip is not None:
            if grip.target == "world":
                target = _local(origin, grip.offset, facing)
            else:
                target = add(lookup(grip.target), grip.offset)
            target = lerp_vec(shoulder, target, grip.reach)
            base, bend = solve_two_link(shoulder, target, UPPER_ARM, FOREARM, bend_ccw=True)
            limb = Limb(base, bend)
        arm = _arm_points(shoulder, limb)
        if limb.flip:
            arm = _flip_about(arm, shoulder)
        points.update({f"{name}_{k}": v for k, v in arm.items()})
    world = {k: _world(origin, v, facing) for k, v in points.items()}
    return Body(world, {"near_leg": pose.near_leg.flip, "far_leg": pose.far_leg.flip})


def arm_angles(pose: Pose, body_points: Body, name: str) -> Limb:
    """The angles an arm of ``pose`` has in ``body_points`` (grips made explicit)."""
    shoulder = _local(pose.root, body_points["shoulder"], pose.facing)
    elbow = _local(pose.root, body_points[f"{name}_elbow"], pose.facing)
    hand = _local(pose.root, body_points[f"{name}_hand"], pose.facing)
    limb: Limb = getattr(pose, f"{name}_arm")
    if limb.flip:
        shoulder, elbow, hand = ((-p[0], p[1]) for p in (shoulder, elbow, hand))
    base = angle_of((elbow[0] - shoulder[0], elbow[1] - shoulder[1]))
    lower = angle_of((hand[0] - elbow[0], hand[1] - elbow[1]))
    return Limb(base, wrap(lower - base), 0.0, limb.flip)


def _lerp_limb(a: Limb, b: Limb, t: float) -> Limb:
    return Limb(
        lerp(a.base, b.base, t),
        lerp(a.bend, b.bend, t),
        lerp(a.end, b.end, t),
        a.flip if t < 0.5 else b.flip,
    )


def _lerp_grip(a: Grip, b: Grip, t: float) -> Grip:
    return Grip(
        a.target if t < 0.5 else b.target,
        lerp_vec(a.offset, b.offset, t),
        lerp(a.reach, b.reach, t),
    )


def interpolate(
    a: Pose, b: Pose, t: float, a_body: Body | None = None, b_body: Body | None = None
) -> Pose:
    """The pose ``t`` (0..1) of the way from ``a`` to ``b``.

    Angles move linearly, so segment lengths never change. An arm that grips
    the same point in both poses keeps gripping; an arm that grips in only one
    moves between the angles it has in each (pass the solved bodies).
    """
    if t <= 0:
        return a
    if t >= 1:
        return b
    grips: dict[str, Grip] = {}
    arms: dict[str, Limb] = {}
    for name in ("near", "far"):
        ga, gb = a.grips.get(name), b.grips.get(name)
        if ga is not None and gb is not None and ga.target == gb.target:
            grips[name] = _lerp_grip(ga, gb, t)
            arms[name] = getattr(a, f"{name}_arm")
            continue
        la = arm_angles(a, a_body or forward(a), name) if ga else getattr(a, f"{name}_arm")
        lb = arm_angles(b, b_body or forward(b), name) if gb else getattr(b, f"{name}_arm")
        arms[name] = _lerp_limb(la, lb, t)
    footholds: dict[str, Foothold] = {}
    for name in ("near", "far"):
        fa, fb = a.footholds.get(name), b.footholds.get(name)
        if fa is not None and fb is not None:
            footholds[name] = Foothold(lerp_vec(fa.ankle, fb.ankle, t), lerp(fa.foot, fb.foot, t))
    return Pose(
        root=lerp_vec(a.root, b.root, t),
        trunk=lerp(a.trunk, b.trunk, t),
        head=lerp(a.head, b.head, t),
        near_leg=_lerp_limb(a.leg("near"), b.leg("near"), t),
        far_leg=_lerp_limb(a.leg("far"), b.leg("far"), t),
        footholds=footholds,
        near_arm=arms["near"],
        far_arm=arms["far"],
        grips=grips,
        facing=b.facing,
    )


# --- what the floor check and the tests measure -----------------------------

_RADII = {"head": HEAD_R, "hip": TRUNK_R, "shoulder": TRUNK_R, "waist": TRUNK_R}


def radius(point: str) -> float:
    """Drawn half-thickness around a named point."""
    return _RADII.get(point, LIMB_R)


def lowest(body: Body) -> float:
    """The lowest drawn extent of the figure (0 means resting on the floor)."""
    return min(
        y - radius(name)
        for name, (_, y) in body.points.items()
        if not name.endswith(("_thigh", "_shin", "_ball"))
    )


def raised(pose: Pose, dy: float) -> Pose:
    """``pose`` moved up by ``dy``, world placements (feet, hands) included."""
    if dy == 0:
        return pose
    up = (0.0, dy)
    return pose._replace(
        root=add(pose.root, up),
        footholds={k: Foothold(add(h.ankle, up), h.foot) for k, h in pose.footholds.items()},
        grips={
            k: g._replace(offset=add(g.offset, up)) if g.target == "world" else g
            for k, g in pose.grips.items()
        },
    )


def floor_lift(pose: Pose, others: Body | None = None) -> float:
    """How far a pose must rise so nothing is below the floor (0 when nothing is).

    Angles are interpolated linearly, so a foot that is flat on the floor in
    two key poses can dip a little between them; the frame rises instead.
    """
    return max(0.0, -lowest(forward(pose, others)))


def segment_lengths(body: Body) -> dict[str, float]:
    """Measured length of every segment, by ``<segment>`` or ``<side>_<segment>``."""
    p = body.points
    lengths = {
        "trunk": distance(p["hip"], p["shoulder"]),
        "neck": distance(p["shoulder"], p["head"]),
    }  # noqa: E501
    for side in ("near", "far"):
        lengths[f"{side}_thigh"] = distance(p["hip"], p[f"{side}_knee"])
        lengths[f"{side}_shin"] = distance(p[f"{side}_knee"], p[f"{side}_ankle"])
        lengths[f"{side}_upper_arm"] = distance(p["shoulder"], p[f"{side}_elbow"])
        lengths[f"{side}_forearm"] = distance(p[f"{side}_elbow"], p[f"{side}_hand"])
    return lengths


def joint_flexions(pose: Pose, body: Body) -> dict[str, float]:
    """Knee and elbow flexion in degrees as drawn (negative would be hyperextension)."""
    flex = {"near_knee": pose.leg("near").bend, "far_knee": pose.leg("far").bend}
    for name in ("near", "far"):
        flex[f"{name}_elbow"] = arm_angles(pose, body, name).bend
    return flex
