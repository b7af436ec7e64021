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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from types import MappingProxyType
from typing import Any, NamedTuple

from hamstring_gui.core import assets
from hamstring_gui.core.datafile import DataError, parse_toml
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


# --- pose files ---------------------------------------------------------------


class Prop(NamedTuple):
    """A prop placed in the canonical view: ``kind`` plus numbers from the file."""

    kind: str
    values: Mapping[str, Any]


PROP_KINDS = frozenset(
    {
        "mat",
        "wall",
        "wall-behind",
        "door",
        "chair",
        "stool",
        "table",
        "towel",
        "strap",
        "roller",
        "partner",
    }
)


class Frame(NamedTuple):
    """One moment of an illustration: the figure and, if any, the partner."""

    pose: Pose
    partner: Pose | None = None


class Illustration(NamedTuple):
    """Pose data of one stretch, solved to angles."""

    stretch_id: str
    start: Frame
    stretched: Frame
    deeper: Frame
    loop: tuple[Frame, ...]
    loop_seconds: float
    props: tuple[Prop, ...]
    both_legs: bool

    def frame_at(self, a: Frame, b: Frame, t: float) -> Frame:
        """The frame ``t`` of the way from ``a`` to ``b``, lifted off the floor if it dips."""
        pose = interpolate(a.pose, b.pose, t)
        partner = None
        if a.partner is not None and b.partner is not None:
            partner = interpolate(a.partner, b.partner, t)
        pose = raised(pose, floor_lift(pose))
        partner = partner or b.partner or a.partner
        if partner is not None:
            partner = raised(partner, floor_lift(partner, forward(pose)))
        return Frame(pose, partner)

    def loop_frame(self, phase: float) -> Frame:
        """The moving frame at ``phase`` (0..1 is one full loop), eased between key poses."""
        frames = self.loop or (self.start, self.stretched)
        count = len(frames)
        position = (phase % 1.0) * count
        index = int(position) % count
        t = ease_in_out(position - int(position))
        return self.frame_at(frames[index], frames[(index + 1) % count], t)

    def key_frames(self) -> tuple[Frame, ...]:
        """Every authored frame (for framing and checks)."""
        return (self.start, self.stretched, self.deeper, *self.loop)


class _Reader:
    def __init__(self, file: str, data: Mapping[str, Any]) -> None:
        self.file = file
        self.data = data

    def fail(self, where: str, problem: str) -> DataError:
        return DataError(self.file, problem, where)

    def number(
        self, table: Mapping[str, Any], key: str, where: str, default: float | None = None
    ) -> float:  # noqa: E501
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, f"{key!r} must be a number, got {value!r}")
        return float(value)

    def vec(self, table: Mapping[str, Any], key: str, where: str) -> Vec:
        value = table.get(key)
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int | float) for v in value)
        ):
            raise self.fail(where, f"{key!r} must be [x, y], got {value!r}")
        return (float(value[0]), float(value[1]))


_LEG_KEYS = {"thigh", "knee", "ankle", "foot", "to", "heel", "toe", "heel_at", "flip"}
_ARM_KEYS = {"upper", "elbow", "to", "grip", "offset", "reach", "flip"}
_POSE_KEYS = {
    "hip",
    "trunk",
    "head",
    "near_leg",
    "far_leg",
    "near_arm",
    "far_arm",
    "facing",
    "partner",
    "like",
}


def _solve_heel_at(reader: _Reader, spec: Mapping[str, Any], where: str, hip_y: float) -> float:
    """Thigh angle (forward and down) that puts the heel centre at height ``heel_at``."""
    target = reader.number(spec, "heel_at", where)
    knee = reader.number(spec, "knee", where, 0.0)
    foot = reader.number(spec, "foot", where)

    def heel_y(thigh: float) -> float:
        shin = thigh - knee
        return hip_y + THIGH * unit(thigh)[1] + SHIN * unit(shin)[1] + rotate(HEEL_LOCAL, foot)[1]

    low, high = -90.0 + knee / 2, 89.0
    if not heel_y(low) <= target <= heel_y(high):
        raise reader.fail(where, f"heel_at {target} is out of reach")
    for _ in range(60):
        mid = (low + high) / 2
        if heel_y(mid) < target:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def _read_leg(reader: _Reader, spec: Any, where: str, hip: Vec) -> Limb:
    if not isinstance(spec, Mapping):
        raise reader.fail(where, "must be a table")
    unknown = set(spec) - _LEG_KEYS
    if unknown:
        raise reader.fail(where, f"unknown key {sorted(unknown)[0]!r}")
    flip = bool(spec.get("flip", False))
    if "heel_at" in spec:
        thigh = _solve_heel_at(reader, spec, where, hip[1])
        knee = reader.number(spec, "knee", where, 0.0)
        return Limb(thigh, knee, reader.number(spec, "foot", where) - (thigh - knee) - 90, flip)
    target_key = next((k for k in ("to", "heel", "toe") if k in spec), None)
    if target_key is None:
        thigh = reader.number(spec, "thigh", where)
        knee = reader.number(spec, "knee", where, 0.0)
        if "foot" in spec:
            return Limb(thigh, knee, reader.number(spec, "foot", where) - (thigh - knee) - 90, flip)
        return Limb(thigh, knee, reader.number(spec, "ankle", where, 0.0), flip)
    target = reader.vec(spec, target_key, where)
    foot = reader.number(spec, "foot", where, 0.0)
    if target_key == "heel":
        target = add(target, rotate(HEEL_LOCAL, foot), -1.0)
    elif target_key == "toe":
        target = add(target, rotate(TOE_LOCAL, foot), -1.0)
    local = (target[0] - hip[0], target[1] - hip[1])
    if flip:
        local = (-local[0], local[1])
    if distance((0, 0), local) > THIGH + SHIN + 0.5:
        raise reader.fail(where, f"{target_key} {target} is out of reach")
    thigh, knee = solve_two_link((0.0, 0.0), local, THIGH, SHIN, bend_ccw=False)
    return Limb(thigh, knee, foot - (thigh - knee) - 90, flip)


def _read_arm(
    reader: _Reader, spec: Any, where: str, pose_root: Vec, trunk: float, facing: int
) -> tuple[Limb, Grip | None]:
    if not isinstance(spec, Mapping):
        raise reader.fail(where, "must be a table")
    unknown = set(spec) - _ARM_KEYS
    if unknown:
        raise reader.fail(where, f"unknown key {sorted(unknown)[0]!r}")
    flip = bool(spec.get("flip", False))
    if "grip" in spec:
        target = spec["grip"]
        if not isinstance(target, str):
            raise reader.fail(where, "grip must name a point")
        offset = reader.vec(spec, "offset", where) if "offset" in spec else (0.0, 0.0)
        reach = reader.number(spec, "reach", where, 1.0)
        return Limb(-90.0, 0.0, 0.0, flip), Grip(target, offset, reach)
    if "to" in spec:  # a hand placed on a world point, e.g. the floor
        return Limb(-90.0, 0.0, 0.0, flip), Grip("world", reader.vec(spec, "to", where))
    return Limb(
        reader.number(spec, "upper", where), reader.number(spec, "elbow", where, 0.0), 0.0, flip
    ), None


def _read_pose(reader: _Reader, spec: Any, where: str, poses: Mapping[str, Any]) -> Pose:
    if not isinstance(spec, Mapping):
        raise reader.fail(where, "must be a table")
    if "like" in spec:  # inherit from another pose, overriding keys
        base = poses.get(spec["like"])
        if not isinstance(base, Mapping):
            raise reader.fail(where, f"like {spec['like']!r} names no pose")
        spec = {
            **{k: v for k, v in base.items() if k != "like"},
            **{k: v for k, v in spec.items() if k != "like"},
        }
    unknown = set(spec) - _POSE_KEYS
    if unknown:
        raise reader.fail(where, f"unknown key {sorted(unknown)[0]!r}")
    root = reader.vec(spec, "hip", where)
    trunk = reader.number(spec, "trunk", where)
    facing = int(reader.number(spec, "facing", where, 1))
    hip = (0.0, root[1])  # legs are solved in the figure's own frame
    footholds: dict[str, Foothold] = {}

    def leg(name: str) -> Limb:
        spec_leg = spec.get(name)
        key = next(
            (k for k in ("to", "heel", "toe") if isinstance(spec_leg, Mapping) and k in spec_leg),
            None,
        )
        if key is not None and isinstance(spec_leg, Mapping):
            x, y = _local(root, reader.vec(spec_leg, key, f"{where}.{name}"), facing)
            spec_leg = {**spec_leg, key: [x, y + root[1]]}
        limb = _read_leg(reader, spec_leg, f"{where}.{name}", hip)
        if (
            isinstance(spec_leg, Mapping)
            and not limb.flip
            and (key is not None or "heel_at" in spec_leg)
        ):
            ankle = _leg_points((0.0, 0.0), limb)["ankle"]
            foot = limb.base - limb.bend + 90 + limb.end
            footholds[name.removesuffix("_leg")] = Foothold(_world(root, ankle, facing), foot)
        return limb

    near_leg, far_leg = leg("near_leg"), leg("far_leg")
    near_arm, near_grip = _read_arm(
        reader, spec.get("near_arm"), f"{where}.near_arm", root, trunk, facing
    )  # noqa: E501
    far_arm, far_grip = _read_arm(
        reader, spec.get("far_arm"), f"{where}.far_arm", root, trunk, facing
    )  # noqa: E501
    grips = {k: g for k, g in (("near", near_grip), ("far", far_grip)) if g is not None}
    return Pose(
        root,
        trunk,
        reader.number(spec, "head", where, 0.0),
        near_leg,
        far_leg,
        near_arm,
        far_arm,
        grips,
        facing,
        footholds,
    )


def parse_illustration(text: str, file: str, stretch_id: str, both_legs: bool) -> Illustration:
    """Parse and solve one pose file.

    Raises:
        DataError: naming the file, the pose and the problem.
    """
    data = parse_toml(text, file)
    reader = _Reader(file, data)
    allowed = {"schema", "start", "stretched", "deeper", "loop", "loop_seconds", "prop", "pose"}
    unknown = set(data) - allowed
    if unknown:
        raise DataError(file, f"unknown key {sorted(unknown)[0]!r}")
    raw_poses = data.get("pose")
    if not isinstance(raw_poses, Mapping) or not raw_poses:
        raise DataError(file, "needs [pose.NAME] tables")

    def frame(name: Any, key: str) -> Frame:
        if not isinstance(name, str) or name not in raw_poses:
            raise DataError(file, f"{key} = {name!r} names no pose")
        spec = raw_poses[name]
        pose = _read_pose(reader, spec, f"pose.{name}", raw_poses)
        partner = None
        partner_spec = spec.get("partner") if isinstance(spec, Mapping) else None
        if partner_spec is None and isinstance(spec, Mapping) and "like" in spec:
            parent = raw_poses.get(spec["like"])
            partner_spec = parent.get("partner") if isinstance(parent, Mapping) else None
        if partner_spec is not None:
            partner = _read_pose(reader, partner_spec, f"pose.{name}.partner", raw_poses)
        return Frame(pose, partner)

    start = frame(data.get("start"), "start")
    stretched = frame(data.get("stretched"), "stretched")
    deeper = frame(data["deeper"], "deeper") if "deeper" in data else stretched
    loop_names = data.get("loop", [])
    if not isinstance(loop_names, list):
        raise DataError(file, "loop must be a list of pose names")
    loop = tuple(frame(name, "loop") for name in loop_names)
    props = []
    for number, prop in enumerate(data.get("prop", []), start=1):
        if not isinstance(prop, Mapping) or prop.get("kind") not in PROP_KINDS:
            raise DataError(file, f"prop #{number} needs a kind out of {sorted(PROP_KINDS)}")
        props.append(Prop(str(prop["kind"]), dict(prop)))
    return Illustration(
        stretch_id,
        start,
        stretched,
        deeper,
        loop,
        reader.number(data, "loop_seconds", "loop_seconds", 2.0),
        tuple(props),
        both_legs,
    )


@cache
def load_illustration(stretch_id: str) -> Illustration:
    """The bundled pose data of a stretch (cached)."""
    from hamstring_gui.core.catalog import Sides, load_catalog

    name = f"{POSES_FOLDER}/{stretch_id}.toml"
    both = load_catalog()[stretch_id].sides is Sides.BOTH
    return parse_illustration(assets.read_text(name), name, stretch_id, both)


_REST = Pose(
    root=(0.0, FLAT_ANKLE_Y + THIGH + SHIN),
    trunk=90.0,
    head=0.0,
    near_leg=Limb(-88.0, 4.0, 2.0),
    far_leg=Limb(-93.0, 4.0, 7.0),
    near_arm=Limb(-84.0, 12.0),
    far_arm=Limb(-96.0, 14.0),
)
REST_POSE = raised(_REST, -lowest(forward(_REST)))  # feet exactly on the floor


# --- scenes ---------------------------------------------------------------------


class Scene(NamedTuple):
    """Everything to paint for one moment, in draw order, in world coordinates."""

    shapes: tuple[Shape, ...]

    def mirrored(self) -> Scene:
        """The exact reflection of the whole picture."""
        return Scene(tuple(shape.mirrored() for shape in self.shapes))

    def bounds(self) -> tuple[float, float, float, float]:
        """``(left, bottom, right, top)`` including stroke widths (text excluded)."""
        xs: list[float] = []
        ys: list[float] = []
        for shape in self.shapes:
            if shape.kind is ShapeKind.TEXT or shape.role is Role.FLOOR:
                continue
            pad = shape.width if shape.kind in (ShapeKind.DOT, ShapeKind.RING) else shape.width / 2
            for x, y in shape.points:
                xs += [x - pad, x + pad]
                ys += [y - pad, y + pad]
        return min(xs), min(ys), max(xs), max(ys)

    def parts(self, role: Role) -> set[str]:
        """Names of the parts drawn in ``role``."""
        return {shape.part for shape in self.shapes if shape.role is role}


def _figure_shapes(body: Body, near: str, far: str, work: set[str], partner: bool) -> list[Shape]:  # noqa: E501
    """Shapes of a figure, back to front. ``near``/``far``: the anatomical side names."""
    if partner:
        near, far = f"partner-{near}", f"partner-{far}"
    p = body.points
    line = ShapeKind.LINE
    w = 2 * LIMB_R

    def leg(side: str, name: str, far_layer: bool) -> Shape:
        if partner:
            role = Role.PARTNER
        elif name in work:
            role = Role.WORK_FAR if far_layer else Role.WORK
        else:
            role = Role.BODY_FAR if far_layer else Role.BODY
        pts = (
            p["hip"],
            p[f"{side}_knee"],
            p[f"{side}_ankle"],
            p[f"{side}_heel"],
            p[f"{side}_toe"],
            p[f"{side}_ankle"],
        )
        return Shape(line, pts, w, role, f"{name}-leg")

    def arm(side: str, name: str, far_layer: bool) -> Shape:
        role = Role.PARTNER if partner else (Role.BODY_FAR if far_layer else Role.ARM)
        return Shape(
            line,
            (p["shoulder"], p[f"{side}_elbow"], p[f"{side}_hand"]),
            2 * HAND_R * 0.9,
            role,
            f"{name}-arm",
        )

    body_role = Role.PARTNER if partner else Role.BODY
    return [
        arm("far", far, True),
        leg("far", far, True),
        Shape(line, (p["hip"], p["shoulder"]), 2 * TRUNK_R, body_role, "trunk"),
        Shape(
            line,
            (p["shoulder"], lerp_vec(p["shoulder"], p["head"], 0.5)),
            2 * LIMB_R,
            body_role,
            "neck",
        ),
        Shape(ShapeKind.DOT, (p["head"],), HEAD_R, body_role, "head"),
        leg("near", near, False),
        arm("near", near, False),
    ]


def _rect(x0: float, y0: float, x1: float, y1: float) -> tuple[Vec, ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _prop_shapes(prop: Prop, body: Body) -> list[Shape]:
    v = prop.values
    k = prop.kind
    w = 4.0

    def num(key: str, default: float) -> float:
        return float(v.get(key, default))

    if k == "mat":
        return [
            Shape(
                ShapeKind.POLYGON,
                _rect(num("x0", -80), 0, num("x1", 90), 2.5),
                1.5,
                Role.PROP_FILL,
                "mat",
            )
        ]
    if k == "wall":
        x = num("x", 60)
        return [
            Shape(
                ShapeKind.POLYGON,
                _rect(x, 0, x + num("thick", 10), num("height", 190)),
                2,
                Role.WALL,
                "wall",
            )
        ]
    if k == "wall-behind":
        return [
            Shape(
                ShapeKind.POLYGON,
                _rect(num("x0", -50), 0, num("x1", 50), num("height", 185)),  # noqa: E501
                1.5,
                Role.WALL,
                "wall",
            )
        ]
    if k == "door":
        x = num("x", 40)
        return [
            Shape(ShapeKind.POLYGON, _rect(x, 0, x + 10, num("height", 125)), 2, Role.WALL, "door")
        ]  # noqa: E501
    if k == "chair":
        front, seat = num("x", 12), num("seat", 45)
        back = front - num("depth", 42)
        rear = back + 3 if v.get("facing", 1) == 1 else front - 3
        return [
            Shape(ShapeKind.LINE, ((back + 3, 0), (back + 3, seat)), w, Role.PROP, "chair"),
            Shape(ShapeKind.LINE, ((front - 3, 0), (front - 3, seat)), w, Role.PROP, "chair"),
            Shape(ShapeKind.LINE, ((rear, seat), (rear - 4, seat + 45)), w + 1, Role.PROP, "chair"),
            Shape(
                ShapeKind.POLYGON, _rect(back, seat - 4, front, seat), 2, Role.PROP_FILL, "chair"
            ),  # noqa: E501
        ]
    if k in ("stool", "table"):
        x0, x1, top = num("x0", 60), num("x1", 100), num("y", 40 if k == "stool" else 75)
        return [
            Shape(ShapeKind.LINE, ((x0 + 4, 0), (x0 + 4, top)), w, Role.PROP, k),
            Shape(ShapeKind.LINE, ((x1 - 4, 0), (x1 - 4, top)), w, Role.PROP, k),
            Shape(ShapeKind.POLYGON, _rect(x0, top - 4.5, x1, top), 2, Role.PROP_FILL, k),
        ]
    if k == "roller":
        r = num("r", 7.5)
        return [
            Shape(ShapeKind.DOT, ((num("x", 30), r),), r, Role.PROP_FILL, "roller"),
            Shape(ShapeKind.RING, ((num("x", 30), r),), r, Role.PROP, "roller"),
        ]
    if k in ("towel", "strap"):
        loop = body["near_ball"]
        shapes = [Shape(ShapeKind.LINE, (body["near_hand"], loop), 3.5, Role.STRAP, k)]
        if v.get("hands", "both") == "both":
            shapes.insert(0, Shape(ShapeKind.LINE, (body["far_hand"], loop), 3.5, Role.STRAP, k))
        return shapes
    return []


_BACK_PROPS = {"mat", "wall-behind", "chair", "stool", "table", "roller", "wall"}


def build_scene(
    illustration: Illustration, frame: Frame, side: str | None, *, arrow: bool = False
) -> Scene:
    """The picture of ``frame`` for the working ``side`` (``"left"``, ``"right"`` or None).

    ``arrow`` adds the PNF cue: the direction the working leg presses.
    """
    return _scene(
        frame,
        illustration.props,
        side,
        illustration.both_legs,
        _push(illustration) if arrow else None,
    )


def rest_scene() -> Scene:
    """A calm standing figure for rests between stretches: nothing highlighted."""
    return _scene(Frame(REST_POSE), (), None, False, None, highlight=False)


def _push(illustration: Illustration) -> tuple[Vec, Vec]:
    """Where the contract arrow goes: beside the working foot, towards the start pose."""
    deep = forward(illustration.deeper.pose)
    start = forward(illustration.start.pose)
    heel = deep["near_ankle"]
    direction = (start["near_ankle"][0] - heel[0], start["near_ankle"][1] - heel[1])
    size = math.hypot(*direction) or 1.0
    d = (direction[0] / size, direction[1] / size)
    normal = (-d[1], d[0])
    if normal[0] > 0:  # keep the arrow on the far side from the body's head
        normal = (-normal[0], -normal[1])
    begin = add(add(heel, normal, -22.0), d, -6)
    return begin, add(begin, d, 26.0)


def _scene(
    frame: Frame,
    props: Sequence[Prop],
    side: str | None,
    both_legs: bool,
    push: tuple[Vec, Vec] | None,
    *,
    highlight: bool = True,
) -> Scene:
    body = forward(frame.pose)
    # The canonical view shows the right side (near leg = right leg); the left-leg
    # picture is its mirror image, which shows the left side: near leg = left leg.
    near, far = ("left", "right") if side == "left" else ("right", "left")
    if not highlight:
        work: set[str] = set()
    elif both_legs or side is None:
        work = {"left", "right"}
    else:
        work = {near}
    shapes: list[Shape] = [
        Shape(ShapeKind.LINE, ((-400.0, -1.5), (400.0, -1.5)), 3.0, Role.FLOOR, "floor")
    ]
    for prop in props:
        if prop.kind in _BACK_PROPS:
            shapes += _prop_shapes(prop, body)
    if frame.partner is not None:
        partner_body = forward(frame.partner, body)
        shapes += _figure_shapes(partner_body, "right", "left", set(), partner=True)
    figure = _figure_shapes(body, near, far, work, partner=False)
    shapes += figure[:2]
    for prop in props:
        if prop.kind == "door":
            shapes += _prop_shapes(prop, body)
    shapes += figure[2:6]
    for prop in props:
        if prop.kind in ("towel", "strap"):
            shapes += _prop_shapes(prop, body)
    shapes += figure[6:]
    if push is not None:
        shapes.append(Shape(ShapeKind.ARROW, push, 4.0, Role.CUE, "push"))
    if highlight and work and not both_legs and side is not None:
        anchor = add(lerp_vec(body["near_knee"], body["near_ankle"], 0.45), (0.0, 0.0))
        shapes.append(
            Shape(ShapeKind.TEXT, (_label_spot(body, anchor),), 9.0, Role.LABEL, "label", "R")
        )
    scene = Scene(tuple(shapes))
    if side == "left":
        scene = scene.mirrored()
        scene = Scene(
            tuple(s._replace(text="L") if s.kind is ShapeKind.TEXT else s for s in scene.shapes)
        )
    return scene


def _label_spot(body: Body, anchor: Vec) -> Vec:
    """A spot next to the working shin, away from the rest of the figure."""
    knee, ankle = body["near_knee"], body["near_ankle"]
    d = (ankle[0] - knee[0], ankle[1] - knee[1])
    size = math.hypot(*d) or 1.0
    normal = (d[1] / size, -d[0] / size)
    centre = lerp_vec(body["hip"], body["shoulder"], 0.5)
    a = add(anchor, normal, 16.0)
    b = add(anchor, normal, -16.0)
    spot = a if distance(a, centre) > distance(b, centre) else b
    return (spot[0], max(spot[1], 9.0))


def frame_bounds(illustration: Illustration, side: str | None) -> tuple[float, float, float, float]:  # noqa: E501
    """Bounds that hold every key frame: the framing stays put while the figure moves."""
    boxes = [
        build_scene(illustration, frame, side, arrow=True).bounds()
        for frame in illustration.key_frames()
    ]
    return (
        min(b[0] for b in boxes),
        min(0.0, min(b[1] for b in boxes)),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


EasingFn = Callable[[float], float]
