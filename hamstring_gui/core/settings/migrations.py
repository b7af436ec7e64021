"""Settings files of older versions, brought up to :data:`SCHEMA_VERSION`.

Each migration takes the data of a version-N file and returns it as version
N + 1; :func:`migrate` runs them in turn. A newer file is left as it is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from hamstring_gui.core.settings.schema import SCHEMA_VERSION, SessionSettings, _show


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    # Version 0 is a file without "version", typically written by hand from
    # an early README: session keys at the top level. Move them into
    # "session" unless "session" already sets them.
    session = data.get("session")
    session = dict(session) if isinstance(session, Mapping) else {}
    for name in [item.name for item in dataclasses.fields(SessionSettings)]:
        if name in data:
            session.setdefault(name, data.pop(name))
    if session:
        data["session"] = session
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}
"""``MIGRATIONS[n]`` turns a version-``n`` file into a version-``n + 1`` file."""


def file_version(data: Mapping[str, Any]) -> int | None:
    """The ``version`` a file claims (0 when absent, ``None`` when not a whole number)."""
    version = data.get("version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        return None
    return version


def migrate(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Bring a file's data up to :data:`SCHEMA_VERSION`.

    A newer file is returned as it is (its unknown keys are kept on save).

    Returns:
        The migrated copy, and messages for the user.
    """
    result = dict(data)
    messages: list[str] = []
    version = file_version(result)
    if version is None:
        messages.append(
            f"version: {_show(result.get('version'))} is not a version number; "
            f"reading the file as version {SCHEMA_VERSION}"
        )
        version = SCHEMA_VERSION
    while version < SCHEMA_VERSION:
        result = MIGRATIONS[version](result)
        version += 1
    result["version"] = max(version, SCHEMA_VERSION)
    return result, messages
