"""What became of each stretch of a session: the one counting rule.

A stretch counts as *done* only when its holds were held: at least
:data:`DONE_SHARE` of the planned time on every side it was planned for. A
stretch stopped a few seconds into its first hold was *started*, not done.
The end screen, ``hamstring-gui history --json`` and the History window all
read their words from :func:`judge` (through :func:`item_outcomes` and the
history's stored outcomes), so they can never tell different stories.

"Planned" is the plan as the user left it: a hold lengthened or shortened with
+/− during the session counts at its new length.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hamstring_gui.core.plan import Phase, PhaseKind, Plan

DONE_SHARE = 0.8
"""Share of the planned hold, on every side, that makes a stretch "done"."""

_EPSILON = 1e-6  # float seconds from the engine: 23.999999 of 30 is 80 %


class Status(StrEnum):
    """The fate of one routine item, most telling first when several apply."""

    HURT = "hurt"  # the user pressed "That hurts" during it
    DONE = "done"  # at least DONE_SHARE of the planned hold on every side
    STARTED = "started"  # some time held, not enough to count
    SKIPPED = "skipped"  # skipped before anything was held
    NOT_REACHED = "not-reached"  # the session ended before it


class SkipReason(StrEnum):
    """Why the user left a stretch out: the end screen says it back to them."""

    CHOSEN = "chosen"  # Skip (→) or "skip this stretch"
    HURT = "hurt"  # skipped after "That hurts"
    SORE_BACK = "sore-back"  # "Not for a sore back" skip


def works(phase: Phase) -> bool:
    """Phases whose time is the stretch itself: holds, PNF push and relax, and moves."""
    return phase.stretch is not None and (phase.kind.is_stretching or phase.kind is PhaseKind.MOVE)


def side_key(phase: Phase) -> str:
    """``left``, ``right`` or ``both``: how sides are keyed in summaries and history."""
    return str(phase.side) if phase.side else "both"


def side_done(held: float, planned: float) -> bool:
    """Whether ``held`` seconds are enough of ``planned`` (nothing planned: nothing owed)."""
    return planned <= 0 or held + _EPSILON >= DONE_SHARE * planned


def judge(
    planned: Mapping[str, float],
    held: Mapping[str, float],
    *,
    skipped: bool = False,
    hurt: bool = False,
) -> Status:
    """The status of one stretch from its planned and held seconds per side.

    Every side in ``planned`` must reach :data:`DONE_SHARE`; a side held but not
    planned (cannot happen from a plan) is ignored.
    """
    if hurt:
        return Status.HURT
    if planned and all(side_done(held.get(side, 0.0), want) for side, want in planned.items()):
        return Status.DONE
    if any(held.get(side, 0.0) > 0 for side in planned):
        return Status.STARTED
    if skipped:
        return Status.SKIPPED
    return Status.NOT_REACHED


@dataclass(frozen=True)
class ItemOutcome:
    """One routine item as it turned out."""

    item: int
    stretch: str
    status: Status
    planned: Mapping[str, float]
    held: Mapping[str, float]
    reason: SkipReason | None = None

    def to_json(self) -> dict[str, object]:
        """The shape ``history --json`` prints per stretch."""
        return {"stretch": self.stretch, "status": str(self.status)}


def planned_seconds(plan: Plan, durations: Sequence[float]) -> dict[int, dict[str, float]]:
    """Planned working seconds per item and side (``durations`` as changed by +/−)."""
    out: dict[int, dict[str, float]] = {}
    for index, phase in enumerate(plan.phases):
        if works(phase):
            sides = out.setdefault(phase.item, {})
            sides[side_key(phase)] = sides.get(side_key(phase), 0.0) + durations[index]
    return out


def item_outcomes(
    plan: Plan,
    durations: Sequence[float],
    held: Mapping[tuple[int, str], float],
    skipped: Iterable[int],
    hurt: Iterable[int],
    reasons: Mapping[int, SkipReason] | None = None,
) -> list[ItemOutcome]:
    """Every item of ``plan`` with its status, in routine order.

    Args:
        plan: the session's plan.
        durations: each phase's length as it ended up (hold changes included).
        held: seconds held per (item, side).
        skipped: indexes of phases the user skipped.
        hurt: indexes of phases during which the user pressed "That hurts".
        reasons: why an item was skipped, by item, when the UI knows.
    """
    planned = planned_seconds(plan, durations)
    skipped_items = {plan.phases[i].item for i in skipped if plan.phases[i].stretch}
    hurt_items = {plan.phases[i].item for i in hurt if plan.phases[i].stretch}
    stretch_of = {p.item: p.stretch for p in plan.phases if p.stretch}
    outcomes = []
    for item, stretch in stretch_of.items():
        want = planned.get(item, {})
        got = {side: held.get((item, side), 0.0) for side in want}
        status = judge(want, got, skipped=item in skipped_items, hurt=item in hurt_items)
        reason = (reasons or {}).get(item)
        if reason is None and item in hurt_items:
            reason = SkipReason.HURT
        if reason is None and item in skipped_items:
            reason = SkipReason.CHOSEN
        keep_reason = status is not Status.DONE and item in skipped_items | hurt_items
        outcomes.append(
            ItemOutcome(item, stretch, status, want, got, reason if keep_reason else None)
        )
    return outcomes
