"""The settings schema: defaults, validation messages, migration, unknown keys."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from hamstring_gui.core import settings as schema
from hamstring_gui.core.settings import (
    AGE_65_PLUS,
    SCHEMA_VERSION,
    SECTIONS,
    Bound,
    SessionSettings,
    Settings,
    StretchOverride,
    bound_of,
    bounded_fields,
    migrate,
    settings_from_dict,
    settings_to_dict,
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
        "hold_seconds": (30, 10, 120),
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


def test_round_trip_through_json() -> None:
    settings = Settings(
        session=SessionSettings(
            hold_seconds=45, reps=2, warm_up=False, overrides={"chair-stretch": StretchOverride(40)}
        ),
        sound=schema.SoundSettings(volume=20, voice=True),
        reminders=schema.ReminderSettings(active_days=("mon", "sun"), start="07:30"),
        appearance=schema.AppearanceSettings(theme="dark", text_scale=150),
        profile=schema.ProfileSettings(age_band=AGE_65_PLUS),
        safety_acknowledged=True,
    )
    text = json.dumps(settings_to_dict(settings))
    assert settings_from_dict(json.loads(text)) == (settings, [])


def test_out_of_range_is_clamped_and_named() -> None:
    settings, messages = settings_from_dict(
        {"version": 1, "session": {"hold_seconds": 500, "rest_seconds": -3}}
    )
    assert settings.session.hold_seconds == 120
    assert settings.session.rest_seconds == 0
    assert messages == [
        "session.hold_seconds: 500 is above the maximum; using 120 s",
        "session.rest_seconds: -3 is below the minimum; using 0 s",
    ]


@pytest.mark.parametrize(
    ("section", "key", "bad", "expected_value", "words"),
    [
        ("session", "hold_seconds", "45", 30, ['"45" is not a number', "default 30 s"]),
        ("session", "reps", True, 3, ["true is not a number"]),
        ("session", "reps", 2.6, 3, ["2.6 is not a whole number", "using 3"]),
        ("session", "warm_up", 1, True, ["1 is not true or false", "default true"]),
        ("sound", "volume", None, 70, ["null is not a number", "70 %"]),
        ("appearance", "theme", "blue", "system", ['"blue" is not one of system, light, dark']),
        ("reminders", "start", "8am", "08:00", ['"8am" is not a time']),
        ("reminders", "routine", "../x", "desk-break", ['"../x" is not a routine id']),
        ("reminders", "active_days", "mon", schema.WEEKDAYS[:5], ['"mon" is not a list']),
        ("reminders", "active_days", ["sun", "mon", "funday"], ("mon", "sun"), ['["funday"]']),
        ("profile", "age_band", 70, "under-65", ["70 is not one of under-65, 65+"]),
    ],
)
def test_wrong_types_fall_back_with_a_message(
    section: str, key: str, bad: object, expected_value: object, words: list[str]
) -> None:
    settings, messages = settings_from_dict({"version": 1, section: {key: bad}})
    assert getattr(settings.section(section), key) == expected_value
    assert len(messages) == 1
    assert messages[0].startswith(f"{section}.{key}: ")
    for word in words:
        assert word in messages[0]


def test_infinity_and_nan_are_not_numbers() -> None:
    settings, messages = settings_from_dict(json.loads('{"session": {"hold_seconds": Infinity}}'))
    assert settings.session.hold_seconds == 30
    assert "is not a number" in messages[0]


def test_a_section_that_is_not_a_group() -> None:
    settings, messages = settings_from_dict({"version": 1, "sound": [1, 2]})
    assert settings.sound == schema.SoundSettings()
    assert messages == ["sound: [1, 2] is not a group of settings; using the defaults"]


def test_not_a_mapping_at_all() -> None:
    settings, messages = settings_from_dict([1])  # type: ignore[arg-type]
    assert settings == Settings()
    assert "not settings" in messages[0]


def test_bad_safety_flag() -> None:
    settings, messages = settings_from_dict({"safety_acknowledged": "yes"})
    assert settings.safety_acknowledged is False
    assert messages[0].startswith("safety_acknowledged: ")


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


def test_per_stretch_overrides() -> None:
    settings, messages = settings_from_dict(
        {
            "version": 1,
            "session": {
                "overrides": {
                    "chair-stretch": {"hold_seconds": 40},
                    "lying-strap": {"hold_seconds": 999, "reps": "x"},
                    "Bad Id": {"hold_seconds": 40},
                    "seated": 5,
                    "empty": {},
                }
            },
        }
    )
    assert settings.session.overrides == {
        "chair-stretch": StretchOverride(hold_seconds=40),
        "lying-strap": StretchOverride(hold_seconds=120),
    }
    assert messages == [
        "session.overrides.lying-strap.hold_seconds: 999 is above the maximum; using 120 s",
        'session.overrides.lying-strap.reps: "x" is not a number; using the general value',
        'session.overrides.Bad Id: {"hold_seconds": 40} is not a stretch\'s own hold; ignored',
        "session.overrides.seated: 5 is not a stretch's own hold; ignored",
    ]
    assert settings_from_dict({"session": {"overrides": 3}})[1] == [
        "session.overrides: 3 is not a group of stretches; ignored"
    ]


def test_with_hold_for_sets_clamps_and_forgets() -> None:
    session = SessionSettings().with_hold_for("chair-stretch", 40)
    assert session.hold_for("chair-stretch") == 40
    assert session.with_hold_for("chair-stretch", 500).hold_for("chair-stretch") == 120
    assert session.with_hold_for("chair-stretch", None).overrides == {}
    with pytest.raises(ValueError, match="stretch id"):
        session.with_hold_for("../etc", 40)


def test_version_0_flat_keys_are_migrated_into_session() -> None:
    settings, messages = settings_from_dict({"hold_seconds": 45, "session": {"reps": 2}})
    assert (settings.session.hold_seconds, settings.session.reps) == (45, 2)
    assert messages == []
    migrated, _ = migrate({"hold_seconds": 45})
    assert migrated == {"version": SCHEMA_VERSION, "session": {"hold_seconds": 45}}


def test_migrations_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    # A pretend version 2 that renamed sound.volume to sound.loudness.
    def to_2(data: dict[str, Any]) -> dict[str, Any]:
        data["sound"] = {"volume": data.pop("loudness")}
        return data

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, to_2)
    migrated, _ = migrate({"hold_seconds": 50, "loudness": 10})
    assert migrated == {"version": 2, "session": {"hold_seconds": 50}, "sound": {"volume": 10}}


def test_bad_version_is_read_as_current() -> None:
    settings, messages = settings_from_dict({"version": "two", "sound": {"volume": 5}})
    assert settings.sound.volume == 5
    assert messages[0].startswith('version: "two" is not a version number')


def test_newer_version_keeps_unknown_keys_quietly() -> None:
    data = {
        "version": SCHEMA_VERSION + 1,
        "sound": {"volume": 40, "voice_name": "Ava"},
        "session": {"overrides": {"chair-stretch": {"hold_seconds": 40, "side": "left"}}},
        "streaks": {"best": 12},
    }
    settings, messages = settings_from_dict(data)
    assert messages == []
    out = settings_to_dict(dataclasses.replace(settings, safety_acknowledged=True), data)
    assert out["version"] == SCHEMA_VERSION + 1
    assert out["streaks"] == {"best": 12}
    assert out["sound"]["voice_name"] == "Ava"
    assert out["sound"]["volume"] == 40
    assert out["session"]["overrides"] == {"chair-stretch": {"hold_seconds": 40, "side": "left"}}
    assert out["safety_acknowledged"] is True


def test_forgetting_an_override_drops_it_even_with_unknown_keys() -> None:
    data = {"session": {"overrides": {"chair-stretch": {"hold_seconds": 40}}}, "version": 1}
    settings, _ = settings_from_dict(data)
    forgotten = dataclasses.replace(
        settings, session=settings.session.with_hold_for("chair-stretch", None)
    )  # noqa: E501
    assert settings_to_dict(forgotten, data)["session"]["overrides"] == {}


def test_unknown_keys_in_this_version_are_reported_and_kept() -> None:
    data = {"version": 1, "session": {"hold_secs": 45}, "colour": "red"}
    settings, messages = settings_from_dict(data)
    assert messages == [
        "session.hold_secs: not a setting this version knows; kept as it is",
        "colour: not a setting this version knows; kept as it is",
    ]
    out = settings_to_dict(settings, data)
    assert out["session"]["hold_secs"] == 45
    assert out["colour"] == "red"


def test_dict_keys_are_all_present() -> None:
    out = settings_to_dict(Settings())
    assert out["version"] == SCHEMA_VERSION
    assert set(out) == {"version", "safety_acknowledged", *SECTIONS}
    assert out["reminders"]["active_days"] == ["mon", "tue", "wed", "thu", "fri"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=8,
)
section_names = st.sampled_from([*SECTIONS, "version", "safety_acknowledged", "other"])


# Generation is slow on a cold start on a busy machine, not per example.
@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        section_names,
        json_values
        | st.dictionaries(
            st.sampled_from(["hold_seconds", "volume", "theme", "active_days", "overrides", "x"]),
            json_values,
        ),
    )
)
def test_any_json_gives_valid_settings(data: dict[str, Any]) -> None:
    settings, _ = settings_from_dict(data)
    again, messages = settings_from_dict(json.loads(json.dumps(settings_to_dict(settings))))
    assert again == settings
    assert messages == []
    for _name, b in bounded_fields(SessionSettings):
        assert isinstance(b, Bound)


def test_core_settings_import_neither_qt_nor_platformdirs() -> None:
    code = (
        "import sys, hamstring_gui.core.settings_store, hamstring_gui.core.settings;"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'platformdirs'))])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )  # noqa: E501
    assert result.stdout.strip() == "[]"
