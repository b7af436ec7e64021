"""The question before a session stops early: "Keep going" unless the user says stop."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from hamstring_gui.core.i18n import _
from hamstring_gui.ui.style import theme


class StopConfirmDialog(QDialog):
    """Asks before ending a session early (Esc must never lose a session by accident).

    A dialog of our own rather than a QMessageBox: that one sizes itself to
    its text, too narrow for its title (window managers cut it short).
    "Keep going" is the default button: Enter and Esc both keep the session.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Stop the session?"))
        base = theme.base_pixel_size()
        question = QLabel(_("Stop this session now?"))
        theme.set_font(question, 1.3, bold=True)
        detail = QLabel(_("What you have done so far still counts."))
        detail.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.stop_button = buttons.addButton(
            _("Stop session"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.keep_button = buttons.addButton(
            _("Keep going"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.stop_button.setObjectName("confirmStopButton")
        self.keep_button.setObjectName("keepGoingButton")
        self.keep_button.setDefault(True)
        self.stop_button.clicked.connect(self.accept)
        self.keep_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(base * 2, base * 2, base * 2, base * 2)
        layout.addWidget(question)
        layout.addWidget(detail)
        layout.addSpacing(base)
        layout.addWidget(buttons)
        self.setMinimumWidth(base * 30)
        self.keep_button.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        """True when the user really wants to stop."""
        return cls(parent).exec() == QDialog.DialogCode.Accepted
