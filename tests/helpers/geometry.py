"""Plane geometry the picture tests share."""

from __future__ import annotations


def inside(point: tuple[float, float], polygon: tuple[tuple[float, float], ...]) -> bool:
    """Whether ``point`` lies inside ``polygon`` (even-odd rule: a ray crosses its edges)."""
    x, y = point
    found = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            found = not found
    return found
