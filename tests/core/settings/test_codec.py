"""Settings to and from a file's data: validation messages, unknown keys kept, any JSON."""

from __future__ import annotations

import dataclasses
import json
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
    bounded_fields,
    settings_from_dict,
    settings_to_dict,
)


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
    assert settings.session.hold_seconds == 60
    assert settings.session.rest_seconds == 0
    assert messages == [
        "session.hold_seconds: 500 is above the maximum; using 60 s",
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
        "lying-strap": StretchOverride(hold_seconds=60),
    }
    assert messages == [
        "session.overrides.lying-strap.hold_seconds: 999 is above the maximum; using 60 s",
        'session.overrides.lying-strap.reps: "x" is not a number; using the general value',
        'session.overrides.Bad Id: {"hold_seconds": 40} is not a stretch\'s own hold; ignored',
        "session.overrides.seated: 5 is not a stretch's own hold; ignored",
    ]
    assert settings_from_dict({"session": {"overrides": 3}})[1] == [
        "session.overrides: 3 is not a group of stretches; ignored"
    ]


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
