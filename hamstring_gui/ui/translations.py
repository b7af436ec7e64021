"""Qt's side of the language: its own dialog words and its locale.

The app's words come from gettext (:mod:`hamstring_gui.core.i18n`); Qt's own
(the OK, Cancel, Yes and No of standard buttons, the context menu of a text
field) come from ``qtbase_<lang>.qm``, which the PySide6 wheel ships in
``PySide6/Qt/translations``. ``QLocale.setDefault`` makes Qt's number, date
and day-name formatting (calendars, time editors) follow the same language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hamstring_gui.core.i18n import PSEUDO, Language, pseudo


class PseudoTranslator(QTranslator):
    """Qt's own words through the pseudo-locale too, so a screenshot tells them apart."""

    def translate(  # noqa: D102 - Qt's
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return pseudo(source_text) if source_text else source_text


def install(app: QCoreApplication, language: Language) -> QTranslator | None:
    """Load Qt's own translation of ``language`` and make it Qt's default locale.

    Returns the installed translator (its parent is ``app``), a pseudo one for
    the pseudo-locale, or ``None`` for English, or when Qt's file is missing from this build (then
    Qt's few words stay English and the rest of the app is still translated).
    """
    QLocale.setDefault(QLocale(language.qt_name))
    if language.code == PSEUDO:
        pseudo_translator = PseudoTranslator(app)
        app.installTranslator(pseudo_translator)
        return pseudo_translator
    if language.qt_name == "en":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language.qt_name}", folder):
        return None
    app.installTranslator(translator)
    return translator
