"""Form cues drawn into the picture: motion arrows and the "not like this" inset.

A *path* arrow follows a body point through the movement the steps
describe (the chest as the trunk tilts forward from the hips, the heel as
the knee straightens), offset clear of the body. A *push* arrow shows the
gentle press of a PNF contraction; with ``stop`` it ends against a short bar
(a press into something held firm: nothing moves). The inset shows a named pose of the
same stretch (the rounded back) small, crossed out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from hamstring_gui.core.figure.camera import Camera
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.shapes import Band
from hamstring_gui.core.figure.vec import V3, add, angle, cross, dist, lerp, norm, rotate, sub

KINDS = frozenset({"path", "push", "not-like-this"})
CORNERS = frozenset({"top-left", "top-right"})
ARROW_WIDTH = 3.2
INSET_SHARE = 0.36
"""The "not like this" inset takes this share of the picture's width (4:3, a top corner)."""


class Cue(NamedTuple):
    """One cue of a pose file."""

    kind: str
    point: str = ""
    offset: V3 = (0.0, 0.0, 0.0)
    direction: V3 = (0.0, 0.0, 0.0)
    length: float = 24.0
    pose: str = ""
    corner: str = "top-right"
    pivot: str = ""
    radius: float = 0.0
    span: tuple[str, str] = ("", "")  # from and to pose (default: start and stretched)
    twoway: bool = False  # a head at both ends (rocking to and fro)
    during: tuple[str, ...] = ()  # the phase kinds that show it (a PNF press); () = all
    sweep: float = 0.0  # an arc's least sweep in degrees (0: MIN_SWEEP); a rock of a few cm
    scale: float = 1.0  # a straight path arrow drawn this much longer about its middle
    ahead: bool = False  # a small arc widened past its end only: it starts where the move does
    turn: float = 0.0  # an arc moved round its pivot by this many degrees (clear of the body)
    stop: bool = False  # a push ending against a bar: pressed into something held firm
    camera: Camera | None = None  # the inset seen from its own view (None: the picture's)


def shows_in(cue: Cue, kind: str) -> bool:
    """Whether ``cue`` is drawn in a phase of ``kind``.

    A press shows only while the person presses: drawn during the lift into
    the stretch it would read as the wrong way round.
    """
    return not cue.during or kind in cue.during


def path_arrow(points: Sequence[V3], offset: V3, scale: float = 1.0) -> Band | None:
    """An arrow along ``points`` (sampled through the movement), moved by ``offset``.

    None when the point hardly moves (an arrow of a few centimetres says nothing).
    ``scale`` lengthens it about its middle: a slow roll of 20 cm drawn true
    leaves no room for two heads at app size.
    """
    if len(points) < 2 or dist(points[0], points[-1]) < 6.0:
        return None
    if scale != 1.0:
        middle = lerp(points[0], points[-1], 0.5)
        points = [lerp(middle, p, scale) for p in points]
    trimmed = points[1:-1] if len(points) > 4 else points
    return Band(tuple(add(p, offset) for p in trimmed), ARROW_WIDTH, Role.CUE, "motion", arrow=True)


MIN_SWEEP = 28.0  # degrees: a smaller turn reads as a blot, not an arrow


def arc_arrow(
    pivot: V3,
    start: V3,
    end: V3,
    radius: float,
    least: float = MIN_SWEEP,
    *,
    ahead: bool = False,
    turn: float = 0.0,
) -> Band | None:
    """A curved arrow round ``pivot`` from the direction of ``start`` to that of ``end``.

    "Tilt forward from the hips": the chest turns round the hip joint. A
    small turn is widened symmetrically to ``least`` degrees so it reads;
    ``ahead`` widens it past its end only, so the arrow starts over the start
    pose and runs on the way the body goes (a small hinge then reads as
    "forward and down", not as a bow over the head). ``turn`` moves the whole
    arc round the pivot by that many degrees (positive: the way the body
    goes), so a rock can be drawn beside the body instead of across it.
    """
    a, b = sub(start, pivot), sub(end, pivot)
    sweep = angle(a, b)
    if sweep < 1.0:
        return None
    axis = norm(cross(a, b))
    widen = max(0.0, least - sweep)
    before = 0.0 if ahead else widen / 2
    first = rotate(norm(a), axis, turn - before)
    total = sweep + widen
    steps = 12
    points = tuple(
        add(pivot, rotate(first, axis, total * i / steps), radius) for i in range(steps + 1)
    )
    return Band(points, ARROW_WIDTH, Role.CUE, "motion", arrow=True)


def push_arrow(at: V3, direction: V3, length: float, offset: V3) -> Band:
    """A straight arrow of ``length`` from ``at + offset`` along ``direction``."""
    start = add(at, offset)
    return Band(
        (start, add(start, norm(direction), length)), ARROW_WIDTH, Role.CUE, "push", arrow=True
    )


STOP_HALF = 10.0
"""cm: half the stop bar across a push arrow's tip (as wide as a foot is long, about)."""


def stop_bar(arrow: Band) -> Band:
    """A short bar across the tip of the push ``arrow``: "press, but it does not give".

    An arrow alone at a foot reads as "move the foot this way" (review of
    main6: lower the leg); ending it against a bar is the usual sign of an
    isometric press. The bar lies across the arrow in the body's side-on plane
    (the plane a leg presses in), a little past the tip so the head touches it.
    """
    start, end = arrow.points[0], arrow.points[-1]
    d = norm(sub(end, start))
    across = norm(cross(d, (0.0, 0.0, 1.0)), fallback=(0.0, 1.0, 0.0))
    tip = add(end, d, ARROW_WIDTH * 0.6)
    return Band(
        (add(tip, across, -STOP_HALF), add(tip, across, STOP_HALF)),
        ARROW_WIDTH * 1.4,
        Role.CUE,
        "stop",
    )
