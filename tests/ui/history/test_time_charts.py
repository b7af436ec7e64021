"""Charts over dates: weekly feeling means and the self-test's scale."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from hamstring_gui.core.history import MAX_DEGREES, Feeling, SelfTest
from hamstring_gui.ui.history.time_charts import FeelingChart, SelfTestChart, weekly_means

MONDAY = date(2026, 3, 16)


def test_weekly_means_sit_between_the_days_rated_never_after_them() -> None:
    feelings = [Feeling(MONDAY, 2.0), Feeling(MONDAY + timedelta(days=6), 4.0)]
    feelings.append(Feeling(MONDAY + timedelta(days=7), 6.0))
    assert weekly_means(feelings) == [
        (MONDAY + timedelta(days=3), 3.0),
        (MONDAY + timedelta(days=7), 6.0),  # this week's only day so far, not its Thursday
    ]
    assert weekly_means([]) == []


def test_feeling_chart_paints_with_and_without_points(qtbot: QtBot) -> None:
    chart = FeelingChart()
    qtbot.addWidget(chart)
    chart.set_feelings([], MONDAY - timedelta(weeks=12), MONDAY)
    assert not chart.grab().isNull()
    chart.set_feelings([Feeling(MONDAY, 3.0)], MONDAY - timedelta(weeks=12), MONDAY)
    assert chart.feelings == [Feeling(MONDAY, 3.0)]
    assert not chart.grab().isNull()


def test_self_test_scale_grows_for_stiff_knees(qtbot: QtBot) -> None:
    chart = SelfTestChart()
    qtbot.addWidget(chart)
    chart.set_tests([SelfTest(MONDAY, 30, 25)], MONDAY)
    assert chart.y_max == 60.0 and chart.last == MONDAY  # four weeks wide, none to come
    assert chart.first == MONDAY - timedelta(days=28)
    chart.set_tests([SelfTest(MONDAY, 80, 25)], MONDAY)
    assert chart.y_max == float(MAX_DEGREES)
    chart.set_tests([], MONDAY)
    assert chart.first == MONDAY - timedelta(weeks=12)
    assert not chart.grab().isNull()
