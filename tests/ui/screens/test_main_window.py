"""The guided session window, driven through the real widgets with a fake clock.

No sleeps and no waiting: the clock moves when a test says so and the
controller's heartbeat is called by hand.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QFontInfo, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui import app as app_module
from hamstring_gui.core.plan import PhaseKind, Side, build_plan
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.compat import keep_singletons_alive
from hamstring_gui.ui.dialogs.stop_confirm import StopConfirmDialog
from hamstring_gui.ui.screens.main_window import MainWindow
from hamstring_gui.ui.screens.safety import HurtChoice, HurtDialog
from hamstring_gui.ui.style.theme import COUNTDOWN_MIN_PX
from tests.helpers.stubs import FakeClock

keep_singletons_alive()

# The offscreen platform cannot pass size hints to a window manager; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

OBJECT_NAMES = (
    "routineList",
    "startButton",
    "stretchTitle",
    "illustration",
    "phaseBanner",
    "countdown",
    "nextUp",
    "sessionProgress",
    "pauseButton",
    "skipButton",
    "backButton",
    "stopButton",
    "hurtButton",
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))
    return store


def make_window(qtbot, clock, store, tmp_path) -> MainWindow:
    window = app_module.build_window(clock, store, state_file=tmp_path / "window.json")
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, clock, store, tmp_path) -> MainWindow:
    return make_window(qtbot, clock, store, tmp_path)


def text(window: MainWindow, name: str) -> str:
    widget = window.findChild(QWidget, name)
    assert widget is not None, name
    return widget.text()  # type: ignore[attr-defined]


def second(window: MainWindow, clock: FakeClock) -> None:
    clock.advance(1.0)
    window.controller.tick()


def expected_banner(kind: PhaseKind, side: Side | None) -> str:
    words = {
        PhaseKind.PREPARE: "Get ready",
        PhaseKind.SWITCH: "Switch legs",
        PhaseKind.REST: "Rest",
        PhaseKind.CONTRACT: "Push gently",
        PhaseKind.RELAX: "Relax and go deeper",
    }
    if kind is PhaseKind.HOLD:
        return f"Hold — {side} leg" if side else "Hold — both legs"
    if kind is PhaseKind.MOVE:
        return f"Move — {side} leg" if side else "Move — both legs"
    return words[kind]


def accessible_name(widget: QWidget) -> str:
    """What a screen reader reads as the widget's name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget.objectName()
    return interface.text(QAccessible.Text.Name)


def test_every_main_part_has_its_object_name_and_an_accessible_name(window):
    window.start_routine("desk-break")
    window.summary_screen  # noqa: B018 - pages are built on first use
    for name in OBJECT_NAMES:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert accessible_name(widget), name
    for button in window.findChildren(QPushButton):
        assert accessible_name(button), button.objectName()


def test_labels_read_what_they_show(window):
    """A label's accessible name is its visible text, never a heading in its place."""
    window.start_routine("desk-break")
    screen = window.session_screen
    labels = (screen.stretch_title, screen.side_label, screen.cue, screen.next_up)
    for label in labels:
        assert label.text()
        assert accessible_name(label) == label.text(), label.objectName()
    assert accessible_name(screen.stretch_title) == "Chair hamstring stretch"
    assert accessible_name(screen.side_label).startswith("Start with your")
    assert accessible_name(screen.next_up).startswith("Next:")
    assert accessible_name(screen.phase_banner) == screen.phase_banner.text()


def test_countdown_and_session_progress_are_progress_bars(window, clock):
    window.start_routine("desk-break")
    for _ in range(3):
        second(window, clock)
    for widget in (window.session_screen.countdown, window.session_screen.progress_bar):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface.role() == QAccessible.Role.ProgressBar, widget.objectName()
    countdown = window.session_screen.countdown
    assert countdown.value() == countdown.remaining() > 0
    assert accessible_name(countdown) == "Seconds left"
    assert window.session_screen.progress_bar.text().endswith("% done")


def test_a_page_is_built_only_when_first_needed(qtbot, clock, store, tmp_path):
    """The routine list opens without building (or importing) the session pages."""
    window = make_window(qtbot, clock, store, tmp_path)
    assert [window.stack.widget(i) for i in range(window.stack.count())] == [window.start_screen]
    built = []
    window.pageBuilt.connect(built.append)
    window.start_routine("desk-break")
    assert built == [window.session_screen]
    assert window.stack.currentWidget() is window.session_screen
    assert window.pause_action.isEnabled()


def test_a_window_opened_on_a_routine_never_builds_the_routine_list(qtbot, clock, store, tmp_path):
    window = app_module.build_window(clock, store, routine="desk-break")
    qtbot.addWidget(window)
    built = [window.stack.widget(i) for i in range(window.stack.count())]
    assert built == [window.session_screen]
    assert window.controller.active
    assert window.windowTitle().startswith("Desk break")


def test_whole_desk_break_every_phase_and_second_then_equal_legs(window, clock, store):
    routine = window.routines["desk-break"]
    plan = build_plan(routine, window.catalog, store.settings.session)
    catalog = window.catalog
    window.start_screen.select("desk-break")
    window.start_screen.start_button.click()
    assert window.stack.currentWidget() is window.session_screen

    for index, phase in enumerate(plan.phases):
        assert window.controller.engine.index == index
        title = catalog[phase.stretch].name if phase.stretch else "Rest"
        assert text(window, "stretchTitle") == title
        assert text(window, "phaseBanner") == expected_banner(phase.kind, phase.side)
        assert window.session_screen.illustration._stretch == phase.stretch
        assert window.session_screen.illustration._side == phase.side
        countdown = window.session_screen.countdown
        assert countdown.kind() is phase.kind
        if phase.kind is PhaseKind.SWITCH:
            assert window.session_screen.side_label.text() == f"Now the {phase.side} leg"
        shown = []
        for _ in range(phase.seconds):
            shown.append(countdown.remaining())
            second(window, clock)
        assert shown == list(range(phase.seconds, 0, -1)), (index, shown)

    assert window.stack.currentWidget() is window.summary_screen
    assert window.summary_screen.title.text() == "Well done"
    assert text(window, "leftLegTime") == text(window, "rightLegTime") == "2:00"
    assert "2 of 2 stretches done" in text(window, "summaryCounts")


def test_session_progress_and_next_up(window, clock):
    window.start_routine("desk-break")
    assert text(window, "sessionProgress") == "Stretch 1 of 2  ·  4:50 left"
    assert text(window, "nextUp") == "Next: Hold — left leg, 30 s"
    for _ in range(5):
        second(window, clock)
    assert text(window, "nextUp") == "Next: Switch to the right leg, 5 s"
    assert text(window, "sessionProgress") == "Stretch 1 of 2  ·  4:45 left"


def test_keyboard_space_right_left_plus_minus(window, clock, qtbot):
    window.start_routine("desk-break")
    controller = window.controller
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert not controller.running and controller.active
    assert window.session_screen.pause_button.text() == "Resume"
    assert window.session_screen.status_line.isVisible()
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert controller.running
    assert not window.session_screen.status_line.isVisible()

    QTest.keyClick(window, Qt.Key.Key_Right)  # skip "Get ready"
    assert text(window, "phaseBanner") == "Hold — left leg"
    assert text(window, "countdown") == "30"
    QTest.keyClick(window, Qt.Key.Key_Plus)
    assert text(window, "countdown") == "35"
    QTest.keyClick(window, Qt.Key.Key_Minus)
    QTest.keyClick(window, Qt.Key.Key_Minus)
    assert text(window, "countdown") == "25"
    assert window.session_screen.remember_button.isVisible()

    QTest.keyClick(window, Qt.Key.Key_Left)  # just started: back to "Get ready"
    assert text(window, "phaseBanner") == "Get ready"
    for _ in range(4):
        second(window, clock)
    QTest.keyClick(window, Qt.Key.Key_Left)  # 4 s in: restarts this phase
    assert text(window, "phaseBanner") == "Get ready"
    assert text(window, "countdown") == "5"


def test_every_shortcut_works_anywhere_in_the_window(window):
    actions = [action for action in window.actions() if action.shortcuts()]
    assert len(actions) >= 8
    assert {action.shortcutContext() for action in actions} == {Qt.ShortcutContext.WindowShortcut}


def test_buttons_do_what_the_shortcuts_do(window, clock):
    window.start_routine("desk-break")
    screen = window.session_screen
    screen.pause_button.click()
    assert not window.controller.running
    screen.pause_button.click()
    assert window.controller.running
    screen.skip_button.click()
    assert text(window, "phaseBanner") == "Hold — left leg"
    screen.more_button.click()
    assert text(window, "countdown") == "35"
    screen.back_button.click()
    assert text(window, "phaseBanner") == "Get ready"
    assert "(Space)" in screen.pause_button.toolTip()
    assert "(Right)" in screen.skip_button.toolTip()
    assert "(Left)" in screen.back_button.toolTip()
    assert "(Esc)" in screen.stop_button.toolTip()


def test_escape_asks_before_stopping(window, clock, monkeypatch):
    answers = [False, True]
    asked = []

    def ask(cls, parent):
        asked.append(window.controller.running)
        return answers.pop(0)

    monkeypatch.setattr(StopConfirmDialog, "ask", classmethod(ask))
    window.start_routine("desk-break")
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert asked == [False]  # paused while the question was open
    assert window.controller.running  # "Keep going" resumes
    assert window.stack.currentWidget() is window.session_screen
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.controller.active
    assert window.stack.currentWidget() is window.summary_screen
    assert window.summary_screen.title.text() == "Session stopped"


def test_clock_jump_pauses_with_a_visible_line(window, clock):
    window.start_routine("desk-break")
    second(window, clock)
    clock.advance(600)  # the machine slept
    window.controller.tick()
    assert not window.controller.running
    line = window.session_screen.status_line
    assert line.isVisible()
    assert "asleep" in line.text()
    assert text(window, "countdown") == "4"  # where it was, not where the clock is


@pytest.mark.parametrize("choice", [HurtChoice.SKIP_STRETCH, HurtChoice.END_SESSION])
def test_that_hurts_stops_advises_and_offers_skip_or_end(window, clock, monkeypatch, choice):
    seen = []

    def ask(cls, parent, stretch_name):
        seen.append((stretch_name, window.controller.running))
        return choice

    monkeypatch.setattr(HurtDialog, "ask", classmethod(ask))
    window.start_routine("desk-break")
    window.session_screen.skip_button.click()
    window.session_screen.hurt_button.click()
    assert seen == [("Chair hamstring stretch", False)]
    summary = window.controller.engine.summary
    assert summary.hurt == [1]  # recorded for the history
    if choice is HurtChoice.SKIP_STRETCH:
        assert window.controller.active
        assert text(window, "stretchTitle") == "Standing hamstring stretch"
    else:
        assert window.stack.currentWidget() is window.summary_screen
        assert window.summary_screen.hurt_note.isVisible()


def test_hurt_advice_says_stop_nerve_tension_and_clinician(qtbot):
    dialog = HurtDialog("Chair hamstring stretch")
    qtbot.addWidget(dialog)
    words = " ".join(label.text() for label in dialog.findChildren(QLabel)).lower()
    assert "pain is not the goal" in words
    assert "tingling" in words and "nerve" in words
    assert "clinician" in words
    assert "cure" not in words


def test_phase_changes_are_announced_once_not_every_second(window, clock, qtbot):
    announced: list[str] = []
    window.session_screen.announced.connect(announced.append)
    window.start_routine("desk-break")
    for _ in range(5 + 30):
        second(window, clock)
    assert announced == ["Get ready. Chair hamstring stretch", "Hold — left leg", "Switch legs"]


def test_screen_readers_hear_each_phase_the_banner_shows(window, clock, monkeypatch):
    from hamstring_gui.ui.widgets import phase_banner as session_screen

    banner = window.session_screen.phase_banner
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        session_screen, "_tell_screen_readers", lambda _w, text: told.append((text, banner.text()))
    )
    window.start_routine("desk-break")
    assert told == [("Get ready. Chair hamstring stretch", "Get ready")]
    for _ in range(5):
        second(window, clock)  # into the first hold
    assert told[1:] == [("Hold — left leg", banner.text())]


def test_a_hidden_window_tells_screen_readers_its_latest_phase_when_it_shows(
    window, clock, qtbot, monkeypatch
):
    from hamstring_gui.ui.widgets import phase_banner as session_screen

    told: list[str] = []
    monkeypatch.setattr(session_screen, "_tell_screen_readers", lambda _w, text: told.append(text))
    window.hide()
    window.start_routine("desk-break")  # as `hamstring-gui start`: before the window shows
    for _ in range(5):
        second(window, clock)  # into the first hold, still hidden
    qtbot.wait(50)  # nothing is told to a window nobody can see (no logic waits on this)
    assert told == []
    window.show()
    qtbot.waitUntil(lambda: told != [], timeout=1000)
    assert told == ["Hold — left leg"]


def test_the_banner_takes_each_phase_colour_with_readable_words(window, clock):
    from hamstring_gui.ui.style import theme

    window.start_routine("desk-break")
    banner = window.session_screen.phase_banner
    seen = set()
    for _ in range(5 + 30 + 1):  # get ready, hold, switch
        kind = window.controller.phase.kind
        fill = banner.fill_colour()
        assert fill == theme.phase_colour(kind, window.session_screen)
        words = banner.palette().color(QPalette.ColorRole.WindowText)
        assert words == theme.text_on(fill)
        seen.add(fill.name())
        second(window, clock)
    assert len(seen) == 3 and not banner.styleSheet()  # painted, no style sheet to polish
    pixel = banner.grab().toImage().pixelColor(banner.width() // 2, 3)
    assert pixel.name() == banner.fill_colour().name()


def test_text_is_large_enough_to_read_from_a_metre(window):
    window.start_routine("desk-break")
    countdown = window.session_screen.countdown
    assert countdown.number_font().pixelSize() >= COUNTDOWN_MIN_PX
    assert QFontInfo(window.session_screen.phase_banner.font()).pixelSize() >= 24


def test_start_screen_filters_and_enter_starts(window, clock):
    start = window.start_screen
    assert start.visible_routines() == list(window.routines)
    start.set_place("desk")
    assert start.visible_routines() == ["desk-break"]
    start.set_place("floor")
    assert "desk-break" not in start.visible_routines()
    assert "gentle-lying" in start.visible_routines()
    start.prop_boxes[next(iter(start.prop_boxes))].setChecked(False)  # no towel
    assert "pnf-towel" not in start.visible_routines()
    start.set_place("anywhere")
    start.select("self-test")
    QTest.keyClick(start.routine_list, Qt.Key.Key_Return)  # where the focus is
    assert window.stack.currentWidget() is window.session_screen
    assert text(window, "stretchTitle") == window.catalog["ake-self-test"].name


def test_card_lengths_follow_the_users_settings(window, store):
    cards = {card.id: card for card in window.start_screen.cards()}
    assert cards["desk-break"].seconds == 290
    longer = dataclasses.replace(store.settings.session, prepare_seconds=10)
    window.model.update(store.settings.with_section("session", longer))
    cards = {card.id: card for card in window.start_screen.cards()}
    assert cards["desk-break"].seconds == 300


def test_remember_hold_saves_it_for_this_stretch(window, store):
    window.start_routine("desk-break")
    window.session_screen.skip_button.click()
    window.session_screen.more_button.click()
    button = window.session_screen.remember_button
    assert button.text() == "Remember 35 s"
    button.click()
    assert store.settings.session.hold_for("chair-stretch") == 35
    assert not button.isVisible()


def test_first_run_shows_safety_before_the_first_session(qtbot, clock, tmp_path):
    store = SettingsStore(tmp_path / "fresh.json")
    store.load()
    window = make_window(qtbot, clock, store, tmp_path)
    assert window.stack.currentWidget() is window.safety_panel
    window.start_routine("desk-break")  # `hamstring-gui start desk-break` on first run
    assert not window.controller.active
    window.safety_panel.button.click()
    assert store.settings.safety_acknowledged
    assert window.controller.running
    assert text(window, "phaseBanner") == "Get ready"


def test_safety_text_has_red_flags_and_the_rule_and_no_cure_claim(window):
    labels = " ".join(label.text() for label in window.safety_panel.findChildren(QLabel)).lower()
    for words in ("saddle", "bladder", "both legs", "never bounce", "mild pull", "clinician"):
        assert words in labels
    assert "does not diagnose, treat or cure" in labels


def test_geometry_is_remembered_in_the_config_folder(qtbot, clock, store, tmp_path):
    window = make_window(qtbot, clock, store, tmp_path)
    window.resize(700, 520)  # inside the offscreen 800x600 screen
    saved = (window.width(), window.height())
    assert saved != (1000, 700)
    window.close()
    assert (tmp_path / "window.json").is_file()
    again = make_window(qtbot, clock, store, tmp_path)
    assert again.state_file == tmp_path / "window.json"
    # make_window resizes to 1000x700 after restoring; the saved state is what counts.
    restored = app_module.build_window(clock, store, state_file=tmp_path / "window.json")
    qtbot.addWidget(restored)
    assert (restored.width(), restored.height()) == saved


def test_compact_mode_stays_on_top_and_shows_the_essentials(window, clock):
    window.start_routine("desk-break")
    QTest.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.is_compact()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert not window.session_screen.illustration.isVisible()
    assert window.session_screen.countdown.isVisible()
    assert window.session_screen.phase_banner.isVisible()
    window.compact_action.trigger()
    assert not window.is_compact()
    assert not window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


def test_f11_toggles_focus_mode(window):
    window.start_routine("desk-break")
    QTest.keyClick(window, Qt.Key.Key_F11)
    assert window.focus_action.isChecked()
    QTest.keyClick(window, Qt.Key.Key_F11)
    assert not window.focus_action.isChecked()


def test_summary_repeat_and_feeling(window, clock, qtbot):
    window.start_routine("self-test")
    while window.controller.active:
        second(window, clock)
    summary = window.summary_screen
    with qtbot.waitSignal(summary.feelingRated, check_params_cb=lambda v: v == 3):
        summary.feel_group.button(3).click()
    assert summary.feeling() == 3
    # The choice shows clearly, and that it is kept.
    assert summary.feel_saved.text() == "3 of 10 — saved"
    chosen = summary.feel_group.button(3).palette().color(QPalette.ColorRole.Button)
    assert chosen == summary.palette().color(QPalette.ColorRole.Highlight)
    summary.repeat_button.click()
    assert window.controller.running
    assert window.stack.currentWidget() is window.session_screen


def test_pnf_phases_show_push_relax_and_the_right_steps(window, clock):
    window.start_routine("pnf-towel")
    seen = {}
    while window.controller.active:
        phase = window.controller.phase
        if phase.stretch == "pnf-towel" and phase.kind not in seen:
            seen[phase.kind] = (
                text(window, "phaseBanner"),
                window.session_screen.cue.text(),
                window.session_screen.current_step_index(),
            )
        window.controller.skip()
    assert seen[PhaseKind.CONTRACT] == ("Push gently", "Push gently, about a quarter effort", 2)
    assert seen[PhaseKind.RELAX][0] == "Relax and go deeper"
    assert seen[PhaseKind.RELAX][2] == 3


def test_preferences_get_the_sound_check(
    qtbot: QtBot, clock: FakeClock, store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hamstring_gui.ui.dialogs.preferences import PreferencesDialog

    seen = {}

    def fake_ask(cls, model, parent=None, **kwargs):  # type: ignore[no-untyped-def]
        seen.update(kwargs)
        return model.settings

    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(fake_ask))
    check = object()  # the cue player in the app: "Test sound" and "Test voice"
    window = app_module.build_window(
        clock,
        store,
        sound_check=lambda: check,  # type: ignore[arg-type, return-value]
    )
    qtbot.addWidget(window)
    window.preferences_action.trigger()
    assert seen["sound_check"] is check


def test_closing_asks_whether_to_keep_running_in_the_tray(
    qtbot: QtBot, clock: FakeClock, store: SettingsStore
) -> None:
    answers = [True]
    window = app_module.build_window(clock, store, close_to_tray=lambda: answers[-1])
    qtbot.addWidget(window)
    window.show()
    window.summary_screen.closeRequested.emit()  # the end screen's Close, as the title bar's
    # Offscreen there is no tray: kept running, the window stays, minimized.
    assert window.isVisible() and window.isMinimized()
    window.showNormal()
    assert window.close(), "the app quitting (app.quit()) closes for real"
    window.show()
    answers.append(False)
    window.summary_screen.closeRequested.emit()
    assert window.isHidden()


def test_a_service_verb_shows_a_message(window: MainWindow) -> None:
    window.show_message("History is not recorded.", 1000)
    assert window.statusBar().currentMessage() == "History is not recorded."


def test_session_progress_line_follows_the_session(window, clock) -> None:  # type: ignore[no-untyped-def]
    window.start_routine("desk-break")
    line = window.session_screen.progress_bar
    assert line.fraction() == pytest.approx(0.0, abs=0.01)
    for _ in range(29):
        second(window, clock)
    assert line.fraction() == pytest.approx(29 / 290, abs=0.01)
    assert line.text() == "10 % done"


def test_the_window_does_not_grow_during_a_long_session(window, clock) -> None:  # type: ignore[no-untyped-def]
    """Regression: refitting the steps added half a line each time (7 px every few s)."""
    window.start_routine("full-session")
    heights: dict[int, set[int]] = {}
    for _ in range(600):
        second(window, clock)
        window.session_screen.resize(window.session_screen.size())  # refits as a resize would
        screen = window.session_screen
        if window.controller.phase.kind is PhaseKind.HOLD:  # the steps do not change in a hold
            index = window.controller.engine.index
            heights.setdefault(index, set()).add(screen.steps.minimumHeight())
    assert len(heights) > 5
    assert all(len(seen) == 1 for seen in heights.values()), heights
    assert window.height() == 700
