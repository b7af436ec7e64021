"""The composition root's wiring: custom routines reach the window, the tray and remote start."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui import app as app_module
from hamstring_gui import paths
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.routine import Routine, RoutineItem
from hamstring_gui.core.routine_store import save_routine
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.library import all_routines
from hamstring_gui.ui.desktop.commands import RemoteCommands
from hamstring_gui.ui.editor.window import RoutineEditor
from tests.helpers.processes import run_python
from tests.helpers.stubs import FakeClock

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

MINE = Routine("my-break", "My break", "", (RoutineItem("chair-stretch", hold_seconds=40),))


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    settings.save(dataclasses.replace(settings.settings, safety_acknowledged=True))
    window = app_module.build_window(FakeClock(), settings, state_file=tmp_path / "w.json")
    qtbot.addWidget(window)
    return window


def test_custom_routines_on_disk_are_listed_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    save_routine(MINE, paths.routines_dir(), load_catalog())
    assert "my-break" in all_routines()
    assert "desk-break" in all_routines()


def test_a_broken_custom_file_is_skipped_and_named(capsys: pytest.CaptureFixture[str]) -> None:
    paths.routines_dir().mkdir(parents=True, exist_ok=True)
    (paths.routines_dir() / "broken.toml").write_text("id = [", encoding="utf-8")
    routines = all_routines()
    assert "broken" not in routines and "desk-break" in routines
    assert "broken.toml" in capsys.readouterr().err
    all_routines()  # read again (start ROUTINE checks, then the app loads): named once
    assert "broken.toml" not in capsys.readouterr().err


def test_edit_routines_opens_one_editor_and_saves_show_up_everywhere(
    window,
    qtbot: QtBot,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QApplication

    assert not window.edit_routines_action.isEnabled()
    services = app_module.Services(QApplication.instance(), window)  # type: ignore[arg-type]
    try:
        assert window.edit_routines_action.isEnabled() and window.history_action.isEnabled()
        before = set(qtbot_top_levels())
        window.edit_routines_action.trigger()
        editors = [w for w in qtbot_top_levels() if isinstance(w, RoutineEditor)]
        editors = [w for w in editors if w not in before]
        assert len(editors) == 1
        editor = editors[0]
        qtbot.addWidget(editor)
        window.edit_routines_action.trigger()
        again = [w for w in qtbot_top_levels() if isinstance(w, RoutineEditor) and w not in before]
        assert again == [editor]

        save_routine(MINE, paths.routines_dir(), load_catalog())
        editor.routinesChanged.emit()
        assert "my-break" in window.routines
        reply = RemoteCommands(window, window.controller, services.reminders)("start", ["my-break"])
        assert reply["ok"] is True
        assert window.controller.plan is not None and window.controller.plan.routine == "my-break"
    finally:
        services.reminders.close()
        services.server.close()


def qtbot_top_levels() -> list[object]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets())


def test_services_wired_after_the_first_paint_follow_a_session_already_running(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`start ROUTINE` runs before the services exist: it must still be heard and recorded."""
    from PySide6.QtWidgets import QApplication

    from hamstring_gui.ui.history.link import HistoryLink

    attached = []
    monkeypatch.setattr(
        "hamstring_gui.core.cues.attach_cues", lambda engine, *_a, **_k: attached.append(engine)
    )
    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    settings.save(dataclasses.replace(settings.settings, safety_acknowledged=True))
    cues: list[app_module.Cues] = []
    window = app_module.build_window(
        FakeClock(),
        settings,
        routine="desk-break",
        before_sessions=lambda *parts: cues.append(app_module.Cues(*parts)),
    )
    qtbot.addWidget(window)
    engine = window.controller.engine
    assert engine is not None and window.controller.active
    # The cues were attached before the session started (so its first phase is
    # announced on time); the history and the rest follow after the first paint.
    assert attached == [engine]

    services = app_module.Services(QApplication.instance(), window)  # type: ignore[arg-type]
    try:
        link = window.findChild(HistoryLink)
        assert link is not None and link.recorder is not None
        assert link.recorder.session_id is not None  # its row is written already
        assert services.reminders.service.scheduler._in_session  # noqa: SLF001 - not counted as work
    finally:
        services.reminders.close()
        services.server.close()


@pytest.mark.parametrize("enabled", [True, False])
def test_a_session_starts_once_its_sound_path_is_open(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    """`start ROUTINE` starts while the path opens: its first cue must find it open."""
    from hamstring_gui.core.plan import build_plan
    from hamstring_gui.core.routine import builtin_routines
    from hamstring_gui.core.session import State
    from hamstring_gui.ui.audio.sound import QtCuePlayer
    from hamstring_gui.ui.controller import SessionController
    from hamstring_gui.ui.settings_model import SettingsModel

    monkeypatch.setattr("hamstring_gui.core.cues.attach_cues", lambda *_a, **_k: None)
    seen: list[object] = []
    monkeypatch.setattr(QtCuePlayer, "open", lambda self: None)
    monkeypatch.setattr(
        QtCuePlayer, "wait_open", lambda self, timeout=0.3: seen.append(controller.state) or True
    )
    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    sound = dataclasses.replace(settings.settings.sound, enabled=enabled, eyes_closed=False)
    settings.save(dataclasses.replace(settings.settings, sound=sound))
    controller = SessionController(FakeClock())
    model = SettingsModel(settings)
    catalog = load_catalog()
    app_module.Cues(controller, model, catalog, session_soon=True)
    controller.start(build_plan(builtin_routines()["desk-break"], catalog, model.settings.session))
    # Waited for before the engine started, and only with sound on.
    assert seen == ([State.IDLE] if enabled else [])
    assert controller.active


def test_start_up_objects_are_taken_out_of_the_collectors_way() -> None:
    import gc

    before = gc.get_freeze_count()
    try:
        app_module.settle_start_up_objects()
        assert gc.get_freeze_count() > before
        assert gc.get_freeze_count() >= len(gc.get_objects()) // 2  # the bulk, not a few
    finally:
        gc.unfreeze()


def at_the_first_frame(argv: list[str], probe: str) -> str:
    """Run the app past the safety page; print ``probe``'s value once its first frame is up."""
    store = SettingsStore(paths.settings_file())
    store.load()
    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))
    code = (
        "import sys\n"
        "from hamstring_gui.__main__ import main\n"
        "import hamstring_gui.app as app\n"
        "class Services(app.Services):\n"
        "    def __init__(self, qt_app, window):\n"
        f"        print({probe})\n"
        "        super().__init__(qt_app, window)\n"
        "        qt_app.quit()\n"
        "app.Services = Services\n"
        f"sys.exit(main({argv!r}))\n"
    )
    out = run_python(code)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.mark.parametrize(
    ("argv", "loaded", "not_loaded"),
    [
        (
            [],
            "hamstring_gui.ui.screens.start",
            (
                "hamstring_gui.core.session",
                "hamstring_gui.ui.screens.session",
                "hamstring_gui.ui.audio.sound",  # the cues come with the first session
                "hamstring_gui.core.cues",
            ),
        ),
        (
            ["start", "desk-break"],
            "hamstring_gui.ui.screens.session",
            # The cues are attached before the session starts; the sound path and
            # the voice load in the background, off the first frame's way.
            ("hamstring_gui.ui.screens.start", "hamstring_gui.platform.speechd"),
        ),
    ],
)
def test_the_first_frame_loads_only_what_it_shows(
    argv: list[str], loaded: str, not_loaded: tuple[str, ...]
) -> None:
    modules = set(at_the_first_frame(argv, "' '.join(sorted(sys.modules))").split())
    assert loaded in modules
    assert not modules & set(not_loaded)
