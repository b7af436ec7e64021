"""The 2D stick figure's pose files (``schema = 1``): props, frames, parsing."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from hamstring_gui.core import assets
from hamstring_gui.core.datafile import DataError, parse_toml
from hamstring_gui.core.figure.flat import (
    FLAT_ANKLE_Y,
    HEEL_LOCAL,
    POSES_FOLDER,
    SHIN,
    THIGH,
    TOE_LOCAL,
    Foothold,
    Grip,
    Limb,
    Pose,
    Vec,
    _leg_points,
    _local,
    _world,
    add,
    distance,
    ease_in_out,
    floor_lift,
    forward,
    interpolate,
    lowest,
    raised,
    rotate,
    solve_two_link,
    unit,
)

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
