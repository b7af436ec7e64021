"""Reading a 3D pose file (``schema = 2``): key poses, props, camera and cues.

See the README section "Pose files" for the format; every error names the
file, the pose and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from hamstring_gui.core.datafile import DataError, parse_toml
from hamstring_gui.core.figure import skeleton as sk
from hamstring_gui.core.figure.camera import VIEWS, Camera
from hamstring_gui.core.figure.cues import CORNERS, Cue
from hamstring_gui.core.figure.cues import KINDS as CUE_KINDS
from hamstring_gui.core.figure.pose import Arm, Leg, Pose, Reach, Trunk, heel_height
from hamstring_gui.core.figure.props import KINDS as PROP_KINDS
from hamstring_gui.core.figure.props import Prop
from hamstring_gui.core.figure.vec import V3
from hamstring_gui.core.plan import PhaseKind

PHASE_KINDS = frozenset(str(k) for k in PhaseKind)

_TOP = {
    "schema",
    "camera",
    "start",
    "stretched",
    "deeper",
    "loop",
    "loop_seconds",
    "prop",
    "cue",
    "pose",
    "ghost",
    "highlight",
    "badge",
}
_POSE = {
    "like",
    "pelvis",
    "tilt",
    "lumbar",
    "thoracic",
    "neck",
    "yaw",
    "roll",
    "contacts",
    "partner",
}
_LEG = {
    "flex",
    "abduct",
    "turn",
    "knee",
    "ankle",
    "at",
    "foot",
    "grip",
    "offset",
    "along",
    "knee_dir",
}
_ARM = {
    "flex",
    "abduct",
    "twist",
    "elbow",
    "at",
    "grip",
    "offset",
    "along",
    "elbow_dir",
    "fingers",
}
_POSE |= {"right_leg", "left_leg", "right_arm", "left_arm"}
_LEG_EXTRA = {"heel_at"}
_LIMBS = {"right_leg": "r_leg", "left_leg": "l_leg", "right_arm": "r_arm", "left_arm": "l_arm"}


class KeyPose(NamedTuple):
    """A named pose of the file: the person, the partner and the contacts it promises."""

    name: str
    pose: Pose
    partner: Pose | None
    contacts: tuple[tuple[str, str], ...]


class PoseFile(NamedTuple):
    """Everything a schema-2 pose file says."""

    camera: Camera
    start: str
    stretched: str
    deeper: str
    loop: tuple[str, ...]
    loop_seconds: float
    props: tuple[Prop, ...]
    cues: tuple[Cue, ...]
    poses: Mapping[str, KeyPose]
    ghost: bool = False
    highlight: bool = True
    badge: str | None = None


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, where: str, problem: str) -> DataError:
        return DataError(self.file, problem, where)

    def number(self, table: Mapping[str, Any], key: str, where: str, default: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, f"{key!r} must be a number, got {value!r}")
        return float(value)

    def vec(self, table: Mapping[str, Any], key: str, where: str, default: V3 | None = None) -> V3:
        value = table.get(key)
        if value is None and default is not None:
            return default
        if (
            not isinstance(value, list)
            or len(value) != 3
            or not all(isinstance(v, int | float) for v in value)
        ):
            raise self.fail(where, f"{key!r} must be [x, y, z], got {value!r}")
        return (float(value[0]), float(value[1]), float(value[2]))

    def keys(self, table: Any, allowed: set[str], where: str) -> Mapping[str, Any]:
        if not isinstance(table, Mapping):
            raise self.fail(where, "must be a table")
        unknown = set(table) - allowed
        if unknown:
            raise self.fail(where, f"unknown key {sorted(unknown)[0]!r}")
        return table


def _reach(
    r: _Reader, spec: Mapping[str, Any], where: str, pole_key: str, pole: V3
) -> Reach | None:
    pole = r.vec(spec, pole_key, where, pole)
    if "grip" in spec:
        if not isinstance(spec["grip"], str):
            raise r.fail(where, "grip must name a point")
        offset = r.vec(spec, "offset", where, (0.0, 0.0, 0.0))
        # A hand may lie flat (on the floor): its fingers point their own way.
        fingers = r.vec(spec, "fingers", where) if "fingers" in spec else None
        return Reach(spec["grip"], offset, r.number(spec, "along", where, 1.0), pole, fingers)
    if "at" in spec:
        end = "fingers" if "fingers" in spec else "foot"
        foot = r.vec(spec, end, where) if end in spec else None
        return Reach("", r.vec(spec, "at", where), 1.0, pole, foot)
    return None


def _pose(
    r: _Reader, spec: Mapping[str, Any], where: str
) -> tuple[Pose, tuple[tuple[str, str], ...]]:
    trunk = Trunk(
        r.vec(spec, "pelvis", where),
        *(
            r.number(spec, k, where, 0.0)
            for k in ("tilt", "lumbar", "thoracic", "neck", "yaw", "roll")
        ),
    )
    legs: dict[str, Leg] = {}
    arms: dict[str, Arm] = {}
    reaches: dict[str, Reach] = {}
    for key, limb in _LIMBS.items():
        side, kind = limb.split("_")
        lwhere = f"{where}.{key}"
        if kind == "leg":
            table = r.keys(spec.get(key, {}), _LEG | _LEG_EXTRA, lwhere)
            legs[side] = Leg(*(r.number(table, k, lwhere, 0.0) for k in Leg._fields))
            reach = _reach(r, table, lwhere, "knee_dir", (1.0, 0.0, 0.0))
        else:
            table = r.keys(spec.get(key, {}), _ARM, lwhere)
            arms[side] = Arm(*(r.number(table, k, lwhere, 0.0) for k in Arm._fields))
            reach = _reach(r, table, lwhere, "elbow_dir", (-0.4, -0.6, 0.7))
        if reach is not None:
            reaches[limb] = reach
    contacts = []
    for item in spec.get("contacts", []):
        if not isinstance(item, str) or ":" not in item:
            raise r.fail(where, f"contact {item!r} must be 'point:what'")
        point, what = item.split(":", 1)
        contacts.append((point, what))
    pose = Pose(trunk, legs, arms, reaches)
    for key, limb in _LIMBS.items():
        table = spec.get(key, {})
        if limb.endswith("leg") and "heel_at" in table:
            pose = _heel_at(
                r, pose, limb[0], r.number(table, "heel_at", f"{where}.{key}", 0.0), where
            )
    return pose, tuple(contacts)


def _heel_at(r: _Reader, pose: Pose, side: str, height: float, where: str) -> Pose:
    """The pose with leg ``side``'s hip flexion chosen so the heel's underside is at ``height``.

    For a straight leg with the heel on the floor: the knee and ankle stay as
    given, the hip flexes until the heel touches. The heel is lowest with the
    leg hanging straight down, wherever the pelvis tilts (a deep hip hinge
    puts that at a negative flexion), so the search starts there and moves
    the leg forward.
    """

    def heel(flex: float) -> float:
        legs = {**pose.legs, side: pose.legs[side]._replace(flex=flex)}
        return heel_height(pose._replace(legs=legs), side) - sk.RADII["foot"][0]

    samples = [-120.0 + 5.0 * i for i in range(55)]  # -120 .. 150 degrees
    low = min(samples, key=heel)
    high = next((f for f in samples if f > low and heel(f) >= height), None)
    if heel(low) > height or high is None:
        raise r.fail(where, f"heel_at {height} is out of reach")
    # 5 degrees halved 16 times: well under a hundredth of a degree.
    for _ in range(16):
        mid = (low + high) / 2
        if heel(mid) < height:
            low = mid
        else:
            high = mid
    legs = {**pose.legs, side: pose.legs[side]._replace(flex=(low + high) / 2)}
    return pose._replace(legs=legs)


def _inherit(
    r: _Reader, raw: Mapping[str, Any], name: str, seen: tuple[str, ...] = ()
) -> Mapping[str, Any]:
    spec = raw.get(name)
    if not isinstance(spec, Mapping):
        raise r.fail(f"pose.{name}", "names no pose")
    if "like" not in spec:
        return spec
    parent = spec["like"]
    if parent in seen:
        raise r.fail(f"pose.{name}", "like goes round in a circle")
    return {
        **_inherit(r, raw, parent, (*seen, name)),
        **{k: v for k, v in spec.items() if k != "like"},
    }


def parse_pose_file(text: str, file: str) -> PoseFile:
    """Parse a schema-2 pose file.

    Raises:
        DataError: naming the file, the pose and the problem.
    """
    data = parse_toml(text, file)
    r = _Reader(file)
    r.keys(data, _TOP, "file")
    raw = data.get("pose")
    if not isinstance(raw, Mapping) or not raw:
        raise DataError(file, "needs [pose.NAME] tables")
    poses: dict[str, KeyPose] = {}
    for name in raw:
        spec = r.keys(_inherit(r, raw, name), _POSE, f"pose.{name}")
        pose, contacts = _pose(r, spec, f"pose.{name}")
        partner = None
        if "partner" in spec:
            partner_spec = r.keys(
                spec["partner"], _POSE - {"partner", "like"}, f"pose.{name}.partner"
            )
            partner, _ = _pose(r, partner_spec, f"pose.{name}.partner")
        poses[name] = KeyPose(name, pose, partner, contacts)

    def named(key: str, default: str | None = None) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or value not in poses:
            raise DataError(file, f"{key} = {value!r} names no pose")
        return value

    camera = _camera(data.get("camera", "side"), file, "camera")
    loop = data.get("loop", [])
    if not isinstance(loop, list) or any(name not in poses for name in loop):
        raise DataError(file, "loop must list pose names")
    props = []
    for number, prop in enumerate(data.get("prop", []), start=1):
        if not isinstance(prop, Mapping) or prop.get("kind") not in PROP_KINDS:
            raise DataError(file, f"prop #{number} needs a kind out of {sorted(PROP_KINDS)}")
        props.append(Prop(str(prop["kind"]), dict(prop)))
    cues = []
    for number, cue in enumerate(data.get("cue", []), start=1):
        where = f"cue #{number}"
        if not isinstance(cue, Mapping) or cue.get("kind") not in CUE_KINDS:
            raise DataError(file, f"{where} needs a kind out of {sorted(CUE_KINDS)}")
        corner = str(cue.get("corner", "top-right"))
        during = cue.get("during", [])
        if not isinstance(during, list) or not set(during) <= PHASE_KINDS:
            raise r.fail(where, f"during must list phase kinds out of {sorted(PHASE_KINDS)}")
        if corner not in CORNERS or ("pose" in cue and cue["pose"] not in poses):
            raise r.fail(where, "needs a known pose and corner")
        cues.append(
            Cue(
                str(cue["kind"]),
                str(cue.get("point", "")),
                r.vec(cue, "offset", where, (0.0, 0.0, 0.0)),
                r.vec(cue, "direction", where, (0.0, 0.0, 0.0)),
                r.number(cue, "length", where, 24.0),
                str(cue.get("pose", "")),
                corner,
                str(cue.get("pivot", "")),
                r.number(cue, "radius", where, 0.0),
                (str(cue.get("from", "")), str(cue.get("to", ""))),
                bool(cue.get("twoway", False)),
                tuple(during),
                r.number(cue, "sweep", where, 0.0),
                r.number(cue, "scale", where, 1.0),
                _flag(r, cue, "ahead", where),
                r.number(cue, "turn", where, 0.0),
                _flag(r, cue, "stop", where),
                _camera(cue["camera"], file, f"{where} camera") if "camera" in cue else None,
            )
        )
    stretched = named("stretched")
    flags = {key: data.get(key, key == "highlight") for key in ("ghost", "highlight")}
    for key, flag in flags.items():
        if not isinstance(flag, bool):
            raise DataError(file, f"{key} must be true or false, got {flag!r}")
    badge = data.get("badge")
    if badge not in (None, "thigh", "shin"):
        raise DataError(file, f"badge must be thigh or shin, got {badge!r}")
    return PoseFile(
        camera,
        named("start"),
        stretched,
        named("deeper", stretched),
        tuple(loop),
        r.number(data, "loop_seconds", "loop_seconds", 2.0),
        tuple(props),
        tuple(cues),
        poses,
        flags["ghost"],
        flags["highlight"],
        badge,
    )


def _camera(spec: object, file: str, key: str) -> Camera:
    """A named view or ``[yaw, pitch]``."""
    if isinstance(spec, str) and spec in VIEWS:
        return VIEWS[spec]
    if isinstance(spec, list) and len(spec) == 2:
        return Camera(float(spec[0]), float(spec[1]))
    raise DataError(file, f"{key} must be one of {sorted(VIEWS)} or [yaw, pitch]")


def _flag(r: _Reader, table: Mapping[str, Any], key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise r.fail(where, f"{key!r} must be true or false, got {value!r}")
    return value


def contact_radius(point: str) -> float:
    """How far a named point's surface is from it (for contact checks)."""
    part = point[2:] if point[:2] in ("r_", "l_") else point
    return {
        "heel": sk.RADII["foot"][0],
        "toe": sk.RADII["foot"][1],
        "ball": 3.0,
        "hand": sk.RADII["forearm"][1],
        "fingers": sk.RADII["hand"][1],
        "pelvis": 9.5,
        "hip": 9.5,
        # A knee resting on a cushion: the thigh's capsule is tested against solids
        # at its thick end's radius, so its contact is too.
        "knee": sk.RADII["thigh"][0],
        "head": sk.RADII["head"][0],
        "chest": 12.0,
        "waist": 11.0,
    }.get(part, 5.0)
