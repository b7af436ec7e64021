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
from hamstring_gui.core.i18n import N_, TranslatedWords, _, pgettext
from hamstring_gui.core.routine import HOLD_RANGE, REPS_RANGE, REST_RANGE, ItemSides, RoutineItem
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.editor.draft import dose_of, dose_words
from hamstring_gui.ui.editor.items_model import SIDES_WORDS
from hamstring_gui.ui.style import theme

_OVERRIDE_NAMES = TranslatedWords(
    {
        "hold": N_("Hold for this stretch"),
        "reps": N_("Reps for this stretch"),
        "rest": N_("Rest for this stretch"),
    }
)
_CHANGE_WORDS = TranslatedWords(
    {"hold": N_("Change hold"), "reps": N_("Change reps"), "rest": N_("Change rest")}
)


def _personal_note(own_hold: int | None, own_reps: int | None) -> str:
    """What the user's own dose in Preferences does to this stretch ("" when none)."""
    if own_hold is not None and own_reps is not None:
        note = _(
            "Sessions use your own hold of {seconds} s and your own {reps} reps "
            "for this stretch (set in Preferences)."
        )
    elif own_hold is not None:
        note = _("Sessions use your own hold of {seconds} s for this stretch (set in Preferences).")
    elif own_reps is not None:
        note = _("Sessions use your own {reps} reps for this stretch (set in Preferences).")
    else:
        return ""
    return note.format(seconds=own_hold, reps=own_reps)


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
        super().__init__(parent)
        self.setObjectName("itemOverrides")
        self.catalog = catalog
        self.hold_spin = self._override_spin("hold", HOLD_RANGE, " s")
        self.reps_spin = self._override_spin("reps", REPS_RANGE, "")
        self.rest_spin = self._override_spin("rest", REST_RANGE, " s")
        self.sides_combo = QComboBox()
        self.sides_combo.setObjectName("overrideSides")
        self.sides_combo.setAccessibleName(_("Which legs"))
        for sides, words in SIDES_WORDS.items():  # read now: in the language in use
            self.sides_combo.addItem(words, str(sides))
        self.sides_combo.activated.connect(self._sides_chosen)
        # A check box cannot wrap: the long half of the sentence is a wrapping note under it.
        self.warm_up_box = QCheckBox(_("Warm-up"))
        self.warm_up_box.setObjectName("overrideWarmUp")
        warm_up_note = QLabel(_("Left out when the warm-up is turned off."))
        warm_up_note.setWordWrap(True)
        self.warm_up_box.setAccessibleDescription(warm_up_note.text())
        self.warm_up_box.clicked.connect(self._warm_up_clicked)
        self.hold_label, self.reps_label = QLabel(pgettext("dose", "Hold")), QLabel(_("Reps"))
        # The heading names the stretch: a wrapping label, not the box's title, which
        # cannot wrap and made the pane as wide as the longest German stretch name.
        self.heading = QLabel(_("Selected stretch"))
        self.heading.setObjectName("itemHeading")
        self.heading.setWordWrap(True)
        self.heading.setFont(theme.scaled_font(1.0, bold=True))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.heading)
        form.addRow(self.hold_label, self.hold_spin)
        form.addRow(self.reps_label, self.reps_spin)
        form.addRow(_("Legs"), self.sides_combo)
        form.addRow(_("Rest after"), self.rest_spin)
        form.addRow(self.warm_up_box)
        form.addRow(warm_up_note)
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
                self._set_heading(_("Selected stretch: none"))
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
        self._set_heading(_("Stretch {number}: {name}").format(number=row + 1, name=stretch.name))
        hold_word, reps_word = dose_words(stretch)
        self.hold_label.setText(hold_word)
        self.reps_label.setText(reps_word)
        defaults = dose_of(
            dataclasses.replace(item, hold_seconds=None, reps=None, rest_seconds=None),
            self.catalog,
            settings,
        )
        seconds = _("Default ({seconds} s)")
        self.hold_spin.setSpecialValueText(seconds.format(seconds=defaults.hold))
        self.reps_spin.setSpecialValueText(_("Default ({count})").format(count=defaults.reps))
        self.rest_spin.setSpecialValueText(seconds.format(seconds=defaults.rest_after))
        for spin, value in (
            (self.hold_spin, item.hold_seconds),
            (self.reps_spin, item.reps),
            (self.rest_spin, item.rest_seconds),
        ):
            spin.setValue(spin.minimum() if value is None else value)
        last = row == count - 1
        self.rest_spin.setEnabled(not last)
        self.rest_spin.setToolTip(_("Nothing follows the last stretch") if last else "")
        both = stretch.sides is Sides.BOTH
        self.sides_combo.setEnabled(not both)
        self.sides_combo.setToolTip(_("This stretch works both legs together") if both else "")
        self.sides_combo.setCurrentIndex(self.sides_combo.findData(str(item.sides)))
        self.warm_up_box.setChecked(item.warm_up)
        note = _personal_note(settings.hold_for(stretch.id), settings.reps_for(stretch.id))
        self.personal_note.setText(note)
        self.personal_note.setVisible(bool(note))

    def _set_heading(self, text: str) -> None:
        self.heading.setText(text)
        self.setAccessibleName(text)  # what a screen reader says on entering the box

    def _override_spin(self, field: str, limits: tuple[int, int], suffix: str) -> QSpinBox:
        # One below the loader's minimum is "no override": the routine keeps the default.
        spin = QSpinBox()
        spin.setObjectName(f"override-{field}")
        spin.setAccessibleName(_OVERRIDE_NAMES[field])
        spin.setRange(limits[0] - 1, limits[1])
        spin.setSuffix(suffix)
        spin.setSpecialValueText(_("Default"))
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
        self.edited.emit(_CHANGE_WORDS[field], field, changes[field])

    def _sides_chosen(self, index: int) -> None:
        changes: ItemChanges = {"sides": ItemSides(self.sides_combo.itemData(index))}
        self.edited.emit(_("Change legs"), "sides", changes)

    def _warm_up_clicked(self, checked: bool) -> None:
        changes: ItemChanges = {"warm_up": checked}
        self.edited.emit(_("Change warm-up"), "warm_up", changes)
