"""Routines: an ordered list of stretches with optional per-item overrides.

Built-in routines and user routine files share one TOML format::

    id = "my-desk-break"
    name = "My desk break"
    description = "From my physio, March"
    [[items]]
    stretch = "chair-stretch"      # an id from `hamstring-gui stretches`
    hold_seconds = 40              # optional: overrides the user's hold
    reps = 2                       # optional
    sides = "each"                 # optional: each, left or right
    rest_seconds = 10              # optional: rest after this item
    warm_up = false                # optional: part of the skippable warm-up
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache

from hamstring_gui.core import assets, i18n
from hamstring_gui.core.catalog import (
    Catalog,
    Equipment,
    Position,
    Sides,
    Stretch,
    load_catalog,
)
from hamstring_gui.core.datafile import DataError, Record, parse_toml
from hamstring_gui.core.holds import HOLD_RANGE
from hamstring_gui.core.overlay import localized

BUILTIN_FOLDER = "routines"
MAX_ITEMS = 100
# What a routine file may set, inclusive (the editor offers the same ranges);
# HOLD_RANGE is the app's one hold range, from core.holds.
REPS_RANGE = (1, 10)
REST_RANGE = (0, 300)
NAME_MAX_LEN = 60
DESCRIPTION_MAX_LEN = 300


class ItemSides(StrEnum):
    """Which legs a routine item works: both (one after the other), or one only."""

    EACH = "each"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class RoutineItem:
    """One stretch in a routine, with what the routine changes about it."""

    stretch: str
    hold_seconds: int | None = None
    reps: int | None = None
    sides: ItemSides = ItemSides.EACH
    rest_seconds: int | None = None
    warm_up: bool = False


@dataclass(frozen=True)
class Routine:
    """A named sequence of stretches."""

    id: str
    name: str
    description: str
    items: tuple[RoutineItem, ...]
    builtin: bool = False

    def text_fields(self) -> dict[str, object]:
        """The words of this routine: what a language overlay translates (built-ins only)."""
        fields: dict[str, object] = {"name": self.name}
        if self.description:
            fields["description"] = self.description
        return fields

    def positions(self, catalog: Catalog) -> list[Position]:
        """Positions used, in order of first appearance."""
        return list(dict.fromkeys(catalog[item.stretch].position for item in self.items))

    def back_cautions(self, catalog: Catalog) -> list[Stretch]:
        """Stretches marked "not for a sore back", once each, in routine order."""
        found = dict.fromkeys(item.stretch for item in self.items)
        return [catalog[stretch] for stretch in found if catalog[stretch].back_pain_caution]

    def equipment(self, catalog: Catalog) -> list[Equipment]:
        """Equipment needed by any item, in order of first appearance."""
        found: dict[Equipment, None] = {}
        for item in self.items:
            for thing in catalog[item.stretch].equipment:
                if thing is not Equipment.NONE:
                    found[thing] = None
        return list(found)


_TOP = {"id", "name", "description", "items"}
_ITEM = {"stretch", "hold_seconds", "reps", "sides", "rest_seconds", "warm_up"}


def closest_id(wanted: str, known: list[str]) -> str | None:
    """The known id most like ``wanted``, for 'did you mean' messages."""
    import difflib  # only for a mistyped id; every start reads routines

    matches = difflib.get_close_matches(wanted, known, n=1, cutoff=0.5)
    return matches[0] if matches else None


def parse_routine(text: str, file: str, catalog: Catalog, *, builtin: bool = False) -> Routine:
    """Parse and validate a routine TOML text against the library.

    Raises:
        DataError: naming file, entry, field and problem.
    """
    top = Record(parse_toml(text, file), file, None, _TOP)
    routine_id = top.identifier("id")
    top.entry = routine_id
    items = []
    for number, data in enumerate(top.table_list("items", max_items=MAX_ITEMS), start=1):
        record = Record(data, file, f"{routine_id} item {number}", _ITEM)
        stretch_id = record.text("stretch", max_len=64)
        if stretch_id not in catalog:
            hint = closest_id(stretch_id, list(catalog))
            suggestion = f" (did you mean {hint!r}?)" if hint else ""
            raise record.fail("stretch", f"unknown stretch {stretch_id!r}{suggestion}")
        stretch = catalog[stretch_id]
        sides = record.choice("sides", ItemSides, default=ItemSides.EACH)
        if stretch.sides is Sides.BOTH and sides is not ItemSides.EACH:
            raise record.fail("sides", f"{stretch_id!r} works both legs together; use 'each'")
        items.append(
            RoutineItem(
                stretch=stretch_id,
                hold_seconds=record.integer("hold_seconds", *HOLD_RANGE)
                if record.has("hold_seconds")
                else None,  # noqa: E501
                reps=record.integer("reps", *REPS_RANGE) if record.has("reps") else None,
                sides=sides,
                rest_seconds=record.integer("rest_seconds", *REST_RANGE)
                if record.has("rest_seconds")
                else None,  # noqa: E501
                warm_up=record.boolean("warm_up", default=False),
            )
        )
    return Routine(
        id=routine_id,
        name=top.text("name", max_len=NAME_MAX_LEN),
        description=top.text("description", max_len=DESCRIPTION_MAX_LEN, default=" ").strip(),
        items=tuple(items),
        builtin=builtin,
    )


def builtin_routines() -> dict[str, Routine]:
    """The routines shipped with the app, by id, ordered by file name, in the language in use."""
    return _builtin_in(i18n.current().code)


@cache
def _builtin_in(language: str) -> dict[str, Routine]:
    result = {}
    for routine_id, routine in base_builtin_routines().items():
        words = localized("routines", routine_id, routine.text_fields(), language)
        result[routine_id] = replace(
            routine, name=str(words["name"]), description=str(words.get("description", ""))
        )
    return result


@cache
def base_builtin_routines() -> dict[str, Routine]:
    """The routines shipped with the app, by id, ordered by file name, in English as written."""
    catalog = load_catalog()
    routines: dict[str, Routine] = {}
    for name in assets.listdir(BUILTIN_FOLDER):
        if not name.endswith(".toml"):
            continue
        file = f"{BUILTIN_FOLDER}/{name}"
        routine = parse_routine(assets.read_text(file), file, catalog, builtin=True)
        if routine.id in routines:
            raise DataError(file, "id used twice", routine.id, "id")
        routines[routine.id] = routine
    return routines
