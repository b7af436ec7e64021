from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from hamstring_gui.core.reminders import Hold, SnoozeResult
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.desktop.reminder_service import DND_RECHECK_SECONDS, ReminderService
from hamstring_gui.ui.settings_model import SettingsModel
from tests.helpers.stubs import FakeClock

TZ = dt.timezone(dt.timedelta(hours=2))
MONDAY_9 = dt.datetime(2024, 6, 3, 9, 0, tzinfo=TZ)


class World:
    """Awake and elapsed clocks and local time moving together (no suspend)."""

    def __init__(self) -> None:
        self.awake = FakeClock()
        self.elapsed = FakeClock()
        self.local = MONDAY_9

    def now(self) -> dt.datetime:
        return self.local

    def advance(self, seconds: float) -> None:
        self.awake.advance(seconds)
        self.elapsed.advance(seconds)
        self.local += dt.timedelta(seconds=seconds)


class FakeActivity(QObject):
    sampled = Signal(float, object)

    def __init__(self) -> None:
        super().__init__()
        self.watching = False
        self.held: frozenset[Hold] = frozenset()

    def set_watching(self, watching: bool) -> None:
        self.watching = watching

    def holds(self) -> frozenset[Hold]:
        return self.held


@pytest.fixture
def model(tmp_path: Path) -> SettingsModel:
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    model = SettingsModel(store)
    # The pre-break notice has tests of its own (test_a_notice_comes_first...).
    reminders = dataclasses.replace(model.settings.reminders, warning_seconds=0)
    model.update(model.settings.with_section("reminders", reminders))
    return model


@pytest.fixture
def world() -> World:
    return World()


def make(
    model: SettingsModel, world: World, activity: FakeActivity | None = None
) -> ReminderService:
    return ReminderService(
        model,
        lambda routine: 240.0,
        awake=world.awake,
        elapsed=world.elapsed,
        now=world.now,
        activity=activity,
    )


def fire(qtbot: QtBot, service: ReminderService, world: World) -> None:
    """Let the single-shot timer's interval pass on the fake clocks, then fire it."""
    world.advance(service.timer.interval() / 1000)
    service.timer.timeout.emit()


def test_timer_is_armed_to_the_due_time_and_fires_once(
    qtbot: QtBot, model: SettingsModel, world: World
) -> None:
    service = make(model, world)
    assert service.timer.isSingleShot() and service.timer.isActive()
    assert service.timer.interval() == 50 * 60 * 1000  # default: 50 minutes of work
    assert service.status() == {"reminders": "on", "next_reminder": "2024-06-03T09:50:00+02:00"}
    with qtbot.waitSignal(
        service.reminderDue, check_params_cb=lambda r, late: (r, late) == ("desk-break", False)
    ):
        fire(qtbot, service, world)
    # Pending: no due time among the candidates; the next look is the end of the day.
    assert service.timer.interval() == (18 * 3600 - 9 * 3600 - 50 * 60) * 1000
    with qtbot.assertNotEmitted(service.reminderDue):
        fire(qtbot, service, world)


def test_a_settings_change_rearms(qtbot: QtBot, model: SettingsModel, world: World) -> None:
    service = make(model, world)
    world.advance(600)
    reminders = dataclasses.replace(model.settings.reminders, work_minutes=30)
    with qtbot.waitSignal(service.stateChanged):
        model.update(model.settings.with_section("reminders", reminders))
    assert service.timer.interval() == 20 * 60 * 1000  # 10 of the 30 minutes done
    reminders = dataclasses.replace(reminders, enabled=False)
    model.update(model.settings.with_section("reminders", reminders))
    assert not service.timer.isActive()
    assert service.status() == {"reminders": "off", "next_reminder": None}


def test_commands_and_status(qtbot: QtBot, model: SettingsModel, world: World) -> None:
    service = make(model, world)
    with qtbot.waitSignal(service.reminderDue):
        fire(qtbot, service, world)
    assert service.snooze(5) is SnoozeResult.SNOOZED
    assert service.status()["reminders"] == "snoozed"
    assert service.timer.interval() == 5 * 60 * 1000
    assert service.snoozes_left() == 2
    with qtbot.waitSignal(service.reminderDue):
        fire(qtbot, service, world)
    service.skip()
    assert service.status()["reminders"] == "on"
    service.pause_for(3600)
    assert service.status() == {"reminders": "paused", "next_reminder": None}
    assert service.timer.interval() == 3600 * 1000
    service.resume()
    service.pause_until_tomorrow()
    assert service.status()["reminders"] == "paused"
    service.resume()
    service.turn_off()
    assert service.status()["reminders"] == "off" and not service.timer.isActive()
    service.turn_on()
    assert service.status()["reminders"] == "on" and service.timer.isActive()


def test_snooze_limit(qtbot: QtBot, model: SettingsModel, world: World) -> None:
    model.update(
        model.settings.with_section(
            "reminders", dataclasses.replace(model.settings.reminders, snooze_limit=1)
        )
    )
    service = make(model, world)
    with qtbot.waitSignal(service.reminderDue):
        fire(qtbot, service, world)
    assert service.snooze(5) is SnoozeResult.SNOOZED
    with qtbot.waitSignal(service.reminderDue):
        fire(qtbot, service, world)
    assert service.snooze(5) is SnoozeResult.NONE_LEFT
    assert service.snoozes_left() == 0


def test_session_stops_the_timer_counting(qtbot: QtBot, model: SettingsModel, world: World) -> None:
    service = make(model, world)
    service.session_started()
    assert service.status()["next_reminder"] is None
    world.advance(240)
    service.session_ended()
    assert service.timer.interval() == 50 * 60 * 1000


def test_do_not_disturb_holds_the_reminder_without_spinning(
    qtbot: QtBot, model: SettingsModel, world: World
) -> None:
    activity = FakeActivity()
    service = make(model, world, activity)
    assert activity.watching  # counting work: idle checks on
    activity.held = frozenset({Hold.FULL_SCREEN})
    with qtbot.assertNotEmitted(service.reminderDue):
        fire(qtbot, service, world)
    assert service.timer.interval() == DND_RECHECK_SECONDS * 1000
    activity.held = frozenset()
    with qtbot.waitSignal(service.reminderDue, check_params_cb=lambda _r, late: late):
        fire(qtbot, service, world)


def test_idle_as_long_as_the_routine_is_a_break(
    qtbot: QtBot, model: SettingsModel, world: World
) -> None:
    activity = FakeActivity()
    service = make(model, world, activity)
    world.advance(40 * 60)
    activity.sampled.emit(300.0, frozenset())  # away 5 min (the routine is 4)
    assert activity.watching  # waiting for the user to come back
    world.advance(60)
    activity.sampled.emit(0.0, frozenset())
    assert service.timer.interval() == 50 * 60 * 1000  # the work timer restarted
    service.turn_off()
    assert not activity.watching  # no idle checks while reminders are off
