"""The handout and the progress report speak the app's language, every word of them.

Under the pseudo-locale every translated string comes back between ``‹ ›``;
once those spans are taken out of the PDF's text, no word may be left: a
word left over was never marked. German papers carry German dates.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hamstring_gui import paths
from hamstring_gui.core import i18n
from hamstring_gui.core.history import HistoryStore
from tests.helpers.history import add_self_tests, fill
from tests.helpers.tools import require
from tests.ui.test_pseudo_locale import unmarked_in


def unmarked_words(text: str) -> list[str]:
    """The words of a PDF's text outside every ``‹ ›`` span, once each."""
    return sorted(set(unmarked_in(text)))


def paper(language: str, *args: str) -> str:
    """Run ``hamstring-gui ARGS`` in ``language``; the text of the PDF it wrote (last argument)."""
    env = {**os.environ, "LANGUAGE": language}
    env.pop("DISPLAY", None)  # the papers need no screen
    result = subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    require("pdftotext")
    pdf = next(arg for arg in args if arg.endswith(".pdf"))
    return subprocess.run(
        ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def history() -> None:
    """A record with every part of the report: sessions, hurts on both sides, self-tests."""
    with HistoryStore(paths.history_file()) as store:
        fill(store, date.today(), 120, hurt_every=9)
        add_self_tests(store, date.today())


def test_the_check_finds_an_unmarked_word() -> None:
    text = "‹Ŝŧéþš› 1. ‹Ħóļð ‹Ďéšķ› 30 š·›\nForgotten words ‹ŕéšŧ\nwrapped·›"
    assert unmarked_words(text) == ["Forgotten", "words"]


@pytest.mark.parametrize("routine", ["desk-break", "pnf-towel", "full-session"])
def test_every_word_of_a_handout_is_marked(routine: str, tmp_path: Path) -> None:
    text = paper("pseudo", "handout", routine, str(tmp_path / "handout.pdf"))
    assert i18n.PSEUDO_OPEN in text
    assert unmarked_words(text) == []


@pytest.mark.usefixtures("history")
def test_every_word_of_a_progress_report_is_marked(tmp_path: Path) -> None:
    text = paper("pseudo", "report", str(tmp_path / "report.pdf"), "--weeks", "8")
    assert unmarked_words(text) == []


@pytest.mark.usefixtures("history")
@pytest.mark.parametrize(
    ("language", "words", "month"),
    [
        (
            "de",
            ["Fortschrittsbericht", "Seite 1", "Links und rechts", "üblicher Bereich"],
            "{}. {}",
        ),
        (
            "es",
            ["Informe de progreso", "Página 1", "Izquierda y derecha", "rango habitual"],
            "{} de {}",
        ),
    ],
)
def test_a_report_in_german_or_spanish(
    language: str, words: list[str], month: str, tmp_path: Path
) -> None:
    text = " ".join(paper(language, "report", str(tmp_path / "r.pdf"), "--weeks", "8").split())
    for word in words:
        assert word in text
    i18n.use(language)
    try:
        today = i18n.format_long_date(date.today())
        name = i18n.pgettext("month", date.today().strftime("%B"))
    finally:
        i18n.use("en")
    assert today in text and month.format(date.today().day, name) in today
    for english in ("Stretching progress report", "Page 1", "Left and right", "typical range"):
        assert english not in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", ["Du brauchst: Stuhl", "Schritte", "halten", "Seite 1", "linkes Bein"]),
        ("es", ["Necesitas: Silla", "Pasos", "Mantén", "Página 1", "pierna izquierda"]),
    ],
)
def test_a_handout_in_german_or_spanish(language: str, words: list[str], tmp_path: Path) -> None:
    text = " ".join(paper(language, "handout", "desk-break", str(tmp_path / "h.pdf")).split())
    for word in words:
        assert word in text
    for english in ("You need", "Steps", "Hold ", "Page 1", "left leg", "printed"):
        assert english not in text
