"""Under the pseudo-locale every word on screen is marked, and the screens still fit.

``LANGUAGE=pseudo`` makes every translated string ~40 % longer, accented and
wrapped in ``‹ ›``: a visible text without the marker escaped translation,
and a screen that outgrows the laptop at 150 % text would clip in German.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTextEdit,
    QWidget,
)

from hamstring_gui.core import i18n, words
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.routine import Routine, RoutineItem
from hamstring_gui.ui import translations
from tests.ui import test_large_text
from tests.ui.dialogs.test_sound_check import FakeSoundCheck
from tests.ui.test_large_text import SCREENS, assert_fits_a_laptop

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# A sore-back stretch first: its cautions, mark and skip are on screen at once.
BACK_ROUTINE = Routine(
    "back",
    "Back",
    "",
    (RoutineItem("seated-toe-touch", reps=1), RoutineItem("chair-stretch", reps=1)),
)


def _back_window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window = test_large_text._window(qtbot, tmp_path)
    window.set_routines({**window.routines, "back": BACK_ROUTINE})
    window.start_routine("back")
    window.controller.tick()
    return window


def _session_cautions(qtbot, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    window = _back_window(qtbot, tmp_path)
    assert window.session_screen.cautions.back_row.isVisibleTo(window)
    return window


def _summary_after_skip(qtbot, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    window = _back_window(qtbot, tmp_path)
    window.back_care.sore_back.trigger()  # B: the sore-back stretch left out
    window.controller.skip()  # and the chair stretch skipped
    window.controller.stop()
    assert window.stack.currentWidget() is window.summary_screen
    return window


def _stretch_library(qtbot, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from hamstring_gui.ui.dialogs.stretch_library import StretchLibraryDialog

    dialog = StretchLibraryDialog(load_catalog())
    dialog.select("seated-toe-touch")  # one with the sore-back mark and a disagreement
    qtbot.addWidget(dialog)
    return dialog


class _SoundCheck(FakeSoundCheck):
    """The cue player's findings, read in the language in use as the real one does."""

    def sound_status(self) -> str:
        return words.LOOKING_FOR_SOUND

    def voice_status(self) -> str:
        return words.voice_found("espeak-ng", "MALE1", "de")


def _routine_editor(qtbot, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    """The editor with a copy of a routine: its items, the form, the library and the preview."""
    editor = test_large_text._editor(qtbot, tmp_path)
    editor.duplicate("full-session")  # a PNF stretch, a timed move and sore-back marks
    editor.select_item(1)
    editor.routine_panel.say(editor.problem() or "")
    return editor


def _preferences_sounds(qtbot, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from hamstring_gui.ui.dialogs.preferences import PreferencesDialog

    window = test_large_text._window(qtbot, tmp_path)
    dialog = PreferencesDialog(window.model, sound_check=_SoundCheck())
    dialog.page_list.setCurrentRow(1)  # Sounds, with Test sound and Test voice
    qtbot.addWidget(dialog)
    return dialog


# The shared table, so assert_fits_a_laptop builds these too (150 % below).
SCREENS.update(
    {
        "session cautions": _session_cautions,
        "summary after skip": _summary_after_skip,
        "stretch library": _stretch_library,
        "preferences sounds": _preferences_sounds,
        "routine editor": _routine_editor,
    }
)

MARKED_SCREENS = (
    "safety",
    "start",
    "session",
    "session cautions",
    "summary",
    "summary after skip",
    "stretch library",
    "preferences sounds",
    "preferences",
    "history",
    "stop dialog",
    "hurt dialog",
    "editor",
    "routine editor",
)
"""Screens whose every word is marked (the papers: tests/ui/paper/test_paper_languages.py)."""

_TAG = re.compile(r"<[^>]+>")
_SPAN = re.compile(
    f"{i18n.PSEUDO_OPEN}[^{i18n.PSEUDO_OPEN}{i18n.PSEUDO_CLOSE}]*{i18n.PSEUDO_CLOSE}"
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_SOURCE = re.compile(r"\(\w+\.(txt|md)\)\s*$")


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """What a person sees or hears of ``widget``: text, title, items, name, tooltip."""
    name = widget.objectName() or type(widget).__name__
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        yield name, widget.text()
    if isinstance(widget, QLineEdit):
        yield f"{name} placeholder", widget.placeholderText()
    if isinstance(widget, QTextEdit):  # each line: a heading, a step, a caution
        for line in widget.toPlainText().splitlines():
            if not _SOURCE.search(line):  # a seed article's own title and its file
                yield f"{name} line", line
    if isinstance(widget, QGroupBox):
        yield name, widget.title()
    if isinstance(widget, QComboBox):
        for row in range(widget.count()):
            yield f"{name} item", widget.itemText(row)
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            yield f"{name} item", widget.item(row).text()
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for row in range(model.rowCount()):
            yield f"{name} row", str(model.index(row, 0).data() or "")
    if isinstance(widget, QAbstractSpinBox):  # "Default (30 s)" when nothing is chosen
        yield f"{name} value", widget.text()
    if widget.isWindow():
        yield f"{name} title", widget.windowTitle()
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            yield "menu", action.text()
            menu = action.menu()
            for entry in menu.actions() if menu else []:
                yield "menu entry", entry.text()
                yield "menu entry tip", entry.toolTip()
    yield f"{name} name", widget.accessibleName()
    yield f"{name} description", widget.accessibleDescription()
    yield f"{name} tooltip", widget.toolTip()


def unmarked_words(root: QWidget) -> list[str]:
    """Every visible text with a word outside the pseudo markers (a piece glued on in English)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        for where, text in _texts(widget):
            plain = _TAG.sub("", html.unescape(text))
            if unmarked_in(plain):
                found.append(f"{where}: {plain!r}")
    return found


def unmarked_in(text: str) -> list[str]:
    """The words of ``text`` outside every ``‹ ›`` span (spans nest: a name inside a line)."""
    before = None
    while before != text:
        before, text = text, _SPAN.sub(" ", text)
    return _WORD.findall(text)


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    """The app's words and Qt's own (dialog buttons) through the pseudo-locale."""
    before = QLocale()
    translator = translations.install(qapp, i18n.use("pseudo"))
    yield
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)
    i18n.use("en")


@pytest.mark.parametrize("screen", MARKED_SCREENS)
def test_every_visible_word_is_marked_for_translation(qtbot, tmp_path, pseudo, screen) -> None:  # type: ignore[no-untyped-def]
    widget = SCREENS[screen](qtbot, tmp_path)
    widget.show()
    qtbot.waitExposed(widget)
    assert unmarked_words(widget) == []


def test_the_walk_finds_an_unmarked_word(qtbot, pseudo) -> None:  # type: ignore[no-untyped-def]
    root = QWidget()
    qtbot.addWidget(root)
    QLabel(i18n._("Hold"), root)
    QLabel("Forgotten words", root).setObjectName("forgotten")
    QLabel(i18n._("Hold") + " forever", root).setObjectName("glued")  # a piece glued on
    QLabel("0:30", root)
    root.show()
    assert unmarked_words(root) == [
        "forgotten: 'Forgotten words'",
        f"glued: '{i18n._('Hold')} forever'",
    ]


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    original = qapp.font()
    font = original.__class__(original)
    font.setPointSizeF(original.pointSizeF() * 1.5)
    qapp.setFont(font)
    yield
    qapp.setFont(original)


@pytest.mark.parametrize("language", ["pseudo", "de", "es"])
@pytest.mark.parametrize("screen", MARKED_SCREENS)
def test_long_words_at_150_percent_still_fit_a_laptop(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, large_text, language, screen
) -> None:
    i18n.use(language)
    try:
        assert_fits_a_laptop(qtbot, tmp_path, screen)
    finally:
        i18n.use("en")


def test_the_current_step_is_the_same_in_german() -> None:
    """Steps are found by their English words; a translation keeps their order."""
    from hamstring_gui.core.catalog import load_base_catalog
    from hamstring_gui.core.plan import Phase, PhaseKind
    from hamstring_gui.core.steps import current_step
    from hamstring_gui.ui.screens.session import _as_written

    english = load_base_catalog()
    i18n.use("de")
    try:
        german = load_catalog()
        differ = []
        for stretch in german.values():
            phase = Phase(PhaseKind.HOLD, stretch.id, None, 1, 30, 0)
            assert current_step(_as_written(stretch), phase, False, 0.0) == current_step(
                english[stretch.id], phase, False, 0.0
            )
            differ += (
                [stretch.id]
                if current_step(stretch, phase, False, 0.0)
                != current_step(english[stretch.id], phase, False, 0.0)
                else []
            )
    finally:
        i18n.use("en")
    assert differ  # German words alone would find other steps: the test can fail
