"""Solid primitives become simple outlines, painted back to front."""

from __future__ import annotations

import math

from hamstring_gui.core.figure.camera import VIEWS, Camera
from hamstring_gui.core.figure.collide import Box
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.shapes import Ball, Block, Capsule, Kind, capsule_outline, project


def test_a_tapered_capsule_outline_hugs_both_end_circles() -> None:
    outline = capsule_outline((0.0, 0.0), (40.0, 0.0), 7.0, 4.0)
    xs = [p[0] for p in outline]
    ys = [p[1] for p in outline]
    assert min(xs) == -7.0 or math.isclose(min(xs), -7.0, abs_tol=0.5)
    assert math.isclose(max(xs), 44.0, abs_tol=0.5)
    assert math.isclose(max(ys), 7.0, abs_tol=0.6)


def test_a_capsule_seen_end_on_is_a_circle() -> None:
    outline = capsule_outline((0.0, 0.0), (0.0, 0.0), 5.0, 3.0)
    assert all(math.isclose(math.hypot(*p), 5.0) for p in outline)


def test_shapes_are_painted_back_to_front() -> None:
    near = Ball((0.0, 50.0, 10.0), 5.0, Role.WORK, "near")
    far = Ball((0.0, 50.0, -10.0), 5.0, Role.BODY_FAR, "far")
    shapes = project([near, far], Camera())
    assert [s.part for s in shapes] == ["far", "near"]


def test_a_box_shows_only_faces_turned_to_the_camera() -> None:
    box = Block(Box((0.0, 0.0, 0.0), (10.0, 10.0, 10.0)), Role.PROP_FILL, "stool")
    assert len(project([box], Camera())) == 1  # side view: the near face
    assert len(project([box], VIEWS["three-quarter"])) == 3


def test_a_mat_is_painted_under_a_body_part_that_lies_further_away() -> None:
    mat = Block(Box((-90.0, -1.2, -30.0), (70.0, 0.0, 30.0)), Role.PROP_FILL, "mat")
    head = Ball((-70.0, 14.0, 0.0), 10.0, Role.BODY_FAR, "head")
    shapes = project([head, mat], Camera(28.0, 30.0))  # the mat's centre is nearer
    assert [s.part for s in shapes][-1] == "head"


def test_limbs_carry_a_lit_band_on_their_upper_side() -> None:
    (shape,) = project([Capsule((0, 50, 0), (40, 50, 0), 6, 4, Role.BODY, "x")], Camera())
    assert shape.kind is Kind.FILL and shape.shine
    band = sum(v for _, v in shape.shine) / len(shape.shine)
    body = sum(v for _, v in shape.points) / len(shape.points)
    assert band > body  # lit from above
