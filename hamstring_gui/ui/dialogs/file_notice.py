"""Tells the user, in the window, what was wrong with their files at start-up.

A damaged settings file or history database is kept aside and the app goes
on (see README, "Where your files live"); the messages also go to stderr,
which nobody sees when the app starts from the menu. This box shows them
once, without blocking: the app is already usable behind it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from hamstring_gui.core.i18n import N_, _

TITLE = N_("Your files")
SUMMARY = N_("Hamstring Coach found a problem with a file it keeps for you. Nothing was deleted.")


def show_file_notice(parent: QWidget, messages: Sequence[str]) -> QMessageBox | None:
    """Show ``messages`` in a non-modal box (none when there are none); returns it."""
    if not messages:
        return None
    box = QMessageBox(QMessageBox.Icon.Information, _(TITLE), _(SUMMARY), parent=parent)
    box.setObjectName("fileNotice")
    box.setInformativeText("\n\n".join(messages))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(_(TITLE))
    box.setAccessibleDescription(_(SUMMARY))
    box.setModal(False)
    box.show()
    return box
