"""``hamstring-gui history``: exact JSON keys, CSV export, one-line errors, no Qt."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from hamstring_gui import paths
from hamstring_gui.core.history import HistoryStore
from tests.helpers.history import fill

TZ = timezone(timedelta(hours=1))
SESSION_KEYS = [
    "started",
    "ended",
    "routine",
    "completed",
    "left_seconds",
    "right_seconds",
    "both_seconds",
    "skipped",
    "hurt",
    "feeling",
    "stretches",
]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=30,
    )


def _history(days: int = 10) -> None:
    with HistoryStore(paths.history_file()) as store:
        fill(store, date.today(), days, every_day=True)
        store.add_self_test(date.today() - timedelta(days=3), 26, 21)
        sid = store.begin_session("desk-break", datetime.now(TZ))  # one that never ended
        assert sid


def test_history_file_lives_in_the_data_dir(private_dirs: Path) -> None:
    assert paths.history_file() == private_dirs / ".local/share/hamstring-gui/history.sqlite3"


def test_empty_history_prints_an_empty_record_and_creates_nothing() -> None:
    result = cli("history", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"sessions": [], "streak_days": 0, "self_tests": []}
    assert not paths.history_file().exists()
    text = cli("history")
    assert text.returncode == 0 and "Streak: 0 days" in text.stdout


def test_json_has_exactly_the_documented_keys() -> None:
    _history()
    result = cli("history", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["sessions", "streak_days", "self_tests"]
    assert len(data["sessions"]) == 11
    for session in data["sessions"]:
        assert list(session) == SESSION_KEYS
    first, unfinished = data["sessions"][0], data["sessions"][-1]
    assert first["completed"] is True and first["left_seconds"] == 180.0
    assert isinstance(first["skipped"], list) and isinstance(first["hurt"], list)
    assert unfinished["ended"] is None and unfinished["completed"] is False
    assert data["streak_days"] == 10
    assert data["self_tests"] == [
        {
            "date": (date.today() - timedelta(days=3)).isoformat(),
            "left_degrees": 26,
            "right_degrees": 21,
        }
    ]


def test_csv_to_a_file_and_to_stdout(tmp_path: Path) -> None:
    _history(3)
    target = tmp_path / "out.csv"
    result = cli("history", "--csv", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["record"] for row in rows] == ["session"] * 4 + ["self-test"]
    assert rows[0]["routine"] == "gentle-lying" and rows[-1]["right_degrees"] == "21"
    printed = cli("history", "--csv", "-")
    assert printed.stdout == target.read_text(encoding="utf-8")


def test_plain_text_summary() -> None:
    _history(5)
    result = cli("history")
    assert result.returncode == 0, result.stderr
    assert "Sessions: 6 (5 completed)" in result.stdout
    assert "Streak: 5 days (best 5)" in result.stdout
    assert "left 26°, right 21° short of straight" in result.stdout


def test_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.csv"
    result = cli("history", "--csv", str(target))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all" * 50)
    broken = cli("history", "--json")
    assert broken.returncode == 2
    assert broken.stderr.count("\n") == 1 and broken.stderr.startswith("hamstring-gui: ")
    assert broken.stdout == ""


def test_history_command_imports_no_qt() -> None:
    _history(2)
    code = (
        "import io, contextlib, sys\n"
        "from hamstring_gui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['history', '--json']) == 0\n"
        "    assert main(['history']) == 0\n"
        "print(' '.join(sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )
    assert not {m for m in out.stdout.split() if m.startswith(("PySide6", "shiboken6"))}


GOLDEN = Path(__file__).parent / "data" / "history-json.golden"
"""``history --json`` of :func:`_contract_history`, written by the program before issue 24's
speed-up (``--json`` is a contract: any change to its bytes must be deliberate)."""


def _contract_history() -> None:
    """A fixed record with every case the JSON shows: skips, hurts, unfinished and unended
    sessions, feelings, seconds to round, a routine id beyond ASCII, self-tests."""
    day = date(2026, 3, 18)  # in the past: the streak is 0 whatever day the test runs
    with HistoryStore(paths.history_file()) as store:
        fill(store, day, 40, hurt_every=4)
        sid = store.begin_session("mi-rutina-ñ", datetime(2026, 3, 18, 18, 5, 7, tzinfo=TZ))
        store.connection.execute(
            "UPDATE sessions SET left_seconds = 12.345, right_seconds = 0.05,"
            " both_seconds = 7.25, feeling = 0 WHERE id = ?",
            (sid,),
        )
        store.add_self_test(day - timedelta(days=30), 34, 30)
        store.add_self_test(day - timedelta(days=2), 26, 21)


def test_json_bytes_are_the_contract() -> None:
    _contract_history()
    result = cli("history", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
