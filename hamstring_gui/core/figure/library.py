"""The figures of all stretches, loaded once from ``resources/poses/<id>.toml``.

Every file is a 3D pose file (``schema = 2``, :mod:`.posefile`).
"""

from __future__ import annotations

from functools import cache

from hamstring_gui.core import assets
from hamstring_gui.core.datafile import parse_toml
from hamstring_gui.core.figure.camera import VIEWS
from hamstring_gui.core.figure.pose import Arm, Leg, Pose, Trunk, solve
from hamstring_gui.core.figure.posefile import PoseFile, parse_pose_file
from hamstring_gui.core.figure.scene import Moment, Scene, compose
from hamstring_gui.core.figure.stretch import StretchFigure, from_pose_file

POSES_FOLDER = "poses"


def pose_file_name(stretch_id: str) -> str:
    """The asset path of a stretch's pose file."""
    return f"{POSES_FOLDER}/{stretch_id}.toml"


def is_3d(stretch_id: str) -> bool:
    """Whether the stretch's poses are authored in 3D (``schema = 2``)."""
    name = pose_file_name(stretch_id)
    return parse_toml(assets.read_text(name), name).get("schema") == 2


@cache
def pose_file(stretch_id: str) -> PoseFile:
    """The parsed 3D pose file of a stretch (cached)."""
    name = pose_file_name(stretch_id)
    return parse_pose_file(assets.read_text(name), name)


def pose_contacts(stretch_id: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """The contacts each key pose of a 3D stretch names (none for a 2D one)."""
    if not is_3d(stretch_id):
        return {}
    return {name: key.contacts for name, key in pose_file(stretch_id).poses.items() if key.contacts}


@cache
def load_figure(stretch_id: str) -> StretchFigure:
    """The figure of a stretch (cached)."""
    from hamstring_gui.core.catalog import Sides, load_catalog

    both = load_catalog()[stretch_id].sides is Sides.BOTH
    return from_pose_file(stretch_id, pose_file(stretch_id), both)


STANDING = Pose(
    Trunk((0.0, 93.1, 0.0), thoracic=4.0),  # feet just on the floor, not in it
    {
        "r": Leg(flex=2.0, knee=3.0, ankle=1.0, abduct=3.0),
        "l": Leg(flex=-2.0, knee=3.0, ankle=-2.0, abduct=3.0),
    },
    {"r": Arm(flex=4.0, abduct=8.0, elbow=12.0), "l": Arm(flex=-4.0, abduct=8.0, elbow=14.0)},
)
"""A calm, relaxed standing figure: the picture between stretches."""


@cache
def rest_scene() -> Scene:
    """The standing figure shown between stretches: nothing highlighted."""
    return compose(Moment(solve(STANDING)), (), VIEWS["side"], None, highlight=False)
