"""The person's proportions: one adult of 170 cm in every picture.

Bone lengths are kept in every pose and frame (the tests measure them);
radii give the drawn thickness and the volume that must not pass through
the floor, a prop or the partner.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from hamstring_gui.core.figure.vec import V3

# Bone lengths (cm). Standing with the feet flat: hips ~91 cm, shoulders ~142 cm.
LUMBAR = 20.0  # pelvis centre to waist
THORACIC = 30.0  # waist to the base of the neck
NECK = 9.0  # base of the neck to the base of the head
HEAD_UP = 10.0  # base of the head to the head's centre
HIP_HALF = 9.0  # pelvis centre to a hip joint
SHOULDER_HALF = 17.0  # neck base to a shoulder joint
SHOULDER_DROP = 3.0
THIGH = 42.0
SHIN = 40.0
UPPER_ARM = 30.0
FOREARM = 27.0
HAND = 8.0

# The foot in the frame (foot forward, up along the shin) from the ankle.
HEEL_BACK, TOE_FORWARD, BALL_FORWARD, SOLE_DOWN = 4.5, 15.0, 11.0, 5.0
ANKLE_HEIGHT = 8.6  # ankle above the floor with the foot flat (sole radius included)

# Drawn radii at each end of a bone (cm).
RADII: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "pelvis": (11.0, 11.0),
        "lumbar": (9.5, 10.5),
        "thoracic": (11.0, 12.0),
        "shoulders": (6.0, 6.0),
        "neck": (4.5, 4.5),
        "head": (10.5, 10.5),
        "thigh": (7.5, 5.5),
        "shin": (5.2, 3.8),
        "foot": (3.6, 2.6),
        "upper_arm": (4.6, 3.8),
        "forearm": (3.6, 2.8),
        "hand": (3.2, 2.6),
    }
)

BONES: Mapping[str, float] = MappingProxyType(
    {
        "lumbar": LUMBAR,
        "thoracic": THORACIC,
        "thigh": THIGH,
        "shin": SHIN,
        "upper_arm": UPPER_ARM,
        "forearm": FOREARM,
    }
)
"""Bones whose length every frame keeps (per side where there are two)."""

SIDES = ("r", "l")


def bone_ends(side: str) -> dict[str, tuple[str, str]]:
    """The named points at each end of a limb's bones, e.g. ``r_thigh``."""
    return {
        f"{side}_thigh": (f"{side}_hip", f"{side}_knee"),
        f"{side}_shin": (f"{side}_knee", f"{side}_ankle"),
        f"{side}_upper_arm": (f"{side}_shoulder", f"{side}_elbow"),
        f"{side}_forearm": (f"{side}_elbow", f"{side}_hand"),
    }


SPINE_ENDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"lumbar": ("pelvis", "waist"), "thoracic": ("waist", "chest")}
)


def all_bone_ends() -> dict[str, tuple[str, str]]:
    """Every measured bone by name: spine, then each side's limbs."""
    ends = dict(SPINE_ENDS)
    for side in SIDES:
        ends.update(bone_ends(side))
    return ends


def bone_length(name: str) -> float:
    """Length of the bone ``name`` (``r_thigh`` or ``lumbar``)."""
    return BONES[name.split("_", 1)[1] if name[:2] in ("r_", "l_") else name]


def side_sign(side: str) -> float:
    """+1 for the right side (``+z``), -1 for the left."""
    return 1.0 if side == "r" else -1.0


Points = dict[str, V3]
