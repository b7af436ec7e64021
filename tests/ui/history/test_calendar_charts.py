"""The charts of days: week bars, the 12-week calendar and the balance bar."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from hamstring_gui.core.history import Balance, DayTotal
from hamstring_gui.ui.history.calendar_charts import BalanceBar, CalendarGrid, WeekBars

MONDAY = date(2026, 3, 16)


def test_week_bars_read_out_each_day(qtbot: QtBot) -> None:
    bars = WeekBars()
    qtbot.addWidget(bars)
    days = [DayTotal(MONDAY + timedelta(days=i), 60.0 * i, i > 0) for i in range(7)]
    bars.set_days(days, MONDAY + timedelta(days=2))
    description = bars.accessibleDescription()
    assert description.startswith("Mon 0 min, Tue 1 min, Wed 2 min")
    assert not bars.grab().isNull()


def test_calendar_cells_fit_the_widget(qtbot: QtBot) -> None:
    grid = CalendarGrid()
    qtbot.addWidget(grid)
    start = MONDAY - timedelta(weeks=11)
    grid.set_days(
        [DayTotal(start + timedelta(days=i), 300.0, i % 2 == 0) for i in range(84)], MONDAY
    )
    grid.resize(grid.sizeHint())
    assert grid.weeks == 12
    for index in range(84):
        assert grid.rect().contains(grid.cell_rect(index).toAlignedRect())
    assert not grid.grab().isNull()


def test_balance_bar_paints_even_and_empty(qtbot: QtBot) -> None:
    bar = BalanceBar()
    qtbot.addWidget(bar)
    assert not bar.grab().isNull()  # nothing yet
    bar.set_balance(Balance(300.0, 100.0))
    assert bar.balance.left_share == 0.75
    assert not bar.grab().isNull()
