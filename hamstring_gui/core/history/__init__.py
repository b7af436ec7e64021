"""The stretching record: sessions, phases, back feeling and self-tests in SQLite.

``schema`` holds the tables and their migrations, ``check`` tells whether a
file is whole, ``store`` opens and writes it, ``stats`` answers the history
window's questions in SQL, ``report`` exports everything, ``recorder``
writes a session as the engine runs it, and ``period`` reads one period into
a :class:`~hamstring_gui.core.history.period.HistoryReport` (what ``history
--json``, the History window and the progress report show). The public names
of the first five are importable from this package; ``recorder`` is imported
from its module, as it brings the session engine that reading the record
(``history --json``) does not need.
"""

from __future__ import annotations

from hamstring_gui.core.history.check import (
    HistoryDamagedError,
    HistoryError,
    check_pages,
    check_rows,
    create_private,
    keep_aside,
)
from hamstring_gui.core.history.report import (
    CSV_COLUMNS,
    HistoryExport,
    SessionRecord,
)
from hamstring_gui.core.history.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    statements,
)
from hamstring_gui.core.history.stats import (
    EXPECTATION_TEXT,
    HOLD_STEP,
    MAX_DEGREES,
    PROGRESSION_DAYS,
    PROGRESSION_MIN_DAYS,
    TYPICAL_DEGREES,
    Balance,
    DayTotal,
    Feeling,
    HistoryStats,
    HoldSuggestion,
    SelfTest,
    Streak,
    StretchCount,
    validate_degrees,
    week_start,
)
from hamstring_gui.core.history.store import (
    HistoryStore,
    open_history,
    problem_message,
)

__all__ = [
    "Balance",
    "CSV_COLUMNS",
    "DayTotal",
    "EXPECTATION_TEXT",
    "Feeling",
    "HOLD_STEP",
    "HistoryDamagedError",
    "HistoryError",
    "HistoryExport",
    "HistoryStats",
    "HistoryStore",
    "HoldSuggestion",
    "MAX_DEGREES",
    "MIGRATIONS",
    "PROGRESSION_DAYS",
    "PROGRESSION_MIN_DAYS",
    "SCHEMA_VERSION",
    "SelfTest",
    "SessionRecord",
    "Streak",
    "StretchCount",
    "TYPICAL_DEGREES",
    "check_pages",
    "check_rows",
    "create_private",
    "keep_aside",
    "open_history",
    "problem_message",
    "statements",
    "validate_degrees",
    "week_start",
]
