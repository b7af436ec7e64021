"""Motion arrows: a path says where a point goes; an arc says "tilt from the hips"."""

from __future__ import annotations

import pytest

from hamstring_gui.core.figure.cues import (
    MIN_SWEEP,
    STOP_HALF,
    arc_arrow,
    path_arrow,
    push_arrow,
    stop_bar,
)
from hamstring_gui.core.figure.vec import angle, dist, dot, lerp, norm, sub


def test_a_point_that_hardly_moves_gets_no_arrow() -> None:
    assert path_arrow([(0, 0, 0), (1, 1, 0)], (0, 0, 0)) is None
    arrow = path_arrow([(0, 0, 0), (10, 0, 0), (20, 5, 0), (30, 10, 0), (40, 20, 0)], (0, 5, 0))
    assert arrow is not None and arrow.arrow and arrow.points[0][1] == 5


def test_a_small_hinge_still_draws_a_readable_arc_round_the_pivot() -> None:
    band = arc_arrow((0, 0, 0), (0, 50, 0), (10, 49, 0), 80)
    assert band is not None
    assert all(dist(p, (0, 0, 0)) == pytest.approx(80) for p in band.points)
    assert angle(band.points[0], band.points[-1]) == pytest.approx(MIN_SWEEP, abs=0.5)

    # A rock of a few centimetres asks for a wider arc so both heads read.
    wide = arc_arrow((0, 0, 0), (0, 50, 0), (10, 49, 0), 80, least=80)
    assert wide is not None
    assert angle(wide.points[0], wide.points[-1]) == pytest.approx(80, abs=0.5)


def test_an_arc_ahead_starts_where_the_move_starts_and_runs_on_past_its_end() -> None:
    # A small hinge: widened symmetrically the arc begins behind the head; ahead,
    # it begins over the start and runs on forwards and down the way the body goes.
    start, end = (0.0, 50.0, 0.0), (10.0, 49.0, 0.0)
    band = arc_arrow((0, 0, 0), start, end, 80, least=50, ahead=True)
    assert band is not None
    assert angle(band.points[0], start) == pytest.approx(0.0, abs=0.01)
    assert angle(band.points[0], band.points[-1]) == pytest.approx(50, abs=0.5)
    assert angle(band.points[-1], end) == pytest.approx(50 - angle(start, end), abs=0.5)
    assert band.points[-1][0] > end[0]  # on past the end, forwards


def test_a_turned_arc_keeps_its_sweep_but_moves_round_the_pivot() -> None:
    start, end = (0.0, 50.0, 0.0), (10.0, 49.0, 0.0)
    plain = arc_arrow((0, 0, 0), start, end, 80, least=40)
    turned = arc_arrow((0, 0, 0), start, end, 80, least=40, turn=60)
    assert plain is not None and turned is not None
    for a, b in zip(plain.points, turned.points, strict=True):
        assert angle(a, b) == pytest.approx(60, abs=0.01)  # each point 60 degrees on
        assert dist(b, (0, 0, 0)) == pytest.approx(80)
    assert angle(turned.points[0], turned.points[-1]) == pytest.approx(40, abs=0.5)


def test_a_push_arrow_has_its_length_and_direction() -> None:
    band = push_arrow((0, 0, 0), (0, -2, 0), 24, (5, 0, 0))
    start, end = band.points
    assert start == (5, 0, 0) and sub(end, start) == pytest.approx((0, -24, 0))


def test_a_stop_bar_lies_across_the_push_arrow_just_past_its_tip() -> None:
    """An isometric press: the arrow ends against a bar (review of main6, pnf-towel)."""
    arrow = push_arrow((0, 0, 0), (0.85, -0.5, 0), 24, (5, -2, 0))
    bar = stop_bar(arrow)
    assert not bar.arrow and bar.part == "stop"
    a, b = bar.points
    assert dist(a, b) == pytest.approx(2 * STOP_HALF)
    along = norm(sub(arrow.points[1], arrow.points[0]))
    assert dot(norm(sub(b, a)), along) == pytest.approx(0, abs=1e-9)  # across the arrow
    middle = lerp(a, b, 0.5)
    assert a[2] == b[2] == arrow.points[1][2]  # in the body's side-on plane
    assert 0 < dot(sub(middle, arrow.points[1]), along) < 3  # just past the head


def test_a_scaled_path_arrow_grows_about_its_middle() -> None:
    points = [(float(x), 0.0, 0.0) for x in range(0, 21, 2)]
    plain, longer = path_arrow(points, (0.0, 0.0, 0.0)), path_arrow(points, (0.0, 0.0, 0.0), 3.0)
    assert plain is not None and longer is not None
    (a0, a1), (b0, b1) = (
        (plain.points[0][0], plain.points[-1][0]),
        (
            longer.points[0][0],
            longer.points[-1][0],
        ),
    )
    assert b1 - b0 == pytest.approx(3 * (a1 - a0))
    assert b0 + b1 == pytest.approx(a0 + a1)  # the same middle
