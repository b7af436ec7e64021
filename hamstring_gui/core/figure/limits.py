"""Anatomical joint limits of a stiff adult: what no picture may show.

The hip's flexion limit depends on the knee: the hamstrings span both
joints, so a straight knee stops the hip early. The defaults follow the
people this app is for (tight hamstrings): about 65 degrees with the knee
straight (a straight-leg raise lying down), about 90 degrees with the knee
20 degrees short of straight (the 90/90 test), and ~125 degrees with the
knee well bent.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

KNEE = (-3.0, 150.0)  # a few degrees of hyperextension at most
ELBOW = (-3.0, 150.0)
ANKLE = (-50.0, 38.0)  # plantar flexion .. dorsiflexion (weight-bearing, knee bent)
HIP_ABDUCTION = (-20.0, 50.0)
HIP_TURN = (-40.0, 50.0)  # internal .. external rotation
HIP_EXTENSION = -25.0
LUMBAR = (-20.0, 45.0)  # extension .. flexion
THORACIC = (-10.0, 40.0)
NECK = (-40.0, 45.0)
SHOULDER_FLEX = (-50.0, 180.0)
SHOULDER_ABDUCTION = (-30.0, 180.0)

STRAIGHT_KNEE_HIP = 68.0
"""Hip flexion reached with the knee straight (tight hamstrings, lying)."""
PER_KNEE_DEGREE = 1.1
"""How much further the hip flexes per degree of knee flexion."""
HIP_MAX = 125.0

RANGES: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "knee": KNEE,
        "elbow": ELBOW,
        "ankle": ANKLE,
        "hip_abduction": HIP_ABDUCTION,
        "hip_turn": HIP_TURN,
        "lumbar": LUMBAR,
        "thoracic": THORACIC,
        "neck": NECK,
        "shoulder_flex": SHOULDER_FLEX,
        "shoulder_abduction": SHOULDER_ABDUCTION,
    }
)


def hip_flexion_limit(knee_flexion: float) -> float:
    """The most hip flexion the hamstrings allow at this knee flexion (degrees)."""
    return min(HIP_MAX, STRAIGHT_KNEE_HIP + PER_KNEE_DEGREE * max(0.0, knee_flexion))


def violations(angles: Mapping[str, float], tolerance: float = 0.5) -> list[str]:
    """Every joint of ``angles`` outside its range, as readable text (empty: all fine).

    Keys are ``<side>_<joint>`` (``r_knee``, ``l_hip_flex``) or spine names.
    """
    found = []
    for key, value in angles.items():
        joint = key[2:] if key[:2] in ("r_", "l_") else key
        if joint == "hip_flex":
            knee = angles.get(f"{key[:2]}knee", 0.0)
            low, high = HIP_EXTENSION, hip_flexion_limit(knee)
        elif joint in RANGES:
            low, high = RANGES[joint]
        else:
            continue
        if not low - tolerance <= value <= high + tolerance:
            found.append(f"{key} = {value:.1f} outside {low:.0f}..{high:.0f}")
    return found
