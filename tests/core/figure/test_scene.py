"""Scenes: the working leg highlighted and badged, the other side mirrored."""

from __future__ import annotations

from hamstring_gui.core.figure.camera import VIEWS
from hamstring_gui.core.figure.library import STANDING
from hamstring_gui.core.figure.pose import solve
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.scene import Moment, body_capsules, compose
from hamstring_gui.core.figure.shapes import Kind

MOMENT = Moment(solve(STANDING))


def test_the_right_leg_picture_highlights_the_right_leg_and_badges_it() -> None:
    scene = compose(MOMENT, (), VIEWS["side"], "right")
    assert scene.parts(Role.WORK) == {"right-leg"}
    assert scene.parts(Role.BODY_FAR) >= {"left-leg", "left-arm"}  # the far side, seen from +z
    (badge,) = [s for s in scene.shapes if s.kind is Kind.TEXT]
    assert badge.text == "R"


def test_the_left_leg_picture_is_the_mirror_image_with_its_own_label() -> None:
    right = compose(MOMENT, (), VIEWS["three-quarter"], "right")
    left = compose(MOMENT, (), VIEWS["three-quarter"], "left")
    assert left.parts(Role.WORK) == {"left-leg"}
    for a, b in zip(left.shapes, right.shapes, strict=True):
        assert a.points == tuple((-u, v) for u, v in b.points)
    assert [s.text for s in left.shapes if s.kind is Kind.TEXT] == ["L"]


def test_both_legs_work_in_a_both_leg_picture_and_nothing_in_a_rest() -> None:
    both = compose(MOMENT, (), VIEWS["front"], None, both_legs=True)
    assert both.parts(Role.WORK) | both.parts(Role.WORK_FAR) == {"left-leg", "right-leg"}
    rest = compose(MOMENT, (), VIEWS["side"], None, highlight=False)
    assert not rest.parts(Role.WORK) and not [s for s in rest.shapes if s.kind is Kind.TEXT]


def test_a_side_view_stands_on_a_line_and_a_raised_view_on_an_oval() -> None:
    (line,) = [s for s in compose(MOMENT, (), VIEWS["side"], None).shapes if s.role is Role.FLOOR]
    (oval,) = [s for s in compose(MOMENT, (), VIEWS["above"], None).shapes if s.role is Role.FLOOR]
    assert line.kind is Kind.LINE and oval.kind is Kind.FILL


def test_every_bone_of_the_figure_is_a_capsule_the_checks_can_name() -> None:
    names = [name for name, _ in body_capsules(MOMENT.body)]
    assert {"lumbar", "thoracic", "r_thigh", "l_shin", "r_forearm", "head", "nose"} <= set(names)
