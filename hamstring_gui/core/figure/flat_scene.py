"""The 2D stick figure's scenes: shapes in one side view (the old renderer's input)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from hamstring_gui.core.figure.flat import (
    HAND_R,
    HEAD_R,
    LIMB_R,
    TRUNK_R,
    Body,
    Shape,
    ShapeKind,
    Vec,
    add,
    distance,
    forward,
    lerp_vec,
)
from hamstring_gui.core.figure.flat_file import REST_POSE, Frame, Illustration, Prop
from hamstring_gui.core.figure.roles import Role

# --- scenes ---------------------------------------------------------------------


class Scene(NamedTuple):
    """Everything to paint for one moment, in draw order, in world coordinates."""

    shapes: tuple[Shape, ...]

    def mirrored(self) -> Scene:
        """The exact reflection of the whole picture."""
        return Scene(tuple(shape.mirrored() for shape in self.shapes))

    def bounds(self) -> tuple[float, float, float, float]:
        """``(left, bottom, right, top)`` including stroke widths (text excluded)."""
        xs: list[float] = []
        ys: list[float] = []
        for shape in self.shapes:
            if shape.kind is ShapeKind.TEXT or shape.role is Role.FLOOR:
                continue
            pad = shape.width if shape.kind in (ShapeKind.DOT, ShapeKind.RING) else shape.width / 2
            for x, y in shape.points:
                xs += [x - pad, x + pad]
                ys += [y - pad, y + pad]
        return min(xs), min(ys), max(xs), max(ys)

    def parts(self, role: Role) -> set[str]:
        """Names of the parts drawn in ``role``."""
        return {shape.part for shape in self.shapes if shape.role is role}


def _figure_shapes(body: Body, near: str, far: str, work: set[str], partner: bool) -> list[Shape]:  # noqa: E501
    """Shapes of a figure, back to front. ``near``/``far``: the anatomical side names."""
    if partner:
        near, far = f"partner-{near}", f"partner-{far}"
    p = body.points
    line = ShapeKind.LINE
    w = 2 * LIMB_R

    def leg(side: str, name: str, far_layer: bool) -> Shape:
        if partner:
            role = Role.PARTNER
        elif name in work:
            role = Role.WORK_FAR if far_layer else Role.WORK
        else:
            role = Role.BODY_FAR if far_layer else Role.BODY
        pts = (
            p["hip"],
            p[f"{side}_knee"],
            p[f"{side}_ankle"],
            p[f"{side}_heel"],
            p[f"{side}_toe"],
            p[f"{side}_ankle"],
        )
        return Shape(line, pts, w, role, f"{name}-leg")

    def arm(side: str, name: str, far_layer: bool) -> Shape:
        role = Role.PARTNER if partner else (Role.BODY_FAR if far_layer else Role.ARM)
        return Shape(
            line,
            (p["shoulder"], p[f"{side}_elbow"], p[f"{side}_hand"]),
            2 * HAND_R * 0.9,
            role,
            f"{name}-arm",
        )

    body_role = Role.PARTNER if partner else Role.BODY
    return [
        arm("far", far, True),
        leg("far", far, True),
        Shape(line, (p["hip"], p["shoulder"]), 2 * TRUNK_R, body_role, "trunk"),
        Shape(
            line,
            (p["shoulder"], lerp_vec(p["shoulder"], p["head"], 0.5)),
            2 * LIMB_R,
            body_role,
            "neck",
        ),
        Shape(ShapeKind.DOT, (p["head"],), HEAD_R, body_role, "head"),
        leg("near", near, False),
        arm("near", near, False),
    ]


def _rect(x0: float, y0: float, x1: float, y1: float) -> tuple[Vec, ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _prop_shapes(prop: Prop, body: Body) -> list[Shape]:
    v = prop.values
    k = prop.kind
    w = 4.0

    def num(key: str, default: float) -> float:
        return float(v.get(key, default))

    if k == "mat":
        return [
            Shape(
                ShapeKind.POLYGON,
                _rect(num("x0", -80), 0, num("x1", 90), 2.5),
                1.5,
                Role.PROP_FILL,
                "mat",
            )
        ]
    if k == "wall":
        x = num("x", 60)
        return [
            Shape(
                ShapeKind.POLYGON,
                _rect(x, 0, x + num("thick", 10), num("height", 190)),
                2,
                Role.WALL,
                "wall",
            )
        ]
    if k == "wall-behind":
        return [
            Shape(
                ShapeKind.POLYGON,
                _rect(num("x0", -50), 0, num("x1", 50), num("height", 185)),  # noqa: E501
                1.5,
                Role.WALL,
                "wall",
            )
        ]
    if k == "door":
        x = num("x", 40)
        return [
            Shape(ShapeKind.POLYGON, _rect(x, 0, x + 10, num("height", 125)), 2, Role.WALL, "door")
        ]  # noqa: E501
    if k == "chair":
        front, seat = num("x", 12), num("seat", 45)
        back = front - num("depth", 42)
        rear = back + 3 if v.get("facing", 1) == 1 else front - 3
        return [
            Shape(ShapeKind.LINE, ((back + 3, 0), (back + 3, seat)), w, Role.PROP, "chair"),
            Shape(ShapeKind.LINE, ((front - 3, 0), (front - 3, seat)), w, Role.PROP, "chair"),
            Shape(ShapeKind.LINE, ((rear, seat), (rear - 4, seat + 45)), w + 1, Role.PROP, "chair"),
            Shape(
                ShapeKind.POLYGON, _rect(back, seat - 4, front, seat), 2, Role.PROP_FILL, "chair"
            ),  # noqa: E501
        ]
    if k in ("stool", "table"):
        x0, x1, top = num("x0", 60), num("x1", 100), num("y", 40 if k == "stool" else 75)
        return [
            Shape(ShapeKind.LINE, ((x0 + 4, 0), (x0 + 4, top)), w, Role.PROP, k),
            Shape(ShapeKind.LINE, ((x1 - 4, 0), (x1 - 4, top)), w, Role.PROP, k),
            Shape(ShapeKind.POLYGON, _rect(x0, top - 4.5, x1, top), 2, Role.PROP_FILL, k),
        ]
    if k == "roller":
        r = num("r", 7.5)
        return [
            Shape(ShapeKind.DOT, ((num("x", 30), r),), r, Role.PROP_FILL, "roller"),
            Shape(ShapeKind.RING, ((num("x", 30), r),), r, Role.PROP, "roller"),
        ]
    if k in ("towel", "strap"):
        loop = body["near_ball"]
        shapes = [Shape(ShapeKind.LINE, (body["near_hand"], loop), 3.5, Role.STRAP, k)]
        if v.get("hands", "both") == "both":
            shapes.insert(0, Shape(ShapeKind.LINE, (body["far_hand"], loop), 3.5, Role.STRAP, k))
        return shapes
    return []


_BACK_PROPS = {"mat", "wall-behind", "chair", "stool", "table", "roller", "wall"}


def build_scene(
    illustration: Illustration, frame: Frame, side: str | None, *, arrow: bool = False
) -> Scene:
    """The picture of ``frame`` for the working ``side`` (``"left"``, ``"right"`` or None).

    ``arrow`` adds the PNF cue: the direction the working leg presses.
    """
    return _scene(
        frame,
        illustration.props,
        side,
        illustration.both_legs,
        _push(illustration) if arrow else None,
    )


def rest_scene() -> Scene:
    """A calm standing figure for rests between stretches: nothing highlighted."""
    return _scene(Frame(REST_POSE), (), None, False, None, highlight=False)


def _push(illustration: Illustration) -> tuple[Vec, Vec]:
    """Where the contract arrow goes: beside the working foot, towards the start pose."""
    deep = forward(illustration.deeper.pose)
    start = forward(illustration.start.pose)
    heel = deep["near_ankle"]
    direction = (start["near_ankle"][0] - heel[0], start["near_ankle"][1] - heel[1])
    size = math.hypot(*direction) or 1.0
    d = (direction[0] / size, direction[1] / size)
    normal = (-d[1], d[0])
    if normal[0] > 0:  # keep the arrow on the far side from the body's head
        normal = (-normal[0], -normal[1])
    begin = add(add(heel, normal, -22.0), d, -6)
    return begin, add(begin, d, 26.0)


def _scene(
    frame: Frame,
    props: Sequence[Prop],
    side: str | None,
    both_legs: bool,
    push: tuple[Vec, Vec] | None,
    *,
    highlight: bool = True,
) -> Scene:
    body = forward(frame.pose)
    # The canonical view shows the right side (near leg = right leg); the left-leg
    # picture is its mirror image, which shows the left side: near leg = left leg.
    near, far = ("left", "right") if side == "left" else ("right", "left")
    if not highlight:
        work: set[str] = set()
    elif both_legs or side is None:
        work = {"left", "right"}
    else:
        work = {near}
    shapes: list[Shape] = [
        Shape(ShapeKind.LINE, ((-400.0, -1.5), (400.0, -1.5)), 3.0, Role.FLOOR, "floor")
    ]
    for prop in props:
        if prop.kind in _BACK_PROPS:
            shapes += _prop_shapes(prop, body)
    if frame.partner is not None:
        partner_body = forward(frame.partner, body)
        shapes += _figure_shapes(partner_body, "right", "left", set(), partner=True)
    figure = _figure_shapes(body, near, far, work, partner=False)
    shapes += figure[:2]
    for prop in props:
        if prop.kind == "door":
            shapes += _prop_shapes(prop, body)
    shapes += figure[2:6]
    for prop in props:
        if prop.kind in ("towel", "strap"):
            shapes += _prop_shapes(prop, body)
    shapes += figure[6:]
    if push is not None:
        shapes.append(Shape(ShapeKind.ARROW, push, 4.0, Role.CUE, "push"))
    if highlight and work and not both_legs and side is not None:
        anchor = add(lerp_vec(body["near_knee"], body["near_ankle"], 0.45), (0.0, 0.0))
        shapes.append(
            Shape(ShapeKind.TEXT, (_label_spot(body, anchor),), 9.0, Role.LABEL, "label", "R")
        )
    scene = Scene(tuple(shapes))
    if side == "left":
        scene = scene.mirrored()
        scene = Scene(
            tuple(s._replace(text="L") if s.kind is ShapeKind.TEXT else s for s in scene.shapes)
        )
    return scene


def _label_spot(body: Body, anchor: Vec) -> Vec:
    """A spot next to the working shin, away from the rest of the figure."""
    knee, ankle = body["near_knee"], body["near_ankle"]
    d = (ankle[0] - knee[0], ankle[1] - knee[1])
    size = math.hypot(*d) or 1.0
    normal = (d[1] / size, -d[0] / size)
    centre = lerp_vec(body["hip"], body["shoulder"], 0.5)
    a = add(anchor, normal, 16.0)
    b = add(anchor, normal, -16.0)
    spot = a if distance(a, centre) > distance(b, centre) else b
    return (spot[0], max(spot[1], 9.0))


def frame_bounds(illustration: Illustration, side: str | None) -> tuple[float, float, float, float]:  # noqa: E501
    """Bounds that hold every key frame: the framing stays put while the figure moves."""
    boxes = [
        build_scene(illustration, frame, side, arrow=True).bounds()
        for frame in illustration.key_frames()
    ]
    return (
        min(b[0] for b in boxes),
        min(0.0, min(b[1] for b in boxes)),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


EasingFn = Callable[[float], float]
