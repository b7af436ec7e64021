"""Language overlays of the library and routines: applied when current, named when not."""

from __future__ import annotations

import pytest

from hamstring_gui.core import i18n, overlay
from hamstring_gui.core.catalog import load_base_catalog, load_catalog
from hamstring_gui.core.routine import base_builtin_routines, builtin_routines

LANGUAGES = ("de", "es")


def _english(kind: str) -> dict[str, dict[str, object]]:
    if kind == "stretches":
        return {s.id: s.text_fields() for s in load_base_catalog().values()}
    return {r.id: r.text_fields() for r in base_builtin_routines().values()}


ENGLISH = {"name": "Lying stretch", "steps": ["Lie down.", "Breathe."], "cues": {"hold": "Hold"}}


def _entry(**change: object) -> dict[str, object]:
    return {
        "source": overlay.source_hash(ENGLISH),
        "name": "Dehnung im Liegen",
        "steps": ["Hinlegen.", "Atmen."],
        "cues": {"hold": "Halten"},
        **change,
    }


def test_a_current_entry_replaces_the_words(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = _entry()
    monkeypatch.setattr(overlay, "read_overlay", lambda kind, language: {"x": entry})
    assert overlay.localized("stretches", "x", ENGLISH, "de")["name"] == "Dehnung im Liegen"
    assert overlay.localized("stretches", "x", ENGLISH, "en") is ENGLISH
    assert overlay.check_overlay("stretches", "de", {"x": ENGLISH}) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"source": "0" * 12}, "stale"),
        ({"steps": ["Hinlegen."]}, "steps needs 2 texts"),
        ({"cues": {"prepare": "Los"}}, "cues needs exactly hold"),
        ({"name": ""}, "name is not a text"),
        ({"summary": "extra"}, "unknown summary"),
    ],
)
def test_a_stale_or_misshapen_entry_falls_back_to_english_and_is_named(
    monkeypatch: pytest.MonkeyPatch, change: dict[str, object], problem: str
) -> None:
    entry = _entry(**change)
    monkeypatch.setattr(overlay, "read_overlay", lambda kind, language: {"x": entry})
    assert overlay.localized("stretches", "x", ENGLISH, "de") == ENGLISH
    problems = overlay.check_overlay("stretches", "de", {"x": ENGLISH})
    assert any(problem in line for line in problems), problems


def test_a_missing_or_unknown_entry_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overlay, "read_overlay", lambda kind, language: {"y": {}})
    problems = overlay.check_overlay("stretches", "de", {"x": ENGLISH})
    assert any("[x] is missing" in line for line in problems)
    assert any("[y] is no stretches id" in line for line in problems)


def test_pseudo_marks_every_word_of_the_library_and_keeps_the_data() -> None:
    i18n.use("pseudo")
    base, shown = load_base_catalog(), load_catalog()
    for stretch_id, stretch in shown.items():
        for value in (stretch.name, stretch.summary, *stretch.steps, *stretch.cautions):
            assert value.startswith(i18n.PSEUDO_OPEN)
        assert set(stretch.cues) == set(base[stretch_id].cues)
        assert stretch.hold_seconds == base[stretch_id].hold_seconds
        assert stretch.sources == base[stretch_id].sources
    assert all(r.name.startswith(i18n.PSEUDO_OPEN) for r in builtin_routines().values())
    i18n.use("en")
    assert load_catalog() is load_catalog()
    assert load_catalog()["chair-stretch"] == base["chair-stretch"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", overlay.KINDS)
def test_every_stretch_and_routine_is_translated_and_current(kind: str, language: str) -> None:
    assert overlay.check_overlay(kind, language, _english(kind)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_translated_library_keeps_every_number_id_and_safety_flag(language: str) -> None:
    i18n.use(language)
    base, shown = load_base_catalog(), load_catalog()
    assert list(shown) == list(base)
    for stretch_id, stretch in shown.items():
        english = base[stretch_id]
        assert stretch.name != english.name or stretch_id in ("downward-dog",)
        assert (stretch.kind, stretch.sides, stretch.hold_seconds, stretch.reps) == (
            english.kind,
            english.sides,
            english.hold_seconds,
            english.reps,
        )
        assert stretch.back_pain_caution == english.back_pain_caution
        assert len(stretch.cautions) == len(english.cautions)
        assert (stretch.disagreement is None) == (english.disagreement is None)
    assert builtin_routines()["desk-break"].name != base_builtin_routines()["desk-break"].name
