"""Settings to and from a file's JSON data: validated per field, unknown keys kept.

:func:`settings_from_dict` migrates, then reads every field through its spec:
a bad value is clamped or replaced by its default and a message names it.
:func:`settings_to_dict` writes the data back, carrying over what a newer
version wrote. Nothing here touches files (``store.py`` does).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from hamstring_gui.core.settings.migrations import file_version, migrate
from hamstring_gui.core.settings.schema import (
    ID_PATTERN,
    SCHEMA_VERSION,
    SECTIONS,
    Flag,
    ProfileSettings,
    S,
    Section,
    SessionSettings,
    Settings,
    StretchOverride,
    _show,
    bound_of,
    default_session,
    spec_fields,
)


def _read_section(
    cls: type[S], raw: object, path: str, defaults: S, report_unknown: bool, messages: list[str]
) -> S:
    if raw is None:
        return defaults
    if not isinstance(raw, Mapping):
        messages.append(f"{path}: {_show(raw)} is not a group of settings; using the defaults")
        return defaults
    values: dict[str, Any] = {}
    for name, spec in spec_fields(cls):
        if name in raw:
            value, problem = spec.coerce(raw[name], getattr(defaults, name))
            if problem:
                messages.append(f"{path}.{name}: {problem}")
            values[name] = value
    if report_unknown:
        known = {item.name for item in dataclasses.fields(cls)}
        for key in raw:
            if key not in known:
                messages.append(f"{path}.{key}: not a setting this version knows; kept as it is")
    return dataclasses.replace(defaults, **values)


def _read_overrides(raw: object, messages: list[str]) -> dict[str, StretchOverride]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        messages.append(f"session.overrides: {_show(raw)} is not a group of stretches; ignored")
        return {}
    hold = bound_of(SessionSettings, "hold_seconds")
    reps = bound_of(SessionSettings, "reps")
    overrides: dict[str, StretchOverride] = {}
    for stretch_id, entry in raw.items():
        path = f"session.overrides.{stretch_id}"
        if not ID_PATTERN.match(stretch_id) or not isinstance(entry, Mapping):
            messages.append(f"{path}: {_show(entry)} is not a stretch's own hold; ignored")
            continue
        values: dict[str, int | None] = {}
        for name, bound in (("hold_seconds", hold), ("reps", reps)):
            if entry.get(name) is None:
                continue
            value, problem = bound.coerce(entry[name], None)
            if value is None:
                problem = f"{_show(entry[name])} is not a number; using the general value"
            if problem:
                messages.append(f"{path}.{name}: {problem}")
            values[name] = value
        override = StretchOverride(**values)
        if override != StretchOverride():
            overrides[stretch_id] = override
    return overrides


def settings_from_dict(data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """Validated settings from a file's parsed JSON, migrating older versions first.

    Never raises for bad content: every problem is fixed per field and reported.

    Returns:
        The settings, and one message per value that was changed or ignored,
        naming the field, the bad value and the value used.
    """
    if not isinstance(data, Mapping):
        return Settings(), [f"the file holds {_show(data)}, not settings; using the defaults"]
    migrated, messages = migrate(data)
    newer = migrated["version"] > SCHEMA_VERSION
    report = not newer  # a newer version's extra keys are expected, not typos
    profile = _read_section(
        ProfileSettings, migrated.get("profile"), "profile", ProfileSettings(), report, messages
    )
    session = _read_section(
        SessionSettings,
        migrated.get("session"),
        "session",
        default_session(profile.age_band),
        report,
        messages,
    )
    raw_session = migrated.get("session")
    if isinstance(raw_session, Mapping):
        session = dataclasses.replace(
            session, overrides=_read_overrides(raw_session.get("overrides"), messages)
        )
    sections: dict[str, Any] = {"profile": profile, "session": session}
    for name in ("sound", "reminders", "appearance"):
        cls = SECTIONS[name]
        # type-var: ``cls`` is one of S's section types, but mypy sees the union of them.
        sections[name] = _read_section(cls, migrated.get(name), name, cls(), report, messages)  # type: ignore[type-var]
    acknowledged, problem = Flag("").coerce(migrated.get("safety_acknowledged", False), False)
    if problem:
        messages.append(f"safety_acknowledged: {problem}")
    if report:
        known = {"version", "safety_acknowledged", *SECTIONS}
        for key in migrated:
            if key not in known:
                messages.append(f"{key}: not a setting this version knows; kept as it is")
    return Settings(**sections, safety_acknowledged=acknowledged), messages


def _section_to_dict(section: Section) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, _spec in spec_fields(type(section)):
        value = getattr(section, name)
        result[name] = list(value) if isinstance(value, tuple) else value
    return result


def _overrides_to_dict(
    overrides: Mapping[str, StretchOverride], old: object
) -> dict[str, dict[str, Any]]:
    old_entries = old if isinstance(old, Mapping) else {}
    result: dict[str, dict[str, Any]] = {}
    for stretch_id, override in sorted(overrides.items()):
        previous = old_entries.get(stretch_id)
        entry = dict(previous) if isinstance(previous, Mapping) else {}
        for name in ("hold_seconds", "reps"):
            value = getattr(override, name)
            if value is None:
                entry.pop(name, None)
            else:
                entry[name] = value
        result[stretch_id] = entry
    return result


def settings_to_dict(
    settings: Settings, keep_unknown: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON-ready data of ``settings``.

    Args:
        settings: What to write.
        keep_unknown: The (migrated) data the settings were read from. Keys
            this version does not know, at the top level, in sections and in
            per-stretch entries, are carried over so a newer version's
            settings survive a save by this one. Its ``version`` is kept if
            newer, so the newer app does not migrate its own data again.
    """
    old: Mapping[str, Any] = keep_unknown or {}
    result: dict[str, Any] = dict(old)
    version = file_version(old)
    result["version"] = max(SCHEMA_VERSION, version or 0)
    result["safety_acknowledged"] = settings.safety_acknowledged
    for name in SECTIONS:
        previous = old.get(name)
        section = dict(previous) if isinstance(previous, Mapping) else {}
        section.update(_section_to_dict(settings.section(name)))
        if name == "session":
            section["overrides"] = _overrides_to_dict(
                settings.session.overrides, section.get("overrides")
            )
        result[name] = section
    return result
