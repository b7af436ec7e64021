"""The routine editor: build, reorder, override, undo, save, and the session runs it so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.plan import PhaseKind, Side, build_plan
from hamstring_gui.core.routine import (
    ItemSides,
    builtin_routines,
)
from hamstring_gui.core.routine_store import load_all
from hamstring_gui.core.session import PhaseStarted, SessionEngine, State
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.compat import keep_singletons_alive
from hamstring_gui.ui.editor.window import RoutineEditor
from tests.helpers.stubs import FakeClock

keep_singletons_alive()

# The offscreen platform cannot pass size hints to a window manager; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CATALOG = load_catalog()
SETTINGS = SessionSettings()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "routines"


@pytest.fixture
def editor(qtbot: QtBot, folder: Path, monkeypatch: pytest.MonkeyPatch) -> RoutineEditor:
    # Closing at teardown must not wait on a modal "drop changes?" question.
    monkeypatch.setattr(RoutineEditor, "ask_discard", classmethod(lambda cls, parent: True))
    window = RoutineEditor(CATALOG, folder, SETTINGS)
    qtbot.addWidget(window)
    window.show()
    return window


def stretches(editor: RoutineEditor) -> list[str]:
    return [item.stretch for item in editor.draft.items]


def test_build_reorder_override_save_and_run(
    editor: RoutineEditor, folder: Path, qtbot: QtBot
) -> None:
    for stretch in ("chair-stretch", "standing-hamstring", "supine-hand-towel"):
        editor.add_stretch(stretch)
    editor.routine_panel.name_edit.setFocus()
    qtbot.keyClicks(editor.routine_panel.name_edit, "  My physio routine")
    editor.routine_panel.description_edit.setText(
        "x"
    )  # setText is not an edit by the user: ignored
    qtbot.keyClicks(editor.routine_panel.description_edit, " from March")
    assert editor.draft.name == "  My physio routine"
    assert stretches(editor) == ["chair-stretch", "standing-hamstring", "supine-hand-towel"]

    # Keyboard: Ctrl+Up moves the selected (last added) stretch to the front.
    editor.routine_panel.items_view.setFocus()
    editor.select_item(2)
    qtbot.keyClick(
        editor.routine_panel.items_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.keyClick(
        editor.routine_panel.items_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier
    )
    assert stretches(editor) == ["supine-hand-towel", "chair-stretch", "standing-hamstring"]
    assert editor.routine_panel.items_view.currentIndex().row() == 0
    qtbot.keyClick(
        editor.routine_panel.items_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier
    )
    assert stretches(editor) == ["chair-stretch", "supine-hand-towel", "standing-hamstring"]

    # Drag: the list view moves rows through the model's moveRows (drop before row 0).
    model = editor.items_model
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert stretches(editor) == ["standing-hamstring", "chair-stretch", "supine-hand-towel"]
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)  # drop after the last
    assert stretches(editor) == ["chair-stretch", "supine-hand-towel", "standing-hamstring"]
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDropEnabled

    # Overrides on "supine-hand-towel": 45 s hold, 2 reps, left leg only, 15 s rest after.
    editor.select_item(1)
    before = editor.total_seconds()
    editor.routine_panel.item_form.hold_spin.setValue(45)
    editor.routine_panel.item_form.reps_spin.setValue(2)
    editor.routine_panel.item_form.sides_combo.setCurrentIndex(
        editor.routine_panel.item_form.sides_combo.findData("left")
    )
    editor.routine_panel.item_form.sides_combo.activated.emit(
        editor.routine_panel.item_form.sides_combo.currentIndex()
    )
    editor.routine_panel.item_form.rest_spin.setValue(15)
    item = editor.draft.items[1]
    assert (item.hold_seconds, item.reps, item.sides, item.rest_seconds) == (
        45,
        2,
        ItemSides.LEFT,
        15,
    )  # noqa: E501
    assert editor.dose(1).hold == 45 and editor.dose(1).reps == 2
    # The total follows live, computed like the session's plan.
    assert editor.total_seconds() != before
    expected = build_plan(editor.current_routine(), CATALOG, SETTINGS).total_seconds
    assert editor.total_seconds() == expected
    minutes, seconds = divmod(expected, 60)
    assert f"{minutes}:{seconds:02d}" in editor.routine_panel.total_label.text()
    assert editor.isWindowModified()

    with (
        qtbot.waitSignal(editor.routinesChanged),
        qtbot.waitSignal(
            editor.routineSaved, check_params_cb=lambda rid: rid == "my-physio-routine"
        ),
    ):
        saved = editor.save()
    assert saved is not None and not editor.isWindowModified()
    assert (folder / "my-physio-routine.toml").exists()
    routines, problems = load_all(folder, CATALOG)
    assert problems == []
    routine = routines["my-physio-routine"]
    assert routine.name == "My physio routine" and routine.description == "x from March"
    assert [i.stretch for i in routine.items] == [
        "chair-stretch",
        "supine-hand-towel",
        "standing-hamstring",
    ]  # noqa: E501

    # The saved routine runs through the session engine with the overrides applied.
    plan = build_plan(routine, CATALOG, SETTINGS)
    clock = FakeClock()
    started: list[PhaseStarted] = []
    engine = SessionEngine(
        plan, clock, lambda e: started.append(e) if isinstance(e, PhaseStarted) else None
    )  # noqa: E501
    engine.start()
    while engine.state is State.RUNNING:
        clock.advance(1)
        engine.tick()
    assert engine.state is State.FINISHED
    towel = [e.phase for e in started if e.phase.stretch == "supine-hand-towel"]
    holds = [p for p in towel if p.kind is PhaseKind.HOLD]
    assert [(p.side, p.seconds) for p in holds] == [(Side.LEFT, 45), (Side.LEFT, 45)]
    chair = [
        e.phase
        for e in started
        if e.phase.stretch == "chair-stretch" and e.phase.kind is PhaseKind.HOLD
    ]
    assert {p.seconds for p in chair} == {SETTINGS.hold_seconds}
    rests = [e.phase for e in started if e.phase.kind is PhaseKind.REST and e.phase.stretch is None]  # noqa: E501
    assert [p.seconds for p in rests] == [SETTINGS.rest_seconds, 15]
    assert clock.now() - 1000.0 == pytest.approx(plan.total_seconds, abs=1)


def test_undo_redo_and_clean_state(editor: RoutineEditor, qtbot: QtBot) -> None:
    editor.add_stretch("chair-stretch")
    editor.add_stretch("standing-hamstring")
    editor.select_item(0)
    editor.routine_panel.item_form.hold_spin.setValue(50)
    editor.routine_panel.item_form.hold_spin.setValue(
        55
    )  # merges into one step with the previous change
    assert editor.draft.items[0].hold_seconds == 55
    editor.undo_stack.undo()
    assert editor.draft.items[0].hold_seconds is None
    assert (
        editor.routine_panel.item_form.hold_spin.value()
        == editor.routine_panel.item_form.hold_spin.minimum()
    )
    editor.undo_stack.undo()
    assert stretches(editor) == ["chair-stretch"]
    editor.undo_stack.redo()
    editor.undo_stack.redo()
    assert stretches(editor) == ["chair-stretch", "standing-hamstring"]
    assert editor.draft.items[0].hold_seconds == 55
    editor.select_item(1)
    editor.remove_selected()
    assert stretches(editor) == ["chair-stretch"]
    editor.toolbar.undo_action.trigger()
    assert stretches(editor) == ["chair-stretch", "standing-hamstring"]


def test_cannot_save_without_a_name_or_stretches(editor: RoutineEditor, folder: Path) -> None:
    assert not editor.routine_panel.save_button.isEnabled()
    assert editor.save() is None
    editor.add_stretch("chair-stretch")
    assert not editor.routine_panel.save_button.isEnabled()
    assert "name" in editor.routine_panel.save_button.toolTip()
    assert not folder.exists()


def test_duplicate_a_builtin_leaves_it_read_only(editor: RoutineEditor, folder: Path) -> None:
    editor.duplicate("desk-break")
    desk = builtin_routines()["desk-break"]
    assert editor.draft.items == desk.items
    assert editor.routine_id is None
    saved = editor.save()
    assert saved is not None and saved.id != "desk-break" and not saved.builtin
    assert builtin_routines()["desk-break"] == desk
    assert not (folder / "desk-break.toml").exists()
    # Opening a built-in for editing also gives a copy.
    editor.open_routine("pnf-towel")
    assert editor.routine_id is None


def test_open_edit_and_save_keeps_the_file(editor: RoutineEditor, folder: Path) -> None:
    editor.duplicate("desk-break")
    first = editor.save()
    assert first is not None
    editor.open_routine(first.id)
    editor.select_item(0)
    editor.routine_panel.item_form.reps_spin.setValue(4)
    again = editor.save()
    assert again is not None and again.id == first.id
    assert sorted(p.name for p in folder.iterdir()) == [f"{first.id}.toml"]


def test_new_ids_never_take_a_broken_files_name(editor: RoutineEditor, folder: Path) -> None:
    folder.mkdir()
    (folder / "mine.toml").write_text("broken", encoding="utf-8")
    editor.add_stretch("chair-stretch")
    editor.routine_panel.name_edit.setText("Mine")
    editor.routine_panel.name_edit.textEdited.emit("Mine")
    saved = editor.save()
    assert saved is not None and saved.id == "mine-2"
    assert (folder / "mine.toml").read_text(encoding="utf-8") == "broken"


def test_import_and_export_use_the_store(
    editor: RoutineEditor,
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    editor.duplicate("desk-break")
    editor.routine_panel.name_edit.setText("Shared")
    editor.routine_panel.name_edit.textEdited.emit("Shared")
    out = tmp_path / "shared.toml"
    monkeypatch.setattr(RoutineEditor, "choose_export_file", classmethod(lambda cls, p, s: out))
    editor.toolbar.export_action.trigger()
    assert out.exists() and 'name = "Shared"' in out.read_text("utf-8")

    monkeypatch.setattr(RoutineEditor, "ask_discard", classmethod(lambda cls, p: True))
    monkeypatch.setattr(RoutineEditor, "choose_import_file", classmethod(lambda cls, p: out))
    with qtbot.waitSignal(editor.routinesChanged):
        editor.toolbar.import_action.trigger()
    assert editor.routine_id == "shared" and editor.draft.name == "Shared"
    assert (folder / "shared.toml").exists()

    # Same id again: asks; "no" keeps the user's routine.
    asked: list[str] = []
    monkeypatch.setattr(
        RoutineEditor, "ask_replace", classmethod(lambda cls, p, rid: asked.append(rid) or False)
    )
    with qtbot.assertNotEmitted(editor.routinesChanged):
        assert editor.import_file(out) is None
    assert asked == ["shared"] and not (folder / "shared.toml.bak").exists()
    monkeypatch.setattr(RoutineEditor, "ask_replace", classmethod(lambda cls, p, rid: True))
    assert editor.import_file(out) is not None
    assert (folder / "shared.toml.bak").exists()

    # A bad file: a clear message, nothing written.
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nname = "X"\n[[items]]\nstretch = "chair-strech"\n', "utf-8")
    before = sorted(p.name for p in folder.iterdir())
    assert editor.import_file(bad) is None
    assert "did you mean 'chair-stretch'" in editor.routine_panel.message_label.text()
    assert sorted(p.name for p in folder.iterdir()) == before


def test_unsaved_changes_are_not_dropped_silently(
    editor: RoutineEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.add_stretch("chair-stretch")
    monkeypatch.setattr(RoutineEditor, "ask_discard", classmethod(lambda cls, p: False))
    editor.toolbar.new_action.trigger()
    assert stretches(editor) == ["chair-stretch"]
    assert not editor.close()
    monkeypatch.setattr(RoutineEditor, "ask_discard", classmethod(lambda cls, p: True))
    editor.toolbar.new_action.trigger()
    assert stretches(editor) == []


def test_new_settings_change_the_lengths(editor: RoutineEditor) -> None:
    editor.add_stretch("chair-stretch")
    before = editor.total_seconds()
    editor.set_settings(SessionSettings(hold_seconds=60))
    assert editor.total_seconds() > before
    assert "60 s" in editor.routine_panel.item_form.hold_spin.specialValueText()


@pytest.mark.parametrize("key", ["Esc", "Ctrl+W"])
def test_esc_and_ctrl_w_close_the_editor(qtbot: QtBot, editor: RoutineEditor, key: str) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    qtbot.waitExposed(editor)
    editor.activateWindow()
    combination = QKeySequence(key)[0]
    QTest.keyClick(editor, combination.key(), combination.keyboardModifiers())
    qtbot.waitUntil(lambda: not editor.isVisible())


def test_sore_back_stretches_are_marked_asked_once_and_explained(
    editor: RoutineEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hamstring_gui.ui.editor.back_caution import BackCautionGuard
    from hamstring_gui.ui.sore_back import BACK_MARK

    rows = {
        editor.library.library_list.item(row).data(Qt.ItemDataRole.UserRole): row
        for row in range(editor.library.library_list.count())
    }
    library_text = editor.library.library_list.item(rows["seated-toe-touch"]).text()
    assert BACK_MARK in library_text.splitlines()[0]
    assert BACK_MARK not in editor.library.library_list.item(rows["chair-stretch"]).text()
    # Selecting it shows its cautions and the seeds' disagreement beside the picture.
    editor.library.library_list.setCurrentRow(rows["seated-toe-touch"])
    note = editor.preview.safety.text()
    assert "Skip this if your back is sore" in note and "seed 003" in note.lower()

    answers, asked = [False, True], []

    def ask(cls, parent, stretch):  # type: ignore[no-untyped-def]
        asked.append(stretch.id)
        return answers.pop(0)

    monkeypatch.setattr(BackCautionGuard, "ask", classmethod(ask))
    editor.add_stretch("seated-toe-touch")
    assert stretches(editor) == []  # "Don't add"
    editor.add_stretch("seated-toe-touch")
    editor.add_stretch("seated-toe-touch")
    editor.add_stretch("chair-stretch")
    assert stretches(editor) == ["seated-toe-touch", "seated-toe-touch", "chair-stretch"]
    assert asked == ["seated-toe-touch", "seated-toe-touch"]  # once agreed, never again
    shown = [editor.items_model.index(row).data() for row in range(3)]
    assert [BACK_MARK in text.splitlines()[0] for text in shown] == [True, True, False]


def test_importing_sore_back_stretches_says_which_and_why(
    editor: RoutineEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hamstring_gui.ui.editor.back_caution import BackCautionGuard

    told: list[str] = []
    monkeypatch.setattr(
        BackCautionGuard, "tell", classmethod(lambda cls, p, text: told.append(text))
    )
    source = tmp_path / "toes.toml"
    items = ("chair-stretch", "seated-toe-touch", "knees-to-chest-two")
    source.write_text(
        'id = "toes"\nname = "Toes"\n'
        + "".join(f'[[items]]\nstretch = "{stretch}"\n' for stretch in items),
        encoding="utf-8",
    )
    assert editor.import_file(source) is not None  # imported all the same
    assert stretches(editor) == list(items)
    (text,) = told
    assert "Seated toe touch: Skip this if your back is sore" in text
    assert "Seated knee hug, legs out: " in text and "Chair" not in text
    plain = tmp_path / "plain.toml"
    plain.write_text('id = "plain"\nname = "Plain"\n[[items]]\nstretch = "chair-stretch"\n')
    assert editor.import_file(plain) is not None
    assert len(told) == 1  # nothing to say about a routine without such stretches
