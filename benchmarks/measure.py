"""Pure helpers of the benchmark runner: /proc parsing, trace reading, summaries.

Nothing here starts a process or touches Qt, so ``tests/test_bench_tools.py``
can check it quickly.
"""

from __future__ import annotations

import json
import os
import statistics
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def status_kib(status_text: str, key: str = "VmHWM") -> int:
    """A ``kB`` field of ``/proc/PID/status`` (``VmHWM`` is the peak resident set).

    Raises:
        KeyError: the field is not there (a kernel thread, a zombie).
    """
    for line in status_text.splitlines():
        name, _, rest = line.partition(":")
        if name == key:
            return int(rest.split()[0])
    raise KeyError(key)


def cpu_ticks(stat_text: str) -> int:
    """``utime + stime`` of ``/proc/PID/stat``, in clock ticks (all threads, dead ones too).

    The command name (field 2) is in parentheses and may hold spaces and
    parentheses itself, so the fields are counted after the last ``)``.
    """
    fields = stat_text[stat_text.rindex(")") + 2 :].split()
    # fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return int(fields[11]) + int(fields[12])


def cpu_percent(ticks: int, seconds: float, clock_ticks: int = CLOCK_TICKS) -> float:
    """CPU use in percent of one core for ``ticks`` spent over ``seconds`` of wall time."""
    return 100.0 * ticks / clock_ticks / seconds


def read_trace(path: Path) -> list[dict[str, Any]]:
    """The complete JSON lines of a trace file (a half-written last line is left out)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    events = []
    for line in text.splitlines():
        try:
            events.append(json.loads(line))
        except ValueError:
            continue
    return events


def first(events: Iterable[dict[str, Any]], name: str) -> dict[str, Any] | None:
    """The first event called ``name``, if any."""
    return next((event for event in events if event.get("event") == name), None)


def boundary_errors_ms(events: Iterable[dict[str, Any]]) -> list[float]:
    """How late (ms, negative if early) each phase change after the first came."""
    return [
        (event["actual"] - event["planned"]) * 1000.0
        for event in events
        if event.get("event") == "phase-start" and event.get("index", 0) > 0
    ]


def summary(values: Sequence[float], digits: int = 1) -> dict[str, float | int]:
    """Median, min and max of ``values`` (rounded) and how many there were.

    Raises:
        ValueError: no values.
    """
    if not values:
        raise ValueError("nothing measured")
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": len(values),
    }


def ratio(value: float, baseline: float, digits: int = 2) -> float:
    """``value / baseline``, rounded."""
    return round(value / baseline, digits)
