"""``hamstring-gui history``: the record printed, as JSON (``--json``) or CSV (``--csv``).

Split from :mod:`hamstring_gui.cli` so that ``history --json``, which people run
on years of sessions, imports only the history and its words: not the stretch
library, the plan builder or the settings schema the other commands use.
Nothing here starts Qt. Errors are a :class:`RecordError` whose message is the
one line the CLI prints (exit code 2).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import TextIO

from hamstring_gui.core.history import (
    CSV_COLUMNS,
    HistoryDamagedError,
    HistoryError,
    HistoryStore,
)
from hamstring_gui.core.history.period import build_report
from hamstring_gui.core.i18n import _, format_date
from hamstring_gui.paths import history_file


class RecordError(Exception):
    """The record cannot be read or written where asked; the message is for the user."""


def run_history(as_json: bool, csv_file: str | None, out: TextIO) -> None:
    """Print the record (or export it); a missing history file is an empty record."""
    path = history_file()
    today = date.today()
    if not path.exists():
        data: dict[str, object] = {"sessions": [], "streak_days": 0, "self_tests": []}
        best, week_minutes, csv_text = 0, 0.0, empty_csv()
    else:
        try:
            with HistoryStore(path) as store:
                report = build_report(store, today, counts=False)
                csv_text = store.export_csv_text() if csv_file else ""
        except HistoryDamagedError as error:
            raise RecordError(
                _(
                    "the history file {path} is damaged ({problem}); the app keeps it aside "
                    "and starts a new one the next time it starts"
                ).format(path=path, problem=error)
            ) from None
        except HistoryError as error:
            raise RecordError(str(error)) from None
        except (sqlite3.Error, ValueError, TypeError) as error:  # changed since the check
            raise RecordError(
                _("the history file {path} cannot be read ({problem})").format(
                    path=path, problem=error
                )
            ) from None
        data = report.to_json()
        best = report.streak.best
        week_minutes = sum(day.minutes for day in report.week())
    if csv_file == "-":
        out.write(csv_text)
    elif csv_file:
        try:
            with open(csv_file, "w", encoding="utf-8", newline="") as target:
                target.write(csv_text)
        except OSError as error:
            raise RecordError(
                _("cannot write {file}: {problem}").format(
                    file=csv_file, problem=error.strerror or error
                )
            ) from error
    if as_json:
        out.write(json_lines(data))
    elif not csv_file:
        from hamstring_gui.core import words  # the stretch and plan words: text only

        sessions = data["sessions"]
        tests = data["self_tests"]
        assert isinstance(sessions, list) and isinstance(tests, list)
        done = sum(1 for session in sessions if session["completed"])
        out.write(_("Sessions: {count} ({done} completed)").format(count=len(sessions), done=done))
        streak = int(str(data["streak_days"]))
        out.write("\n" + _("{streak} (best {best})").format(streak=words.streak(streak), best=best))
        out.write("\n" + _("This week: {minutes} min").format(minutes=f"{week_minutes:.0f}") + "\n")
        if tests:
            last = tests[-1]
            out.write(
                _("Last self-test ({date}): left {left}°, right {right}° short of straight").format(
                    date=format_date(date.fromisoformat(str(last["date"]))),
                    left=last["left_degrees"],
                    right=last["right_degrees"],
                )
                + "\n"
            )


def json_lines(data: dict[str, object]) -> str:
    """``data`` as JSON with one list item per line, in one string.

    Not ``indent=2``: with an indent ``json`` falls back to its pure-Python
    encoder, about a second for ten years of sessions.
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per item
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(map(encode, value))
            parts.append(f"  {encode(key)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {encode(key)}: {encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def empty_csv() -> str:
    """The CSV of an empty record: the header alone."""
    return ",".join(CSV_COLUMNS) + "\n"
