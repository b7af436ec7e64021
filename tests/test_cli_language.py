"""The command line speaks the desktop's language; its JSON keys and ids stay English."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def _run(language: str, *args: str) -> str:
    env = {**os.environ, "LANGUAGE": language}
    out = subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", ["Schreibtischpause", "Bereit machen", "Halten", "Beinwechsel", "links", "Phasen"]),
        ("es", ["Pausa en el escritorio", "Prepárate", "Mantén", "Cambia de pierna", "fases"]),
    ],
)
def test_plan_speaks_the_language(language: str, words: list[str]) -> None:
    text = _run(language, "plan", "desk-break")
    for word in words:
        assert word in text
    for english in ("Get ready", "Hold ", "Switch legs", "phases", "Desk break", "done"):
        assert english not in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", ["Dehnung auf dem Stuhl", "Statisches Halten", "Liegend", "jedes Bein", "Wand"]),
        ("es", ["Estiramiento en la silla", "Tumbado", "cada pierna", "Pared"]),
    ],
)
def test_stretches_speak_the_language(language: str, words: list[str]) -> None:
    text = _run(language, "stretches")
    for word in words:
        assert word in text
    for english in ("Chair hamstring stretch", "Static hold", "Lying ", "[Wall]"):
        assert english not in text


@pytest.mark.parametrize("language", ["de", "es"])
def test_json_keys_and_ids_stay_english(language: str) -> None:
    english = json.loads(_run("en", "stretches", "--json"))
    shown = json.loads(_run(language, "stretches", "--json"))
    assert [list(row) for row in shown] == [list(row) for row in english]
    for mine, theirs in zip(shown, english, strict=True):
        for key in ("id", "kind", "position", "equipment", "sides", "sources"):
            assert mine[key] == theirs[key]
        assert set(mine["cues"]) == set(theirs["cues"])
    assert shown[0]["name"] != english[0]["name"]
    plan_en = json.loads(_run("en", "plan", "desk-break", "--json"))
    assert json.loads(_run(language, "plan", "desk-break", "--json")) == plan_en
    routines = json.loads(_run(language, "routines", "--json"))
    assert [r["id"] for r in routines][:2] == ["desk-break", "gentle-lying"]


def test_preferences_language_overrides_the_desktop(private_dirs: object) -> None:
    from hamstring_gui.paths import settings_file

    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "appearance": {"language": "es"}}))
    assert "Mantén" in _run("de", "plan", "desk-break")
    path.write_text(json.dumps({"version": 1, "appearance": {"language": "system"}}))
    assert "Halten" in _run("de", "plan", "desk-break")


def test_an_unknown_routine_is_refused_in_the_language() -> None:
    env = {**os.environ, "LANGUAGE": "de"}
    out = subprocess.run(
        [sys.executable, "-m", "hamstring_gui", "plan", "desk-brake"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert "unbekanntes Programm 'desk-brake'; meintest du 'desk-break'?" in out.stderr


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", ["Hinweis:", "'foam-roll-lower-back'", "nichts für einen schmerzenden Rücken"]),
        ("es", ["nota:", "'foam-roll-lower-back'", "no es para una espalda dolorida"]),
    ],
)
def test_import_notes_speak_the_language(tmp_path, language: str, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "roll.toml"
    source.write_text(
        'id = "roll"\nname = "Roll"\n[[items]]\nstretch = "foam-roll-lower-back"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "LANGUAGE": language, "XDG_DATA_HOME": str(tmp_path / "data")}
    out = subprocess.run(
        [sys.executable, "-m", "hamstring_gui", "import-routine", str(source)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    for word in words:
        assert word in out.stderr
    assert "not for a sore back" not in out.stderr
