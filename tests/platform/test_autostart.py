from __future__ import annotations

from pathlib import Path

import pytest

from hamstring_gui.platform import autostart

ROOT = Path(__file__).resolve().parents[2]


def test_entry_goes_under_xdg_config_home_and_is_removed(private_dirs: Path) -> None:
    path = autostart.set_enabled(True, ["hamstring-gui"])
    assert path == private_dirs / ".config" / "autostart" / f"{autostart.DESKTOP_ID}.desktop"
    assert autostart.is_enabled()
    text = path.read_text()
    assert "Exec=hamstring-gui --tray" in text
    assert not list(path.parent.glob(".*.tmp"))
    autostart.set_enabled(False)
    assert not path.exists() and not autostart.is_enabled()
    autostart.set_enabled(False)  # removing twice is fine


def test_unset_config_home_means_dot_config(private_dirs: Path, monkeypatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert autostart.entry_path().parent == private_dirs / ".config" / "autostart"


def test_entry_matches_the_packaging_template() -> None:
    template = ROOT / "packaging/linux/autostart" / f"{autostart.DESKTOP_ID}.desktop"
    assert template.read_text() == autostart.entry()


def test_a_source_install_writes_the_absolute_path_of_the_running_program(
    private_dirs: Path, tmp_path: Path
) -> None:
    program = tmp_path / "check out" / ".venv" / "bin" / "hamstring-gui"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    command = autostart.launch_command(which=lambda _name: None, argv0=str(program))
    assert command == [str(program)]
    path = autostart.set_enabled(True, command)
    assert f'Exec="{program}" --tray' in path.read_text()


def test_on_path_the_entry_names_the_program(private_dirs: Path) -> None:
    assert autostart.launch_command(which=lambda name: f"/usr/bin/{name}") == ["hamstring-gui"]


def test_run_as_a_module_the_entry_runs_python_dash_m(tmp_path: Path) -> None:
    command = autostart.launch_command(
        which=lambda _name: None, argv0="-m", python="/usr/bin/python3"
    )
    assert command == ["/usr/bin/python3", "-m", "hamstring_gui"]


def test_sync_recreates_a_missing_entry_and_follows_a_moved_program(private_dirs: Path) -> None:
    path = autostart.sync(True, ["hamstring-gui"])
    assert path is not None and path.read_text() == autostart.entry()
    path.unlink()  # removed by hand, or never written though the setting was on
    autostart.sync(True, ["hamstring-gui"])
    assert path.is_file()
    autostart.sync(True, ["/bin/sh"])
    assert "Exec=/bin/sh --tray" in path.read_text()
    autostart.sync(False)
    assert not path.exists()


def test_a_program_that_cannot_run_is_said_not_written(private_dirs: Path, tmp_path: Path) -> None:
    with pytest.raises(autostart.AutostartError, match="cannot be run"):
        autostart.sync(True, [str(tmp_path / "gone" / "hamstring-gui")])
    assert not autostart.is_enabled()


def test_an_unwritable_autostart_folder_is_said(private_dirs: Path) -> None:
    autostart.autostart_dir().parent.mkdir(parents=True, exist_ok=True)
    autostart.autostart_dir().write_text("a file where the folder should be")
    with pytest.raises(autostart.AutostartError, match="cannot be written"):
        autostart.sync(True, ["hamstring-gui"])
