"""Which step of a stretch's prose the user is on, phase by phase.

Plain Python: the session screen shows the step in bold and a screen reader
reads it; the rule lives here so it can be tested without a window.
"""

from __future__ import annotations

from hamstring_gui.core.catalog import Kind, Stretch
from hamstring_gui.core.plan import Phase, PhaseKind


def current_step(stretch: Stretch, phase: Phase, deeper: bool, fraction_done: float) -> int | None:
    """Which of a stretch's steps the user is on during ``phase``.

    Steps are prose, so this matches their words: the set-up steps are walked
    through during "Get ready", the last step that says "hold" during a hold
    (the first one for PNF's first stretch), "press"/"relax" during PNF
    pushes, and the last step (which says how to switch) during "Switch legs".
    """
    steps = [step.lower() for step in stretch.steps]

    def find(words: tuple[str, ...], *, last: bool = False) -> int | None:
        found = [
            i
            for i, step in enumerate(steps)
            if any(word in step for word in words) and "repeat" not in step
        ]
        if not found:
            return None
        return found[-1] if last else found[0]

    # Set-up steps can say "hold" too ("hold it behind the thigh"): the hold itself is
    # the last step that says so, but for PNF the first stretch comes before the pushes.
    first_pnf_stretch = stretch.kind is Kind.PNF and not deeper
    hold = find(("hold",), last=not first_pnf_stretch)
    if hold is None:
        hold = max(0, len(steps) - 2)
    match phase.kind:
        case PhaseKind.PREPARE:
            setup = max(1, hold)
            return min(setup - 1, int(fraction_done * setup))
        case PhaseKind.HOLD:
            return hold
        case PhaseKind.CONTRACT:
            return find(("press", "push")) if find(("press", "push")) is not None else hold
        case PhaseKind.RELAX:
            return find(("relax",)) if find(("relax",)) is not None else hold
        case PhaseKind.MOVE:
            return find(("repeat", "keep", "swing")) or max(0, len(steps) // 2)
        case PhaseKind.SWITCH:
            return len(steps) - 1
        case _:
            return None
