"""Every geometric promise of a 3D stretch, checked over its frames.

Used by the tests and by authors (``python -m hamstring_gui.core.figure.checks
ID``): bone lengths constant, joints within anatomical limits, nothing below
the floor or inside a prop or the partner, the trunk never inside the thighs,
and the contacts each key pose names (``r_heel:floor``, ``pelvis:chair``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence

from hamstring_gui.core.figure import skeleton as sk
from hamstring_gui.core.figure.collide import capsule_depth, capsule_gap, point_segment
from hamstring_gui.core.figure.limits import violations
from hamstring_gui.core.figure.pose import joint_angles
from hamstring_gui.core.figure.posefile import PoseFile, contact_radius
from hamstring_gui.core.figure.props import primitives, solids, towel_loop
from hamstring_gui.core.figure.scene import Moment, body_capsules
from hamstring_gui.core.figure.shapes import Band, Capsule
from hamstring_gui.core.figure.stretch import StretchFigure, lowest
from hamstring_gui.core.figure.vec import add, dist, lerp
from hamstring_gui.core.plan import PhaseKind

STEPS = 12
TOLERANCE = 1.0  # cm a capsule may sink into a solid (soft tissue on a seat)
HOLDING = ("hand", "forearm")  # a partner's hands hold the person: they touch by design
SELF_GAP = -4.0  # trunk against thighs: soft tissue presses a little, never passes through


def frames(figure: StretchFigure, steps: int = STEPS) -> Iterator[tuple[str, Moment]]:
    """Key moments and the in-between moments every phase can show, with a label."""
    for i, moment in enumerate(figure.key_moments()):
        yield f"key {i}", moment
    for kind in (PhaseKind.PREPARE, PhaseKind.RELAX, PhaseKind.MOVE):
        for i in range(steps + 1):
            yield f"{kind} {i}/{steps}", figure.moment(kind, i / steps)


def moment_problems(figure: StretchFigure, moment: Moment) -> list[str]:
    """What is wrong with one moment (empty when nothing is)."""
    found: list[str] = []
    bodies = [("", moment.body)] + ([("partner ", moment.partner)] if moment.partner else [])
    for who, body in bodies:
        for name, (a, b) in sk.all_bone_ends().items():
            if abs(dist(body[a], body[b]) - sk.bone_length(name)) > 1e-6:
                found.append(f"{who}{name} changed length")
        found += [who + v for v in violations(joint_angles(body))]
        caps = body_capsules(body)
        for name, c in caps:
            for prop in figure.props:
                for solid in solids(prop):
                    depth = capsule_depth(c.a, c.b, max(c.ra, c.rb), solid)
                    if depth > TOLERANCE:
                        found.append(f"{who}{name} {depth:.1f} cm inside the {prop.kind}")
        chest = next(c for n, c in caps if n == "thoracic")
        for name, thigh in caps:
            if name.endswith("_thigh"):  # the part of the thigh away from the hip joint
                lower = lerp(thigh.a, thigh.b, 0.4)
                if capsule_gap(chest.a, chest.b, chest.rb, lower, thigh.b, thigh.rb) < SELF_GAP:
                    found.append(f"{who}trunk passes through the {name}")
    if lowest(moment) > 0.3:
        found.append(f"{lowest(moment):.1f} cm below the floor")
    if moment.partner is not None:
        mine = body_capsules(moment.body)
        for pname, p in body_capsules(moment.partner):
            if pname.endswith(HOLDING):
                continue
            for name, c in mine:
                gap = capsule_gap(p.a, p.b, max(p.ra, p.rb), c.a, c.b, max(c.ra, c.rb))
                if gap < -TOLERANCE:
                    found.append(f"partner {pname} overlaps {name} by {-gap:.1f} cm")
    return found


def caps_of(moment: Moment) -> list[tuple[str, Capsule]]:
    """The person's capsules (where a towel's loop must lie)."""
    return body_capsules(moment.body)


def contact_problems(
    figure: StretchFigure, pose: str, contacts: Sequence[tuple[str, str]]
) -> list[str]:
    """Contacts a key pose names that do not hold (a gap of more than 2 cm)."""
    moment = figure.named(pose)
    found = []
    for point, what in contacts:
        p = moment.body[point]
        radius = contact_radius(point)
        if what == "floor":
            gap = p[1] - radius
        elif what in ("towel", "strap"):
            # The hand holds an end of the band, and the band's loop lies on the body.
            held = [prop for prop in figure.props if prop.kind == what]
            bands = [b for prop in held for b in primitives(prop, moment.body)]
            gap = min((dist(p, b.points[0]) for b in bands if isinstance(b, Band)), default=99.0)
            loops = [towel_loop(prop, moment.body) for prop in held]
            limb = min(
                (
                    point_segment(q, c.a, c.b) - max(c.ra, c.rb)
                    for q in loops
                    for _, c in caps_of(moment)
                ),
                default=99.0,
            )
            gap = max(gap, abs(limb))
        elif what.startswith("subject.") and moment.partner is not None:
            gap = dist(p, moment.partner[what.removeprefix("subject.")]) - radius
        else:
            kinds = [prop for prop in figure.props if prop.kind == what]
            if not kinds:
                found.append(f"{pose}: {point} touches a missing {what}")
                continue
            gap = min(s.distance(p) for prop in kinds for s in solids(prop)) - radius
        if abs(gap) > 2.0:
            found.append(f"{pose}: {point} is {gap:.1f} cm from the {what}")
    return found


def reach_problems(figure: StretchFigure, data: PoseFile) -> list[str]:
    """Hands and feet that do not get to what they hold in a key pose (more than 2 cm off)."""
    found = []
    for name, key in data.poses.items():
        moment = figure.named(name)
        for who, pose, body, other in (
            ("", key.pose, moment.body, None),
            ("partner ", key.partner, moment.partner, moment.body),
        ):
            if pose is None or body is None:
                continue
            for limb, reach in pose.reaches.items():
                end = body[f"{limb[0]}_{'ankle' if limb.endswith('leg') else 'hand'}"]
                if reach.point.startswith("subject.") and other is not None:
                    target = other[reach.point.removeprefix("subject.")]
                elif reach.point:
                    target = body[reach.point]
                else:
                    target = (0.0, 0.0, 0.0)
                root = body[f"{limb[0]}_{'hip' if limb.endswith('leg') else 'shoulder'}"]
                goal = lerp(root, add(target, reach.offset), reach.along)
                if dist(end, goal) > 2.0:
                    found.append(f"{name}: {who}{limb} is {dist(end, goal):.0f} cm short")
    return found


def problems(figure: StretchFigure, contacts: Mapping[str, Sequence[tuple[str, str]]]) -> list[str]:
    """Everything wrong with a figure over all its frames; ``contacts`` by pose name."""
    found: list[str] = []
    for label, moment in frames(figure):
        found += [f"{label}: {p}" for p in moment_problems(figure, moment)]
    for pose, items in contacts.items():
        found += contact_problems(figure, pose, items)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Print the problems of the named 3D stretches (exit status 1 if any)."""
    from hamstring_gui.core.figure.library import load_figure, pose_contacts, pose_file

    bad = 0
    for stretch_id in argv if argv is not None else sys.argv[1:]:
        figure = load_figure(stretch_id)
        found = problems(figure, pose_contacts(stretch_id))
        found += reach_problems(figure, pose_file(stretch_id))
        for line in dict.fromkeys(found):
            print(f"{stretch_id}: {line}")
        bad += bool(found)
        if not found:
            print(f"{stretch_id}: ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
