"""A stretch's figure in motion: key moments, easing between them, and its scenes.

:class:`StretchFigure` answers the one question the view asks: what does
this stretch look like for this side, in this phase, this far through it?
It is built from a 3D pose file (:func:`from_pose_file`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

from hamstring_gui.core.figure.camera import Camera
from hamstring_gui.core.figure.collide import below_floor
from hamstring_gui.core.figure.cues import (
    INSET_SHARE,
    MIN_SWEEP,
    Cue,
    arc_arrow,
    path_arrow,
    push_arrow,
    shows_in,
    stop_bar,
)
from hamstring_gui.core.figure.pose import Pose, interpolate, raised, settled, solve
from hamstring_gui.core.figure.posefile import KeyPose, PoseFile
from hamstring_gui.core.figure.props import Prop
from hamstring_gui.core.figure.scene import (
    Moment,
    Oval,
    Scene,
    badge_bone,
    body_capsules,
    compose,
    floor_oval,
    union,
)
from hamstring_gui.core.figure.shapes import Band
from hamstring_gui.core.figure.vec import add, ease_in_out
from hamstring_gui.core.plan import PhaseKind

Bounds = tuple[float, float, float, float]
PATH_SAMPLES = 10


class StretchFigure:
    """Key frames, props, camera and cues of one stretch, with the motion between frames.

    ``between(a, b, t)`` gives the moment ``t`` of the way from key frame
    ``a`` to ``b``; key frames are whatever that function understands.
    """

    def __init__(
        self,
        stretch_id: str,
        keys: tuple[Any, Any, Any, tuple[Any, ...]],
        between: Callable[[Any, Any, float], Moment],
        *,
        camera: Camera,
        props: Sequence[Prop],
        cues: Sequence[Cue] = (),
        both_legs: bool = False,
        loop_seconds: float = 2.0,
        named: Callable[[str], Moment] | None = None,
        push: Callable[[], Band | None] | None = None,
        ghost: bool = False,
        highlight: bool = True,
        badge: str | None = None,
    ) -> None:
        self.stretch_id = stretch_id
        self.start, self.stretched, self.deeper, self.loop = keys
        self.between = between
        self.camera = camera
        self.props = tuple(props)
        self.cues = tuple(cues)
        self.both_legs = both_legs
        self.loop_seconds = loop_seconds
        self._named = named
        self._push = push
        self.ghost = ghost
        self.highlight = highlight
        self._badge = badge
        self._insets: dict[str | None, tuple[Scene | None, str]] = {}

    # --- motion -------------------------------------------------------------

    def moment(self, kind: PhaseKind, progress: float, deep: bool = False) -> Moment:
        """What a phase shows ``progress`` (0..1) of the way through its motion."""
        if kind in (PhaseKind.PREPARE, PhaseKind.SWITCH):
            target = self.loop[0] if self.loop else self.stretched
            return self.between(self.start, target, ease_in_out(progress))
        if kind is PhaseKind.RELAX:
            return self.between(self.stretched, self.deeper, ease_in_out(progress))
        if kind is PhaseKind.MOVE:
            return self.loop_moment(progress)
        if kind is PhaseKind.REST:
            return self.between(self.start, self.start, 0.0)
        return self.between(self.deeper if deep else self.stretched, self.stretched, 0.0)

    def loop_moment(self, phase: float) -> Moment:
        """The moving moment at ``phase`` (0..1 is one loop), eased between key frames."""
        frames = self.loop or (self.start, self.stretched)
        position = (phase % 1.0) * len(frames)
        index = int(position) % len(frames)
        t = ease_in_out(position - int(position))
        return self.between(frames[index], frames[(index + 1) % len(frames)], t)

    @property
    def still_kind(self) -> PhaseKind:
        """The phase a still picture (export, handout, contact sheet) shows.

        A PNF stretch is told apart by its press, so its still shows the press
        arrow; the session draws that arrow only while the user presses.
        """
        contract = str(PhaseKind.CONTRACT)
        presses = any(c.kind == "push" or contract in c.during for c in self.cues)
        return PhaseKind.CONTRACT if presses else PhaseKind.HOLD

    def key_moments(self) -> list[Moment]:
        """Every authored moment (framing and checks)."""
        keys = (self.start, self.stretched, self.deeper, *self.loop)
        return [self.between(k, k, 0.0) for k in keys]

    def named(self, name: str) -> Moment:
        """A named pose of the file (the inset's rounded back, contact checks)."""
        if self._named is None:
            raise KeyError(name)
        return self._named(name)

    # --- pictures -----------------------------------------------------------

    @cached_property
    def _paths(self) -> list[tuple[Cue, Band]]:
        arrows: list[tuple[Cue, Band]] = []
        for cue in self.cues:
            if cue.kind != "path":
                continue
            first = cue.span[0] or self.start
            last = cue.span[1] or self.stretched
            moments = [
                self.between(first, last, i / (PATH_SAMPLES - 1)) for i in range(PATH_SAMPLES)
            ]
            points = [m.body[cue.point] for m in moments]
            if cue.pivot:
                pivot = add(moments[0].body[cue.pivot], cue.offset)
                least = cue.sweep or MIN_SWEEP
                radius = cue.radius or 60.0
                arrow = arc_arrow(
                    pivot, points[0], points[-1], radius, least, ahead=cue.ahead, turn=cue.turn
                )
            else:
                arrow = path_arrow(points, cue.offset, cue.scale)
            if arrow is not None:
                arrows.append((cue, arrow))
                if cue.twoway:
                    arrows.append((cue, arrow._replace(points=arrow.points[::-1])))
        return arrows

    def _pushes(self, moment: Moment) -> list[Band]:
        out: list[Band] = []
        for c in self.cues:
            if c.kind == "push":
                press = push_arrow(moment.body[c.point], c.direction, c.length, c.offset)
                out += [press, stop_bar(press)] if c.stop else [press]
        if self._push is not None:
            arrow = self._push()
            if arrow is not None:
                out.append(arrow)
        return out

    def _inset(self, side: str | None) -> tuple[Scene | None, str]:
        """The "not like this" picture (still: built once per side)."""
        if side not in self._insets:
            self._insets[side] = None, "top-right"
            for cue in self.cues:
                if cue.kind == "not-like-this":
                    moment = self.named(cue.pose)
                    scene = compose(
                        moment,
                        self.props,
                        cue.camera or self.camera,  # a fault may show best from elsewhere
                        side,
                        highlight=False,
                        floor=self._floor,
                    )
                    self._insets[side] = scene, cue.corner
        return self._insets[side]

    def scene(
        self, kind: PhaseKind, progress: float, side: str | None, deep: bool = False
    ) -> Scene:
        """The picture of a phase for the working ``side``."""
        moment = self.moment(kind, progress, deep)
        extras: list[Band] = []
        if kind is not PhaseKind.MOVE:
            extras = [band for cue, band in self._paths if shows_in(cue, str(kind))]
        if kind is PhaseKind.CONTRACT:
            extras += self._pushes(moment)
        inset, corner = self._inset(side)
        # A small hinge looks like the start: the hold shows the start faint behind it.
        ghost = None
        if self.ghost and kind is PhaseKind.HOLD:
            ghost = self.between(self.start, self.start, 0.0).body
        return compose(
            moment,
            self.props,
            self.camera,
            side,
            both_legs=self.both_legs,
            highlight=self.highlight,
            extras=extras,
            inset=inset,
            corner=corner,
            ghost=ghost,
            badge_on=self._badge_on,
            floor=self._floor,
        )

    @cached_property
    def _floor(self) -> Oval:
        """The ground's oval, round the held body and the props, in every frame."""
        return floor_oval(self.moment(PhaseKind.HOLD, 1.0).body, self.props)

    @cached_property
    def _badge_on(self) -> str:
        """The bone the badge sits on: the pose file's choice, else from the held pose.

        See :func:`badge_bone`; a file names the bone where the clearest spot is
        still over the contact its steps are about, seen from its camera.
        """
        if self._badge is not None:
            return self._badge
        return badge_bone(self.moment(PhaseKind.HOLD, 1.0), self.props, self.camera)

    def bounds(self, side: str | None) -> Bounds:
        """Bounds that hold every key frame: the framing stays put while the figure moves."""
        boxes = []
        for moment in self.key_moments():
            extras = [band for _, band in self._paths] + self._pushes(moment)
            boxes.append(compose(moment, self.props, self.camera, side, extras=extras).bounds())
        bounds = union(boxes)
        for cue in self.cues:
            if cue.kind == "not-like-this":
                left = (cue.corner == "top-left") != (side == "left")
                return on_stage(room_for_inset(bounds, left))
        return on_stage(bounds)


# Every picture frames at least this much of the world (cm, 4:3), so the person is
# drawn at one size in all of them: a standing figure is not shrunk to fit its
# height while a lying one fills the width. Only a scene larger than the stage
# (a few wide floor scenes) is drawn a little smaller.
STAGE = (280.0, 210.0)


def on_stage(bounds: Bounds) -> Bounds:
    """``bounds`` grown to the :data:`STAGE`: centred across, the floor kept at the bottom.

    The room added goes above the scene, so the floor sits at the same height
    in every picture. A "not like this" inset (a top corner, under half the
    width) stays clear: the room :func:`room_for_inset` kept beside or above
    the figure only grows.
    """
    x0, y0, x1, y1 = bounds
    extra_w = max(0.0, STAGE[0] - (x1 - x0))
    extra_h = max(0.0, STAGE[1] - (y1 - y0))
    return (x0 - extra_w / 2, y0, x1 + extra_w / 2, y1 + extra_h)


def room_for_inset(bounds: Bounds, left: bool) -> Bounds:
    """``bounds`` grown so a 4:3 picture keeps its top corner free for the inset.

    Grows upwards or sideways, whichever leaves the figure larger.
    """
    x0, y0, x1, y1 = bounds
    w, h = x1 - x0, y1 - y0
    share = INSET_SHARE + 0.05
    # Sideways: the figure keeps (1 - share) of the width.
    wide = w / (1 - share)
    side_scale = min(4 / wide, 3 / h)
    # Upwards: the figure keeps (1 - share * 0.75 * 4 / 3) of the height.
    tall = h / (1 - share)
    up_scale = min(4 / w, 3 / tall)
    if side_scale >= up_scale:
        grow = wide - w
        return (x0 - grow, y0, x1, y1) if left else (x0, y0, x1 + grow, y1)
    return (x0, y0, x1, y0 + tall)


# --- 3D pose files ------------------------------------------------------------------


def lowest(moment: Moment) -> float:
    """How far any capsule of the moment reaches below the floor (positive: it does)."""
    depth = 0.0
    for body in (moment.body, moment.partner):
        if body is None:
            continue
        for _, c in body_capsules(body):
            depth = max(
                depth, below_floor(c.a, c.b, max(c.ra, c.rb)) if c.a != c.b else c.ra - c.a[1]
            )
    return depth


def _solve_key(key: KeyPose) -> tuple[Pose, Pose | None]:
    pose = settled(key.pose, solve(key.pose))
    partner = None
    if key.partner is not None:
        partner = settled(key.partner, solve(key.partner, solve(pose)))
    return pose, partner


def from_pose_file(stretch_id: str, data: PoseFile, both_legs: bool) -> StretchFigure:
    """The figure of a schema-2 pose file."""
    solved = {name: _solve_key(key) for name, key in data.poses.items()}

    def between(a: str, b: str, t: float) -> Moment:
        (pa, qa), (pb, qb) = solved[a], solved[b]
        pose = interpolate(pa, pb, t)
        body = solve(pose)
        partner_pose = interpolate(qa, qb, t) if qa is not None and qb is not None else qb or qa
        partner = solve(partner_pose, body) if partner_pose is not None else None
        dip = lowest(Moment(body, partner))
        if dip > 0.05:  # in-between frames of angles may dip a foot: rise instead
            body = solve(raised(pose, dip))
            partner = solve(raised(partner_pose, dip), body) if partner_pose is not None else None
        return Moment(body, partner)

    return StretchFigure(
        stretch_id,
        (data.start, data.stretched, data.deeper, data.loop),
        between,
        camera=data.camera,
        props=data.props,
        cues=data.cues,
        both_legs=both_legs,
        loop_seconds=data.loop_seconds,
        named=lambda name: between(name, name, 0.0),
        ghost=data.ghost,
        highlight=data.highlight,
        badge=data.badge,
    )
