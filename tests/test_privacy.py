"""Every file the app writes is 0600 and its folders 0700, whatever the umask (issue 17)."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from hamstring_gui import ipc, paths
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.routine_store import save_routine
from hamstring_gui.core.settings import Settings
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.platform import autostart


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


def test_everything_written_is_private(private_dirs: Path, open_umask: None) -> None:
    from hamstring_gui.ui.window_state import save_window_state

    store = SettingsStore(paths.settings_file())
    store.save(Settings())
    store.save(dataclasses.replace(Settings(), safety_acknowledged=True))
    save_window_state(paths.config_dir() / "window.json", {"version": 1})
    with HistoryStore(paths.history_file()) as history:
        history.begin_session("desk-break", datetime.now().astimezone())
    mine = dataclasses.replace(builtin_routines()["desk-break"], id="mine", builtin=False)
    save_routine(mine, paths.routines_dir())
    instance = ipc.claim_instance()
    assert instance is not None
    autostart.set_enabled(True)
    roots = [paths.config_dir(), paths.data_dir(), paths.runtime_dir()]
    found = 0
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            assert Path(folder).stat().st_mode & 0o777 == 0o700, folder
            for name in files:
                info = (Path(folder) / name).lstat()
                if stat.S_ISREG(info.st_mode):
                    found += 1
                    assert info.st_mode & 0o777 == 0o600, Path(folder) / name
    assert found >= 7
    assert autostart.entry_path().stat().st_mode & 0o777 == 0o600
    instance.close()
