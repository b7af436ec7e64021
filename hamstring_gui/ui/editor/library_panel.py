"""The stretch library pane of the routine editor: search, filters and the list."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core.catalog import Catalog, Stretch
from hamstring_gui.core.i18n import _, ngettext
from hamstring_gui.core.words import EQUIPMENT_WORDS, KIND_WORDS, POSITION_WORDS, joined
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.stretch_text import with_back_mark
from hamstring_gui.ui.widgets.wrapped_list import wrap_long_items

ANY = "any"


def library_detail(stretch: Stretch) -> str:
    """The second line of a library entry: kind, position and what it needs."""
    # "Static hold · Chair", not "Static hold · Chair · Chair": a chair
    # stretch is done sitting on the chair it needs.
    parts = [KIND_WORDS[stretch.kind], POSITION_WORDS[stretch.position]]
    return joined(parts + [EQUIPMENT_WORDS[thing] for thing in sorted(stretch.needs())])


class LibraryPanel(QWidget):
    """Every stretch of the catalog, narrowed by a search and three filters.

    Signals:
        currentChanged(str): the selected stretch's id, or "" when none is selected.
        stretchActivated(str): the user chose a stretch to add (Enter or double-click).
    """

    currentChanged = Signal(str)  # noqa: N815 - Qt signal naming
    stretchActivated = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        base = theme.base_pixel_size()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(base, base, base // 2, base)
        heading = QLabel(_("Stretch library"))
        heading.setFont(theme.scaled_font(1.2, bold=True))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setPlaceholderText(_("Search stretches"))
        self.search_edit.setAccessibleName(_("Search the stretch library"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.apply_filter)
        self.position_filter = self._filter_combo(
            "Position", _("Filter by position"), _("Any position"), POSITION_WORDS.items()
        )
        self.equipment_filter = self._filter_combo(
            "Equipment", _("Filter by equipment"), _("Any equipment"), EQUIPMENT_WORDS.items()
        )
        self.kind_filter = self._filter_combo(
            "Kind", _("Filter by kind"), _("Any kind"), KIND_WORDS.items()
        )
        filters = QFormLayout()
        filters.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        filters.addRow(_("Where"), self.position_filter)
        filters.addRow(_("Needs"), self.equipment_filter)
        filters.addRow(_("Kind"), self.kind_filter)
        self.library_list = QListWidget()
        self.library_list.setObjectName("libraryList")
        self.library_list.setAccessibleName(_("Stretch library"))
        self.library_list.setSpacing(1)
        wrap_long_items(self.library_list)
        for stretch in catalog.values():
            name = with_back_mark(stretch.name, stretch)  # the sore-back mark, when flagged
            item = QListWidgetItem(f"{name}\n{library_detail(stretch)}")
            item.setData(Qt.ItemDataRole.UserRole, stretch.id)
            item.setToolTip(stretch.summary)
            self.library_list.addItem(item)
        self.library_list.currentItemChanged.connect(self._current_changed)
        self.library_list.itemActivated.connect(self._activated)
        self.library_count = QLabel()
        self.library_count.setObjectName("libraryCount")
        layout.addWidget(heading)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.library_list, 1)
        layout.addWidget(self.library_count)

    def current_stretch(self) -> str | None:
        """The id of the selected stretch, ``None`` when none is selected or it is hidden."""
        item = self.library_list.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def visible_stretches(self) -> list[str]:
        """The ids the search and filters let through, in library order."""
        return [
            self.library_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.library_list.count())
            if not self.library_list.item(row).isHidden()
        ]

    def apply_filter(self) -> None:
        """Show the stretches that match the search and filters; keep one selected."""
        words = self.search_edit.text().casefold().split()
        position = self.position_filter.currentData()
        equipment = self.equipment_filter.currentData()
        kind = self.kind_filter.currentData()
        shown = 0
        for row in range(self.library_list.count()):
            item = self.library_list.item(row)
            stretch = self.catalog[item.data(Qt.ItemDataRole.UserRole)]
            text = f"{stretch.id} {stretch.name} {stretch.summary}".casefold()
            visible = (
                all(word in text for word in words)
                and position in (ANY, str(stretch.position))
                and (equipment == ANY or equipment in {str(thing) for thing in stretch.equipment})
                and kind in (ANY, str(stretch.kind))
            )
            item.setHidden(not visible)
            shown += visible
        total = self.library_list.count()
        self.library_count.setText(
            ngettext("{shown} of {total} stretch", "{shown} of {total} stretches", total).format(
                shown=shown, total=total
            )
        )
        current = self.library_list.currentItem()
        if current is None or current.isHidden():
            first = next(
                (
                    self.library_list.item(row)
                    for row in range(self.library_list.count())
                    if not self.library_list.item(row).isHidden()
                ),
                None,
            )
            if first is None:
                self.library_list.setCurrentRow(-1)
                self.currentChanged.emit("")
            else:
                self.library_list.setCurrentItem(first)

    def _filter_combo(
        self, what: str, name: str, any_words: str, words: Iterable[tuple[StrEnum, str]]
    ) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"filter{what}")
        # As narrow as a short word, not the longest entry: German filters at 150 % text
        # would otherwise widen the library pane past its share of a laptop screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setAccessibleName(name)
        combo.addItem(any_words, ANY)
        for value, text in words:
            combo.addItem(text, str(value))
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.currentChanged.emit("" if current is None else current.data(Qt.ItemDataRole.UserRole))

    def _activated(self, _item: QListWidgetItem) -> None:
        stretch = self.current_stretch()
        if stretch is not None:
            self.stretchActivated.emit(stretch)
