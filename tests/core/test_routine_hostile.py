"""Hostile routine files: one bad file is named once and skipped, never hides the others."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.routine_store import import_routine, load_all, save_routine

CATALOG = load_catalog()
GOOD = """\
id = "{id}"
name = "Mine {id}"
[[items]]
stretch = "chair-stretch"
hold_seconds = 30
"""
HUGE = {
    "decimal": "hold_seconds = " + "9" * 5000,
    "hex": "hold_seconds = 0x" + "f" * 5000,
    "octal": "hold_seconds = 0o" + "7" * 5000,
    "binary": "hold_seconds = 0b" + "1" * 5000,
    "unknown-key": "colour = 0x" + "f" * 5000,
}


def huge_file(kind: str, routine_id: str) -> str:
    return GOOD.format(id=routine_id).replace("hold_seconds = 30", HUGE[kind])


@pytest.mark.parametrize("kind", sorted(HUGE))
def test_import_of_a_huge_integer_is_one_clear_error(tmp_path: Path, kind: str) -> None:
    source = tmp_path / "in.toml"
    source.write_text(huge_file(kind, "mine"))
    folder = tmp_path / "routines"
    with pytest.raises(DataError) as caught:
        import_routine(source, folder, CATALOG)
    assert "number too large" in str(caught.value) and "\n" not in str(caught.value)
    assert not folder.exists()


def test_the_folder_skips_each_bad_file_once_and_lists_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    for kind in HUGE:
        (folder / f"bad-{kind}.toml").write_text(huge_file(kind, f"bad-{kind}"))
    (folder / "dotted.toml").write_text("x." + ".".join(["a"] * 100_000) + " = 1\n")
    (folder / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000)
    os.mkfifo(folder / "pipe.toml")
    for name in ("alpha", "omega"):
        (folder / f"{name}.toml").write_text(GOOD.format(id=name))
    started = time.monotonic()
    routines, problems = load_all(folder, CATALOG)
    assert time.monotonic() - started < 2
    assert [rid for rid in routines if rid not in builtin_routines()] == ["alpha", "omega"]
    assert len(problems) == len(HUGE) + 3
    for problem in problems:
        assert "\n" not in problem and problem.endswith("; skipped")
    named = sorted(problem.split(":")[0] for problem in problems)
    assert len(set(named)) == len(named)  # each file once


def test_saved_routines_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "routines"
    old = os.umask(0o022)
    try:
        source = tmp_path / "in.toml"
        source.write_text(GOOD.format(id="mine"))
        routine = import_routine(source, folder, CATALOG)
        save_routine(routine, folder, CATALOG)
    finally:
        os.umask(old)
    assert (folder / "mine.toml").stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    assert folder.parent.stat().st_mode & 0o777 == 0o700
