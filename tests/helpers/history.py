"""Synthetic history for views, CLI tests and the benchmark: fast raw inserts."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

from hamstring_gui.core.history import HistoryStore

STRETCHES = ("supine-hand-towel", "chair-stretch", "pnf-towel", "doorway-wall-stretch")
TZ = timezone(timedelta(hours=1))


def fill(
    store: HistoryStore,
    today: date,
    days: int,
    *,
    seed: int = 8,
    every_day: bool = False,
    hurt_every: int = 0,
) -> int:
    """One session on each of the last ``days`` days (some days missed unless ``every_day``).

    Returns:
        The number of sessions written.
    """
    rng = random.Random(seed)
    sessions = 0
    session_rows = []
    phase_rows = []
    event_rows = []
    outcome_rows = []
    next_id = 1 + int(
        store.connection.execute("SELECT IFNULL(MAX(id), 0) FROM sessions").fetchone()[0]
    )  # noqa: E501
    for back in range(days - 1, -1, -1):
        day = today - timedelta(days=back)
        if not every_day and rng.random() < 0.15:
            continue
        sid = next_id
        next_id += 1
        started = datetime.combine(day, time(12, rng.randrange(60)), TZ)
        completed = every_day or rng.random() > 0.1
        left = right = both = 0.0
        index = 0
        hurt_here = bool(hurt_every) and sessions % hurt_every == 0
        for item, stretch in enumerate(rng.sample(STRETCHES, 2)):
            first_held = 30.0 if completed else rng.choice((30.0, 12.0))
            for _rep in range(3):
                for side in ("left", "right"):
                    held = first_held
                    if side == "left":
                        left += held
                    else:
                        right += held
                    phase_rows.append((sid, index, "hold", stretch, side, held, 0))
                    phase_rows.append((sid, index + 1, "switch", stretch, side, 0.0, 0))
                    index += 2
            status = "done" if first_held >= 30.0 else "started"
            if rng.random() < 0.1:
                event_rows.append((sid, "skip", index, stretch, "left"))
                status = "started"
            if hurt_here and stretch == STRETCHES[0]:
                status = "hurt"
            outcome_rows.append((sid, item, stretch, status))
        if hurt_here:
            event_rows.append((sid, "hurt", 1, STRETCHES[0], "left"))
        ended = started + timedelta(seconds=left + right + both + 120)
        feeling = rng.randrange(0, 6) if rng.random() < 0.5 else None
        session_rows.append(
            (
                sid,
                started.isoformat(timespec="seconds"),
                day.isoformat(),
                ended.isoformat(timespec="seconds"),
                "gentle-lying",
                int(completed),
                left,
                right,
                both,
                feeling,
            )
        )
        sessions += 1
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO sessions (id, started, day, ended, routine, completed, left_seconds,"
            " right_seconds, both_seconds, feeling) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            session_rows,
        )
        conn.executemany(
            "INSERT INTO phases (session_id, phase_index, kind, stretch, side, seconds, skipped)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            phase_rows,
        )
        conn.executemany(
            "INSERT INTO events (session_id, kind, phase_index, stretch, side)"
            " VALUES (?, ?, ?, ?, ?)",
            event_rows,
        )
        conn.executemany(
            "INSERT INTO outcomes (session_id, item, stretch, status) VALUES (?, ?, ?, ?)",
            outcome_rows,
        )
    return sessions


def add_self_tests(store: HistoryStore, today: date, weeks: int = 12) -> None:
    """A self-test every three weeks, slowly improving."""
    for number, back in enumerate(range(weeks, -1, -3)):
        day = today - timedelta(weeks=back)
        store.add_self_test(day, max(0, 34 - 4 * number), max(0, 30 - 3 * number))
