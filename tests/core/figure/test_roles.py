"""Roles name what a shape is; the palettes colour each one."""

from __future__ import annotations

from hamstring_gui.core.figure.roles import Role


def test_the_working_leg_has_a_near_and_a_far_role_apart_from_the_body() -> None:
    names = {role.value for role in Role}
    assert len(names) == len(Role)
    assert {"work", "work-far", "body", "body-far", "partner", "cue", "label"} <= names
