"""`hamstring-gui desktop-entry install|uninstall` into a temporary XDG_DATA_HOME (issue 25)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

from hamstring_gui.cli import build_parser
from hamstring_gui.platform import desktop_entry
from hamstring_gui.platform.autostart import DESKTOP_ID

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("hamstring-gui")
PACKAGED = ROOT / "packaging" / "linux" / f"{DESKTOP_ID}.desktop"


def expected_files(data: Path) -> list[Path]:
    return [
        data / "applications" / f"{DESKTOP_ID}.desktop",
        data / "metainfo" / f"{DESKTOP_ID}.metainfo.xml",
        data / "icons/hicolor/scalable/apps" / f"{DESKTOP_ID}.svg",
        *(data / f"icons/hicolor/{s}x{s}/apps" / f"{DESKTOP_ID}.png" for s in (48, 128, 256)),
        data / "man/man1/hamstring-gui.1",
        data / "bash-completion/completions/hamstring-gui",
        data / "zsh/site-functions/_hamstring-gui",
        data / "fish/vendor_completions.d/hamstring-gui.fish",
    ]


def run(program: list[str], action: str, path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*program, "desktop-entry", action],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PATH": path},
    )


def entry(data: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(data / "applications" / f"{DESKTOP_ID}.desktop", encoding="utf-8")
    return parser


def test_install_writes_everything_with_the_running_programs_path_then_uninstall_removes_it(
    private_dirs: Path,
) -> None:
    assert SCRIPT.exists(), "install the package into the venv (make venv does)"
    data = Path(os.environ["XDG_DATA_HOME"])
    autostart = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / f"{DESKTOP_ID}.desktop"

    result = run([str(SCRIPT)], "install", "/usr/bin:/bin")  # not on PATH: absolute path
    assert result.returncode == 0, result.stderr
    assert f"The menu entry runs: {SCRIPT.resolve()}" in result.stdout
    for path in expected_files(data):
        assert path.is_file(), path
        assert path.stat().st_mode & 0o777 == 0o644
    installed = entry(data)
    assert installed["Desktop Entry"]["Exec"] == str(SCRIPT.resolve())
    assert installed["Desktop Action gentle-lying"]["Exec"] == (
        f"{SCRIPT.resolve()} start gentle-lying"
    )
    assert installed["Desktop Entry"]["Icon"] == DESKTOP_ID
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(data / "applications" / f"{DESKTOP_ID}.desktop")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0 and check.stdout == "", check.stdout

    autostart.parent.mkdir(parents=True)
    autostart.write_text("[Desktop Entry]\n", encoding="utf-8")
    result = run([str(SCRIPT)], "uninstall", "/usr/bin:/bin")
    assert result.returncode == 0, result.stderr
    assert not autostart.exists()
    left = [p for p in data.rglob("*") if p.is_file()]
    assert left == [], "uninstall left files behind"


def test_with_the_command_on_path_the_entry_is_the_packaged_one(
    private_dirs: Path, tmp_path: Path
) -> None:
    on_path = tmp_path / "bin"
    on_path.mkdir()
    (on_path / "hamstring-gui").symlink_to(SCRIPT)
    data = Path(os.environ["XDG_DATA_HOME"])
    result = run([sys.executable, "-m", "hamstring_gui"], "install", f"{on_path}:/usr/bin:/bin")
    assert result.returncode == 0, result.stderr
    text = (data / "applications" / f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    assert text == PACKAGED.read_text(encoding="utf-8")


def test_run_as_a_module_the_entry_runs_python_dash_m() -> None:
    line = desktop_entry.menu_entry(["/opt/my venv/bin/python", "-m", "hamstring_gui"])
    assert 'Exec="/opt/my venv/bin/python" -m hamstring_gui start desk-break\n' in line
    assert desktop_entry.exec_line(["/a%b"]) == "/a%%b"


def test_the_completion_installed_is_found_by_bash_completion(private_dirs: Path) -> None:
    # bash-completion looks in $XDG_DATA_HOME/bash-completion/completions/<command>.
    data = Path(os.environ["XDG_DATA_HOME"])
    desktop_entry.install(data, build_parser(), command_for=lambda: ["hamstring-gui"])
    script = (data / "bash-completion/completions/hamstring-gui").read_text(encoding="utf-8")
    assert script == (ROOT / "packaging/linux/completions/hamstring-gui.bash").read_text(
        encoding="utf-8"
    )
    man = (data / "man/man1/hamstring-gui.1").read_text(encoding="utf-8")
    assert man == (ROOT / "packaging/linux/hamstring-gui.1").read_text(encoding="utf-8")


def test_an_unwritable_data_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "hamstring_gui", "desktop-entry", "install"],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_DATA_HOME": str(blocked)},
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"hamstring-gui: cannot write in {blocked}")
    assert len(result.stderr.splitlines()) == 1
