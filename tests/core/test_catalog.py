"""The stretch library: complete, consistent with the evidence, and strictly validated."""

from __future__ import annotations

import re

import pytest

from hamstring_gui.core import assets
from hamstring_gui.core.catalog import (
    CATALOG_RESOURCE,
    CUE_KEYS,
    Equipment,
    Kind,
    Position,
    Sides,
    load_catalog,
    parse_catalog,
)
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.holds import HOLD_RANGE

REQUIRED_IDS = {
    "supine-hand-towel",
    "doorway-wall-stretch",
    "chair-stretch",
    "chair-stretch-elevated",
    "seated-toe-touch",
    "standing-toe-touch",
    "standing-toe-touch-crossed",
    "supine-extended-leg",
    "partner-resistance",
    "elevated-leg-standing",
    "hamstring-anchor",
    "seated-floor-stretch",
    "seated-floor-one-leg",
    "lying-90-knee",
    "partner-assisted",
    "knees-to-chest-one",
    "knees-to-chest-two",
    "towel-stretch",
    "standing-hamstring",
    "pnf-towel",
    "leg-swings",
    "walking-lunges",
    "high-kicks",
    "jumping-jacks",
    "jogging-in-place",
    "standing-knee-raises",
    "downward-dog",
    "standing-forward-bend",
    "reclining-hand-to-big-toe",
    "foam-roll-hamstrings",
    "foam-roll-lower-back",
    "ake-self-test",
}
SEED_FILES = {
    "000_7e9bb05011e412fe.txt",
    "001_3befbae52d3ec2c5.txt",
    "002_a6acad021850effc.txt",
    "003_c243b2f2cc6edc75.txt",
    "004_8147ceebbfd8906b.txt",
}

MINIMAL = """
schema = 1
[[stretch]]
id = "demo"
name = "Demo stretch"
kind = "static"
position = "lying"
equipment = ["none"]
sides = "each"
hold_seconds = 30
reps = 3
summary = "A demo."
steps = ["Lie down.", "Lift one leg."]
cues = { prepare = "Lie down", hold = "Breathe" }
cautions = ["Stop if it hurts."]
sources = [{ file = "000_7e9bb05011e412fe.txt", title = "Some title" }]
"""


def test_library_has_every_required_entry() -> None:
    catalog = load_catalog()
    assert set(catalog) >= REQUIRED_IDS


def test_every_entry_cites_a_seed_article() -> None:
    for stretch in load_catalog().values():
        assert stretch.sources, stretch.id
        assert {source.file for source in stretch.sources} <= SEED_FILES, stretch.id


def test_static_holds_follow_the_evidence() -> None:
    for stretch in load_catalog().values():
        if stretch.kind in (Kind.STATIC, Kind.YOGA):
            assert 15 <= stretch.hold_seconds <= 60, stretch.id


def test_toe_touches_carry_the_back_pain_caution_and_the_disagreement() -> None:
    catalog = load_catalog()
    for stretch_id in ("seated-toe-touch", "standing-toe-touch", "standing-toe-touch-crossed"):
        stretch = catalog[stretch_id]
        assert stretch.back_pain_caution
        assert stretch.disagreement and "003" in stretch.disagreement


def _user_visible_text() -> str:
    parts = []
    for stretch in load_catalog().values():
        parts += [stretch.name, stretch.summary, stretch.disagreement or ""]
        parts += [*stretch.steps, *stretch.cautions, *stretch.cues.values()]
    return "\n".join(parts).lower()


def test_nothing_claims_to_cure_back_pain() -> None:
    text = _user_visible_text()
    assert "hamstring" in text
    for claim in ("cure", "cures", "eliminates? back pain", "fix(es)? your back", "heals?"):
        assert not re.search(rf"\b{claim}\b", text), claim


def test_cues_match_the_kind() -> None:
    for stretch in load_catalog().values():
        assert set(stretch.cues) == CUE_KEYS[stretch.kind], stretch.id


def test_pnf_and_partner_entries_are_well_formed() -> None:
    catalog = load_catalog()
    assert catalog["pnf-towel"].kind is Kind.PNF
    assert Equipment.PARTNER in catalog["partner-resistance"].equipment
    assert catalog["ake-self-test"].kind is Kind.SELF_TEST
    assert catalog["ake-self-test"].sides is Sides.EACH


def test_minimal_file_parses() -> None:
    catalog = parse_catalog(MINIMAL, "demo.toml")
    assert catalog["demo"].cue("hold") == "Breathe"
    assert catalog["demo"].needs() == frozenset()


@pytest.mark.parametrize(
    ("old", "new", "entry", "field", "problem"),
    [
        ('kind = "static"', 'kind = "stretchy"', "demo", "kind", "not one of"),
        ("hold_seconds = 30", "hold_seconds = 900", "demo", "hold_seconds", "out of range"),
        ("hold_seconds = 30", 'hold_seconds = "30"', "demo", "hold_seconds", "whole number"),
        ("reps = 3", "reps = true", "demo", "reps", "whole number"),
        ('equipment = ["none"]', 'equipment = ["none", "wall"]', "demo", "equipment", "none"),
        ('equipment = ["none"]', "equipment = []", "demo", "equipment", "non-empty"),
        ('id = "demo"', 'id = "../etc"', "../etc", "id", "not a valid id"),
        ('summary = "A demo."', 'summary = ""', "demo", "summary", "empty"),
        ('summary = "A demo."', 'summary = "A demo."\ncolour = "red"', "demo", "colour", "unknown"),
        ('hold = "Breathe"', 'move = "Breathe"', "demo", "cues", "exactly these cues"),
        ('steps = ["Lie down.", "Lift one leg."]', 'steps = ["One."]', "demo", "steps", "needs"),
        ("sources = [", "sourcez = [", "demo", "sourcez", "unknown"),
    ],
)
def test_broken_entries_name_file_entry_field_and_problem(
    old: str, new: str, entry: str, field: str, problem: str
) -> None:
    assert old in MINIMAL
    with pytest.raises(DataError) as caught:
        parse_catalog(MINIMAL.replace(old, new, 1), "broken.toml")
    error = caught.value
    assert (error.file, error.entry, error.field) == ("broken.toml", entry, field)
    assert problem in error.problem
    assert str(error).startswith("broken.toml: ")


def test_not_toml_gives_line_and_column() -> None:
    with pytest.raises(DataError, match=r"broken\.toml: not valid TOML: .*line 2"):
        parse_catalog("schema = 1\n[[stretch]\n", "broken.toml")


def test_duplicate_ids_are_refused() -> None:
    body = MINIMAL.split("[[stretch]]")[1]
    with pytest.raises(DataError, match="id used twice"):
        parse_catalog(MINIMAL + "[[stretch]]" + body, "dup.toml")


def test_missing_field_is_named() -> None:
    with pytest.raises(DataError) as caught:
        parse_catalog(MINIMAL.replace("reps = 3\n", ""), "x.toml")
    assert caught.value.field == "reps"
    assert caught.value.problem == "missing"


def test_wrong_schema_version_is_refused() -> None:
    with pytest.raises(DataError, match="schema"):
        parse_catalog(MINIMAL.replace("schema = 1", "schema = 2"), "x.toml")


def test_deeply_nested_toml_is_a_clear_error_not_a_crash() -> None:
    with pytest.raises(DataError, match="nested too deeply"):
        parse_catalog("x = " + "[" * 2000 + "]" * 2000, "deep.toml")


# -- issue 20: the content audit ----------------------------------------------


def test_round_back_and_near_spine_entries_are_flagged_and_say_why_first() -> None:
    catalog = load_catalog()
    for stretch_id in ("foam-roll-lower-back", "knees-to-chest-one", "knees-to-chest-two"):
        stretch = catalog[stretch_id]
        assert stretch.back_pain_caution, stretch_id
        assert stretch.disagreement, stretch_id
    for stretch in catalog.values():
        if stretch.back_pain_caution:  # the first caution is the reason the app shows
            assert "back" in stretch.cautions[0].lower(), stretch.id


def test_foam_roll_lower_back_keeps_the_roller_beside_the_spine() -> None:
    stretch = load_catalog()["foam-roll-lower-back"]
    text = " ".join(stretch.steps).lower()
    assert "under your lower back" not in text and "from one side to the other" not in text
    assert "beside" in text and "never roll over the spine" in text
    cautions = " ".join(stretch.cautions).lower()
    assert "osteoporosis" in cautions and "recent back injury" in cautions


def test_downward_dog_is_on_hands_and_feet() -> None:
    assert load_catalog()["downward-dog"].position is Position.HANDS_AND_FEET


def test_no_stretch_works_one_leg_more_than_the_other() -> None:
    """A both-legs entry must not alternate feet: 3 reps swapping each time is 2:1."""
    for stretch in load_catalog().values():
        text = " ".join(stretch.steps).lower()
        if stretch.sides is Sides.BOTH:
            assert not re.search(r"swap (?:which foot|feet)", text), stretch.id
    assert load_catalog()["standing-toe-touch-crossed"].sides is Sides.EACH


def test_every_hold_range_in_the_library_is_the_app_range() -> None:
    low, high = HOLD_RANGE
    text = assets.read_text(CATALOG_RESOURCE)
    stated = re.findall(r"adjustable (?:from )?(\d+)(?: to |-)(\d+) s", text)
    assert stated, "the library states the hold range"
    assert {(int(a), int(b)) for a, b in stated} == {(low, high)}
    for stretch in load_catalog().values():
        if stretch.kind in (Kind.STATIC, Kind.YOGA):
            assert low <= stretch.hold_seconds <= high, stretch.id


def test_a_static_hold_outside_the_range_is_refused() -> None:
    text = MINIMAL.replace("hold_seconds = 30", f"hold_seconds = {HOLD_RANGE[1] + 1}")
    with pytest.raises(DataError, match="a static hold is"):
        parse_catalog(text, "x.toml")


def test_look_alike_pairs_differ_in_what_you_hold_and_where() -> None:
    catalog = load_catalog()
    towel, hands = catalog["supine-hand-towel"], catalog["supine-extended-leg"]
    assert towel.equipment == (Equipment.TOWEL_OR_STRAP,) and hands.equipment == (Equipment.NONE,)
    assert "towel" in towel.steps[1] and "no towel" in hands.steps[1]
    anchor, raised = catalog["hamstring-anchor"], catalog["elevated-leg-standing"]
    assert anchor.equipment == (Equipment.CHAIR,) and raised.equipment == (Equipment.TABLE,)
    assert "hands on your hips" in anchor.steps[1] and "hands" in raised.steps[2]


def test_seed_doses_the_app_changed_are_stated() -> None:
    catalog = load_catalog()
    for stretch_id in ("leg-swings", "walking-lunges", "high-kicks"):
        assert "2-3 sets" in (catalog[stretch_id].disagreement or ""), stretch_id
    for stretch_id in ("knees-to-chest-one", "knees-to-chest-two"):
        assert "several times daily" in (catalog[stretch_id].disagreement or ""), stretch_id


def test_every_entry_states_the_dose_the_app_chose() -> None:
    """Seeds give doses the app changed, or none; each entry says what the app does."""
    for stretch in load_catalog().values():
        assert stretch.disagreement, stretch.id
