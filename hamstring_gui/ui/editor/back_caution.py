"""The routine editor's care for stretches that are not for a sore back.

Flagged stretches (``back_pain_caution`` in the library) are marked in the
library list and in the routine; adding one asks once, with the library's own
reason; importing a routine with some says which and why. The questions are
class methods so tests can answer them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from hamstring_gui.core.catalog import Catalog, Stretch
from hamstring_gui.core.i18n import _, ngettext
from hamstring_gui.core.routine import Routine
from hamstring_gui.ui.sore_back import BACK_MARK, SORE_BACK_KEY
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.stretch_text import safety_html


def import_notice(routine: Routine, catalog: Catalog) -> str | None:
    """What to tell after importing ``routine``: its sore-back stretches and why, or None."""
    flagged = routine.back_cautions(catalog)
    if not flagged:
        return None
    lines = [f"• {stretch.name}: {stretch.back_caution_reason()}" for stretch in flagged]
    heading = ngettext(
        "“{routine}” was imported. This stretch is not for a sore back:",
        "“{routine}” was imported. These stretches are not for a sore back:",
        len(flagged),
    )
    leave_out = _("During a session you can leave one out with {key}.")
    return "\n".join(
        [heading.format(routine=routine.name), *lines, leave_out.format(key=SORE_BACK_KEY)]
    )


class BackCautionGuard:
    """Asks once per stretch, for the life of the editor, before adding a flagged one."""

    def __init__(self) -> None:
        self._agreed: set[str] = set()

    def may_add(self, parent: QWidget, stretch: Stretch) -> bool:
        """Whether ``stretch`` may go into the routine (asks only the first time)."""
        if not stretch.back_pain_caution or stretch.id in self._agreed:
            return True
        if not self.ask(parent, stretch):
            return False
        self._agreed.add(stretch.id)
        return True

    @classmethod
    def ask(cls, parent: QWidget, stretch: Stretch) -> bool:
        """Whether to add a stretch that is not for a sore back, with the library's reason."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(BACK_MARK)
        box.setText(_("{name} is not for a sore back.").format(name=stretch.name))
        question = _(
            "Add it anyway? In a session it is marked, "
            "and {key} leaves it out on a day your back hurts."
        )
        box.setInformativeText(
            f"{stretch.back_caution_reason()}\n\n" + question.format(key=SORE_BACK_KEY)
        )
        add = box.addButton(_("Add it"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(_("Don't add"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is add

    @classmethod
    def tell(cls, parent: QWidget, text: str) -> None:
        """Show the import notice."""
        QMessageBox.information(parent, _("Imported: stretches not for a sore back"), text)


class SafetyNote(QLabel):
    """A stretch's cautions and the seeds' disagreement, beside its picture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewSafety")  # read as shown: no name of its own
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        theme.set_font(self, 0.95)

    def show_stretch(self, stretch: Stretch) -> None:
        """The notes for ``stretch``."""
        self.setText(safety_html(stretch))
