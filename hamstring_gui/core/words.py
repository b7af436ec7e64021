"""The user's words for catalog values, shared by every screen that shows them."""

from __future__ import annotations

from hamstring_gui.core.catalog import Equipment, Kind, Position

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
