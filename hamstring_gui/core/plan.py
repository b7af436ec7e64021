"""Turn a routine and the user's settings into a flat, timed list of phases.

A pure function: the same routine and settings always give the same plan.
Rules that keep sessions balanced and safe:

* a stretch done on each leg alternates legs rep by rep (left, switch,
  right, switch, left ...), and both legs get exactly the same hold;
* a PNF stretch does all its contract-relax cycles on one leg, then the
  other: first stretch, then per cycle push, relax, deeper hold;
* a rest separates two stretches, and the reps of a both-legs stretch.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from hamstring_gui.core.catalog import Catalog, Kind, Sides, Stretch
from hamstring_gui.core.routine import ItemSides, Routine, RoutineItem

if TYPE_CHECKING:  # the settings schema is only named here; history --json never loads it
    from hamstring_gui.core.settings import SessionSettings


class PhaseKind(StrEnum):
    """What the user does during a phase."""

    PREPARE = "prepare"
    HOLD = "hold"
    CONTRACT = "contract"
    RELAX = "relax"
    SWITCH = "switch"
    REST = "rest"
    MOVE = "move"

    @property
    def is_stretching(self) -> bool:
        """Phases that count as time stretched."""
        return self in (PhaseKind.HOLD, PhaseKind.CONTRACT, PhaseKind.RELAX)


class Side(StrEnum):
    """The leg being worked."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        """The opposite leg."""
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


@dataclass(frozen=True)
class Phase:
    """One timed step of a session.

    ``stretch`` is ``None`` only for the rest between two stretches; ``side``
    is ``None`` for both-legs work and rests; ``item`` is the index of the
    routine item (for "stretch k of n"); ``rep`` counts from 1 (0 for rests
    between stretches).
    """

    kind: PhaseKind
    stretch: str | None
    side: Side | None
    rep: int
    seconds: int
    item: int

    def to_json(self) -> dict[str, object]:
        """The CLI's JSON shape of a phase."""
        return {
            "kind": str(self.kind),
            "stretch": self.stretch,
            "side": str(self.side) if self.side else None,
            "rep": self.rep,
            "seconds": self.seconds,
        }


@dataclass(frozen=True)
class Plan:
    """The whole session, phase by phase."""

    routine: str
    phases: tuple[Phase, ...]
    item_count: int

    @property
    def total_seconds(self) -> int:
        """Length of the session as planned."""
        return sum(phase.seconds for phase in self.phases)

    def to_json(self) -> dict[str, object]:
        """The CLI's JSON shape of a plan."""
        return {
            "routine": self.routine,
            "total_seconds": self.total_seconds,
            "phases": [phase.to_json() for phase in self.phases],
        }


@dataclass(frozen=True)
class _Dose:
    """How much of a stretch a plan gives: resolved from catalog, routine and settings."""

    hold: int
    reps: int
    sides: tuple[Side, ...] | None  # None: both legs together


def _dose(stretch: Stretch, item: RoutineItem, settings: SessionSettings) -> _Dose:
    # Precedence: the user's own per-stretch override, then the routine item,
    # then the user's general preference (static holds and reps), then the
    # library default (moves, PNF first stretch, self-tests).
    takes_user_defaults = stretch.kind in (Kind.STATIC, Kind.YOGA)
    hold = (
        settings.hold_for(stretch.id)
        or item.hold_seconds
        or (settings.hold_seconds if takes_user_defaults else stretch.hold_seconds)
    )
    reps = (
        settings.reps_for(stretch.id)
        or item.reps
        or (settings.reps if takes_user_defaults else stretch.reps)
    )
    sides: tuple[Side, ...] | None
    if stretch.sides is Sides.BOTH:
        sides = None
    elif item.sides is ItemSides.LEFT:
        sides = (Side.LEFT,)
    elif item.sides is ItemSides.RIGHT:
        sides = (Side.RIGHT,)
    else:
        sides = (Side.LEFT, Side.RIGHT)
    return _Dose(hold, reps, sides)


def _expand_item(
    index: int, stretch: Stretch, dose: _Dose, settings: SessionSettings
) -> Iterator[Phase]:
    first_side = dose.sides[0] if dose.sides else None
    if settings.prepare_seconds:
        yield Phase(PhaseKind.PREPARE, stretch.id, first_side, 1, settings.prepare_seconds, index)
    work = PhaseKind.MOVE if stretch.kind.is_timed_move else PhaseKind.HOLD

    if stretch.kind is Kind.PNF:
        for number, side in enumerate(dose.sides or (None,)):
            if number:
                yield Phase(PhaseKind.SWITCH, stretch.id, side, 1, settings.switch_seconds, index)
            yield Phase(PhaseKind.HOLD, stretch.id, side, 1, dose.hold, index)
            for cycle in range(1, dose.reps + 1):
                yield Phase(
                    PhaseKind.CONTRACT, stretch.id, side, cycle, settings.contract_seconds, index
                )  # noqa: E501
                yield Phase(PhaseKind.RELAX, stretch.id, side, cycle, settings.relax_seconds, index)
                yield Phase(
                    PhaseKind.HOLD, stretch.id, side, cycle, settings.deeper_hold_seconds, index
                )  # noqa: E501
        return

    previous: Side | None = first_side
    for rep in range(1, dose.reps + 1):
        for side in dose.sides or (None,):
            if rep > 1 or side != first_side:
                if side != previous:
                    yield Phase(
                        PhaseKind.SWITCH, stretch.id, side, rep, settings.switch_seconds, index
                    )  # noqa: E501
                elif settings.rest_seconds:  # same leg (or both legs) again: a rest between reps
                    yield Phase(PhaseKind.REST, stretch.id, side, rep, settings.rest_seconds, index)
            yield Phase(work, stretch.id, side, rep, dose.hold, index)
            previous = side


def build_plan(routine: Routine, catalog: Catalog, settings: SessionSettings) -> Plan:
    """Expand ``routine`` into phases using ``settings``.

    Items marked ``warm_up`` are left out when the user turned the warm-up off.
    """
    items = [item for item in routine.items if settings.warm_up or not item.warm_up]
    phases: list[Phase] = []
    for index, item in enumerate(items):
        stretch = catalog[item.stretch]
        if index:
            rest = items[index - 1].rest_seconds
            rest = settings.rest_seconds if rest is None else rest
            if rest:
                phases.append(Phase(PhaseKind.REST, None, None, 0, rest, index - 1))
        phases.extend(_expand_item(index, stretch, _dose(stretch, item, settings), settings))
    return Plan(routine.id, tuple(phases), len(items))
