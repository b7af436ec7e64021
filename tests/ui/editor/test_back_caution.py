"""The editor's sore-back care: ask once before adding, say which after an import."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.routine import Routine, RoutineItem
from hamstring_gui.ui.editor.back_caution import BackCautionGuard, SafetyNote, import_notice


def test_the_guard_asks_once_per_stretch_and_respects_a_no(qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    answers = [False, True]
    asked: list[str] = []

    def ask(cls, parent, stretch):  # type: ignore[no-untyped-def]
        asked.append(stretch.id)
        return answers.pop(0)

    monkeypatch.setattr(BackCautionGuard, "ask", classmethod(ask))
    guard = BackCautionGuard()
    catalog = load_catalog()
    assert guard.may_add(parent, catalog["chair-stretch"])  # fine for a sore back: no question
    assert not guard.may_add(parent, catalog["seated-toe-touch"])  # "Don't add"
    assert guard.may_add(parent, catalog["seated-toe-touch"])  # asked again, "Add it"
    assert guard.may_add(parent, catalog["seated-toe-touch"])  # agreed once: not asked again
    assert asked == ["seated-toe-touch", "seated-toe-touch"]


def test_import_notice_names_each_flagged_stretch_with_its_reason() -> None:
    catalog = load_catalog()
    plain = Routine("p", "Plain", "", (RoutineItem("chair-stretch"),))
    assert import_notice(plain, catalog) is None
    mixed = Routine(
        "m",
        "Mixed",
        "",
        (
            RoutineItem("seated-toe-touch"),
            RoutineItem("chair-stretch"),
            RoutineItem("knees-to-chest-one"),
            RoutineItem("seated-toe-touch"),
        ),
    )
    text = import_notice(mixed, catalog) or ""
    lines = text.splitlines()
    assert "not for a sore back" in lines[0]
    assert lines[1] == f"• Seated toe touch: {catalog['seated-toe-touch'].cautions[0]}"
    assert lines[2].startswith("• Seated knee hug: ") and len(lines) == 4


def test_safety_note_shows_cautions_and_the_disagreement(qtbot: QtBot) -> None:
    note = SafetyNote()
    qtbot.addWidget(note)
    stretch = load_catalog()["seated-toe-touch"]
    note.show_stretch(stretch)
    assert "Not for a sore back" in note.text()
    for line in stretch.cautions:
        assert html.escape(line) in note.text()
    assert "seed 003" in note.text().lower()
