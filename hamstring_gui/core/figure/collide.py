"""Solids and the distance of a body's capsules to them: nothing may pass through.

A limb is a capsule (a segment with a radius); a prop is made of boxes and
cylinders; the floor is the plane ``y = 0``. The distance from a segment to
a convex solid is a convex function along the segment, so a ternary search
finds its minimum exactly enough for tests and for lifting frames.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from hamstring_gui.core.figure.vec import V3, add, dot, length, lerp, sub


class Box(NamedTuple):
    """An axis-aligned box between two corners."""

    low: V3
    high: V3

    def distance(self, p: V3) -> float:
        """Distance from ``p`` to the box (0 inside)."""
        d = [max(lo - x, 0.0, x - hi) for x, lo, hi in zip(p, self.low, self.high, strict=True)]
        return math.sqrt(d[0] ** 2 + d[1] ** 2 + d[2] ** 2)


class Cylinder(NamedTuple):
    """A round solid between two end centres (a foam roller); drawn as a capsule."""

    a: V3
    b: V3
    radius: float

    def distance(self, p: V3) -> float:
        """Distance from ``p`` to the cylinder's surface (0 inside)."""
        return max(0.0, point_segment(p, self.a, self.b) - self.radius)


Solid = Box | Cylinder


def point_segment(p: V3, a: V3, b: V3) -> float:
    """Distance from ``p`` to the segment ``a``-``b``."""
    ab = sub(b, a)
    size = dot(ab, ab)
    t = 0.0 if size < 1e-12 else max(0.0, min(1.0, dot(sub(p, a), ab) / size))
    return length(sub(p, add(a, ab, t)))


def segment_distance(a: V3, b: V3, solid: Solid) -> float:
    """The least distance from any point of segment ``a``-``b`` to ``solid``."""
    low, high = 0.0, 1.0
    for _ in range(40):
        m1, m2 = low + (high - low) / 3, high - (high - low) / 3
        if solid.distance(lerp(a, b, m1)) <= solid.distance(lerp(a, b, m2)):
            high = m2
        else:
            low = m1
    return min(solid.distance(a), solid.distance(b), solid.distance(lerp(a, b, (low + high) / 2)))


def capsule_depth(a: V3, b: V3, radius: float, solid: Solid) -> float:
    """How deep a capsule sinks into ``solid`` (0 when it only touches or is clear)."""
    return max(0.0, radius - segment_distance(a, b, solid))


def capsule_gap(a: V3, b: V3, ra: float, c: V3, d: V3, rc: float) -> float:
    """Signed clearance between two capsules (negative: they overlap)."""
    best = math.inf
    for i in range(9):
        p = lerp(a, b, i / 8)
        best = min(best, point_segment(p, c, d))
    for i in range(9):
        p = lerp(c, d, i / 8)
        best = min(best, point_segment(p, a, b))
    return best - ra - rc


def below_floor(a: V3, b: V3, radius: float) -> float:
    """How far a capsule reaches below the floor (0 when it does not)."""
    return max(0.0, radius - min(a[1], b[1]))
