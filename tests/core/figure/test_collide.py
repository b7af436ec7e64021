"""Distances between capsules and solids: what keeps limbs out of props."""

from __future__ import annotations

import pytest

from hamstring_gui.core.figure.collide import (
    Box,
    Cylinder,
    below_floor,
    capsule_depth,
    capsule_gap,
    segment_distance,
)

SEAT = Box((-40.0, 41.0, -22.0), (0.0, 45.0, 22.0))


def test_a_point_inside_a_box_is_at_distance_zero_and_outside_at_the_gap() -> None:
    assert SEAT.distance((-20, 43, 0)) == 0
    assert SEAT.distance((-20, 50, 0)) == pytest.approx(5)
    assert SEAT.distance((3, 49, 0)) == pytest.approx(5)


def test_a_segment_finds_its_nearest_point_to_a_solid() -> None:
    assert segment_distance((-60, 55, 0), (20, 55, 0), SEAT) == pytest.approx(10, abs=1e-6)
    assert segment_distance((-60, 60, 0), (20, 30, 0), SEAT) == pytest.approx(0, abs=1e-6)


def test_a_capsule_resting_on_a_seat_does_not_sink_but_one_through_it_does() -> None:
    assert capsule_depth((-30, 54.5, 0), (-5, 54.5, 0), 9.5, SEAT) == pytest.approx(0, abs=1e-6)
    assert capsule_depth((-30, 48, 0), (-5, 48, 0), 9.5, SEAT) == pytest.approx(6.5, abs=1e-6)


def test_a_roller_is_round_with_rounded_ends_as_drawn() -> None:
    roller = Cylinder((0, 7.5, -20), (0, 7.5, 20), 7.5)
    assert roller.distance((0, 25, 0)) == pytest.approx(10)
    assert roller.distance((0, 7.5, 30)) == pytest.approx(2.5)


def test_capsules_overlap_when_closer_than_their_radii() -> None:
    assert capsule_gap((0, 0, 0), (10, 0, 0), 3, (0, 5, 0), (10, 5, 0), 3) == pytest.approx(-1)
    assert below_floor((0, 2, 0), (10, 8, 0), 4) == pytest.approx(2)
