"""The stretch library: every stretch, move and self-test the app can guide.

Written from the seed articles into ``resources/catalog/stretches.toml``;
defaults follow the research summary (30 s holds, 3 reps, alternate legs).
Loading validates every field and fails with a message naming file, entry,
field and problem, so a broken library never reaches the screen.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from hamstring_gui.core import assets
from hamstring_gui.core.datafile import DataError, Record, parse_toml
from hamstring_gui.core.holds import HOLD_RANGE

CATALOG_RESOURCE = "catalog/stretches.toml"


class Kind(StrEnum):
    """What sort of exercise an entry is; decides how a plan expands it."""

    STATIC = "static"
    PNF = "pnf"
    DYNAMIC = "dynamic"
    WARMUP = "warmup"
    YOGA = "yoga"
    FOAM_ROLL = "foam-roll"
    SELF_TEST = "self-test"

    @property
    def is_timed_move(self) -> bool:
        """Moves are done for a time, not held still."""
        return self in (Kind.DYNAMIC, Kind.WARMUP, Kind.FOAM_ROLL)


class Position(StrEnum):
    """Where the body is: what a user needs around them."""

    LYING = "lying"
    FLOOR_SEATED = "floor-seated"
    CHAIR = "chair"
    STANDING = "standing"
    HANDS_AND_FEET = "hands-and-feet"


class Equipment(StrEnum):
    """Props a stretch needs."""

    NONE = "none"
    TOWEL_OR_STRAP = "towel-or-strap"
    WALL = "wall"
    CHAIR = "chair"
    TABLE = "table"
    PARTNER = "partner"
    FOAM_ROLLER = "foam-roller"
    STOOL = "stool"


class Sides(StrEnum):
    """One leg at a time (done on each leg) or both legs together."""

    EACH = "each"
    BOTH = "both"


CUE_KEYS: Mapping[Kind, frozenset[str]] = {
    Kind.STATIC: frozenset({"prepare", "hold"}),
    Kind.YOGA: frozenset({"prepare", "hold"}),
    Kind.SELF_TEST: frozenset({"prepare", "hold"}),
    Kind.PNF: frozenset({"prepare", "hold", "contract", "relax"}),
    Kind.DYNAMIC: frozenset({"prepare", "move"}),
    Kind.WARMUP: frozenset({"prepare", "move"}),
    Kind.FOAM_ROLL: frozenset({"prepare", "move"}),
}


@dataclass(frozen=True)
class Source:
    """A seed article an entry was written from."""

    file: str
    title: str


@dataclass(frozen=True)
class Stretch:
    """One entry of the library.

    ``hold_seconds`` is the hold per rep for static and yoga entries, the first
    stretch before the push for PNF, the length of one set for moves, and the
    end-range hold of a self-test. ``reps`` is reps, PNF cycles or sets.
    """

    id: str
    name: str
    kind: Kind
    position: Position
    equipment: tuple[Equipment, ...]
    sides: Sides
    hold_seconds: int
    reps: int
    summary: str
    steps: tuple[str, ...]
    cues: Mapping[str, str]
    cautions: tuple[str, ...]
    back_pain_caution: bool
    sources: tuple[Source, ...]
    disagreement: str | None = None

    def cue(self, phase_kind: str) -> str:
        """The short on-screen line for a phase kind, or the hold cue as a fallback."""
        return self.cues.get(phase_kind) or self.cues.get("hold") or self.cues["prepare"]

    def back_caution_reason(self) -> str:
        """Why a stretch is not for a sore back: its first caution (the library puts it first)."""
        return self.cautions[0]

    def needs(self) -> frozenset[Equipment]:
        """Equipment required, without the ``none`` marker."""
        return frozenset(self.equipment) - {Equipment.NONE}


class Catalog(Mapping[str, Stretch]):
    """The library by id, in file order."""

    def __init__(self, stretches: list[Stretch]) -> None:
        self._by_id = {stretch.id: stretch for stretch in stretches}

    def __getitem__(self, stretch_id: str) -> Stretch:
        return self._by_id[stretch_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


_FIELDS = {
    "id",
    "name",
    "kind",
    "position",
    "equipment",
    "sides",
    "hold_seconds",
    "reps",
    "summary",
    "steps",
    "cues",
    "cautions",
    "back_pain_caution",
    "disagreement",
    "sources",
}


def _read_stretch(data: object, file: str, number: int) -> Stretch:
    label = data.get("id") if isinstance(data, Mapping) else None
    entry = str(label) if isinstance(label, str) else f"#{number}"
    record = Record(data, file, entry, _FIELDS)
    kind = record.choice("kind", Kind)
    equipment = record.choices("equipment", Equipment)
    if Equipment.NONE in equipment and len(equipment) > 1:
        raise record.fail("equipment", "'none' cannot be combined with other equipment")
    cues_data = record.data.get("cues")
    if not isinstance(cues_data, Mapping):
        raise record.fail("cues", "missing or not a table of phase cues")
    expected = CUE_KEYS[kind]
    if set(cues_data) != expected:
        raise record.fail(
            "cues", f"a {kind} entry needs exactly these cues: {', '.join(sorted(expected))}"
        )
    cues_record = Record(cues_data, file, entry, set(expected))
    cues = {key: cues_record.text(key, max_len=60) for key in sorted(expected)}
    sources = []
    for source_data in record.table_list("sources", max_items=10):
        source = Record(source_data, file, entry, {"file", "title"})
        sources.append(Source(source.text("file"), source.text("title")))
    hold_seconds = record.integer("hold_seconds", 5, 120)
    if kind in (Kind.STATIC, Kind.YOGA) and not HOLD_RANGE[0] <= hold_seconds <= HOLD_RANGE[1]:
        raise record.fail(
            "hold_seconds",
            f"a static hold is {HOLD_RANGE[0]}..{HOLD_RANGE[1]} s, not {hold_seconds}",
        )
    return Stretch(
        id=record.identifier("id"),
        name=record.text("name", max_len=60),
        kind=kind,
        position=record.choice("position", Position),
        equipment=equipment,
        sides=record.choice("sides", Sides),
        hold_seconds=hold_seconds,
        reps=record.integer("reps", 1, 10),
        summary=record.text("summary", max_len=120),
        steps=record.text_list("steps", min_items=2, max_items=10),
        cues=cues,
        cautions=record.text_list("cautions", min_items=1, max_items=6),
        back_pain_caution=record.boolean("back_pain_caution", default=False),
        sources=tuple(sources),
        disagreement=record.text("disagreement") if record.has("disagreement") else None,
    )


def parse_catalog(text: str, file: str) -> Catalog:
    """Parse and validate library TOML text.

    Raises:
        DataError: naming file, entry, field and problem.
    """
    top = Record(parse_toml(text, file), file, None, {"schema", "stretch"})
    top.integer("schema", 1, 1)
    stretches: list[Stretch] = []
    seen: set[str] = set()
    for number, data in enumerate(top.table_list("stretch"), start=1):
        stretch = _read_stretch(data, file, number)
        if stretch.id in seen:
            raise DataError(file, "id used twice", stretch.id, "id")
        seen.add(stretch.id)
        stretches.append(stretch)
    return Catalog(stretches)


@cache
def load_catalog() -> Catalog:
    """Load the bundled stretch library (cached: it never changes while running)."""
    return parse_catalog(assets.read_text(CATALOG_RESOURCE), CATALOG_RESOURCE)
