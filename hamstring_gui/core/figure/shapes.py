"""Solid 3D primitives and their 2D outlines: what the renderer paints.

Limbs and trunk are tapered capsules, head and joints balls, props blocks,
straps and arrows bands. Orthographic projection turns a capsule into two
circles joined by their outer tangents, a ball into a circle and a block
into its visible faces: plain polygons that QPainter and SVG draw crisply
at any size. Shapes are sorted back to front by depth (painter's order),
and each carries a gradient axis so the renderer can shade it as a solid.
"""

from __future__ import annotations

import cmath
import math
from collections.abc import Iterable
from enum import StrEnum
from typing import NamedTuple

from hamstring_gui.core.figure.camera import Camera
from hamstring_gui.core.figure.collide import Box
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.vec import V2, V3, dot

ARC_STEPS = 9  # points on each rounded end: smooth at 512 px and still cheap


class Kind(StrEnum):
    """How a shape is painted."""

    FILL = "fill"  # a closed outline, filled and shaded
    LINE = "line"  # an open polyline of ``width``
    ARROW = "arrow"  # a polyline with a head at its last point
    TEXT = "text"  # the L/R badge: ``text`` at ``points[0]``


class Shape(NamedTuple):
    """One 2D thing to paint, in world centimetres (``v`` up)."""

    kind: Kind
    points: tuple[V2, ...]
    width: float
    role: Role
    part: str
    depth: float
    shine: tuple[V2, ...] = ()  # a lighter band on the lit side: the solid's roundness
    shade: float = 1.0  # 1 = the role's colour; lower is a face turned from the light
    text: str = ""

    def flipped(self) -> Shape:
        """The mirror image across ``u = 0``."""
        return self._replace(
            points=tuple((-u, v) for u, v in self.points),
            shine=tuple((-u, v) for u, v in self.shine),
        )


class Capsule(NamedTuple):
    """A tapered limb from ``a`` (radius ``ra``) to ``b`` (radius ``rb``)."""

    a: V3
    b: V3
    ra: float
    rb: float
    role: Role
    part: str


class Ball(NamedTuple):
    """A sphere: the head, a hand, a joint."""

    centre: V3
    radius: float
    role: Role
    part: str


class Block(NamedTuple):
    """A box-shaped prop part (seat, leg, wall)."""

    box: Box
    role: Role
    part: str


class Band(NamedTuple):
    """A flat line in space: a towel, a strap, a motion arrow."""

    points: tuple[V3, ...]
    width: float
    role: Role
    part: str
    arrow: bool = False


Primitive = Capsule | Ball | Block | Band


def _arc(c: V2, r: float, start: float, end: float, steps: int = ARC_STEPS) -> list[V2]:
    """``steps + 1`` points from angle ``start`` to ``end`` on the circle round ``c``.

    Each point is the one before turned by a step (a complex product): one
    sine and cosine per arc, not per point. The arcs of every capsule were a
    third of an eased frame's solve; measured 6.8 -> 2.3 us an arc, the points
    the same to 1e-14 cm.
    """
    turn = cmath.rect(1.0, (end - start) / steps)
    z = cmath.rect(r, start)
    points = []
    for _ in range(steps + 1):
        points.append((c[0] + z.real, c[1] + z.imag))
        z *= turn
    return points


def _upper_normal(a: V2, b: V2) -> V2:
    dx, dy = b[0] - a[0], b[1] - a[1]
    size = math.hypot(dx, dy) or 1.0
    n = (-dy / size, dx / size)
    return n if n[1] - 0.3 * n[0] >= 0 else (-n[0], -n[1])


def capsule_outline(a: V2, b: V2, ra: float, rb: float) -> tuple[V2, ...]:
    """The outline of two circles joined by their outer tangents."""
    d = math.hypot(b[0] - a[0], b[1] - a[1])
    if d <= abs(ra - rb) + 1e-6:
        c, r = (a, ra) if ra >= rb else (b, rb)
        return tuple(_arc(c, r, 0.0, 2 * math.pi, 2 * ARC_STEPS)[:-1])
    beta = math.atan2(b[1] - a[1], b[0] - a[0])
    alpha = math.acos(max(-1.0, min(1.0, (ra - rb) / d)))
    far = _arc(b, rb, beta - alpha, beta + alpha)
    near = _arc(a, ra, beta + alpha, beta - alpha + 2 * math.pi)
    return tuple(far + near)


def _capsule(p: Capsule, camera: Camera) -> Shape:
    (a, da), (b, db) = camera.project(p.a), camera.project(p.b)
    n = _upper_normal(a, b)
    # Two-tone shading (a base and a lit band) paints as two plain polygons: a
    # gradient looks much the same but costs four times as much per frame.
    shift = 0.42
    shine = capsule_outline(
        (a[0] + n[0] * p.ra * shift, a[1] + n[1] * p.ra * shift),
        (b[0] + n[0] * p.rb * shift, b[1] + n[1] * p.rb * shift),
        p.ra * 0.42,
        p.rb * 0.42,
    )
    outline = capsule_outline(a, b, p.ra, p.rb)
    return Shape(Kind.FILL, outline, 0.0, p.role, p.part, (da + db) / 2, shine)


def _ball(p: Ball, camera: Camera) -> Shape:
    c, depth = camera.project(p.centre)
    r = p.radius
    spot = (c[0] - 0.3 * r, c[1] + 0.35 * r)
    shine = tuple(_arc(spot, r * 0.5, 0.0, 2 * math.pi, ARC_STEPS)[:-1])
    outline = tuple(_arc(c, r, 0.0, 2 * math.pi, 2 * ARC_STEPS)[:-1])
    return Shape(Kind.FILL, outline, 0.0, p.role, p.part, depth, shine)


_FACES = (
    ((0, -1), (0, 1, 3, 2)),
    ((0, 1), (4, 6, 7, 5)),
    ((1, -1), (0, 4, 5, 1)),
    ((1, 1), (2, 3, 7, 6)),
    ((2, -1), (0, 2, 6, 4)),
    ((2, 1), (1, 5, 7, 3)),
)
_FACE_SHADE = {0: 0.86, 1: 1.0, 2: 0.93}  # sides, top, front/back
ON_FLOOR = -1e5
"""Depth of a flat prop on the floor (a mat): behind the body, in front of the floor."""


def _block(p: Block, camera: Camera) -> list[Shape]:
    lo, hi = p.box
    corners = [
        (hi[0] if i & 4 else lo[0], hi[1] if i & 2 else lo[1], hi[2] if i & 1 else lo[2])
        for i in range(8)
    ]
    projected = [camera.project(c) for c in corners]
    back = camera.axes()[2]
    shapes = []
    for (axis, sign), idx in _FACES:
        if sign * back[axis] <= 1e-3:
            continue
        pts = tuple(projected[i][0] for i in idx)
        depth = sum(projected[i][1] for i in idx) / 4
        if hi[1] <= 0.0:  # a mat lies under everything, whatever its centre's depth
            depth = ON_FLOOR
        shade = _FACE_SHADE[axis] if not (axis == 1 and sign < 0) else 0.8
        shapes.append(Shape(Kind.FILL, pts, 0.0, p.role, p.part, depth, (), shade))
    if not shapes:  # seen exactly edge-on: a thin outline still shows it
        pts = tuple(projected[i][0] for i in (0, 1, 3, 2))
        shapes.append(Shape(Kind.FILL, pts, 0.0, p.role, p.part, projected[0][1]))
    return shapes


def _band(p: Band, camera: Camera) -> Shape:
    projected = [camera.project(q) for q in p.points]
    pts = tuple(q for q, _ in projected)
    depth = sum(d for _, d in projected) / len(projected)
    return Shape(Kind.ARROW if p.arrow else Kind.LINE, pts, p.width, p.role, p.part, depth)


def project(primitives: Iterable[Primitive], camera: Camera) -> list[Shape]:
    """The 2D shapes of ``primitives`` seen by ``camera``, sorted back to front."""
    shapes: list[Shape] = []
    for p in primitives:
        if isinstance(p, Capsule):
            shapes.append(_capsule(p, camera))
        elif isinstance(p, Ball):
            shapes.append(_ball(p, camera))
        elif isinstance(p, Block):
            shapes.extend(_block(p, camera))
        else:
            shapes.append(_band(p, camera))
    shapes.sort(key=lambda s: s.depth)
    return shapes


def towards_viewer(camera: Camera, v: V3) -> float:
    """How much ``v`` points at the viewer (for choosing the near side)."""
    return dot(v, camera.axes()[2])
