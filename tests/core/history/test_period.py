"""One read of the history agrees with the store's own queries, for all time and a period."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.history.period import build_report
from tests.helpers.history import add_self_tests, fill

TODAY = date(2026, 3, 18)  # a Wednesday


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        fill(store, TODAY, 200, hurt_every=7)
        add_self_tests(store, TODAY)
        yield store


def test_all_time_is_the_cli_json_and_the_store_streak(store: HistoryStore) -> None:
    report = build_report(store, TODAY)
    assert report.to_json() == store.export_json(TODAY)
    assert report.streak == store.streak(TODAY)
    assert report.first.weekday() == 0 and report.days[-1].day.weekday() == 6
    assert report.first <= TODAY - timedelta(days=199)


def test_a_period_agrees_with_the_store_queries(store: HistoryStore) -> None:
    since = TODAY - timedelta(weeks=12)
    report = build_report(store, TODAY, since)
    assert report.streak == store.streak(TODAY)  # all time, whatever the period
    assert report.week() == store.week(TODAY)
    assert report.calendar() == store.calendar(TODAY)
    assert report.balance(28) == store.balance(TODAY - timedelta(days=27))
    assert list(report.done[:3]) == store.most_done(3, report.first)
    assert list(report.skipped[:3]) == store.most_skipped(3, report.first)
    assert list(report.feelings) == store.feelings(report.first)
    assert all(listed.day >= report.first for listed in report.sessions)
    assert len(report.hurts) == sum(len(s.record["hurt"]) for s in report.sessions)


def test_weeks_are_whole_and_count_days_stretched(store: HistoryStore) -> None:
    report = build_report(store, TODAY, TODAY - timedelta(weeks=4))
    weeks = report.weeks()
    assert [w.monday.weekday() for w in weeks] == [0] * len(weeks)
    assert sum(w.days_stretched for w in weeks) == report.days_stretched
    assert sum(w.seconds for w in weeks) == pytest.approx(report.seconds)
    assert report.days_so_far == (TODAY - report.first).days + 1


def test_an_empty_history_is_an_empty_report(tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "empty.sqlite3") as store:
        report = build_report(store, TODAY)
    assert report.sessions == () and report.streak.best == 0
    assert report.first == TODAY - timedelta(days=TODAY.weekday())
    assert len(report.days) == 7 and report.seconds == 0


def test_counts_can_be_left_out(store: HistoryStore) -> None:
    report = build_report(store, TODAY, counts=False)
    assert report.done == () and report.skipped == ()
