"""Preferences (Ctrl+,): every setting on five pages, built from the schema.

Each widget takes its range, label and hint from the field's spec in
:mod:`hamstring_gui.core.settings`, and every change is saved at once
through the store; the session applies it from the next phase on. Each
page has "Restore defaults", which can be undone until the page is edited.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTime, Signal
from PySide6.QtGui import QFontInfo, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core import words
from hamstring_gui.core.i18n import N_, _
from hamstring_gui.core.settings import (
    AGE_UNDER_65,
    WEEKDAYS,
    Bound,
    Choice,
    ClockTime,
    Flag,
    RoutineRef,
    Settings,
    Spec,
    Weekdays,
    spec_fields,
)
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.core.words import out_of_range
from hamstring_gui.ui.dialogs.sound_check import SoundCheck, SoundCheckPanel
from hamstring_gui.ui.settings_model import SettingsModel
from hamstring_gui.ui.widgets.scroll_area import NamedScrollArea
from hamstring_gui.ui.window_fit import fit_on_screen

DAY_LABELS = dict(
    zip(
        WEEKDAYS,
        (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun")),
        strict=True,
    )
)

PAGES = (
    # key, title, sections it edits, intro
    ("session", N_("Session"), ("session",), N_("Changes apply from the next phase.")),
    ("sounds", N_("Sounds"), ("sound",), ""),
    ("reminders", N_("Reminders"), ("reminders",), ""),
    ("appearance", N_("Appearance"), ("appearance",), ""),
    ("safety", N_("Safety"), ("profile",), ""),
)


SAFETY_TEXT = N_(
    "Ease in and never bounce: a mild pull in the back of the thigh, never pain. "
    "Stop if you feel back pain, or burning, tingling or numbness down the leg."
)


def _routine_names() -> dict[str, str]:
    try:
        from hamstring_gui.core.routine import builtin_routines

        return {rid: routine.name for rid, routine in builtin_routines().items()}
    except Exception:  # a broken data file must not keep preferences from opening
        return {}


def _stretch_names() -> dict[str, str]:
    try:
        from hamstring_gui.core.catalog import load_catalog

        return {stretch.id: stretch.name for stretch in load_catalog().values()}
    except Exception:  # a broken data file must not keep preferences from opening
        return {}


class _TimeEdit(QTimeEdit):
    """A time field that takes typed digits wherever it was clicked.

    A click leaves the text cursor inside a section ("1|8"), where a typed
    digit makes no valid time and Qt drops it: to the user, typing did
    nothing. Selecting the clicked section lets digits replace it, as Tab does.
    """

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: D102, N802 - Qt override
        super().mouseReleaseEvent(event)
        self.setSelectedSection(self.currentSection())


class _BoundSpin(QSpinBox):
    """A number field that says so when a typed number is out of range.

    Qt puts back the last good value when a typed one is out of range (a
    5 s hold where holds start at 15 s), without a word; ``outOfRange``
    carries the typed number so the page can say why.

    Signals:
        outOfRange(int): the number typed, before Qt put the value back.
    """

    outOfRange = Signal(int)  # noqa: N815 - Qt's camelCase for signals

    def fixup(self, text: str) -> str:  # noqa: D102 - Qt override
        digits = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()
        if digits.lstrip("-").isdigit():
            typed = int(digits)
            if not self.minimum() <= typed <= self.maximum():
                self.outOfRange.emit(typed)
        return super().fixup(text)


class _Editor:
    """One setting's widget, bound to ``section.name``."""

    def __init__(self, section: str, name: str, spec: Spec, on_edit: Callable[[], None]) -> None:
        self.section = section
        self.name = name
        self.spec = spec
        self.on_edit = on_edit
        self.widget: QWidget
        self.label: str | None = _(spec.label)
        self._day_boxes: dict[str, QCheckBox] = {}
        if isinstance(spec, Bound):
            spin = _BoundSpin()
            # Saved when typing is done (Enter, Tab, arrows), not at every digit.
            spin.setKeyboardTracking(False)
            spin.setRange(spec.minimum, spec.maximum)
            if spec.unit:
                spin.setSuffix(f" {spec.unit}")
            spin.setAccessibleName(_(spec.label))
            spin.valueChanged.connect(self._edited)
            self.widget = spin
        elif isinstance(spec, Flag):
            box = QCheckBox(_(spec.label))
            box.toggled.connect(self._edited)
            self.widget, self.label = box, None
        elif isinstance(spec, Choice | RoutineRef):
            combo = QComboBox()
            options = spec.options if isinstance(spec, Choice) else _routine_names().items()
            for value, label in options:
                combo.addItem(_(label) if isinstance(spec, Choice) else label, value)
            combo.setAccessibleName(_(spec.label))
            combo.currentIndexChanged.connect(self._edited)
            self.widget = combo
        elif isinstance(spec, ClockTime):
            edit = _TimeEdit()
            edit.setDisplayFormat("HH:mm")
            edit.setKeyboardTracking(False)
            edit.setAccessibleName(_(spec.label))
            edit.timeChanged.connect(self._edited)
            self.widget = edit
        elif isinstance(spec, Weekdays):
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            for day in WEEKDAYS:
                box = QCheckBox(_(DAY_LABELS[day]))
                box.toggled.connect(self._edited)
                layout.addWidget(box)
                self._day_boxes[day] = box
            layout.addStretch()
            self.widget = row
        else:  # pragma: no cover - every spec kind is handled above
            raise TypeError(spec)

    def _edited(self, *_args: object) -> None:
        self.on_edit()

    def value(self) -> Any:
        """The widget's value in the file's terms."""
        widget = self.widget
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QTimeEdit):
            return widget.time().toString("HH:mm")
        return tuple(day for day, box in self._day_boxes.items() if box.isChecked())

    def show(self, value: Any) -> None:
        """Show ``value`` without reporting it as an edit."""
        widget = self.widget
        blockers = [QSignalBlocker(widget), *(QSignalBlocker(b) for b in self._day_boxes.values())]
        if isinstance(widget, QSpinBox):
            widget.setValue(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0:  # e.g. a routine of the user's own
                widget.addItem(value, value)
                index = widget.count() - 1
            widget.setCurrentIndex(index)
        elif isinstance(widget, QTimeEdit):
            widget.setTime(QTime.fromString(value, "HH:mm"))
        else:
            for day, box in self._day_boxes.items():
                box.setChecked(day in value)
        del blockers


def _hint_label(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setObjectName("hint")
    font = hint.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    hint.setFont(font)
    return hint


class _Page(QWidget):
    """One page: a form of editors, then "Restore defaults" with its undo."""

    def __init__(
        self, dialog: PreferencesDialog, key: str, title: str, sections: tuple[str, ...], intro: str
    ) -> None:  # noqa: E501
        super().__init__()
        self.dialog = dialog
        self.key = key
        self.sections = sections
        self.editors: list[_Editor] = []
        self.undo_to: Settings | None = None
        self.undo_sections: tuple[str, ...] = ()

        layout = QVBoxLayout(self)
        heading = QLabel("<b>" + _(title) + "</b>")
        layout.addWidget(heading)
        if intro:
            layout.addWidget(_hint_label(_(intro)))
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(8)
        layout.addLayout(self.grid)
        for section in sections:
            for name, spec in spec_fields(type(dialog.settings.section(section))):
                self._add(section, name, spec)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        layout.addStretch()

        bottom = QHBoxLayout()
        self.restore_button = QPushButton(_("Restore defaults"))
        self.restore_button.setObjectName(f"restore-{key}")
        self.restore_button.clicked.connect(self.restore_defaults)
        self.status = QLabel()
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setObjectName(f"undo-{key}")
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        bottom.addWidget(self.restore_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.undo_button)
        layout.addLayout(bottom)

    def _add(self, section: str, name: str, spec: Spec) -> None:
        # One grid for the page, hint beside its widget: word-wrapped labels
        # nested inside a form row get clipped (their height depends on width).
        editor = _Editor(section, name, spec, lambda: self._edited(editor))
        editor.widget.setObjectName(f"{section}.{name}")
        if isinstance(editor.widget, _BoundSpin):
            editor.widget.outOfRange.connect(
                lambda typed, b=spec: self.status.setText(
                    out_of_range(b.label, typed, b.minimum, b.maximum, b.unit)
                )
            )
        row = self.grid.rowCount()
        if editor.label is None:
            self.grid.addWidget(editor.widget, row, 0, 1, 2)
        else:
            label = QLabel(_("{label}:").format(label=editor.label))
            label.setBuddy(editor.widget)
            self.grid.addWidget(label, row, 0)
            span = 2 if isinstance(spec, Weekdays) else 1  # seven boxes: take the hint's room
            self.grid.addWidget(editor.widget, row, 1, 1, span, Qt.AlignmentFlag.AlignLeft)
        if spec.hint:
            hint = _hint_label(_(spec.hint))
            if isinstance(spec, Weekdays):
                self.grid.addWidget(hint, row + 1, 1, 1, 2)
            else:
                self.grid.addWidget(hint, row, 2)
        self.editors.append(editor)

    def editor(self, section: str, name: str) -> _Editor:
        """The editor of ``section.name``."""
        return next(e for e in self.editors if (e.section, e.name) == (section, name))

    def _edited(self, editor: _Editor) -> None:
        settings = self.dialog.settings
        value = editor.value()
        if editor.section == "profile" and editor.name == "age_band":
            new = settings.with_age_band(value)
        else:
            section = dataclasses.replace(settings.section(editor.section), **{editor.name: value})
            new = settings.with_section(editor.section, section)
        self._forget_undo()
        self.dialog.apply(new)

    def refresh(self, settings: Settings) -> None:
        """Show ``settings`` in the editors."""
        for editor in self.editors:
            editor.show(getattr(settings.section(editor.section), editor.name))

    def restore_defaults(self) -> None:
        """Put this page's settings back to the defaults, offering undo."""
        before = self.dialog.settings
        after = before
        for section in self.sections:
            if section == "profile":
                after = after.with_age_band(AGE_UNDER_65)
            else:
                after = after.with_section(section, after.default_section(section))
        changed = tuple(
            name
            for name in ("session", *self.sections)
            if before.section(name) != after.section(name)
        )  # noqa: E501
        if not changed:
            self.status.setText(_("These are already the defaults."))
            return
        if self.dialog.apply(after):
            self.undo_to, self.undo_sections = before, changed
            self.status.setText(_("Defaults restored."))
            self.undo_button.show()

    def undo(self) -> None:
        """Put back what "Restore defaults" replaced."""
        if self.undo_to is None:
            return
        settings = self.dialog.settings
        for name in self.undo_sections:
            settings = settings.with_section(name, self.undo_to.section(name))
        if self.dialog.apply(settings):
            self._forget_undo()
            self.status.setText(_("Your settings are back."))

    def _forget_undo(self) -> None:
        self.undo_to, self.undo_sections = None, ()
        self.undo_button.hide()
        self.status.clear()


class PreferencesDialog(QDialog):
    """The preferences window; changes are saved as they are made.

    Signals:
        settingsChanged(object): the new :class:`Settings` after each saved change.
        safetyScreenRequested(): the user asked to see the safety screen again.
    """

    # Qt's camelCase for signals, like its own (the window connects to these names).
    settingsChanged = Signal(object)  # noqa: N815
    safetyScreenRequested = Signal()  # noqa: N815

    def __init__(
        self,
        store: SettingsStore | SettingsModel,
        parent: QWidget | None = None,
        *,
        sound_check: SoundCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = store if isinstance(store, SettingsModel) else SettingsModel(store, self)
        self.model.saveFailed.connect(self._save_failed)
        self.setWindowTitle(_("Preferences"))

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet("QLabel#banner { padding: 6px; border: 1px solid palette(mid); }")
        self.banner.hide()

        self.page_list = QListWidget()
        self.page_list.setObjectName("pageList")
        self.page_list.setAccessibleName(_("Preference pages"))
        self.stack = QStackedWidget()
        self.pages: dict[str, _Page] = {}
        for key, title, sections, intro in PAGES:
            page = _Page(self, key, title, sections, intro)
            self.pages[key] = page
            self.page_list.addItem(_(title))
            # Each page scrolls: at large text its hints wrap onto lines of their own.
            self.stack.addWidget(NamedScrollArea(_(title), page))
        self.page_list.setFixedWidth(self.page_list.sizeHintForColumn(0) + 24)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self._add_session_extras()
        self._add_safety_extras()
        if sound_check is not None:  # Test sound, Test voice: what they found
            intro = f"{words.SOUND_CHECK_INTRO} {words.VOICE_LEVEL_NOTE}"
            self.sound_panel = SoundCheckPanel(sound_check, intro)
            self.pages["sounds"].extra.addWidget(self.sound_panel)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Enter closes, and never presses a button that changes settings: those
        # buttons only act when pressed themselves (Space, a click).
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        if self.model.store.read_only:
            self._save_failed(
                _("Settings cannot be saved: {problem}").format(problem=self.model.store.read_only)
            )
        self._refresh()
        self.page_list.setCurrentRow(0)
        self.page_list.setFocus()
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is self.close_button)
        self.close_button.setDefault(True)
        # Larger text, a larger dialog, as much as the screen allows.
        scale = max(1.0, QFontInfo(self.font()).pixelSize() / 12)
        self.resize(round(760 * scale), round(560 * scale))
        fit_on_screen(self)

    @classmethod
    def ask(
        cls,
        store: SettingsStore | SettingsModel,
        parent: QWidget | None = None,
        *,
        page: str | None = None,
        on_change: Callable[[Settings], None] | None = None,
        notes: Mapping[str, list[str]] | None = None,
        sound_check: SoundCheck | None = None,
    ) -> Settings:
        """Show the dialog modally; returns the settings when it closes.

        ``notes`` are lines to show on a page; ``sound_check`` gives the Sounds
        page its "Test sound" and "Test voice" buttons.
        Tests replace this classmethod; the window calls it from Ctrl+,.
        """
        dialog = cls(store, parent, sound_check=sound_check)
        for key, lines in (notes or {}).items():
            dialog.set_notes(key, lines)
        if page:
            dialog.show_page(page)
        if on_change:
            dialog.settingsChanged.connect(on_change)
        dialog.exec()
        settings = dialog.settings
        dialog.deleteLater()
        return settings

    @property
    def settings(self) -> Settings:
        """The settings as saved."""
        return self.model.settings

    def set_notes(self, key: str, lines: list[str]) -> None:
        """Show ``lines`` on page ``key`` (e.g. "Voice is unavailable: ...")."""
        page = self.pages[key]
        for line in lines:
            note = _hint_label(line)
            note.setObjectName(f"note-{key}")
            page.extra.addWidget(note)

    def current_page(self) -> _Page:
        """The page on show."""
        return list(self.pages.values())[self.stack.currentIndex()]

    def show_page(self, key: str) -> None:
        """Turn to a page: ``session``, ``sounds``, ``reminders``, ``appearance``, ``safety``."""
        self.page_list.setCurrentRow(list(self.pages).index(key))

    def apply(self, settings: Settings) -> bool:
        """Save ``settings`` and show them; ``False`` when the save was refused."""
        saved = self.model.update(settings)
        self._refresh()
        if saved:
            self.settingsChanged.emit(self.settings)
        return saved

    def _refresh(self) -> None:
        settings = self.settings
        for page in self.pages.values():
            page.refresh(settings)
        overrides = settings.session.overrides
        names = _stretch_names()
        holds = [
            f"{names.get(sid, sid)} {o.hold_seconds} s"
            for sid, o in sorted(overrides.items())
            if o.hold_seconds
        ]
        self.overrides_label.setText(
            _("Your own holds: {holds}").format(holds=", ".join(holds))
            if holds
            else _("No stretch has a hold of its own.")
        )
        self.forget_button.setEnabled(bool(overrides))

    def _save_failed(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()

    def _add_session_extras(self) -> None:
        page = self.pages["session"]
        self.overrides_label = _hint_label("")
        self.forget_button = QPushButton(_("Forget holds set for single stretches"))
        self.forget_button.clicked.connect(self._forget_overrides)
        page.extra.addWidget(self.overrides_label)
        page.extra.addWidget(self.forget_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _forget_overrides(self) -> None:
        session = dataclasses.replace(self.settings.session, overrides={})
        self.apply(self.settings.with_section("session", session))

    def _add_safety_extras(self) -> None:
        page = self.pages["safety"]
        text = QLabel(SAFETY_TEXT)
        text.setWordWrap(True)
        again = QPushButton(_("Show the safety screen again"))
        again.setObjectName("show-safety")
        again.clicked.connect(self._show_safety_again)
        page.extra.addWidget(text)
        page.extra.addWidget(again, 0, Qt.AlignmentFlag.AlignLeft)

    def _show_safety_again(self) -> None:
        self.apply(dataclasses.replace(self.settings, safety_acknowledged=False))
        self.safetyScreenRequested.emit()
