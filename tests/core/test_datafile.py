"""Bounded TOML parsing: any text up to the 1 MB cap is answered fast and small (issue 17)."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from hamstring_gui.core.assets import read_text
from hamstring_gui.core.catalog import CATALOG_RESOURCE
from hamstring_gui.core.datafile import (
    MAX_DEPTH,
    MAX_LINE_CHARS,
    DataError,
    check_values,
    parse_toml,
)

MB = 1024 * 1024
SECONDS = 0.5  # "well under a second", on a loaded two-core machine
PEAK_BYTES = 100 * 1024 * 1024


def dotted(parts: int) -> str:
    return "x." + ".".join(["a"] * parts) + " = 1\n"


COSTLY = {
    # one import of the first took 186 s and 23 GB before the bounds
    "dotted-100000": dotted(100_000),
    "dotted-lines": "".join(f"x{i}.{'.'.join(['a'] * 60)} = 1\n" for i in range(8_000)),
    "dotted-headers": "".join(f"[x{i}.{'.'.join(['a'] * 60)}]\n" for i in range(8_000)),
    "dotted-quoted": "".join(f'"x{i}"."a"."a"."a"."a" = 1\n' for i in range(36_000)),
    "keys": "".join(f"a{i} = 1\n" for i in range(95_000)),
    "tables": "".join(f"[t{i}]\n" for i in range(95_000)),
    "array": "x = [\n" + "1,\n" * 300_000 + "]\n",
    "long-line": "x = [" + "1," * 400_000 + "]\n",
    "nesting": "x = " + "[" * 5_000 + "]" * 5_000 + "\n",
    "nesting-lines": "x = " + "[\n" * 5_000 + "]\n" * 5_000,
    "inline-tables": "x = " + "{a = " * 3_000 + "1" + "}" * 3_000 + "\n",
    "escapes": 'x = """' + ("\\t" * 4_000 + "\n") * 120 + '"""\n',
    "many-lines": "\n" * (MB - 1),
}


def answer(text: str) -> tuple[str, float, int]:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        parse_toml(text, "f.toml")
        outcome = "accepted"
    except DataError as error:
        outcome = str(error)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return outcome, elapsed, peak


@pytest.mark.parametrize("name", sorted(COSTLY))
def test_a_costly_text_is_refused_in_time_and_memory(name: str) -> None:
    text = COSTLY[name]
    assert len(text.encode()) <= MB + 64, "the file cap comes first"
    outcome, elapsed, peak = answer(text)
    assert outcome.startswith("f.toml: ") and "\n" not in outcome
    # tracemalloc slows parsing ~3x, so time it again without
    started = time.perf_counter()
    with pytest.raises(DataError):
        parse_toml(text, "f.toml")
    assert time.perf_counter() - started < SECONDS
    assert peak < PEAK_BYTES


@pytest.mark.parametrize(
    "text",
    [
        "a = 1\n" * 1,
        "".join(f"k{i} = {i}\n" for i in range(3_000)),
        'x = "' + "y" * (MAX_LINE_CHARS - 10) + '"\n',
        "[a.b.c]\nd.e.f = 1\n",
        "x = " + "[" * 20 + "]" * 20 + "\n",
    ],
)
def test_ordinary_texts_are_accepted(text: str) -> None:
    parse_toml(text, "f.toml")


def test_the_bundled_library_is_well_within_the_bounds() -> None:
    started = time.perf_counter()
    parse_toml(read_text(CATALOG_RESOURCE), "stretches.toml")
    assert time.perf_counter() - started < SECONDS


@pytest.mark.parametrize(
    "literal",
    [
        "9" * 5_000,
        "0x" + "f" * 5_000,
        "0o" + "7" * 5_000,
        "0b" + "1" * 9_000,
        "9223372036854775808",
    ],
)
@pytest.mark.parametrize("key", ["hold_seconds", "unknown_key"])
def test_huge_integers_are_refused_in_one_line(literal: str, key: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_toml(f"{key} = {literal}\n", "f.toml")
    assert "number too large" in str(caught.value)
    assert len(str(caught.value)) < 200


def test_64_bit_integers_are_fine() -> None:
    assert parse_toml("a = 9223372036854775807\nb = -9223372036854775808\n", "f") == {
        "a": 2**63 - 1,
        "b": -(2**63),
    }


def test_check_values_walks_without_recursion() -> None:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(DataError, match=f"more than {MAX_DEPTH} levels"):
        check_values(deep, "f")
    check_values({"a": [1, {"b": 2**40}]}, "f")
