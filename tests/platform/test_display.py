"""No graphical session: one line and exit 2, before Qt aborts (issue 25)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from hamstring_gui.platform.display import PREFERRED, UNSET, Choice, choose_platform, prepare


def never(_: object) -> bool:
    return False


def always(_: object) -> bool:
    return True


def test_nothing_set_is_no_session() -> None:
    assert choose_platform({}, wayland_up=always, x_up=always) == Choice("", UNSET)


def test_a_wayland_session_uses_wayland_first(tmp_path: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path), "DISPLAY": ":0"}
    seen: list[Path] = []
    choice = choose_platform(env, wayland_up=lambda p: seen.append(p) or True, x_up=always)
    assert choice == Choice("wayland;xcb")  # Qt still falls back when its plugin cannot load
    assert seen == [tmp_path / "wayland-0"]
    assert PREFERRED == "wayland;xcb"


def test_a_dead_wayland_socket_falls_back_to_x11(tmp_path: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path), "DISPLAY": ":0"}
    assert choose_platform(env, wayland_up=never, x_up=always) == Choice("xcb")


def test_a_dead_wayland_socket_alone_is_named(tmp_path: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path)}
    choice = choose_platform(env, wayland_up=never, x_up=always)
    assert choice.platform == ""
    assert choice.problem == (
        f"no graphical session: no Wayland compositor answers at {tmp_path / 'wayland-0'}"
    )


def test_a_user_choice_is_respected_and_checked() -> None:
    assert choose_platform({"QT_QPA_PLATFORM": "offscreen"}) == Choice("offscreen")
    env = {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "/run/w"}
    choice = choose_platform(env, wayland_up=always, x_up=always)
    assert choice.problem == "no graphical session: DISPLAY is unset"
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":3"}
    assert choose_platform(env, x_up=always) == Choice("xcb")


def test_prepare_sets_the_platform_found_but_never_overrides_the_user(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-5"))
        server.listen(1)
        env = {"WAYLAND_DISPLAY": "wayland-5", "XDG_RUNTIME_DIR": str(tmp_path)}
        assert prepare(env) == ""
    assert env["QT_QPA_PLATFORM"] == "wayland"
    mine = {"QT_QPA_PLATFORM": "offscreen"}
    assert prepare(mine) == ""
    assert mine["QT_QPA_PLATFORM"] == "offscreen"


def test_a_listening_socket_counts_and_a_stale_one_does_not(tmp_path: Path) -> None:
    live = tmp_path / "wayland-1"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(live))
    server.listen(1)
    stale = tmp_path / "wayland-2"
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(stale))
    dead.close()  # the file stays, nobody accepts
    try:
        base = {"XDG_RUNTIME_DIR": str(tmp_path)}
        assert choose_platform({**base, "WAYLAND_DISPLAY": "wayland-1"}) == Choice("wayland")
        assert choose_platform({**base, "WAYLAND_DISPLAY": "wayland-2"}).problem
    finally:
        server.close()


def launch(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=30,
    )


@pytest.mark.parametrize("args", [(), ("--tray",), ("start", "desk-break")])
def test_every_gui_launch_without_a_display_says_so_and_exits_2(args: tuple[str, ...]) -> None:
    result = launch(*args)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"hamstring-gui: {UNSET}\n"
    assert result.stdout == ""


def test_a_wayland_socket_without_a_compositor_exits_2(tmp_path: Path) -> None:
    stale = Path(os.environ["XDG_RUNTIME_DIR"]) / "wayland-9"
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(stale))
    dead.close()
    result = launch(WAYLAND_DISPLAY="wayland-9")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("hamstring-gui: no graphical session: no Wayland compositor")
    assert "Reinstalling" not in result.stderr
