"""Props in 3D: what they look like and the solids the body must not pass through.

A prop is a ``kind`` plus numbers from its pose file (centimetres, the
canonical frame: the figure faces ``+x``, its right side is ``+z``). The
towel and the strap have no solid: they run from the hands to the sole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from hamstring_gui.core.figure.collide import Box, Cylinder, Solid
from hamstring_gui.core.figure.pose import Body
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.shapes import Band, Block, Capsule, Primitive
from hamstring_gui.core.figure.vec import V3, add, norm, perpendicular, sub

KINDS = frozenset(
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
        "cushion",
    }
)


class Prop(NamedTuple):
    """One prop: ``kind`` and its numbers."""

    kind: str
    values: Mapping[str, Any]

    def num(self, key: str, default: float) -> float:
        """A number of the prop, or ``default``."""
        return float(self.values.get(key, default))

    def vec(self, key: str, default: V3) -> V3:
        """A point of the prop, or ``default``."""
        value = self.values.get(key)
        return default if value is None else (float(value[0]), float(value[1]), float(value[2]))


def _legs(x0: float, x1: float, z0: float, z1: float, top: float) -> list[Solid]:
    t = 3.0
    return [Box((x, 0.0, z), (x + t, top, z + t)) for x in (x0, x1 - t) for z in (z0, z1 - t)]


def _chair_sideways(prop: Prop) -> list[Solid]:
    """A chair turned side-on: its back along ``x`` at ``z``, its seat running away from the figure.

    A hand resting on its top beside the body then keeps a sagittal swing clear
    of the whole chair (leg swings: a chair seat pointing forward or back read as
    the swinging foot kicking under it). Seat, four legs, back, as the plain chair.
    """
    n = prop.num
    x, z, seat, depth = n("x", 0.0), n("z", -30.0), n("seat", 45), n("depth", 42)
    half = n("width", 44) / 2
    away = -1.0 if z < 0 else 1.0
    z0, z1 = sorted((z, z + away * depth))
    back_z = z if away > 0 else z - 3
    return [
        Box((x - half, seat - 4, z0), (x + half, seat, z1)),
        *_legs(x - half, x + half, z0, z1, seat - 4),
        Box((x - half + 2, seat, back_z), (x + half - 2, seat + n("back", 42), back_z + 3)),
    ]


def mat_box(prop: Prop) -> Box:
    """A mat's thin box on the floor (a mat is no solid: the body lies on it)."""
    half, z = prop.num("width", 60) / 2, prop.num("z", 0.0)
    return Box((prop.num("x0", -85), -1.2, z - half), (prop.num("x1", 75), 0.0, z + half))


def solids(prop: Prop) -> list[Solid]:
    """The solid parts of ``prop`` (none for a mat, towel or strap)."""
    k, n = prop.kind, prop.num
    z = n("z", 0.0)
    if k == "wall":
        x = n("x", 60)
        return [
            Box(
                (x, 0.0, z - n("width", 140) / 2),
                (x + n("thick", 8), n("height", 190), z + n("width", 140) / 2),
            )
        ]
    if k == "wall-behind":
        zb = n("z", -45)
        return [Box((n("x0", -70), 0.0, zb - 6), (n("x1", 70), n("height", 185), zb))]
    if k == "door":
        x, z0, z1, h = n("x", 40), n("z0", -40), n("z1", 14), n("height", 205)
        posts: list[Solid] = [
            Box((x, 0.0, z0 - 10), (x + 12, h, z0)),
            Box((x, 0.0, z1), (x + 12, h, z1 + 10)),
        ]
        if not prop.values.get("lintel", True):  # only the lower posts drawn: a bigger figure
            return posts
        return [*posts, Box((x, h, z0 - 10), (x + 12, h + 10, z1 + 10))]
    if k == "chair" and prop.values.get("sideways", False):
        return _chair_sideways(prop)
    if k == "chair":
        front, seat, depth, half = n("front", 14), n("seat", 45), n("depth", 42), n("width", 44) / 2
        facing = 1 if n("facing", 1) >= 0 else -1
        x0, x1 = (front - depth, front) if facing == 1 else (front, front + depth)
        back_x = x0 if facing == 1 else x1 - 3
        return [
            Box((x0, seat - 4, z - half), (x1, seat, z + half)),
            *_legs(x0, x1, z - half, z + half, seat - 4),
            Box((back_x, seat, z - half + 2), (back_x + 3, seat + n("back", 42), z + half - 2)),
        ]
    if k in ("stool", "table"):
        x0, x1 = n("x0", 60), n("x1", 100)
        top = n("height", 45 if k == "stool" else 75)
        half = n("width", 36 if k == "stool" else 70) / 2
        return [
            Box((x0, top - 4, z - half), (x1, top, z + half)),
            *_legs(x0, x1, z - half, z + half, top - 4),
        ]
    if k == "cushion" and prop.values.get("roll", False):  # a rolled towel under a knee
        r = n("height", 16) / 2
        return [Cylinder((n("x0", -16), r, z), (n("x1", 14), r, z), r)]
    if k == "cushion":  # a folded towel under the buttocks: a low block on the floor
        half = n("width", 40) / 2
        return [Box((n("x0", -16), 0.0, z - half), (n("x1", 14), n("height", 7), z + half))]
    if k == "roller":
        r = n("r", 7.5)
        a = prop.vec("a", (n("x", 30), r, -22.0))
        b = prop.vec("b", (n("x", 30), r, 22.0))
        return [Cylinder(a, b, r)]
    return []


def towel_loop(prop: Prop, body: Body) -> V3:
    """Where a towel or strap wraps round the body: under the sole, or behind the thigh."""
    around = str(prop.values.get("around", "r_ball"))
    if around.endswith("_ball"):  # on the sole, just clear of the foot's surface
        side = around[0]
        foot = norm(sub(body[f"{side}_toe"], body[f"{side}_heel"]))
        down = perpendicular(sub(body[around], body[f"{side}_ankle"]), foot)
        return add(body[around], down, 3.0)
    return body[around]


def _folded_towel(prop: Prop) -> list[Primitive]:
    """A folded towel or cushion: its solid as a box with rounded edges, in fabric.

    Four capsules run round the edges and a box fills the middle, so no sharp
    corner shows from any camera (the reviewers read a plain box as a wooden block).
    """
    (box,) = solids(prop)
    assert isinstance(box, Box)
    (x0, _, z0), (x1, h, z1) = box.low, box.high
    r = min(h / 2, (x1 - x0) / 4, (z1 - z0) / 4)
    xa, xb, za, zb = x0 + r, x1 - r, z0 + r, z1 - r
    edges = [((xa, r, za), (xa, r, zb)), ((xb, r, za), (xb, r, zb))]
    edges += [((xa, r, za), (xb, r, za)), ((xa, r, zb), (xb, r, zb))]
    middle = Box((xa, 0.0, za), (xb, h, zb))
    return [
        Block(middle, Role.SOFT, "cushion"),
        *(Capsule(a, b, r, r, Role.SOFT, "cushion") for a, b in edges),
    ]


def primitives(prop: Prop, body: Body) -> list[Primitive]:
    """What ``prop`` looks like with the figure ``body`` (straps follow the hands)."""
    k = prop.kind
    if k == "mat":
        return [Block(mat_box(prop), Role.PROP_FILL, "mat")]
    if k in ("towel", "strap"):
        loop = towel_loop(prop, body)
        side = str(prop.values.get("around", "r_ball"))[0]
        hands = ("r", "l") if prop.values.get("hands", "both") == "both" else (side,)
        return [Band((body[f"{h}_hand"], loop), 3.2, Role.STRAP, k) for h in hands]
    if k == "cushion" and not prop.values.get("roll", False):
        return _folded_towel(prop)
    out: list[Primitive] = []
    for solid in solids(prop):
        if isinstance(solid, Cylinder):
            out.append(Capsule(solid.a, solid.b, solid.radius, solid.radius, Role.SOFT, k))
        else:
            role = Role.WALL if k in ("wall", "wall-behind", "door") else Role.PROP_FILL
            out.append(Block(solid, role, k))
    return out
