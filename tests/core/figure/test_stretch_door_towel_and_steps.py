"""What the doorway, PNF towel, walking lunge and walking-in-place pictures must show.

The general promises (bones, limits, floor, props, contacts) are checked for
every 3D stretch in ``test_stretch.py``; these pin what each picture's steps
insist on and what the review of issue 19 found wrong, so a later edit cannot
quietly draw it again.
"""

from __future__ import annotations

import math

from hamstring_gui.core.figure.collide import Box
from hamstring_gui.core.figure.library import load_figure
from hamstring_gui.core.figure.props import solids
from hamstring_gui.core.plan import PhaseKind


def test_the_doorway_shows_its_opening_with_the_floor_leg_through_it_and_the_hips_close() -> None:
    # Review: drawn almost edge-on the frame read as a pole, and the hips lay a
    # thigh-length from it with the leg at about 50 degrees, not "buttocks close".
    figure = load_figure("doorway-wall-stretch")
    (door,) = [p for p in figure.props if p.kind == "door"]
    far, near = sorted(
        (s for s in solids(door) if isinstance(s, Box) and s.high[1] - s.low[1] > 100),
        key=lambda s: s.low[2],
    )  # the two posts: the far one across the opening, the near one beside the right leg
    x = door.num("x", 0.0)
    body = figure.moment(PhaseKind.HOLD, 1.0).body
    hip, heel, floor_heel = body["r_hip"], body["r_heel"], body["l_heel"]
    # Buttocks close to the frame, the raised leg steep (the stiff-adult limit is
    # held by test_stretch's limits test).
    assert x - hip[0] <= 40
    assert math.degrees(math.atan2(heel[1] - hip[1], heel[0] - hip[0])) >= 65
    # The raised heel rests on the near post's face that looks towards the head.
    assert near.low[2] <= heel[2] <= near.high[2] and heel[0] < x
    # The floor leg runs through the opening, out beyond the frame.
    assert floor_heel[0] > x + 12 and far.high[2] < floor_heel[2] < near.low[2]
    assert floor_heel[1] < 8
    # Seen from the head's side (the heel's post face turned to the camera), and
    # the opening drawn wide: between the posts' inner edges on screen at least a
    # third of the body's length, with the floor heel seen between them.
    camera = figure.camera
    assert camera.axes()[2][0] < 0

    def u(p: tuple[float, float, float]) -> float:
        return camera.project(p)[0][0]

    def edges(post: Box) -> list[float]:
        return [
            u((px, 0.0, pz))
            for px in (post.low[0], post.high[0])
            for pz in (post.low[2], post.high[2])
        ]

    left, right = sorted((edges(far), edges(near)), key=min)
    opening = (max(left), min(right))
    body_length = abs(u(body["head"]) - u(floor_heel))
    assert opening[1] - opening[0] >= body_length / 3
    assert opening[0] < u(floor_heel) < opening[1]
