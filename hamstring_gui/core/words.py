"""The user's words and number formats, in one place for every screen, the CLI and the tray.

Catalog values, phases and sides in words, and ``m:ss`` times: the banner,
the session screen, the summary, the editor and the command line all say
them the same way, and translation has one module to hook into.
"""

from __future__ import annotations

from hamstring_gui.core.catalog import Equipment, Kind, Position
from hamstring_gui.core.plan import Phase, PhaseKind, Side

POSITION_WORDS = {
    Position.LYING: "Lying",
    Position.FLOOR_SEATED: "Seated on the floor",
    Position.CHAIR: "Chair",
    Position.STANDING: "Standing",
}
EQUIPMENT_WORDS = {
    Equipment.NONE: "Nothing",
    Equipment.TOWEL_OR_STRAP: "Towel or strap",
    Equipment.WALL: "Wall",
    Equipment.CHAIR: "Chair",
    Equipment.TABLE: "Table",
    Equipment.PARTNER: "Partner",
    Equipment.FOAM_ROLLER: "Foam roller",
    Equipment.STOOL: "Stool",
}
KIND_WORDS = {
    Kind.STATIC: "Static hold",
    Kind.PNF: "PNF (push, relax)",
    Kind.DYNAMIC: "Dynamic move",
    Kind.WARMUP: "Warm-up",
    Kind.YOGA: "Yoga",
    Kind.FOAM_ROLL: "Foam rolling",
    Kind.SELF_TEST: "Self-test",
}

PHASE_WORDS = {
    PhaseKind.PREPARE: "Get ready",
    PhaseKind.HOLD: "Hold",
    PhaseKind.CONTRACT: "Push gently",
    PhaseKind.RELAX: "Relax and go deeper",
    PhaseKind.SWITCH: "Switch legs",
    PhaseKind.REST: "Rest",
    PhaseKind.MOVE: "Move",
}


def side_words(side: Side | None) -> str:
    """'left leg', 'right leg' or 'both legs'."""
    return f"{side} leg" if side else "both legs"


def banner_text(phase: Phase) -> str:
    """The phase in words, as the banner shows it.

    Hold and move name the leg (``Hold — left leg``); the other phases are
    short instructions (``Switch legs``, ``Push gently``).
    """
    words = PHASE_WORDS[phase.kind]
    if phase.kind in (PhaseKind.HOLD, PhaseKind.MOVE) and phase.stretch is not None:
        return f"{words} — {side_words(phase.side)}"
    return words


def format_seconds(seconds: float) -> str:
    """``m:ss`` for a number of seconds (never negative)."""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


def format_minutes(seconds: float) -> str:
    """A routine length in words: ``5 min`` (``40 s`` when under a minute)."""
    if seconds < 60:
        return f"{int(seconds)} s"
    return f"{max(1, round(seconds / 60))} min"
