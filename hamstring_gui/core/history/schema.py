"""The history database's tables, one migration script per schema version.

``PRAGMA user_version`` holds the version: 1 sessions, phases, events;
2 adds the 0-10 back feeling, self-test results and hold changes; 3 adds each
stretch's outcome (done, started, skipped, hurt, not reached: the counting rule
of :mod:`hamstring_gui.core.outcome`), rewritten with every finished phase.
Sessions recorded before version 3 get "done" only for stretches of a
completed session that were neither skipped nor hurt (what that version
could know); nothing else of theirs counts as done.
"""

from __future__ import annotations

_V1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,              -- ISO 8601 with UTC offset
    day TEXT NOT NULL,                  -- local date of ``started``, YYYY-MM-DD
    ended TEXT,                         -- NULL while running or if the app was killed
    routine TEXT NOT NULL,
    completed INTEGER NOT NULL DEFAULT 0,
    left_seconds REAL NOT NULL DEFAULT 0,
    right_seconds REAL NOT NULL DEFAULT 0,
    both_seconds REAL NOT NULL DEFAULT 0
);
CREATE INDEX sessions_day ON sessions (day);
CREATE TABLE phases (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    phase_index INTEGER NOT NULL,
    kind TEXT NOT NULL,
    stretch TEXT,
    side TEXT,                          -- left, right, both; NULL between stretches
    seconds REAL NOT NULL,              -- seconds actually stretched (engine credit)
    skipped INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX phases_session ON phases (session_id);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('skip', 'hurt')),
    phase_index INTEGER NOT NULL,
    stretch TEXT,
    side TEXT
);
CREATE INDEX events_session ON events (session_id);
"""

_V2 = """
ALTER TABLE sessions ADD COLUMN feeling INTEGER CHECK (feeling BETWEEN 0 AND 10);
CREATE TABLE self_tests (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,                 -- local date, YYYY-MM-DD
    left_degrees INTEGER NOT NULL CHECK (left_degrees BETWEEN 0 AND 90),
    right_degrees INTEGER NOT NULL CHECK (right_degrees BETWEEN 0 AND 90)
);
CREATE INDEX self_tests_date ON self_tests (date);
CREATE TABLE hold_changes (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    hold_seconds INTEGER NOT NULL
);
"""

_V3 = """
CREATE TABLE outcomes (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    item INTEGER NOT NULL,              -- routine item; first phase index for pre-3 sessions
    stretch TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('done', 'started', 'skipped', 'hurt', 'not-reached')),
    PRIMARY KEY (session_id, item)
);
INSERT INTO outcomes (session_id, item, stretch, status)
    SELECT p.session_id, MIN(p.phase_index), p.stretch, 'done'
    FROM phases p JOIN sessions s ON s.id = p.session_id
    WHERE s.completed = 1 AND p.stretch IS NOT NULL AND p.seconds > 0
      AND NOT EXISTS (
        SELECT 1 FROM events e WHERE e.session_id = p.session_id AND e.stretch = p.stretch
      )
    GROUP BY p.session_id, p.stretch
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
"""``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """Split a migration script on ``;`` (our DDL has none inside literals)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
