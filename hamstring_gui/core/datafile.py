"""Typed, located reads of TOML data: every failure names file, entry, field and problem.

The stretch library, built-in routines and user routine files all go through
:class:`Record`, so a bad file always gives the same kind of one-line message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
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


# Bounds on the work a TOML text may ask of the parser, checked before parsing.
# tomllib is pure Python: ~4 us per key, value or dotted-key part, and a key of
# k parts costs ~k squared; unbounded, one 200 KB file of dotted keys took
# minutes and gigabytes. The largest bundled file (the stretch library) has
# 949 lines, lines of at most 312 characters and 1,855 pieces.
MAX_TEXT_CHARS = 1024 * 1024
MAX_LINES = 20_000
MAX_LINE_CHARS = 10_000
MAX_DOTS_PER_LINE = 100
MAX_PIECES = 10_000
"""Keys, values, tables, dotted-key parts and escapes: ``= , [ { . \\`` counted."""
MAX_DEPTH = 32
"""Tables and lists inside each other; our formats need four."""
INT_BITS = 64
"""TOML integers are 64-bit; bigger ones are refused (a huge number cannot even be printed)."""


def check_toml_size(text: str, file: str) -> None:
    """Refuse a text whose parse would cost too much time or memory.

    String-blind on purpose: counting characters is linear and done in C, so
    it costs microseconds and no quoting trick can hide a piece from it. A
    real file never comes near the bounds.

    Raises:
        DataError: naming the bound that was passed.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise DataError(file, f"longer than {MAX_TEXT_CHARS} characters; not a data file")
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise DataError(file, f"has {lines} lines, more than {MAX_LINES}; not a data file")
    pieces = sum(text.count(mark) for mark in "=,[{.\\")
    if pieces > MAX_PIECES:
        raise DataError(
            file,
            f"too complex: more than {MAX_PIECES} keys, values, dots and escapes; not a data file",
        )
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise DataError(file, f"line {number} is longer than {MAX_LINE_CHARS} characters")
        if line.count(".") > MAX_DOTS_PER_LINE:
            raise DataError(file, f"line {number} has more than {MAX_DOTS_PER_LINE} dots")


def check_values(data: object, file: str, *, max_depth: int = MAX_DEPTH) -> None:
    """Refuse nesting deeper than ``max_depth`` and integers beyond 64 bits, anywhere.

    Walks without recursion, so it is safe on any parsed document.

    Raises:
        DataError: the first problem found.
    """
    limit = 1 << (INT_BITS - 1)
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, bool):
            continue
        if isinstance(value, int):
            if not -limit <= value < limit:
                raise DataError(file, "holds a number too large (more than 64 bits)")
        elif isinstance(value, dict | list):
            if depth >= max_depth:
                raise DataError(file, f"nested more than {max_depth} levels deep")
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)


def parse_toml(text: str, file: str) -> dict[str, Any]:
    """Parse TOML text within bounded work; every failure is a :class:`DataError`.

    Syntax errors name line and column; see :func:`check_toml_size` and
    :func:`check_values` for the bounds.
    """
    check_toml_size(text, file)
    import tomllib  # here: commands that read no TOML never load the parser

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError(file, f"not valid TOML: {error}") from None
    except RecursionError:
        # tomllib recurses once per nesting level: a few hundred brackets exhaust the stack.
        raise DataError(file, "not valid TOML: nested too deeply") from None
    except ValueError:
        # int() refuses a decimal of more than 4300 digits before tomllib can say where.
        raise DataError(file, "not valid TOML: holds a number too large") from None
    check_values(data, file)
    return data


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
