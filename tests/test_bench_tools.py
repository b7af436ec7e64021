"""The pure helpers of ``make bench`` (benchmarks/measure.py); not the measurements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.measure import (
    boundary_errors_ms,
    cpu_percent,
    cpu_ticks,
    first,
    ratio,
    read_trace,
    status_kib,
    summary,
)

STATUS = "Name:\tpython\nVmPeak:\t  300000 kB\nVmHWM:\t   88096 kB\nVmRSS:\t   80000 kB\n"
# A command name with a space and a parenthesis must not shift the fields.
STAT = "4242 (we ird) name) S 1 4242 4242 0 -1 4194560 900 0 0 0 123 45 0 0 20 0 3 0 100 0"


def test_proc_parsing() -> None:
    assert status_kib(STATUS) == 88096
    assert status_kib(STATUS, "VmRSS") == 80000
    with pytest.raises(KeyError):
        status_kib("Name:\tx\n")
    assert cpu_ticks(STAT) == 123 + 45
    assert cpu_percent(3, 60.0, clock_ticks=100) == pytest.approx(0.05)


def test_summary_and_ratio() -> None:
    assert summary([3.0, 1.0, 2.0, 10.0]) == {"median": 2.5, "min": 1.0, "max": 10.0, "runs": 4}
    assert ratio(300.0, 200.0) == 1.5
    with pytest.raises(ValueError):
        summary([])


def test_trace_reading_and_boundaries(tmp_path: Path) -> None:
    path = tmp_path / "trace.jsonl"
    assert read_trace(path) == []
    lines = [
        {"event": "phase-start", "t": 1.0, "index": 0, "planned": 1.0, "actual": 1.5},
        {"event": "first-frame", "t": 1.2},
        {"event": "phase-start", "t": 6.0, "index": 1, "planned": 6.0, "actual": 6.004},
        {"event": "phase-start", "t": 8.0, "index": 2, "planned": 8.0, "actual": 7.999},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines) + '{"event": "hal')
    events = read_trace(path)  # the half-written last line is left out
    assert len(events) == 4
    assert first(events, "first-frame") == {"event": "first-frame", "t": 1.2}
    assert first(events, "first-paint") is None
    assert boundary_errors_ms(events) == pytest.approx([4.0, -1.0])  # index 0 is the start
