"""Form cues drawn into the picture: motion arrows and the "not like this" inset.

A *path* arrow follows a body point through the movement the steps
describe (the chest as the trunk tilts forward from the hips, the heel as
the knee straightens), offset clear of the body. A *push* arrow shows the
gentle press of a PNF contraction. The inset shows a named pose of the
same stretch (the rounded back) small, crossed out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.shapes import Band
from hamstring_gui.core.figure.vec import V3, add, dist, norm

KINDS = frozenset({"path", "push", "not-like-this"})
CORNERS = frozenset({"top-left", "top-right"})
ARROW_WIDTH = 3.2


class Cue(NamedTuple):
    """One cue of a pose file."""

    kind: str
    point: str = ""
    offset: V3 = (0.0, 0.0, 0.0)
    direction: V3 = (0.0, 0.0, 0.0)
    length: float = 24.0
    pose: str = ""
    corner: str = "top-right"


def path_arrow(points: Sequence[V3], offset: V3) -> Band | None:
    """An arrow along ``points`` (sampled through the movement), moved by ``offset``.

    None when the point hardly moves (an arrow of a few centimetres says nothing).
    """
    if len(points) < 2 or dist(points[0], points[-1]) < 6.0:
        return None
    trimmed = points[1:-1] if len(points) > 4 else points
    return Band(tuple(add(p, offset) for p in trimmed), ARROW_WIDTH, Role.CUE, "motion", arrow=True)


def push_arrow(at: V3, direction: V3, length: float, offset: V3) -> Band:
    """A straight arrow of ``length`` from ``at + offset`` along ``direction``."""
    start = add(at, offset)
    return Band(
        (start, add(start, norm(direction), length)), ARROW_WIDTH, Role.CUE, "push", arrow=True
    )
