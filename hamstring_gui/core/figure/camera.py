"""Orthographic cameras: which way a stretch is seen.

``yaw`` swings the camera from the figure's right side (0, a side view)
round to its front (90); ``pitch`` raises it (90 looks straight down).
Orthographic projection keeps one person size in every picture and makes
every sphere a circle and every capsule a simple outline.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from hamstring_gui.core.figure.vec import V2, V3, dot


class Camera(NamedTuple):
    """A view direction; :meth:`project` maps world points to screen ``(u, v)`` and depth."""

    yaw: float = 0.0
    pitch: float = 0.0

    def axes(self) -> tuple[V3, V3, V3]:
        """Screen right, screen up and towards-the-viewer unit vectors."""
        return _axes(self.yaw, self.pitch)

    def project(self, p: V3) -> tuple[V2, float]:
        """Screen position (``v`` up) and depth (larger is nearer the viewer)."""
        right, up, back = _axes(self.yaw, self.pitch)
        return (dot(p, right), dot(p, up)), dot(p, back)

    def mirrored(self) -> Camera:
        """The camera of the mirrored scene: the picture is the exact mirror image."""
        return Camera(-self.yaw, self.pitch)


@cache
def _axes(yaw: float, pitch: float) -> tuple[V3, V3, V3]:
    """A camera's axes, computed once per view (every point of every frame asks)."""
    y, p = math.radians(yaw), math.radians(pitch)
    back = (math.sin(y) * math.cos(p), math.sin(p), math.cos(y) * math.cos(p))
    right = (math.cos(y), 0.0, -math.sin(y))
    up = (
        back[1] * right[2] - back[2] * right[1],
        back[2] * right[0] - back[0] * right[2],
        back[0] * right[1] - back[1] * right[0],
    )
    return right, up, back


VIEWS: Mapping[str, Camera] = MappingProxyType(
    {
        "side": Camera(0.0, 0.0),
        "side-high": Camera(0.0, 12.0),
        "three-quarter": Camera(35.0, 14.0),
        "three-quarter-back": Camera(-35.0, 14.0),
        "front": Camera(90.0, 8.0),
        "above": Camera(20.0, 60.0),
    }
)
"""Named cameras a pose file can choose."""
