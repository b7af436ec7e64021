"""The routine editor's form for one routine item: its own hold, reps, legs, rest, warm-up."""

from __future__ import annotations

import dataclasses
from typing import TypedDict

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from hamstring_gui.core.catalog import Catalog, Sides
from hamstring_gui.core.routine import HOLD_RANGE, REPS_RANGE, REST_RANGE, ItemSides, RoutineItem
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.editor.draft import dose_of, dose_words
from hamstring_gui.ui.editor.items_model import SIDES_WORDS


class ItemChanges(TypedDict, total=False):
    """The :class:`RoutineItem` fields one edit replaces."""

    hold_seconds: int | None
    reps: int | None
    rest_seconds: int | None
    sides: ItemSides
    warm_up: bool


class ItemForm(QGroupBox):
    """Overrides of the selected routine item; one below a range's minimum is "Default".

    The form never changes a routine itself: it reports what the user asked for
    and shows whatever item the editor gives it (signals stay quiet meanwhile).

    Signals:
        edited(str, str, object): undo text, the field changed, and the
            :class:`ItemChanges` to make.
    """

    edited = Signal(str, str, object)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__("Selected stretch", parent)
        self.setObjectName("itemOverrides")
        self.catalog = catalog
        self.hold_spin = self._override_spin("hold", HOLD_RANGE, " s")
        self.reps_spin = self._override_spin("reps", REPS_RANGE, "")
        self.rest_spin = self._override_spin("rest", REST_RANGE, " s")
        self.sides_combo = QComboBox()
        self.sides_combo.setObjectName("overrideSides")
        self.sides_combo.setAccessibleName("Which legs")
        for sides, words in SIDES_WORDS.items():
            self.sides_combo.addItem(words, str(sides))
        self.sides_combo.activated.connect(self._sides_chosen)
        self.warm_up_box = QCheckBox("Warm-up (left out when the warm-up is turned off)")
        self.warm_up_box.setObjectName("overrideWarmUp")
        self.warm_up_box.clicked.connect(self._warm_up_clicked)
        self.hold_label, self.reps_label = QLabel("Hold"), QLabel("Reps")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.hold_label, self.hold_spin)
        form.addRow(self.reps_label, self.reps_spin)
        form.addRow("Legs", self.sides_combo)
        form.addRow("Rest after", self.rest_spin)
        form.addRow(self.warm_up_box)
        self.personal_note = QLabel()
        self.personal_note.setObjectName("personalNote")
        self.personal_note.setWordWrap(True)
        form.addRow(self.personal_note)

    def show_item(
        self, items: tuple[RoutineItem, ...], row: int, settings: SessionSettings
    ) -> None:
        """Show item ``row`` of ``items`` (none when ``row`` is out of range)."""
        valid = 0 <= row < len(items)
        self.setEnabled(valid)
        widgets = (
            self.hold_spin,
            self.reps_spin,
            self.rest_spin,
            self.sides_combo,
            self.warm_up_box,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if not valid:
                self.setTitle("Selected stretch: none")
                for spin in (self.hold_spin, self.reps_spin, self.rest_spin):
                    spin.setValue(spin.minimum())
                self.personal_note.setText("")
                return
            self._show(items[row], row, len(items), settings)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def _show(self, item: RoutineItem, row: int, count: int, settings: SessionSettings) -> None:
        stretch = self.catalog[item.stretch]
        self.setTitle(f"Stretch {row + 1}: {stretch.name}")
        hold_word, reps_word = dose_words(stretch)
        self.hold_label.setText(hold_word)
        self.reps_label.setText(reps_word)
        defaults = dose_of(
            dataclasses.replace(item, hold_seconds=None, reps=None, rest_seconds=None),
            self.catalog,
            settings,
        )
        self.hold_spin.setSpecialValueText(f"Default ({defaults.hold} s)")
        self.reps_spin.setSpecialValueText(f"Default ({defaults.reps})")
        self.rest_spin.setSpecialValueText(f"Default ({defaults.rest_after} s)")
        for spin, value in (
            (self.hold_spin, item.hold_seconds),
            (self.reps_spin, item.reps),
            (self.rest_spin, item.rest_seconds),
        ):
            spin.setValue(spin.minimum() if value is None else value)
        last = row == count - 1
        self.rest_spin.setEnabled(not last)
        self.rest_spin.setToolTip("Nothing follows the last stretch" if last else "")
        both = stretch.sides is Sides.BOTH
        self.sides_combo.setEnabled(not both)
        self.sides_combo.setToolTip("This stretch works both legs together" if both else "")
        self.sides_combo.setCurrentIndex(self.sides_combo.findData(str(item.sides)))
        self.warm_up_box.setChecked(item.warm_up)
        notes = []
        own_hold = settings.hold_for(stretch.id)
        own_reps = settings.reps_for(stretch.id)
        if own_hold is not None:
            notes.append(f"your own hold of {own_hold} s")
        if own_reps is not None:
            notes.append(f"your own {own_reps} reps")
        self.personal_note.setText(
            f"Sessions use {' and '.join(notes)} for this stretch (set in Preferences)."
            if notes
            else ""
        )
        self.personal_note.setVisible(bool(notes))

    def _override_spin(self, field: str, limits: tuple[int, int], suffix: str) -> QSpinBox:
        # One below the loader's minimum is "no override": the routine keeps the default.
        spin = QSpinBox()
        spin.setObjectName(f"override-{field}")
        spin.setAccessibleName(f"{field.capitalize()} for this stretch")
        spin.setRange(limits[0] - 1, limits[1])
        spin.setSuffix(suffix)
        spin.setSpecialValueText("Default")
        spin.valueChanged.connect(lambda value, name=field: self._spin_changed(name, value))
        return spin

    def _spin_changed(self, field: str, value: int) -> None:
        spin = {"hold": self.hold_spin, "reps": self.reps_spin, "rest": self.rest_spin}[field]
        chosen = None if value == spin.minimum() else value
        changes: dict[str, ItemChanges] = {
            "hold": {"hold_seconds": chosen},
            "reps": {"reps": chosen},
            "rest": {"rest_seconds": chosen},
        }
        self.edited.emit(f"Change {field}", field, changes[field])

    def _sides_chosen(self, index: int) -> None:
        changes: ItemChanges = {"sides": ItemSides(self.sides_combo.itemData(index))}
        self.edited.emit("Change legs", "sides", changes)

    def _warm_up_clicked(self, checked: bool) -> None:
        changes: ItemChanges = {"warm_up": checked}
        self.edited.emit("Change warm-up", "warm_up", changes)
