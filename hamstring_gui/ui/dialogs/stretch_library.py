"""Help ▸ Stretch library: every entry's steps, cautions, sources and picture.

A plain window anyone can read, not only people building routines: a list of
the library on the left (arrow keys move through it; stretches not for a sore
back say so in their line), the picture and the full text on the right in a
text view that Tab reaches and screen readers read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core.catalog import Catalog, Sides
from hamstring_gui.core.i18n import _
from hamstring_gui.core.plan import PhaseKind, Side
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.illustration import IllustrationView
from hamstring_gui.ui.widgets.scroll_area import name_scroll_bars
from hamstring_gui.ui.widgets.stretch_text import details_html, list_label
from hamstring_gui.ui.widgets.wrapped_list import wrap_long_items

_ID_ROLE = Qt.ItemDataRole.UserRole


class StretchLibraryDialog(QDialog):
    """The whole library to read, one entry at a time."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stretchLibrary")
        self.setWindowTitle(_("Stretch library"))
        self.setAccessibleName(_("Stretch library"))
        self.catalog = catalog
        base = theme.base_pixel_size()

        heading = QLabel(
            _(
                "Every stretch the app can guide, written from the seed articles. "
                "Stretching is for flexibility; it is not a treatment for back pain."
            )
        )
        heading.setWordWrap(True)
        self.entries = QListWidget()
        self.entries.setObjectName("libraryEntries")
        self.entries.setAccessibleName(_("Stretches"))
        for stretch in catalog.values():
            item = QListWidgetItem(list_label(stretch))
            item.setData(_ID_ROLE, stretch.id)
            item.setToolTip(stretch.summary)
            self.entries.addItem(item)
        self.entries.setMinimumWidth(base * 18)
        wrap_long_items(self.entries)  # German names at 150 % are wider than the list
        list_label_widget = QLabel(_("&Stretches"))
        list_label_widget.setBuddy(self.entries)

        self.picture = IllustrationView()
        self.picture.setObjectName("libraryPicture")
        self.picture.setAccessibleName(_("Picture of the stretch"))
        self.picture.setMinimumHeight(base * 10)
        self.picture.setMaximumHeight(base * 16)  # the words, not the picture, get the room
        self.text = QTextBrowser()
        self.text.setObjectName("libraryText")
        self.text.setAccessibleName(_("About this stretch"))
        name_scroll_bars(self.text, self.text.accessibleName())  # long entries scroll
        self.text.setOpenLinks(False)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        left = QVBoxLayout()
        left.addWidget(list_label_widget)
        left.addWidget(self.entries, 1)
        right = QVBoxLayout()
        right.addWidget(self.picture, 0)
        right.addWidget(self.text, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 5)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.entries.currentItemChanged.connect(self._show_current)
        self.entries.setCurrentRow(0)
        self.entries.setFocus()
        self.resize(base * 62, base * 44)

    @classmethod
    def show_for(cls, parent: QWidget, catalog: Catalog) -> StretchLibraryDialog:
        """Open the window (or bring back the one already open) beside ``parent``."""
        existing = parent.findChild(StretchLibraryDialog)
        dialog = existing if existing is not None else cls(catalog, parent)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def select(self, stretch_id: str) -> None:
        """Show one entry (for the editor and for scripts)."""
        for row in range(self.entries.count()):
            if self.entries.item(row).data(_ID_ROLE) == stretch_id:
                self.entries.setCurrentRow(row)
                return

    def current_id(self) -> str | None:
        """The entry shown."""
        item = self.entries.currentItem()
        return str(item.data(_ID_ROLE)) if item is not None else None

    def _show_current(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        stretch = self.catalog[str(item.data(_ID_ROLE))]
        self.text.setHtml(details_html(stretch))
        self.text.setAccessibleDescription(stretch.summary)
        side = Side.LEFT if stretch.sides is Sides.EACH else None
        self.picture.show_phase(stretch.id, side, PhaseKind.HOLD, float(stretch.hold_seconds))
