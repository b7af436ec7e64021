"""What a drawn shape is, which decides its colour (``ui/palette.py``)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a shape is, which decides its colour."""

    FLOOR = "floor"
    GHOST = "ghost"  # the start pose, faint behind a small hinge's held pose
    PROP = "prop"
    PROP_FILL = "prop-fill"
    SOFT = "soft"  # a foam roller or a folded towel: not wood
    WALL = "wall"
    STRAP = "strap"
    PARTNER = "partner"
    BODY = "body"
    BODY_FAR = "body-far"
    ARM = "arm"
    WORK = "work"
    WORK_FAR = "work-far"
    CUE = "cue"
    LABEL = "label"
