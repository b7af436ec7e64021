"""3D vector helpers: rotations turn the way the figure's joints assume."""

from __future__ import annotations

import pytest

from hamstring_gui.core.figure.vec import X, Y, Z, ease_in_out, rotate, signed_angle, turn


def test_turn_moves_a_vector_towards_another_in_their_plane() -> None:
    assert turn(Y, X, 90) == pytest.approx(X)
    assert turn(Y, X, 30)[0] == pytest.approx(0.5)


def test_rotate_follows_the_right_hand_rule() -> None:
    assert rotate(X, Y, 90) == pytest.approx((0.0, 0.0, -1.0))
    assert signed_angle(X, Z, Y) == pytest.approx(-90)


def test_easing_starts_and_ends_still_and_never_goes_back() -> None:
    values = [ease_in_out(i / 50) for i in range(51)]
    assert values[0] == 0 and values[-1] == 1
    assert all(b >= a for a, b in zip(values, values[1:], strict=False))
