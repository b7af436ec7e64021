"""Custom routine files: import, export, save, load, and every bad input refused cleanly."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.routine import (
    HOLD_RANGE,
    ItemSides,
    Routine,
    RoutineItem,
    builtin_routines,
    parse_routine,
)
from hamstring_gui.core.routine_store import (
    MAX_FILE_BYTES,
    RoutineExistsError,
    export_routine,
    import_routine,
    load_all,
    parse_routine_bytes,
    routine_to_toml,
    save_routine,
    suggest_id,
    write_routine_file,
)

CATALOG = load_catalog()
GOOD = """\
# From my physio
id = "my-desk-break"
name = "My desk break"
description = "From my physio, March"

[[items]]
stretch = "chair-stretch"
hold_seconds = 40
reps = 2

[[items]]
stretch = "standing-hamstring"
sides = "left"
rest_seconds = 0
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "routines"


def write(tmp_path: Path, text: str | bytes, name: str = "in.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


# -- good files -------------------------------------------------------------------


def test_import_copies_the_file_as_given_and_load_all_lists_it_after_the_builtins(
    tmp_path: Path, folder: Path
) -> None:
    routine = import_routine(write(tmp_path, GOOD), folder, CATALOG)
    assert routine.id == "my-desk-break" and not routine.builtin
    assert routine.items[0] == RoutineItem("chair-stretch", hold_seconds=40, reps=2)
    assert routine.items[1].sides is ItemSides.LEFT and routine.items[1].rest_seconds == 0
    assert (folder / "my-desk-break.toml").read_text(encoding="utf-8") == GOOD  # comments kept
    routines, problems = load_all(folder, CATALOG)
    assert problems == []
    assert list(routines)[: len(builtin_routines())] == list(builtin_routines())
    assert routines["my-desk-break"] == routine


@pytest.mark.parametrize("routine_id", list(builtin_routines()))
def test_builtin_export_import_round_trip(tmp_path: Path, folder: Path, routine_id: str) -> None:
    out = tmp_path / f"{routine_id}.toml"
    exported = export_routine(routine_id, out, folder, CATALOG)
    original = builtin_routines()[routine_id]
    assert exported == original
    text = out.read_text(encoding="utf-8")
    assert parse_routine(text, "x", CATALOG) == dataclasses.replace(original, builtin=False)
    # Its id is a built-in's: refused as it is ...
    with pytest.raises(DataError, match="built-in routine"):
        import_routine(out, folder, CATALOG)
    assert snapshot(folder) == {}
    # ... and imported once the sender gave it an id of its own.
    out.write_text(text.replace(f'id = "{routine_id}"', f'id = "my-{routine_id}"'), "utf-8")
    imported = import_routine(out, folder, CATALOG)
    assert imported == dataclasses.replace(original, id=f"my-{routine_id}", builtin=False)
    assert routine_to_toml(imported) == routine_to_toml(
        dataclasses.replace(original, id=imported.id)
    )  # noqa: E501


def test_routine_to_toml_round_trips_exactly_with_every_field_and_awkward_text() -> None:
    routine = Routine(
        "odd-text",
        'Quotes " and \\ back\tslash',
        "Line\none — ünïcödé \x7f \x01",
        (
            RoutineItem("chair-stretch", 15, 1, ItemSides.RIGHT, 0, True),
            RoutineItem("standing-hamstring", 60, 10, ItemSides.EACH, 300, False),
        ),
    )
    text = routine_to_toml(routine)
    again = parse_routine(text, "x", CATALOG)
    assert again == routine
    assert routine_to_toml(again) == text


def test_save_creates_the_folder_overwrites_atomically_and_loads_back(folder: Path) -> None:
    routine = Routine("mine", "Mine", "", (RoutineItem("chair-stretch", reps=2),))
    path = save_routine(routine, folder, CATALOG)
    assert path == folder / "mine.toml"
    assert load_all(folder, CATALOG)[0]["mine"] == routine
    changed = dataclasses.replace(routine, name="Mine, longer")
    save_routine(changed, folder, CATALOG)
    assert load_all(folder, CATALOG)[0]["mine"] == changed
    assert sorted(snapshot(folder)) == ["mine.toml"]  # no temp files left behind


def test_save_refuses_builtins_and_names_that_would_not_load_back(folder: Path) -> None:
    with pytest.raises(DataError, match="read-only"):
        save_routine(builtin_routines()["desk-break"], folder, CATALOG)
    desk = dataclasses.replace(builtin_routines()["desk-break"], builtin=False)
    with pytest.raises(DataError, match="read-only"):
        save_routine(desk, folder, CATALOG)
    with pytest.raises(DataError, match="load back"):
        save_routine(Routine("x", " padded ", "", (RoutineItem("chair-stretch"),)), folder, CATALOG)  # noqa: E501
    with pytest.raises(DataError, match="not a routine id"):
        save_routine(Routine("../x", "X", "", (RoutineItem("chair-stretch"),)), folder, CATALOG)
    with pytest.raises(DataError, match="'items': missing"):
        save_routine(Routine("empty", "Empty", "", ()), folder, CATALOG)
    assert snapshot(folder) == {}


def test_replace_keeps_a_backup(tmp_path: Path, folder: Path) -> None:
    import_routine(write(tmp_path, GOOD), folder, CATALOG)
    newer = GOOD.replace('name = "My desk break"', 'name = "My desk break v2"')
    with pytest.raises(RoutineExistsError, match="already exists"):
        import_routine(write(tmp_path, newer), folder, CATALOG)
    assert snapshot(folder) == {"my-desk-break.toml": GOOD.encode()}
    routine = import_routine(write(tmp_path, newer), folder, CATALOG, replace=True)
    assert routine.name == "My desk break v2"
    assert snapshot(folder) == {
        "my-desk-break.toml": newer.encode(),
        "my-desk-break.toml.bak": GOOD.encode(),
    }
    # .bak files are never listed
    assert [r.id for r in load_all(folder, CATALOG)[0].values() if not r.builtin] == [
        "my-desk-break"
    ]  # noqa: E501


def test_replace_never_overrides_a_builtin(tmp_path: Path, folder: Path) -> None:
    text = GOOD.replace("my-desk-break", "desk-break")
    with pytest.raises(DataError, match="built-in"):
        import_routine(write(tmp_path, text), folder, CATALOG, replace=True)
    assert snapshot(folder) == {}


def test_a_byte_order_mark_is_accepted_and_dropped(tmp_path: Path, folder: Path) -> None:
    import_routine(write(tmp_path, b"\xef\xbb\xbf" + GOOD.encode()), folder, CATALOG)
    assert (folder / "my-desk-break.toml").read_bytes() == GOOD.encode()


def test_export_of_a_custom_routine_and_unknown_ids(tmp_path: Path, folder: Path) -> None:
    import_routine(write(tmp_path, GOOD), folder, CATALOG)
    out = tmp_path / "shared.toml"
    export_routine("my-desk-break", out, folder, CATALOG)
    assert parse_routine(out.read_text("utf-8"), "x", CATALOG).name == "My desk break"
    with pytest.raises(DataError, match="did you mean 'my-desk-break'"):
        export_routine("my-desk-brake", tmp_path / "other.toml", folder, CATALOG)
    assert not (tmp_path / "other.toml").exists()


def test_export_refuses_folders_and_missing_folders(tmp_path: Path) -> None:
    desk = builtin_routines()["desk-break"]
    with pytest.raises(DataError, match="is a folder"):
        write_routine_file(desk, tmp_path, CATALOG)
    with pytest.raises(DataError, match="no such folder"):
        write_routine_file(desk, tmp_path / "missing" / "x.toml", CATALOG)
    assert not (tmp_path / "missing").exists()


def test_suggest_id() -> None:
    assert suggest_id("My desk break", set()) == "my-desk-break"
    assert suggest_id("My desk break", {"my-desk-break"}) == "my-desk-break-2"
    assert suggest_id("  ¡¿ ", set()) == "routine"
    assert suggest_id("Desk break", set(builtin_routines())) == "desk-break-2"
    assert len(suggest_id("x" * 200, set())) <= 64


# -- broken files in the folder ----------------------------------------------------


def test_broken_custom_files_are_reported_skipped_and_kept(tmp_path: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('id = "x\n', encoding="utf-8")
    (folder / "renamed.toml").write_text(GOOD, encoding="utf-8")
    (folder / "desk-break.toml").write_text(GOOD.replace("my-desk-break", "desk-break"), "utf-8")
    (folder / "notes.txt").write_text("not a routine", encoding="utf-8")
    (folder / ".my-desk-break.toml.abc.tmp").write_text("half", encoding="utf-8")
    (folder / "sub.toml").mkdir()
    before = snapshot(folder / "..")
    routines, problems = load_all(folder, CATALOG)
    assert list(routines) == list(builtin_routines())
    assert len(problems) == 4
    assert all("\n" not in problem for problem in problems)
    text = " ".join(problems)
    for name in ("broken.toml", "renamed.toml", "desk-break.toml", "sub.toml"):
        assert f"routines/{name}" in text
    assert "line 1" in text and "rename it to my-desk-break.toml" in text
    assert snapshot(folder / "..") == before
    assert (folder / "broken.toml").exists()


def test_a_missing_or_unreadable_folder_gives_the_builtins(tmp_path: Path) -> None:
    assert load_all(tmp_path / "none", CATALOG) == (dict(builtin_routines()), [])
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    routines, problems = load_all(not_a_folder, CATALOG)
    assert routines == dict(builtin_routines()) and len(problems) == 1


# -- every bad input: one clear error, nothing written ------------------------------

BAD_CASES = {
    "not-toml": ('id = "x"\nname = "X\n', "not valid TOML.*line 2, column"),
    "unknown-top-key": (
        GOOD.replace("[[items]]", 'colour = "red"\n[[items]]', 1),
        "field 'colour': unknown key",
    ),
    "unknown-item-key": (GOOD.replace("reps = 2", "reps = 2\nspeed = 3"), "'speed': unknown key"),
    "unknown-stretch": (
        GOOD.replace('"chair-stretch"', '"chair-strech"'),
        "unknown stretch 'chair-strech' \\(did you mean 'chair-stretch'\\?\\)",
    ),
    "hold-too-long": (
        GOOD.replace("hold_seconds = 40", "hold_seconds = 61"),
        "out of range 15..60",
    ),  # noqa: E501
    "hold-too-short": (GOOD.replace("hold_seconds = 40", "hold_seconds = 4"), "out of range"),
    "hold-not-a-number": (GOOD.replace("hold_seconds = 40", 'hold_seconds = "40"'), "whole number"),  # noqa: E501
    "hold-fraction": (GOOD.replace("hold_seconds = 40", "hold_seconds = 40.5"), "whole number"),
    "reps-zero": (GOOD.replace("reps = 2", "reps = 0"), "out of range 1..10"),
    "rest-negative": (GOOD.replace("rest_seconds = 0", "rest_seconds = -1"), "out of range 0..300"),  # noqa: E501
    "bad-sides": (
        GOOD.replace('sides = "left"', 'sides = "both"'),
        "not one of: each, left, right",
    ),  # noqa: E501
    "missing-id": (GOOD.replace('id = "my-desk-break"\n', ""), "field 'id': missing"),
    "missing-name": (GOOD.replace('name = "My desk break"\n', ""), "field 'name': missing"),
    "missing-items": (GOOD.split("[[items]]")[0], "field 'items': missing"),
    "missing-stretch": (
        GOOD.replace('stretch = "chair-stretch"\n', ""),
        "field 'stretch': missing",
    ),  # noqa: E501
    "path-id": (GOOD.replace('"my-desk-break"', '"../../.config/evil"'), "not a valid id"),
    "absolute-id": (GOOD.replace('"my-desk-break"', '"/etc/passwd"'), "not a valid id"),
    "backslash-id": (GOOD.replace('"my-desk-break"', '"..\\\\evil"'), "not a valid id"),
    "builtin-id": (GOOD.replace('"my-desk-break"', '"desk-break"'), "built-in routine"),
    "empty": ("", "field 'id': missing"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_input_is_one_clear_error_and_writes_nothing(
    tmp_path: Path, folder: Path, case: str
) -> None:
    text, message = BAD_CASES[case]
    path = write(tmp_path, text)
    with pytest.raises(DataError, match=message) as caught:
        import_routine(path, folder, CATALOG, replace=True)
    assert "\n" not in str(caught.value)
    assert str(path) in str(caught.value)  # the message names the file
    assert snapshot(folder) == {}


def test_bad_bytes_and_files(tmp_path: Path, folder: Path) -> None:
    cases = {
        "latin-1": (GOOD.replace("physio", "physiothérapeute").encode("latin-1"), "not UTF-8"),
        "too-big": (GOOD.encode() + b"#" * MAX_FILE_BYTES, "larger than 1 MB"),
        "nested": (b"id = " + b"[" * 2000 + b"]" * 2000, "nested too deeply"),
        "nul": (GOOD.encode().replace(b"March", b"Ma\x00rch"), "not valid TOML"),
    }
    for name, (data, message) in cases.items():
        with pytest.raises(DataError, match=message):
            import_routine(write(tmp_path, data, f"{name}.toml"), folder, CATALOG)
    with pytest.raises(DataError, match="no such file"):
        import_routine(tmp_path / "missing.toml", folder, CATALOG)
    with pytest.raises(DataError, match="is a folder"):
        import_routine(tmp_path, folder, CATALOG)
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match="not a regular file"):
        import_routine(fifo, folder, CATALOG)
    assert snapshot(folder) == {}


def test_existing_custom_routine_is_refused_without_replace(tmp_path: Path, folder: Path) -> None:
    import_routine(write(tmp_path, GOOD), folder, CATALOG)
    before = snapshot(folder)
    with pytest.raises(RoutineExistsError) as caught:
        import_routine(write(tmp_path, GOOD, "again.toml"), folder, CATALOG)
    assert caught.value.entry == "my-desk-break"
    assert snapshot(folder) == before


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(DataError, match="cannot be written"):
        import_routine(write(tmp_path, GOOD), blocker / "routines", CATALOG)


def test_hold_range_is_what_the_loader_enforces() -> None:
    low, high = HOLD_RANGE
    for value, ok in ((low - 1, False), (low, True), (high, True), (high + 1, False)):
        text = GOOD.replace("hold_seconds = 40", f"hold_seconds = {value}")
        if ok:
            parse_routine(text, "x", CATALOG)
        else:
            with pytest.raises(DataError):
                parse_routine(text, "x", CATALOG)


# -- fuzz: only a routine or one DataError -------------------------------------------

KEYS = [
    "id",
    "name",
    "description",
    "items",
    "stretch",
    "hold_seconds",
    "reps",
    "sides",
    "rest_seconds",
    "warm_up",
    "x",
    "ID",
    "",
]
STRETCHES = list(CATALOG)[:5] + ["chair-strech", "", "../x"]


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # inf, -inf, nan and 1e+300 are TOML too
    if isinstance(value, str):
        return routine_to_toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise AssertionError(value)


def toml_key(key: str) -> str:
    return routine_to_toml_string(key)


def routine_to_toml_string(text: str) -> str:
    # Reuse the writer's escaping through a routine name.
    line = routine_to_toml(Routine("a", text, "", ())).splitlines()[2]
    return line.removeprefix("name = ")


scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True),
    st.sampled_from(STRETCHES + ["each", "left", "right", "both"]),
    st.text(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=20,
)
items = st.dictionaries(st.sampled_from(KEYS), values, max_size=7)
documents = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.sampled_from(["mine", "desk-break", "../x", "A"]), values),
        "name": st.one_of(st.text(max_size=70), values),
        "description": st.one_of(st.text(max_size=20), values),
        "items": st.one_of(st.lists(items, max_size=4), values),
        "x": values,
    },
)


def check_loader(data: bytes) -> None:
    try:
        routine = parse_routine_bytes(data, "fuzz.toml", CATALOG)
    except DataError as error:
        assert str(error).startswith("fuzz.toml")
        assert "\n" not in str(error)
    else:
        assert isinstance(routine, Routine)
        assert parse_routine(routine_to_toml(routine), "again", CATALOG) == routine


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_random_bytes(data: bytes) -> None:
    check_loader(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("[]{}=\"'\n\\ #.,=-_01atrueidnamesx\t"), max_size=200))
def test_fuzz_toml_punctuation(text: str) -> None:
    check_loader(text.encode("utf-8"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_fuzz_toml_structures(document: dict[str, object]) -> None:
    text = "\n".join(f"{toml_key(key)} = {toml_value(value)}" for key, value in document.items())
    check_loader(text.encode("utf-8"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.builds(
            RoutineItem,
            stretch=st.sampled_from(["chair-stretch", "standing-hamstring"]),
            hold_seconds=st.none() | st.integers(*HOLD_RANGE),
            reps=st.none() | st.integers(1, 10),
            sides=st.sampled_from(ItemSides),
            rest_seconds=st.none() | st.integers(0, 300),
            warm_up=st.booleans(),
        ),
        min_size=1,
        max_size=5,
    ),
    st.text(min_size=1, max_size=60).map(str.strip).filter(bool),
)
def test_fuzz_round_trip(items_: list[RoutineItem], name: str) -> None:
    routine = Routine("fuzz", name, "", tuple(items_))
    text = routine_to_toml(routine)
    try:
        again = parse_routine(text, "x", CATALOG)
    except DataError as error:  # e.g. a name the loader refuses: never another exception
        assert "name" in str(error)
        return
    assert again == routine and routine_to_toml(again) == text
