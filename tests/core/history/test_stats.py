"""What the record says, aggregated in SQL: streaks, weeks, balance, most done, the hold offer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hamstring_gui.core.history import (
    HistoryStore,
)
from tests.core.history.sessions import (
    TODAY,
    write_session,
)
from tests.helpers.history import fill


def test_streaks(store: HistoryStore) -> None:
    for back in (0, 1, 2, 5, 6, 7, 8, 9, 20):
        write_session(store, TODAY - timedelta(days=back))
    write_session(store, TODAY - timedelta(days=3), completed=False)  # stopped: does not count
    write_session(store, TODAY, completed=True)  # two on one day count once
    streak = store.streak(TODAY)
    assert (streak.current, streak.best) == (3, 5)
    # Today not done yet: yesterday's run still counts.
    assert store.streak(TODAY + timedelta(days=1)).current == 3
    assert store.streak(TODAY + timedelta(days=2)).current == 0
    assert store.export_json(TODAY)["streak_days"] == 3


def test_week_calendar_and_balance(store: HistoryStore) -> None:
    write_session(store, TODAY, left=60, right=30, both=30)
    write_session(store, TODAY, left=60, right=60, completed=False)
    write_session(store, TODAY - timedelta(days=2), left=30, right=30)  # Monday
    write_session(store, TODAY - timedelta(days=3), left=30, right=30)  # last Sunday
    week = store.week(TODAY)
    assert [d.day.isoformat() for d in (week[0], week[-1])] == ["2026-03-16", "2026-03-22"]
    assert [d.minutes for d in week] == [1.0, 0, 4.0, 0, 0, 0, 0]
    assert week[2].completed
    calendar = store.calendar(TODAY)
    assert len(calendar) == 84 and calendar[0].day.weekday() == 0
    assert calendar[-1].day == date(2026, 3, 22)
    assert calendar[-8].seconds == 60
    assert store.balance() == store.balance(TODAY - timedelta(days=30))
    balance = store.balance(TODAY)
    assert (balance.left, balance.right) == (120, 90)
    assert balance.left_share == pytest.approx(120 / 210)
    assert store.balance(TODAY + timedelta(days=1)).left_share is None


def test_most_done_skipped_and_feelings(store: HistoryStore) -> None:
    write_session(store, TODAY - timedelta(days=3), stretch="a", skip="c", feeling=6)
    write_session(store, TODAY - timedelta(days=2), stretch="a", skip="c", feeling=4)
    write_session(store, TODAY - timedelta(days=2), stretch="b", skip="d", feeling=2)
    write_session(store, TODAY, stretch="b", left=0)  # nothing held: not "done"
    write_session(store, TODAY, stretch="e", left=3)  # stopped 3 s in: "started", an attempt
    write_session(store, TODAY, stretch="f", left=85, hurt=True)  # it hurt: never "done"
    done = store.most_done()
    assert [(s.stretch, s.sessions) for s in done] == [("a", 2), ("b", 1)]
    assert [(s.stretch, s.sessions) for s in store.most_skipped()] == [("c", 2), ("d", 1)]
    assert store.most_skipped(since=TODAY) == []
    feelings = store.feelings()
    assert [(f.day.day, f.value) for f in feelings] == [(15, 6.0), (16, 3.0)]


def test_suggests_a_longer_hold_after_two_steady_weeks(store: HistoryStore) -> None:
    for back in range(0, 14, 2):  # 7 days out of 14
        write_session(store, TODAY - timedelta(days=back))
    offer = store.suggest_hold_change(30, 45, TODAY)
    assert offer is not None and (offer.current, offer.suggested, offer.delta) == (30, 35, 5)
    assert "45 s" in offer.reason
    assert store.suggest_hold_change(43, 45, TODAY).suggested == 45  # type: ignore[union-attr]
    assert store.suggest_hold_change(45, 45, TODAY) is None  # at the target
    # Accepting starts the two weeks afresh.
    store.note_hold_change(TODAY, 35)
    assert store.suggest_hold_change(35, 45, TODAY + timedelta(days=1)) is None


def test_no_longer_hold_without_enough_sessions(store: HistoryStore) -> None:
    for back in range(0, 14, 3):  # 5 days out of 14
        write_session(store, TODAY - timedelta(days=back))
    assert store.suggest_hold_change(30, 45, TODAY) is None


def test_suggests_a_shorter_hold_after_that_hurts(store: HistoryStore) -> None:
    for back in range(14):
        write_session(store, TODAY - timedelta(days=back))
    write_session(store, TODAY - timedelta(days=1), hurt=True)
    offer = store.suggest_hold_change(30, 45, TODAY)
    assert offer is not None and offer.suggested == 25 and offer.delta == -5
    assert "hurt" in offer.reason
    assert store.suggest_hold_change(10, 45, TODAY) is None  # already at the minimum
    store.note_hold_change(TODAY, 25)  # accepted: no second offer for the same hurt
    assert store.suggest_hold_change(25, 45, TODAY) is None
    # A hurt more than two weeks ago is forgotten.
    assert store.suggest_hold_change(30, 45, TODAY + timedelta(days=15)) is None


def test_many_sessions_aggregate(store: HistoryStore) -> None:
    count = fill(store, TODAY, 400, every_day=True)
    assert count == 400 == store.session_count()
    assert store.streak(TODAY).current == 400
    assert sum(d.minutes for d in store.week(TODAY)) == pytest.approx(3 * 6)  # Monday to Wednesday
