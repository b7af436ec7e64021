"""Qt's own words and formats follow the app's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from hamstring_gui.core import i18n
from hamstring_gui.ui import translations


def _cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    return button.text().replace("&", "")


def test_qt_dialog_buttons_and_locale_follow_the_language(qapp: QApplication) -> None:
    before = QLocale()
    try:
        _walk_languages(qapp)
    finally:
        QLocale.setDefault(before)


def _walk_languages(qapp: QApplication) -> None:
    for code, cancel in (("de", "Abbrechen"), ("es", "Cancelar")):
        translator = translations.install(qapp, i18n.use(code))
        assert translator is not None, f"qtbase_{code}.qm is missing from PySide6"
        try:
            assert _cancel_text() == cancel
            assert QLocale().name().startswith(code)
            assert QLocale().toString(2.5, "f", 1) == "2,5"
        finally:
            QCoreApplication.removeTranslator(translator)
    assert translations.install(qapp, i18n.use("en")) is None
    assert _cancel_text() == "Cancel"
    translator = translations.install(qapp, i18n.use("pseudo"))
    assert translator is not None
    try:
        assert _cancel_text().startswith(i18n.PSEUDO_OPEN)
    finally:
        QCoreApplication.removeTranslator(translator)
