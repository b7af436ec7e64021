"""The checks themselves: they catch what they promise to catch."""

from __future__ import annotations

from hamstring_gui.core.figure import checks
from hamstring_gui.core.figure.library import load_figure, pose_file
from hamstring_gui.core.figure.pose import Body


def test_a_pelvis_sunk_into_the_seat_and_a_stretched_bone_are_reported() -> None:
    figure = load_figure("chair-stretch")
    moment = figure.named("tall")
    body = moment.body
    sunk = dict(body.points)
    for name in ("pelvis", "r_hip", "l_hip"):
        x, y, z = sunk[name]
        sunk[name] = (x, y - 8, z)
    found = checks.moment_problems(
        figure, moment._replace(body=Body(sunk, body.pelvis, body.chest))
    )
    assert any("inside the chair" in p for p in found)
    assert any("changed length" in p for p in found)


def test_a_contact_that_does_not_hold_is_reported() -> None:
    figure = load_figure("chair-stretch")
    assert checks.contact_problems(figure, "tall", [("head", "floor")])
    assert checks.contact_problems(figure, "tall", [("r_heel", "floor")]) == []


def test_frames_cover_key_poses_and_every_phase() -> None:
    labels = [label for label, _ in checks.frames(load_figure("supine-hand-towel"))]
    assert any(label.startswith("prepare") for label in labels)
    assert any(label.startswith("key") for label in labels)
    assert (
        checks.reach_problems(load_figure("supine-hand-towel"), pose_file("supine-hand-towel"))
        == []
    )
