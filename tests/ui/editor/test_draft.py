"""The editor's draft values, its dose arithmetic and the undo command."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.routine import RoutineItem
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.editor.draft import (
    MERGE_ITEM,
    MERGE_NAME,
    Dose,
    Draft,
    EditCommand,
    EditorState,
    dose_of,
    dose_words,
    taken_ids,
)

CATALOG = load_catalog()


def test_dose_follows_overrides_and_settings() -> None:
    settings = SessionSettings(hold_seconds=40, rest_seconds=20)
    plain = dose_of(RoutineItem("chair-stretch"), CATALOG, settings)
    assert plain == Dose(40, plain.reps, 20)
    own = dose_of(
        RoutineItem("chair-stretch", hold_seconds=55, reps=2, rest_seconds=5), CATALOG, settings
    )  # noqa: E501
    assert own == Dose(55, 2, 5)


def test_dose_words_name_the_kind() -> None:
    kinds = {dose_words(stretch) for stretch in CATALOG.values()}
    assert ("Hold", "Reps") in kinds
    assert ("First hold", "Push cycles") in kinds


def test_taken_ids_include_builtins_and_broken_files(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text("broken", encoding="utf-8")
    taken = taken_ids(tmp_path)
    assert "mine" in taken and "desk-break" in taken
    assert "mine" not in taken_ids(tmp_path / "missing")


def test_commands_with_one_merge_key_are_one_undo_step() -> None:
    shown: list[EditorState] = []
    stack = QUndoStack()
    states = [EditorState(Draft(name=name), -1) for name in ("", "a", "ab", "ab!")]
    stack.push(EditCommand(shown.append, "Rename", states[0], states[1], (MERGE_NAME, None)))
    stack.push(EditCommand(shown.append, "Rename", states[1], states[2], (MERGE_NAME, None)))
    stack.push(EditCommand(shown.append, "Other", states[2], states[3], (MERGE_ITEM, 0)))
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert shown[-1] == states[0]
    stack.redo()
    assert shown[-1] == states[2]
