"""Typed, located reads of TOML data: every failure names file, entry, field and problem.

The stretch library, built-in routines and user routine files all go through
:class:`Record`, so a bad file always gives the same kind of one-line message.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

E = TypeVar("E", bound=Enum)

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DataError(ValueError):
    """A data file that cannot be used, with where and why."""

    def __init__(
        self, file: str, problem: str, entry: str | None = None, field: str | None = None
    ) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        self.problem = problem
        where = [file]
        if entry is not None:
            where.append(f"entry {entry!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(": ".join([*where, problem]))


_parse_cache: Path | None = None


def cache_parsed_toml(folder: Path | None) -> None:
    """Keep what :func:`parse_toml` parses as JSON files in ``folder`` (``None``: no cache).

    Why: tomllib is pure Python and the stretch library alone takes ~6 ms to
    parse, on every start; JSON of the same data loads in ~0.3 ms. Entries
    are named by a checksum of the text, so an edited file is simply parsed again.
    The cache is only ever a shortcut: a missing, unreadable or broken entry
    means parsing as usual, and failures to write it are ignored. Each entry
    holds its text too and is used only for exactly that text (so no hash
    library is needed: hashlib would load OpenSSL, 3.4 MB of memory).
    """
    global _parse_cache  # noqa: PLW0603 - one process-wide setting, made once at start-up
    _parse_cache = folder


def parse_toml(text: str, file: str) -> dict[str, Any]:
    """Parse TOML text, turning syntax errors into a :class:`DataError` with line and column."""
    entry = _cache_entry(text)
    if entry is not None:
        try:
            cached = json.loads(entry.read_bytes())
        except (OSError, ValueError):
            pass
        else:
            if isinstance(cached, dict) and cached.get("text") == text:
                data = cached.get("data")
                if isinstance(data, dict):
                    return data
    import tomllib  # here: with the cache warm, a start never needs the parser (~5 ms)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError(file, f"not valid TOML: {error}") from None
    except RecursionError:
        # tomllib recurses once per nesting level: a few hundred brackets exhaust the stack.
        raise DataError(file, "not valid TOML: nested too deeply") from None
    if entry is not None:
        _write_cache_entry(entry, text, data)
    return data


def _cache_entry(text: str) -> Path | None:
    if _parse_cache is None:
        return None
    return _parse_cache / f"{zlib.crc32(text.encode()):08x}-{len(text)}.json"


def _write_cache_entry(entry: Path, text: str, data: dict[str, Any]) -> None:
    try:
        # TypeError: dates and times stay uncached
        encoded = json.dumps({"text": text, "data": data}, ensure_ascii=False)
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        partial.write_text(encoded, encoding="utf-8")
        os.replace(partial, entry)  # readers see all of it or nothing
    except (OSError, TypeError, ValueError, RecursionError):
        pass


class Record:
    """One TOML table read field by field, refusing unknown keys."""

    def __init__(self, data: object, file: str, entry: str | None, allowed: set[str]) -> None:
        if not isinstance(data, Mapping):
            raise DataError(file, f"expected a table, got {type(data).__name__}", entry)
        self.data: Mapping[str, Any] = data
        self.file = file
        self.entry = entry
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise DataError(
                file, f"unknown key (allowed: {', '.join(sorted(allowed))})", entry, unknown[0]
            )

    def fail(self, key: str, problem: str) -> DataError:
        """Build the error for ``key`` (raise it at the call site)."""
        return DataError(self.file, problem, self.entry, key)

    def has(self, key: str) -> bool:
        """Tell whether ``key`` is present."""
        return key in self.data

    def _get(self, key: str) -> Any:
        if key not in self.data:
            raise self.fail(key, "missing")
        return self.data[key]

    def text(self, key: str, *, max_len: int = 2000, default: str | None = None) -> str:
        """A non-empty string of at most ``max_len`` characters."""
        if default is not None and key not in self.data:
            return default
        value = self._get(key)
        if not isinstance(value, str):
            raise self.fail(key, f"must be text, got {value!r}")
        value = value.strip()
        if not value:
            raise self.fail(key, "must not be empty")
        if len(value) > max_len:
            raise self.fail(key, f"longer than {max_len} characters")
        return value

    def identifier(self, key: str) -> str:
        """A lowercase id: letters, digits and single hyphens, never path-like."""
        value = self.text(key, max_len=64)
        if not ID_PATTERN.match(value):
            raise self.fail(
                key, f"{value!r} is not a valid id (lowercase letters, digits and hyphens)"
            )
        return value

    def integer(self, key: str, low: int, high: int, *, default: int | None = None) -> int:
        """An integer within ``low..high`` inclusive."""
        if default is not None and key not in self.data:
            return default
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be a whole number, got {value!r}")
        if not low <= value <= high:
            raise self.fail(key, f"{value} is out of range {low}..{high}")
        return value

    def boolean(self, key: str, *, default: bool) -> bool:
        """A true/false flag."""
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, got {value!r}")
        return value

    def choice(self, key: str, enum: type[E], *, default: E | None = None) -> E:
        """One of an enum's values."""
        if default is not None and key not in self.data:
            return default
        value = self._get(key)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(str(member.value) for member in enum)
            raise self.fail(key, f"{value!r} is not one of: {allowed}") from None

    def choices(self, key: str, enum: type[E]) -> tuple[E, ...]:
        """A non-empty list of distinct enum values."""
        values = self._get(key)
        if not isinstance(values, list) or not values:
            raise self.fail(key, "must be a non-empty list")
        result: list[E] = []
        for value in values:
            try:
                member = enum(value)
            except ValueError:
                allowed = ", ".join(str(m.value) for m in enum)
                raise self.fail(key, f"{value!r} is not one of: {allowed}") from None
            if member in result:
                raise self.fail(key, f"{value!r} listed twice")
            result.append(member)
        return tuple(result)

    def text_list(
        self, key: str, *, min_items: int = 1, max_items: int = 20, max_len: int = 400
    ) -> tuple[str, ...]:
        """A list of non-empty strings."""
        values = self.data.get(key, [] if min_items == 0 else None)
        if values is None:
            raise self.fail(key, "missing")
        if not isinstance(values, list):
            raise self.fail(key, "must be a list of text")
        if not min_items <= len(values) <= max_items:
            raise self.fail(key, f"needs {min_items} to {max_items} items, has {len(values)}")
        result = []
        for number, value in enumerate(values, start=1):
            if not isinstance(value, str) or not value.strip():
                raise self.fail(key, f"item {number} must be non-empty text")
            if len(value) > max_len:
                raise self.fail(key, f"item {number} is longer than {max_len} characters")
            result.append(value.strip())
        return tuple(result)

    def table_list(self, key: str, *, min_items: int = 1, max_items: int = 500) -> list[object]:
        """A list of tables (``[[key]]`` in TOML), each to be read as a :class:`Record`."""
        values = self._get(key)
        if not isinstance(values, list):
            raise self.fail(key, "must be a list of tables")
        if not min_items <= len(values) <= max_items:
            raise self.fail(key, f"needs {min_items} to {max_items} entries, has {len(values)}")
        return list(values)
