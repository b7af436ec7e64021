"""Props as solids: a seat to sit on, a roller, and towels that follow the hands."""

from __future__ import annotations

import pytest

from hamstring_gui.core.figure import skeleton as sk
from hamstring_gui.core.figure.collide import Box, Cylinder, point_segment
from hamstring_gui.core.figure.library import STANDING
from hamstring_gui.core.figure.pose import solve
from hamstring_gui.core.figure.props import Prop, primitives, solids, towel_loop
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.shapes import Capsule
from hamstring_gui.core.figure.vec import dist, dot, norm, sub


def test_a_chairs_seat_top_is_at_its_seat_height_with_the_front_where_asked() -> None:
    seat, *rest = solids(Prop("chair", {"front": 3, "seat": 45}))
    assert isinstance(seat, Box)
    assert seat.high[1] == 45 and seat.high[0] == 3
    assert len(rest) == 5  # four legs and a backrest


def test_a_sideways_chair_has_its_back_along_the_figure_and_its_seat_running_away() -> None:
    seat, *legs, back = solids(Prop("chair", {"sideways": True, "x": 2, "z": -34, "width": 36}))
    assert isinstance(seat, Box) and isinstance(back, Box) and len(legs) == 4
    assert (back.low[0], back.high[0]) == (2 - 18 + 2, 2 + 18 - 2)  # along x, centred on x
    assert back.high[2] == -34 and back.high[1] == 45 + 42  # its near face at z, on the seat
    assert seat.high[2] == -34 and seat.low[2] == -34 - 42  # the seat runs away from the figure


def test_a_roller_is_a_round_solid_and_a_mat_is_none() -> None:
    (roller,) = solids(Prop("roller", {"a": [0, 7.5, -20], "b": [0, 7.5, 20]}))
    assert isinstance(roller, Cylinder) and roller.radius == pytest.approx(7.5)
    assert solids(Prop("mat", {})) == []


def test_a_cushion_is_a_low_block_on_the_floor() -> None:
    (cushion,) = solids(Prop("cushion", {"height": 6, "x0": -10, "x1": 12}))
    assert isinstance(cushion, Box)
    assert cushion.low[1] == 0 and cushion.high[1] == 6
    assert (cushion.low[0], cushion.high[0]) == (-10, 12)


def test_a_door_frame_has_two_posts_and_a_lintel_unless_cut_off() -> None:
    posts_and_lintel = solids(Prop("door", {"x": 50, "z0": -80, "z1": 2}))
    assert len(posts_and_lintel) == 3
    assert max(s.high[1] for s in posts_and_lintel if isinstance(s, Box)) == 215
    cut = solids(Prop("door", {"x": 50, "z0": -80, "z1": 2, "height": 120, "lintel": False}))
    assert [s.high[1] for s in cut if isinstance(s, Box)] == [120, 120]


def test_a_towel_runs_from_both_hands_to_its_loop() -> None:
    body = solve(STANDING)
    towel = Prop("towel", {"around": "r_thigh_back"})
    loop = towel_loop(towel, body)
    assert loop == body["r_thigh_back"]
    bands = primitives(towel, body)
    assert [b.role for b in bands] == [Role.STRAP, Role.STRAP]
    assert {b.points[0] for b in bands} == {body["r_hand"], body["l_hand"]}  # type: ignore[union-attr]
    under_sole = towel_loop(Prop("strap", {}), body)
    assert dist(under_sole, body["r_ball"]) == pytest.approx(3.0)


def test_a_strap_under_the_sole_lies_on_the_foot_not_inside_it() -> None:
    body = solve(STANDING)
    loop = towel_loop(Prop("strap", {}), body)
    foot = norm(sub(body["r_toe"], body["r_heel"]))
    axis = point_segment(loop, body["r_heel"], body["r_toe"])
    assert 2.0 < axis <= sk.RADII["foot"][0]  # at the sole's surface, not the foot's middle
    assert dot(sub(loop, body["r_ball"]), foot) == pytest.approx(0.0, abs=1e-9)
    assert loop[1] < body["r_ball"][1]  # standing: below the ball


def test_a_folded_towel_and_a_roller_are_drawn_soft_not_as_wood() -> None:
    # Review: the folded towel read as a wooden block, the roller as a brown stone.
    body = solve(STANDING)
    towel = primitives(Prop("cushion", {"height": 12, "x0": -16, "x1": 14}), body)
    roller = primitives(Prop("roller", {}), body)
    assert {p.role for p in towel + roller} == {Role.SOFT}
    edges = [p for p in towel if isinstance(p, Capsule)]
    assert len(edges) == 4 and all(p.ra == pytest.approx(6.0) for p in edges)  # rounded
    (box,) = solids(Prop("cushion", {"height": 12, "x0": -16, "x1": 14}))
    for p in edges:  # the rounded edges stay inside the solid the body sits on
        for end in (p.a, p.b):
            assert box.distance(end) == 0.0
