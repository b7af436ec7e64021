"""The settings schema: defaults, bounds beside them, age bands, sections."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hamstring_gui.core.holds import HOLD_RANGE
from hamstring_gui.core.settings import (
    AGE_65_PLUS,
    SECTIONS,
    SessionSettings,
    Settings,
    bound_of,
    bounded_fields,
    settings_from_dict,
    spec_fields,
)


def test_every_default_passes_its_own_validation() -> None:
    for name, cls in SECTIONS.items():
        defaults = cls()
        for field_name, spec in spec_fields(cls):
            value = getattr(defaults, field_name)
            if isinstance(value, tuple):
                value = list(value)
            assert spec.coerce(value, None) == (getattr(defaults, field_name), None), (
                f"{name}.{field_name}"
            )


def test_issue_ranges_are_declared_beside_the_defaults() -> None:
    expected = {
        "hold_seconds": (30, *HOLD_RANGE),
        "rest_seconds": (10, 0, 120),
        "switch_seconds": (5, 2, 30),
        "prepare_seconds": (5, 0, 30),
        "reps": (3, 1, 10),
        "contract_seconds": (5, 3, 10),
        "relax_seconds": (3, 1, 10),
        "deeper_hold_seconds": (20, 10, 60),
    }
    defaults = SessionSettings()
    found = {
        name: (getattr(defaults, name), b.minimum, b.maximum)
        for name, b in bounded_fields(SessionSettings)
    }
    assert found == expected
    assert "30 s is as effective as 60 s" in bound_of(SessionSettings, "hold_seconds").hint


def test_bound_of_refuses_fields_that_are_not_numbers() -> None:
    with pytest.raises(KeyError):
        bound_of(SessionSettings, "warm_up")
    with pytest.raises(KeyError):
        bound_of(SessionSettings, "nothing")


def test_older_age_band_makes_the_default_hold_60() -> None:
    settings, _ = settings_from_dict({"version": 1, "profile": {"age_band": "65+"}})
    assert settings.session.hold_seconds == 60
    own, _ = settings_from_dict(
        {"version": 1, "profile": {"age_band": "65+"}, "session": {"hold_seconds": 45}}
    )
    assert own.session.hold_seconds == 45
    assert Settings().default_section("session") == SessionSettings()
    assert own.default_section("session") == SessionSettings(hold_seconds=60)


def test_changing_age_band_moves_a_default_hold_but_not_a_chosen_one() -> None:
    assert Settings().with_age_band(AGE_65_PLUS).session.hold_seconds == 60
    back = Settings().with_age_band(AGE_65_PLUS).with_age_band("under-65")
    assert back.session.hold_seconds == 30
    chosen = Settings(session=SessionSettings(hold_seconds=45))
    assert chosen.with_age_band(AGE_65_PLUS).session.hold_seconds == 45
    with pytest.raises(ValueError, match="age band"):
        Settings().with_age_band("old")


def test_with_section_checks_the_type() -> None:
    with pytest.raises(TypeError):
        Settings().with_section("sound", SessionSettings())
    with pytest.raises(KeyError):
        Settings().section("nope")


def test_with_hold_for_sets_clamps_and_forgets() -> None:
    session = SessionSettings().with_hold_for("chair-stretch", 40)
    assert session.hold_for("chair-stretch") == 40
    assert session.with_hold_for("chair-stretch", 500).hold_for("chair-stretch") == 60
    assert session.with_hold_for("chair-stretch", None).overrides == {}
    with pytest.raises(ValueError, match="stretch id"):
        session.with_hold_for("../etc", 40)


def test_core_settings_import_neither_qt_nor_platformdirs() -> None:
    code = (
        "import sys, hamstring_gui.core.settings.store, hamstring_gui.core.settings;"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'platformdirs'))])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )  # noqa: E501
    assert result.stdout.strip() == "[]"
