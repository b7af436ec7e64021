"""The settings schema: every preference with its default, bounds and hint, declared once.

The plan, the settings store and the preferences dialog all read these
dataclasses; a field's bounds live next to its default in the field metadata
(see :func:`bounded`), so validation and spin boxes can never disagree.
Defaults follow the research summary: 30 s holds, 3 reps per leg, ~10 s rests.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Bound:
    """The range and wording of one numeric setting."""

    minimum: int
    maximum: int
    label: str
    hint: str = ""
    unit: str = "s"

    def clamp(self, value: int) -> int:
        """Bring ``value`` inside the range."""
        return max(self.minimum, min(self.maximum, value))


def bounded(
    default: int, minimum: int, maximum: int, label: str, hint: str = "", unit: str = "s"
) -> Any:
    """Declare an integer setting with its bounds beside its default."""
    return field(default=default, metadata={"bound": Bound(minimum, maximum, label, hint, unit)})


def bound_of(settings_type: type, name: str) -> Bound:
    """The :class:`Bound` declared for field ``name`` of a settings dataclass."""
    for item in dataclasses.fields(settings_type):
        if item.name == name:
            bound = item.metadata.get("bound")
            if isinstance(bound, Bound):
                return bound
    raise KeyError(name)


@dataclass(frozen=True)
class StretchOverride:
    """A user's own hold or reps for one stretch (``None`` keeps the general value)."""

    hold_seconds: int | None = None
    reps: int | None = None


@dataclass(frozen=True)
class SessionSettings:
    """How long and how often: what turns a routine into a timed plan."""

    hold_seconds: int = bounded(
        30, 10, 120, "Hold", "30 s works as well as 60 s for most adults; 45–60 s if 65 or older"
    )
    rest_seconds: int = bounded(
        10, 0, 120, "Rest between stretches", "Studies used about 10 s between stretches"
    )
    switch_seconds: int = bounded(5, 2, 30, "Switch legs", "Time to change to the other leg")
    prepare_seconds: int = bounded(5, 0, 30, "Get ready", "Time to get into position")
    reps: int = bounded(
        3, 1, 10, "Repetitions per leg", "2–4 reps, about 60–90 s per leg in all", unit=""
    )
    contract_seconds: int = bounded(5, 3, 10, "PNF push", "3, 6 and 10 s pushes work equally well")
    relax_seconds: int = bounded(3, 1, 10, "PNF relax", "A short breath out before going deeper")
    deeper_hold_seconds: int = bounded(
        20, 10, 60, "PNF deeper hold", "Hold the new, deeper position 20–30 s"
    )
    warm_up: bool = True
    overrides: Mapping[str, StretchOverride] = field(default_factory=dict)

    def hold_for(self, stretch_id: str) -> int | None:
        """The user's own hold for a stretch, if they set one."""
        override = self.overrides.get(stretch_id)
        return override.hold_seconds if override else None

    def reps_for(self, stretch_id: str) -> int | None:
        """The user's own reps for a stretch, if they set one."""
        override = self.overrides.get(stretch_id)
        return override.reps if override else None
