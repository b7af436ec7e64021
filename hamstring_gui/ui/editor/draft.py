"""The routine being edited, as immutable values, and the undo command that swaps them.

The editor holds one :class:`EditorState` (a :class:`Draft` and the selected
row); every change is an :class:`EditCommand` on the window's ``QUndoStack``
that shows its ``after`` state on redo and its ``before`` state on undo.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QUndoCommand

from hamstring_gui.core import routine_store
from hamstring_gui.core.catalog import Catalog, Kind, Stretch
from hamstring_gui.core.i18n import _, pgettext
from hamstring_gui.core.plan import PhaseKind, build_plan
from hamstring_gui.core.routine import Routine, RoutineItem, builtin_routines
from hamstring_gui.core.settings import SessionSettings

# Undo merge ids: typing in one field (or spinning one value) is one undo step.
MERGE_NAME, MERGE_DESCRIPTION, MERGE_ITEM = 1, 2, 3


@dataclass(frozen=True)
class Draft:
    """What the editor holds: everything a routine file says except its id."""

    name: str = ""
    description: str = ""
    items: tuple[RoutineItem, ...] = ()


@dataclass(frozen=True)
class EditorState:
    """A draft and the routine item selected in it (-1 for none)."""

    draft: Draft
    row: int


@dataclass(frozen=True)
class Dose:
    """How much of a stretch a routine item gives, as the session will run it."""

    hold: int
    reps: int
    rest_after: int


def dose_words(stretch: Stretch) -> tuple[str, str]:
    """The names of the two numbers of a stretch's dose ("Hold", "Reps" and kin)."""
    if stretch.kind is Kind.PNF:
        return _("First hold"), _("Push cycles")
    if stretch.kind.is_timed_move:
        return _("Set length"), _("Sets")
    return pgettext("dose", "Hold"), _("Reps")


def dose_of(item: RoutineItem, catalog: Catalog, settings: SessionSettings) -> Dose:
    """What ``item`` gives, from a one-item plan: exactly what a session runs."""
    plan = build_plan(
        Routine("item", "item", "", (item,)),
        catalog,
        dataclasses.replace(settings, warm_up=True),
    )
    stretch = catalog[item.stretch]
    if stretch.kind is Kind.PNF:
        hold = next(phase.seconds for phase in plan.phases if phase.kind is PhaseKind.HOLD)
        reps = max((p.rep for p in plan.phases if p.kind is PhaseKind.CONTRACT), default=0)
    else:
        work = [p for p in plan.phases if p.kind in (PhaseKind.HOLD, PhaseKind.MOVE)]
        hold, reps = work[0].seconds, max(phase.rep for phase in work)
    rest = settings.rest_seconds if item.rest_seconds is None else item.rest_seconds
    return Dose(hold, reps, rest)


def taken_ids(folder: Path) -> set[str]:
    """Ids a new routine must not take: the built-ins' and every file's in ``folder``."""
    taken = set(builtin_routines())
    if folder.is_dir():
        # Broken files too: a new routine must never take a file's name.
        taken |= {
            path.name.removesuffix(routine_store.SUFFIX)
            for path in folder.glob(f"*{routine_store.SUFFIX}")
        }
    return taken


class EditCommand(QUndoCommand):
    """One change to the draft: redo shows ``after``, undo shows ``before``.

    Two commands with the same ``merge`` key in a row become one undo step.
    """

    def __init__(
        self,
        show: Callable[[EditorState], None],
        text: str,
        before: EditorState,
        after: EditorState,
        merge: tuple[int, object] | None,
    ) -> None:
        super().__init__(text)
        self._show = show
        self.before = before
        self.after = after
        self._merge = merge

    def id(self) -> int:  # noqa: D102 - Qt API
        return self._merge[0] if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802, D102 - Qt API
        if not isinstance(other, EditCommand) or other._merge != self._merge:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:  # noqa: D102 - Qt API
        self._show(self.after)

    def undo(self) -> None:  # noqa: D102 - Qt API
        self._show(self.before)
