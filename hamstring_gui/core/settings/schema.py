"""The settings schema: every preference with its default, bounds and hint, declared once.

The plan, the settings store and the preferences dialog all read these
dataclasses; a field's bounds live next to its default in the field metadata
(see :func:`bounded`, :func:`flag`, :func:`choice`, :func:`clock_time`,
:func:`weekdays`, :func:`routine_ref`), so validation and widgets can never
disagree. Defaults follow the research summary: 30 s holds (60 s from 65 on),
3 reps per leg, ~10 s rests.

The file layout is ``{"version": N, "safety_acknowledged": bool, "session":
{...}, "sound": {...}, "reminders": {...}, "appearance": {...}, "profile":
{...}}``. ``codec.settings_from_dict`` migrates older versions, then validates
field by field: a bad value is clamped or replaced by its default and a
message names the field, the bad value and the value used. Nothing here
touches files; :mod:`hamstring_gui.core.settings.store` does.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from hamstring_gui.core.holds import HOLD_MAX_SECONDS, HOLD_MIN_SECONDS
from hamstring_gui.core.i18n import N_, _

SCHEMA_VERSION = 1
"""The ``version`` this code writes; older files are migrated up to it."""

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLOCK_PATTERN = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

AGE_UNDER_65 = "under-65"
AGE_65_PLUS = "65+"
HOLD_FOR_AGE = {AGE_UNDER_65: 30, AGE_65_PLUS: 60}
"""Default static hold by age band: Feland 2001 (age 65-97) found 60 s holds gained faster."""


def _show(value: object) -> str:
    """A bad value as the user wrote it in the file, cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# ---------------------------------------------------------------------------
# Field specs: what a value may be, and how the dialog shows it.


@dataclass(frozen=True)
class Bound:
    """The range and wording of one whole-number setting."""

    minimum: int
    maximum: int
    label: str
    hint: str = ""
    unit: str = "s"

    def clamp(self, value: int) -> int:
        """Bring ``value`` inside the range."""
        return max(self.minimum, min(self.maximum, value))

    def show(self, value: int) -> str:
        """``value`` with its unit, as in messages."""
        return f"{value} {self.unit}".rstrip()

    def coerce(self, value: object, default: Any) -> tuple[Any, str | None]:
        """The usable value for ``value`` and, if it had to change, why."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return (
                default,
                _("{value} is not a number; using the default {default}").format(
                    value=_show(value), default=self.show(default)
                ),
            )
        if isinstance(value, float) and not math.isfinite(value):
            return (
                default,
                _("{value} is not a number; using the default {default}").format(
                    value=_show(value), default=self.show(default)
                ),
            )
        number = int(round(value))
        clamped = self.clamp(number)
        if clamped < number:
            return clamped, _("{value} is above the maximum; using {used}").format(
                value=_show(value), used=self.show(clamped)
            )
        if clamped > number:
            return clamped, _("{value} is below the minimum; using {used}").format(
                value=_show(value), used=self.show(clamped)
            )
        if number != value:
            return number, _("{value} is not a whole number; using {used}").format(
                value=_show(value), used=self.show(number)
            )
        return number, None


@dataclass(frozen=True)
class Flag:
    """An on/off setting."""

    label: str
    hint: str = ""

    def coerce(self, value: object, default: Any) -> tuple[Any, str | None]:
        """The usable value for ``value`` and, if it had to change, why."""
        if isinstance(value, bool):
            return value, None
        return default, _("{value} is not true or false; using the default {default}").format(
            value=_show(value), default=_show(default)
        )


@dataclass(frozen=True)
class Choice:
    """One of a fixed set of words; ``options`` pairs each stored word with its label."""

    options: tuple[tuple[str, str], ...]
    label: str
    hint: str = ""

    @property
    def values(self) -> tuple[str, ...]:
        """The stored words, in display order."""
        return tuple(value for value, _ in self.options)

    def coerce(self, value: object, default: Any) -> tuple[Any, str | None]:
        """The usable value for ``value`` and, if it had to change, why."""
        if value in self.values:
            return value, None
        allowed = ", ".join(self.values)
        return default, _("{value} is not one of {allowed}; using the default {default}").format(
            value=_show(value), allowed=allowed, default=repr(default)
        )


@dataclass(frozen=True)
class ClockTime:
    """A time of day written ``HH:MM`` (24 h)."""

    label: str
    hint: str = ""

    def coerce(self, value: object, default: Any) -> tuple[Any, str | None]:
        """The usable value for ``value`` and, if it had to change, why."""
        if isinstance(value, str) and CLOCK_PATTERN.match(value):
            return value, None
        return default, _('{value} is not a time like "08:30"; using {used}').format(
            value=_show(value), used=repr(default)
        )


@dataclass(frozen=True)
class Weekdays:
    """A set of days of the week, stored as short English names in week order."""

    label: str
    hint: str = ""

    def coerce(self, value: object, default: Any) -> tuple[Any, str | None]:
        """The usable value for ``value`` and, if it had to change, why."""
        if not isinstance(value, list | tuple):
            return default, _("{value} is not a list of days; using {used}").format(
                value=_show(value), used=_show(list(default))
            )
        days = tuple(day for day in WEEKDAYS if day in value)
        bad = [item for item in value if item not in WEEKDAYS]
        if bad:
            return (
                days,
                _("{value} are not days ({days}); using {used}").format(
                    value=_show(bad), days=", ".join(WEEKDAYS), used=_show(list(days))
                ),
            )  # noqa: E501
        return days, None


@dataclass(frozen=True)
class RoutineRef:
    """The id of a routine (whether it exists is checked where routines are known)."""

    label: str
    hint: str = ""

    def coerce(self, value: object, default: Any) -> tuple[Any, str | None]:
        """The usable value for ``value`` and, if it had to change, why."""
        if isinstance(value, str) and ID_PATTERN.match(value):
            return value, None
        return default, _("{value} is not a routine id; using {used}").format(
            value=_show(value), used=repr(default)
        )


Spec = Bound | Flag | Choice | ClockTime | Weekdays | RoutineRef


def _spec_field(default: Any, spec: Spec) -> Any:
    return field(default=default, metadata={"spec": spec})


def bounded(
    default: int, minimum: int, maximum: int, label: str, hint: str = "", unit: str = "s"
) -> Any:  # noqa: E501
    """Declare a whole-number setting with its bounds beside its default."""
    return _spec_field(default, Bound(minimum, maximum, label, hint, unit))


def flag(default: bool, label: str, hint: str = "") -> Any:
    """Declare an on/off setting."""
    return _spec_field(default, Flag(label, hint))


def choice(default: str, options: tuple[tuple[str, str], ...], label: str, hint: str = "") -> Any:
    """Declare a setting that takes one of ``options`` (stored word, label)."""
    assert default in (value for value, _ in options)
    return _spec_field(default, Choice(options, label, hint))


def clock_time(default: str, label: str, hint: str = "") -> Any:
    """Declare a time-of-day setting (``HH:MM``)."""
    return _spec_field(default, ClockTime(label, hint))


def weekdays(default: tuple[str, ...], label: str, hint: str = "") -> Any:
    """Declare a set-of-weekdays setting."""
    return _spec_field(default, Weekdays(label, hint))


def routine_ref(default: str, label: str, hint: str = "") -> Any:
    """Declare a setting naming a routine by id."""
    return _spec_field(default, RoutineRef(label, hint))


def spec_fields(settings_type: type) -> list[tuple[str, Spec]]:
    """All declared settings of a section dataclass, in declaration order."""
    return [
        (item.name, item.metadata["spec"])
        for item in dataclasses.fields(settings_type)
        if "spec" in item.metadata
    ]


def spec_of(settings_type: type, name: str) -> Spec:
    """The spec declared for field ``name`` of a section dataclass."""
    for item_name, spec in spec_fields(settings_type):
        if item_name == name:
            return spec
    raise KeyError(name)


def bound_of(settings_type: type, name: str) -> Bound:
    """The :class:`Bound` declared for field ``name`` of a settings dataclass."""
    spec = spec_of(settings_type, name)
    if not isinstance(spec, Bound):
        raise KeyError(name)
    return spec


def bounded_fields(settings_type: type) -> list[tuple[str, Bound]]:
    """All bounded fields of a settings dataclass, in declaration order."""
    return [(name, spec) for name, spec in spec_fields(settings_type) if isinstance(spec, Bound)]


# ---------------------------------------------------------------------------
# Sections.


@dataclass(frozen=True)
class StretchOverride:
    """A user's own hold or reps for one stretch (``None`` keeps the general value)."""

    hold_seconds: int | None = None
    reps: int | None = None


@dataclass(frozen=True)
class SessionSettings:
    """How long and how often: what turns a routine into a timed plan."""

    hold_seconds: int = bounded(
        30,
        HOLD_MIN_SECONDS,
        HOLD_MAX_SECONDS,
        N_("Hold"),
        N_("30 s is as effective as 60 s for most adults; 45–60 s if 65 or older"),
    )
    rest_seconds: int = bounded(
        10, 0, 120, N_("Rest between stretches"), N_("Studies used about 10 s between stretches")
    )
    switch_seconds: int = bounded(
        5, 2, 30, N_("Switch legs"), N_("Time to change to the other leg")
    )
    prepare_seconds: int = bounded(5, 0, 30, N_("Get ready"), N_("Time to get into position"))
    reps: int = bounded(
        3, 1, 10, N_("Repetitions per leg"), N_("2–4 reps, about 60–90 s per leg in all"), unit=""
    )
    contract_seconds: int = bounded(
        5, 3, 10, N_("PNF push"), N_("3, 6 and 10 s pushes work equally well")
    )
    relax_seconds: int = bounded(
        3, 1, 10, N_("PNF relax"), N_("A short breath out before going deeper")
    )
    deeper_hold_seconds: int = bounded(
        20, 10, 60, N_("PNF deeper hold"), N_("Hold the new, deeper position 20–30 s")
    )
    warm_up: bool = flag(
        True, N_("Include the warm-up"), N_("Optional: a few minutes of easy walking; not required")
    )
    overrides: Mapping[str, StretchOverride] = field(default_factory=dict)

    def hold_for(self, stretch_id: str) -> int | None:
        """The user's own hold for a stretch, if they set one."""
        override = self.overrides.get(stretch_id)
        return override.hold_seconds if override else None

    def reps_for(self, stretch_id: str) -> int | None:
        """The user's own reps for a stretch, if they set one."""
        override = self.overrides.get(stretch_id)
        return override.reps if override else None

    def with_hold_for(self, stretch_id: str, seconds: int | None) -> SessionSettings:
        """A copy with the user's own hold for one stretch set (``None`` forgets it).

        Raises:
            ValueError: ``stretch_id`` is not an id.
        """
        if not ID_PATTERN.match(stretch_id):
            raise ValueError(f"not a stretch id: {stretch_id!r}")
        overrides = dict(self.overrides)
        old = overrides.get(stretch_id, StretchOverride())
        if seconds is not None:
            seconds = bound_of(SessionSettings, "hold_seconds").clamp(seconds)
        new = dataclasses.replace(old, hold_seconds=seconds)
        if new == StretchOverride():
            overrides.pop(stretch_id, None)
        else:
            overrides[stretch_id] = new
        return dataclasses.replace(self, overrides=overrides)


@dataclass(frozen=True)
class SoundSettings:
    """Cues: ticks before a phase ends, chimes, a spoken voice."""

    enabled: bool = flag(True, N_("Play sounds"), N_("A soft chime when a phase changes"))
    volume: int = bounded(70, 0, 100, N_("Volume"), unit="%")
    tick_count: int = bounded(
        3,
        0,
        10,
        N_("Ticks before the end"),
        N_("Soft ticks in the last seconds of a phase"),
        unit="",
    )
    tick_breaks: bool = flag(
        False,
        N_("Ticks before a switch or rest ends"),
        N_("Counts down the breaks, not just the holds"),
    )
    voice: bool = flag(False, N_("Speak the steps"), N_("Uses the system's text-to-speech voice"))
    eyes_closed: bool = flag(
        False,
        N_("Eyes-closed mode"),
        N_("Sound, voice and ticks for every change, and hold chimes that tell the side"),
    )


@dataclass(frozen=True)
class ReminderSettings:
    """When the app offers a stretch break."""

    enabled: bool = flag(True, N_("Remind me to stretch"))
    work_minutes: int = bounded(
        50,
        10,
        240,
        N_("Remind after working"),
        N_("A break about once an hour suits most desk days"),
        unit="min",
    )
    active_days: tuple[str, ...] = weekdays(WEEKDAYS[:5], N_("On these days"))
    start: str = clock_time("08:00", N_("From"))
    end: str = clock_time("18:00", N_("Until"))
    routine: str = routine_ref("desk-break", N_("Routine"))
    snooze_limit: int = bounded(
        3,
        0,
        10,
        N_("Snoozes per day"),
        N_("After this many, the reminder waits for tomorrow"),
        unit="",
    )
    warning_seconds: int = bounded(
        30, 0, 300, N_("Notice before a break"), N_("A gentle heads-up first; 0 for none"), unit="s"
    )
    autostart: bool = flag(False, N_("Start when I log in"))


@dataclass(frozen=True)
class AppearanceSettings:
    """How the window looks."""

    theme: str = choice(
        "system",
        (("system", N_("Follow the system")), ("light", N_("Light")), ("dark", N_("Dark"))),
        N_("Theme"),
    )
    language: str = choice(
        "system",
        (
            ("system", N_("Follow the system")),
            ("en", "English"),
            ("de", "Deutsch"),
            ("es", "Español"),
        ),
        N_("Language"),
        N_("Takes effect the next time the app starts"),
    )
    text_scale: int = bounded(100, 75, 200, N_("Text size"), unit="%")
    reduced_motion: bool = flag(
        False, N_("Reduce motion"), N_("Still pictures instead of animations")
    )
    compact_on_top: bool = flag(
        False,
        N_("Small window on top"),
        N_("During a session, keep a small timer above other windows"),
    )


@dataclass(frozen=True)
class ProfileSettings:
    """About the user, only as far as it changes the defaults."""

    age_band: str = choice(
        AGE_UNDER_65,
        ((AGE_UNDER_65, N_("Under 65")), (AGE_65_PLUS, N_("65 or older"))),
        N_("Age"),
        N_("From 65 on, 60 s holds gave faster gains (Feland 2001), so the default hold is 60 s"),
    )


Section = SessionSettings | SoundSettings | ReminderSettings | AppearanceSettings | ProfileSettings
S = TypeVar(
    "S", SessionSettings, SoundSettings, ReminderSettings, AppearanceSettings, ProfileSettings
)  # noqa: E501

SECTIONS: dict[str, type[Section]] = {
    "session": SessionSettings,
    "sound": SoundSettings,
    "reminders": ReminderSettings,
    "appearance": AppearanceSettings,
    "profile": ProfileSettings,
}


def default_session(age_band: str = AGE_UNDER_65) -> SessionSettings:
    """Session defaults for an age band: 65 or older holds 60 s by default."""
    return SessionSettings(hold_seconds=HOLD_FOR_AGE.get(age_band, 30))


@dataclass(frozen=True)
class Settings:
    """Everything the user can set, one frozen value (replace it to change it)."""

    session: SessionSettings = field(default_factory=SessionSettings)
    sound: SoundSettings = field(default_factory=SoundSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    appearance: AppearanceSettings = field(default_factory=AppearanceSettings)
    profile: ProfileSettings = field(default_factory=ProfileSettings)
    safety_acknowledged: bool = False

    def section(self, name: str) -> Section:
        """A section by its name in the file (``"session"``, ``"sound"`` ...)."""
        if name not in SECTIONS:
            raise KeyError(name)
        section: Section = getattr(self, name)
        return section

    def with_section(self, name: str, section: Section) -> Settings:
        """A copy with one section replaced."""
        if not isinstance(section, SECTIONS[name]):
            raise TypeError(f"{name} takes {SECTIONS[name].__name__}")
        changes: dict[str, Any] = {name: section}
        return dataclasses.replace(self, **changes)

    def default_section(self, name: str) -> Section:
        """The defaults of one section for this user (the session follows the age band)."""
        if name == "session":
            return default_session(self.profile.age_band)
        return SECTIONS[name]()

    def with_age_band(self, age_band: str) -> Settings:
        """A copy with a new age band; a hold still at the old band's default follows it.

        Raises:
            ValueError: ``age_band`` is not one of the bands.
        """
        if age_band not in HOLD_FOR_AGE:
            raise ValueError(f"not an age band: {age_band!r}")
        old_default = HOLD_FOR_AGE.get(self.profile.age_band, 30)
        session = self.session
        if session.hold_seconds == old_default:
            session = dataclasses.replace(session, hold_seconds=HOLD_FOR_AGE.get(age_band, 30))
        return dataclasses.replace(
            self, profile=ProfileSettings(age_band=age_band), session=session
        )
