"""The compatibility path: 2D stick-figure pose files lifted into the 3D renderer.

Stretches whose pose file is still ``schema = 1`` (:mod:`.flat`) keep their
side-view angles; each solved 2D frame becomes a 3D body with the near
(working) side at ``+z`` and the far side at ``-z``, so every stretch is
drawn by the same shaded renderer until its poses are authored in 3D.
"""

from __future__ import annotations

import math

from hamstring_gui.core.figure import flat, flat_file, flat_scene
from hamstring_gui.core.figure import skeleton as sk
from hamstring_gui.core.figure.camera import VIEWS
from hamstring_gui.core.figure.cues import ARROW_WIDTH
from hamstring_gui.core.figure.pose import Body, Frame3
from hamstring_gui.core.figure.props import Prop
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.scene import Moment
from hamstring_gui.core.figure.shapes import Band
from hamstring_gui.core.figure.stretch import StretchFigure
from hamstring_gui.core.figure.vec import V3, Z, add, lerp, norm, sub

_PROP_KEYS = {
    "chair": {"x": "front", "seat": "seat", "depth": "depth", "facing": "facing"},
    "stool": {"x0": "x0", "x1": "x1", "y": "height"},
    "table": {"x0": "x0", "x1": "x1", "y": "height"},
}


def lift_prop(prop: flat_file.Prop) -> Prop:
    """A 2D prop as its 3D counterpart (same numbers, renamed where they differ)."""
    names = _PROP_KEYS.get(prop.kind)
    if names is None:
        return Prop(prop.kind, dict(prop.values))
    return Prop(prop.kind, {names.get(k, k): v for k, v in prop.values.items()})


def _p(v: flat.Vec, z: float) -> V3:
    return (v[0], v[1], z)


def lift_body(body: flat.Body, facing: int = 1) -> Body:
    """A solved 2D figure as a 3D body: near side at ``+z``, far side at ``-z``."""
    p = body.points
    hip, shoulder = _p(p["hip"], 0.0), _p(p["shoulder"], 0.0)
    up = norm(sub(shoulder, hip))
    forward = (up[1] * facing, -up[0] * facing, 0.0)
    pts: dict[str, V3] = {
        "pelvis": hip,
        "waist": lerp(hip, shoulder, 0.4),
        "chest": shoulder,
        "neck": lerp(shoulder, _p(p["head"], 0.0), 0.45),
        "head": _p(p["head"], 0.0),
    }
    for side, name in (("r", "near"), ("l", "far")):
        z = sk.HIP_HALF * sk.side_sign(side)
        pts[f"{side}_hip"] = (hip[0], hip[1], z)
        for joint in ("knee", "ankle", "heel", "toe", "ball"):
            pts[f"{side}_{joint}"] = _p(p[f"{name}_{joint}"], z)
        zs = sk.SHOULDER_HALF * sk.side_sign(side)
        pts[f"{side}_shoulder"] = add((shoulder[0], shoulder[1], zs), up, -sk.SHOULDER_DROP)
        pts[f"{side}_elbow"] = _p(p[f"{name}_elbow"], zs)
        pts[f"{side}_hand"] = _p(p[f"{name}_hand"], zs)
        direction = norm(sub(pts[f"{side}_hand"], pts[f"{side}_elbow"]))
        pts[f"{side}_fingers"] = add(pts[f"{side}_hand"], direction, sk.HAND)
    frame: Frame3 = (forward, up, Z)
    return Body(pts, frame, frame)


def _moment(frame: flat_file.Frame) -> Moment:
    body = flat.forward(frame.pose)
    partner = None
    if frame.partner is not None:
        partner = lift_body(flat.forward(frame.partner, body), frame.partner.facing)
    return Moment(lift_body(body, frame.pose.facing), partner)


def lifted(illustration: flat_file.Illustration) -> StretchFigure:
    """The 3D figure of a 2D pose file."""

    def between(a: flat_file.Frame, b: flat_file.Frame, t: float) -> Moment:
        return _moment(illustration.frame_at(a, b, t) if t > 0 else a)

    def push() -> Band | None:
        begin, end = flat_scene._push(illustration)  # noqa: SLF001 - the same cue, lifted
        if math.dist(begin, end) < 1e-6:
            return None
        z = sk.HIP_HALF + 12
        return Band((_p(begin, z), _p(end, z)), ARROW_WIDTH, Role.CUE, "push", arrow=True)

    return StretchFigure(
        illustration.stretch_id,
        (illustration.start, illustration.stretched, illustration.deeper, illustration.loop),
        between,
        camera=VIEWS["side"],
        props=[lift_prop(p) for p in illustration.props],
        both_legs=illustration.both_legs,
        loop_seconds=illustration.loop_seconds,
        push=push,
    )
