"""3D vectors as plain tuples: the arithmetic every other module of the figure uses.

Centimetres; ``x`` forward (the way the canonical figure faces), ``y`` up,
``z`` to the figure's right (towards the camera of a side view).
"""

from __future__ import annotations

import math

V3 = tuple[float, float, float]
V2 = tuple[float, float]

X: V3 = (1.0, 0.0, 0.0)
Y: V3 = (0.0, 1.0, 0.0)
Z: V3 = (0.0, 0.0, 1.0)


def add(a: V3, b: V3, s: float = 1.0) -> V3:
    """``a + s * b``."""
    return (a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2])


def sub(a: V3, b: V3) -> V3:
    """``a - b``."""
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: V3, s: float) -> V3:
    """``s * a``."""
    return (a[0] * s, a[1] * s, a[2] * s)


def dot(a: V3, b: V3) -> float:
    """The dot product."""
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: V3, b: V3) -> V3:
    """The cross product."""
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def length(a: V3) -> float:
    """Euclidean length."""
    return math.sqrt(dot(a, a))


def dist(a: V3, b: V3) -> float:
    """Distance between two points."""
    return length(sub(a, b))


def norm(a: V3, fallback: V3 = Y) -> V3:
    """``a`` scaled to length 1 (``fallback`` for a zero vector)."""
    size = length(a)
    return fallback if size < 1e-9 else scale(a, 1.0 / size)


def lerp(a: V3, b: V3, t: float) -> V3:
    """The point ``t`` of the way from ``a`` to ``b``."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def mix(a: float, b: float, t: float) -> float:
    """Linear interpolation of numbers."""
    return a + (b - a) * t


def turn(v: V3, toward: V3, degrees: float) -> V3:
    """``v`` rotated by ``degrees`` in the plane of ``v`` and the unit ``toward``.

    Both must be unit length and perpendicular: the figure's joints bend in
    such planes (a knee flexes the shin from the thigh towards the back).
    """
    r = math.radians(degrees)
    return add(scale(v, math.cos(r)), toward, math.sin(r))


def rotate(v: V3, axis: V3, degrees: float) -> V3:
    """``v`` rotated about the unit ``axis`` (right-hand rule), Rodrigues' formula."""
    r = math.radians(degrees)
    c, s = math.cos(r), math.sin(r)
    return add(add(scale(v, c), cross(axis, v), s), axis, dot(axis, v) * (1 - c))


def angle(a: V3, b: V3) -> float:
    """The unsigned angle between two vectors in degrees."""
    na, nb = norm(a), norm(b)
    return math.degrees(math.acos(max(-1.0, min(1.0, dot(na, nb)))))


def signed_angle(a: V3, b: V3, axis: V3) -> float:
    """The angle from ``a`` to ``b`` about ``axis`` (right-hand rule), in degrees."""
    return math.degrees(math.atan2(dot(axis, cross(a, b)), dot(a, b)))


def perpendicular(v: V3, to: V3) -> V3:
    """The unit part of ``v`` perpendicular to the unit ``to``."""
    return norm(add(v, to, -dot(v, to)), fallback=norm(cross(to, Z), fallback=X))


def mirror(p: V3) -> V3:
    """The reflection across the plane ``x = 0`` (the other side's picture)."""
    return (-p[0], p[1], p[2])


def ease_in_out(t: float) -> float:
    """Smooth start and stop (cubic), clamped to 0..1."""
    t = min(1.0, max(0.0, t))
    return 4 * t * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2
