"""A scene: the posed body, the partner, props, camera and cues, as sorted 2D shapes.

The canonical scene works the right leg, seen by the stretch's camera. The
left-leg scene is the same 3D scene mirrored across ``x = 0`` and seen by the
mirrored camera (:meth:`Camera.mirrored`), which is exactly the mirror
image of the canonical picture: :meth:`Scene.flipped` builds it that way,
and the working leg keeps its highlight and its badge.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from hamstring_gui.core.figure import skeleton as sk
from hamstring_gui.core.figure.camera import Camera
from hamstring_gui.core.figure.collide import Cylinder
from hamstring_gui.core.figure.pose import Body
from hamstring_gui.core.figure.props import Prop, mat_box, primitives, solids, towel_loop
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.shapes import (
    Ball,
    Capsule,
    Kind,
    Primitive,
    Shape,
    project,
    towards_viewer,
)
from hamstring_gui.core.figure.vec import V3, lerp

FRONT = 1e6  # depth of cues and the badge: always on top
BEHIND = -1e6  # depth of the floor
FLOOR_RADIUS = 95.0  # cm: the ground drawn round the figure in raised views
# Where the L/R badge sits, from hip to knee of the working leg: mid-thigh. At
# the stage's scale the badge is ~9.5 cm across the radius, so nearer the hip it
# would cover the pelvis and read as on the buttock, and nearer the knee it
# covers the knee, whose angle several stretches are about (review of main7).
BADGE_ALONG = 0.5
BADGE_BAND = (0.36, 0.6)
"""The stretch of the thigh (hip 0, knee 1) the badge may move along."""
SHIN_BAND = (0.4, 0.64)
"""The stretch of the shin (knee 0, ankle 1) the badge falls back to when the thigh is held:
its middle, clear of the knee and the heel."""
BADGE_CLEAR = 16.0
"""cm on screen: a hand, foot or towel loop this far from the badge's centre shows."""
BADGE_ENOUGH = 14.0
"""cm on screen: a thigh spot this clear of every contact beats any spot on the shin."""


class Moment(NamedTuple):
    """One instant: the person stretching and, if any, the partner."""

    body: Body
    partner: Body | None = None


class Scene(NamedTuple):
    """Everything to paint for one moment, back to front, in world centimetres."""

    shapes: tuple[Shape, ...]
    inset: Scene | None = None
    corner: str = "top-right"

    def flipped(self) -> Scene:
        """The mirror image (the other side's picture)."""
        corner = {"top-right": "top-left", "top-left": "top-right"}[self.corner]
        inset = self.inset.flipped() if self.inset is not None else None
        return Scene(tuple(s.flipped() for s in self.shapes), inset, corner)

    def bounds(self) -> tuple[float, float, float, float]:
        """``(left, bottom, right, top)`` of the shapes, the floor line and badge excluded."""
        us: list[float] = []
        vs: list[float] = []
        for shape in self.shapes:
            if shape.kind is Kind.TEXT or shape.role is Role.FLOOR:
                continue
            pad = shape.width / 2 + (shape.width * 1.5 if shape.kind is Kind.ARROW else 0.0)
            for u, v in shape.points:
                us += [u - pad, u + pad]
                vs += [v - pad, v + pad]
        return min(us), min(vs), max(us), max(vs)

    def parts(self, role: Role) -> set[str]:
        """Names of the parts drawn in ``role``."""
        return {s.part for s in self.shapes if s.role is role}


def figure_primitives(body: Body, roles: dict[str, Role], names: dict[str, str]) -> list[Primitive]:
    """Tapered capsules and balls of a figure; ``roles``/``names`` by ``trunk``, ``r_leg``..."""
    p = body.points
    r = sk.RADII
    trunk, tname = roles["trunk"], names["trunk"]
    chest_top = lerp(p["waist"], p["chest"], 0.72)
    out: list[Primitive] = [
        Capsule(p["l_hip"], p["r_hip"], 9.5, 9.5, trunk, tname),
        Capsule(p["pelvis"], p["waist"], *r["lumbar"], trunk, tname),
        Capsule(p["waist"], chest_top, *r["thoracic"], trunk, tname),
        Capsule(p["l_shoulder"], p["r_shoulder"], *r["shoulders"], trunk, tname),
        Capsule(p["chest"], p["neck"], *r["neck"], trunk, tname),
        Ball(p["head"], r["head"][0], trunk, names["head"]),
    ]
    for side in sk.SIDES:
        leg, lname = roles[f"{side}_leg"], names[f"{side}_leg"]
        out += [
            Capsule(p[f"{side}_hip"], p[f"{side}_knee"], *r["thigh"], leg, lname),
            Capsule(p[f"{side}_knee"], p[f"{side}_ankle"], *r["shin"], leg, lname),
            Capsule(p[f"{side}_heel"], p[f"{side}_toe"], *r["foot"], leg, lname),
        ]
        arm, aname = roles[f"{side}_arm"], names[f"{side}_arm"]
        out += [
            Capsule(p[f"{side}_shoulder"], p[f"{side}_elbow"], *r["upper_arm"], arm, aname),
            Capsule(p[f"{side}_elbow"], p[f"{side}_hand"], *r["forearm"], arm, aname),
            Capsule(p[f"{side}_hand"], p[f"{side}_fingers"], *r["hand"], arm, aname),
        ]
    if "nose" in p:  # which way the face looks, in every view
        out.append(Ball(p["nose"], 2.6, trunk, names["head"]))
    return out


_LIMB_BONES = ("thigh", "shin", "foot", "upper_arm", "forearm", "hand")
_LABELS = (
    ("pelvis", "lumbar", "thoracic", "shoulders", "neck", "head")
    + tuple(f"{side}_{bone}" for side in sk.SIDES for bone in _LIMB_BONES)
    + ("nose",)
)


def body_capsules(body: Body) -> list[tuple[str, Capsule]]:
    """The capsules of a figure by bone name (what collision tests check)."""
    out: list[tuple[str, Capsule]] = []
    prims = figure_primitives(body, _ROLES_NONE, _NAMES_NONE)
    for label, prim in zip(_LABELS, prims, strict=False):
        if isinstance(prim, Ball):
            prim = Capsule(prim.centre, prim.centre, prim.radius, prim.radius, prim.role, prim.part)
        assert isinstance(prim, Capsule)
        out.append((label, prim))
    return out


_PARTS = ("trunk", "head", "r_leg", "l_leg", "r_arm", "l_arm")
_ROLES_NONE = dict.fromkeys(_PARTS, Role.BODY)
_NAMES_NONE = dict.fromkeys(_PARTS, "")


def _roles(body: Body, camera: Camera, work: set[str]) -> dict[str, Role]:
    facing = towards_viewer(camera, body.pelvis[2])
    far = "l" if facing > 0.3 else "r" if facing < -0.3 else ""
    roles = {"trunk": Role.BODY, "head": Role.BODY}
    for side in sk.SIDES:
        is_far = side == far
        if side in work:
            roles[f"{side}_leg"] = Role.WORK_FAR if is_far else Role.WORK
        else:
            roles[f"{side}_leg"] = Role.BODY_FAR if is_far else Role.BODY
        roles[f"{side}_arm"] = Role.BODY_FAR if is_far else Role.ARM
    return roles


def _names(side: str | None, prefix: str = "") -> dict[str, str]:
    right, left = ("left", "right") if side == "left" else ("right", "left")
    return {
        "trunk": f"{prefix}trunk",
        "head": f"{prefix}head",
        "r_leg": f"{prefix}{right}-leg",
        "l_leg": f"{prefix}{left}-leg",
        "r_arm": f"{prefix}{right}-arm",
        "l_arm": f"{prefix}{left}-arm",
    }


Oval = tuple[float, float, float, float]
"""The ground's oval: centre ``x``, ``z`` and half-axes along ``x`` and ``z`` (cm)."""

DEFAULT_OVAL: Oval = (0.0, 0.0, FLOOR_RADIUS * 1.3, FLOOR_RADIUS)
FLOOR_SPARE = 20.0  # cm of ground shown round the body and its props
FLOOR_LEAST = (60.0, 45.0)  # cm: the smallest half-axes (a standing figure's patch)


@cache
def _floor(camera: Camera, oval: Oval = DEFAULT_OVAL) -> tuple[Shape, ...]:
    """The ground as ``camera`` sees it: the same in every frame."""
    if camera.pitch < 2.0:
        line = ((-400.0, -1.5), (400.0, -1.5))
        return (Shape(Kind.LINE, line, 3.0, Role.FLOOR, "floor", BEHIND),)
    # Seen from above the floor is a plane: a soft oval round the figure and its
    # props (see :func:`floor_oval`) reads as ground without a horizon.
    x, z, ax, az = oval
    ring = [
        (x + ax * math.cos(a), 0.0, z + az * math.sin(a))
        for a in (2 * math.pi * i / 48 for i in range(48))
    ]
    outline = tuple(camera.project(p)[0] for p in ring)
    return (Shape(Kind.FILL, outline, 0.0, Role.FLOOR, "floor", BEHIND),)


def floor_oval(body: Body, props: Sequence[Prop]) -> Oval:
    """The ground's oval round ``body`` and ``props`` with :data:`FLOOR_SPARE` to spare.

    Review: one oval of fixed size round the origin was cut off at the picture's
    edge when a seated figure's legs or a chair took the scene off centre.
    """
    points = list(body.points.values())
    for prop in props:
        if prop.kind == "mat":
            points += [mat_box(prop).low, mat_box(prop).high]
        for solid in solids(prop):
            points += [solid.a, solid.b] if isinstance(solid, Cylinder) else [solid.low, solid.high]
    xs, zs = [p[0] for p in points], [p[2] for p in points]
    return (
        round((min(xs) + max(xs)) / 2),
        round((min(zs) + max(zs)) / 2),
        max(FLOOR_LEAST[0], round((max(xs) - min(xs)) / 2 + FLOOR_SPARE)),
        max(FLOOR_LEAST[1], round((max(zs) - min(zs)) / 2 + FLOOR_SPARE)),
    )


def compose(
    moment: Moment,
    props: Sequence[Prop],
    camera: Camera,
    side: str | None,
    *,
    both_legs: bool = False,
    highlight: bool = True,
    extras: Iterable[Primitive] = (),
    inset: Scene | None = None,
    corner: str = "top-right",
    ghost: Body | None = None,
    badge_on: str | None = None,
    floor: Oval = DEFAULT_OVAL,
) -> Scene:
    """The picture of ``moment`` for the working ``side`` (``left``, ``right`` or None).

    ``ghost`` is a pose (the start) drawn faint and flat behind everything, so
    a small hinge still shows how far the body moved. ``badge_on`` (``thigh``
    or ``shin``) keeps the badge on one bone through a stretch's motion; None
    chooses for this moment alone. ``floor`` is the ground's oval (see
    :func:`floor_oval`).
    """
    body = moment.body
    work: set[str] = set()
    if highlight:
        work = {"r", "l"} if both_legs or side is None else {"r"}
    prims: list[Primitive] = []
    for prop in props:
        prims += primitives(prop, body)
    prims += figure_primitives(body, _roles(body, camera, work), _names(side))
    if moment.partner is not None:
        prims += figure_primitives(
            moment.partner, dict.fromkeys(_PARTS, Role.PARTNER), _names(side, "partner-")
        )
    shapes = [*_floor(camera, floor), *ghost_shapes(ghost, camera, side), *project(prims, camera)]
    for extra in project(list(extras), camera):
        shapes.append(extra._replace(depth=FRONT))
    if highlight and not both_legs and side is not None:
        (u, v), _ = camera.project(badge_point(moment, props, camera, badge_on))
        shapes.append(
            Shape(Kind.TEXT, ((u, v),), 9.0, Role.LABEL, "label", FRONT, text=side[0].upper())
        )
    if side != "left":
        return Scene(tuple(shapes), inset, corner)
    # The inset was composed for this side already: flipping it again would turn it away.
    return Scene(tuple(shapes), None, corner).flipped()._replace(inset=inset)


def ghost_shapes(ghost: Body | None, camera: Camera, side: str | None) -> list[Shape]:
    """The flat, unshaded silhouette of ``ghost``, just in front of the floor (none if None)."""
    if ghost is None:
        return []
    prims = figure_primitives(ghost, dict.fromkeys(_PARTS, Role.GHOST), _names(side, "ghost-"))
    return [s._replace(shine=(), shade=1.0, depth=BEHIND + 1) for s in project(prims, camera)]


def touch_points(moment: Moment, props: Sequence[Prop]) -> list[V3]:
    """What may touch the working (right) leg: hands, the other foot, towel strands, rollers."""
    body = moment.body
    points = [body[f"{s}_{p}"] for s in sk.SIDES for p in ("hand", "fingers")]
    points += [body[f"l_{p}"] for p in ("heel", "toe", "ankle")]
    if moment.partner is not None:
        points += [moment.partner[f"{s}_{p}"] for s in sk.SIDES for p in ("hand", "fingers")]
    for prop in props:
        if prop.kind in ("towel", "strap"):
            loop = towel_loop(prop, body)
            hands = [body[f"{s}_hand"] for s in sk.SIDES]
            points += [lerp(loop, hand, i / 8) for hand in hands for i in range(5)]
        for solid in solids(prop):
            if isinstance(solid, Cylinder):
                points += [lerp(solid.a, solid.b, i / 6) for i in range(7)]
    return points


def badge_bone(moment: Moment, props: Sequence[Prop], camera: Camera) -> str:
    """``thigh``, or ``shin`` when no thigh spot is :data:`BADGE_ENOUGH` clear of the contacts.

    Chosen once per stretch from its held pose, so a loop or the ease into the
    stretch never makes the badge jump between thigh and shin.
    """
    thigh = max(_clearances(moment, props, camera, "thigh"))
    shin = max(_clearances(moment, props, camera, "shin"))
    return "shin" if thigh[0] < BADGE_ENOUGH and shin[0] > thigh[0] else "thigh"


def badge_point(
    moment: Moment, props: Sequence[Prop], camera: Camera, bone: str | None = None
) -> V3:
    """Where on the working leg the L/R badge goes: clear of what touches the leg.

    Mid-thigh (:data:`BADGE_ALONG`) unless a hand, the other foot, a towel's
    strands or a roller lies under it there; then the point of the thigh's
    :data:`BADGE_BAND` farthest from them on screen. On the ``shin`` (see
    :func:`badge_bone`; lying with both hands behind the thigh), the clearest
    spot of the shin's :data:`SHIN_BAND`, so the contact the steps are about
    stays visible.
    """
    bone = bone or badge_bone(moment, props, camera)
    return max(_clearances(moment, props, camera, bone))[2]


def _clearances(
    moment: Moment, props: Sequence[Prop], camera: Camera, bone: str
) -> list[tuple[float, float, V3]]:
    """Candidate badge spots on ``bone``: (clearance, preference, point)."""
    body = moment.body
    hip, knee, ankle = body["r_hip"], body["r_knee"], body["r_ankle"]
    touches = [camera.project(p)[0] for p in touch_points(moment, props)]

    def clearance(spot: V3) -> float:
        at = camera.project(spot)[0]
        return round(min([BADGE_CLEAR, *(distance_2d(at, t) for t in touches)]), 1)

    if bone == "shin":
        low, high = SHIN_BAND
        # The middle of the shin is preferred: the badge (~9.5 cm across the
        # radius) nearer the knee covers the knee whose angle lying stretches show.
        shin = [low + (high - low) * i / 6 for i in range(7)]
        spots = [(a, lerp(knee, ankle, a)) for a in shin]
        return [(clearance(p), -abs(a - 0.5), p) for a, p in spots]
    low, high = BADGE_BAND
    along = [BADGE_ALONG] + [low + (high - low) * i / 12 for i in range(13)]
    return [
        (clearance(lerp(hip, knee, a)), -abs(a - BADGE_ALONG), lerp(hip, knee, a)) for a in along
    ]


def union(boxes: Iterable[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The smallest box holding all ``boxes`` (and the floor line)."""
    items = list(boxes)
    return (
        min(b[0] for b in items),
        min(0.0, min(b[1] for b in items)),
        max(b[2] for b in items),
        max(b[3] for b in items),
    )


def distance_2d(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two screen points."""
    return math.hypot(a[0] - b[0], a[1] - b[1])
