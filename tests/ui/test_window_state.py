from __future__ import annotations

import os
import stat
from pathlib import Path

from hamstring_gui.ui.window_state import STATE_LIMIT, load_window_state, save_window_state


def test_state_round_trips_privately(tmp_path: Path) -> None:
    path = tmp_path / "config" / "window.json"
    save_window_state(path, {"version": 1, "geometry": "abc"})
    assert load_window_state(path) == {"version": 1, "geometry": "abc"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_missing_damaged_or_odd_files_give_nothing(tmp_path: Path) -> None:
    assert load_window_state(None) == {}
    assert load_window_state(tmp_path / "absent.json") == {}
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert load_window_state(broken) == {}
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]")
    assert load_window_state(listed) == {}
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert load_window_state(deep) == {}
    huge = tmp_path / "huge.json"
    huge.write_text('{"a": "' + "x" * STATE_LIMIT + '"}')
    assert load_window_state(huge) == {}


def test_a_pipe_in_its_place_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "window.json"
    os.mkfifo(fifo)
    assert load_window_state(fifo) == {}


def test_an_unwritable_folder_loses_only_the_size(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    save_window_state(blocked / "window.json", {"version": 1})  # no exception
    save_window_state(None, {"version": 1})
