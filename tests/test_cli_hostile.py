"""The command line against hostile files and arguments: exit 2 and one line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hamstring_gui import paths
from tests.core.history.test_check import DAMAGE, make_history
from tests.core.test_routine_hostile import GOOD, huge_file


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        capture_output=True,
        text=True,
        env=env or os.environ.copy(),
        timeout=30,
    )


def refused(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    return line


@pytest.mark.parametrize("kind", ["decimal", "hex", "unknown-key"])
def test_import_routine_with_a_huge_integer(tmp_path: Path, kind: str) -> None:
    source = tmp_path / "in.toml"
    source.write_text(huge_file(kind, "mine"))
    assert "number too large" in refused(cli("import-routine", str(source)))
    assert not paths.routines_dir().exists()


def test_import_routine_with_quadratic_dotted_keys_is_refused_fast(tmp_path: Path) -> None:
    source = tmp_path / "in.toml"
    source.write_text("x." + ".".join(["a"] * 100_000) + " = 1\n")  # 200 KB
    refused(cli("import-routine", str(source)))


def test_routines_names_each_bad_file_once_and_lists_the_good(private_dirs: Path) -> None:
    folder = paths.routines_dir()
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text(huge_file("hex", "bad"))
    (folder / "mine.toml").write_text(GOOD.format(id="mine"))
    result = cli("routines")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert "routines/bad.toml" in line and "skipped" in line
    assert "mine" in result.stdout and "desk-break" in result.stdout


@pytest.mark.parametrize("content", ["fifo", "bomb", "bom"])
def test_settings_json_never_stops_the_cli(private_dirs: Path, content: str) -> None:
    settings = paths.settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    if content == "fifo":
        os.mkfifo(settings)
    elif content == "bomb":
        settings.write_text("[" * 100_000 + "]" * 100_000)
    else:
        settings.write_bytes(b'\xef\xbb\xbf{"version": 1, "session": {"hold_seconds": 45}}')
    result = cli("plan", "desk-break", "--json")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == (0 if content == "bom" else 1)
    if content == "bom":
        assert '"hold_seconds": 45' in result.stdout or "45" in result.stdout
    assert settings.exists()  # the command line changes nothing on disk


@pytest.mark.parametrize("kind", ["pages", "text-in-number", "impossible-date"])
def test_history_of_a_damaged_file_exits_2_in_one_line(private_dirs: Path, kind: str) -> None:
    path = paths.history_file()
    make_history(path)
    DAMAGE[kind](path)
    before = path.read_bytes()
    for args in (["history"], ["history", "--json"], ["history", "--csv", "-"]):
        line = refused(cli(*args))
        assert "damaged" in line
    assert path.read_bytes() == before  # the command line leaves it for the app to keep aside


@pytest.mark.parametrize("target", ["/dev/null", "/proc", "file", "/dev/null/sub"])
def test_illustrations_into_something_that_is_not_a_writable_folder(
    tmp_path: Path, target: str
) -> None:
    if target == "file":
        target = str(tmp_path / "file")
        Path(target).write_text("")
    refused(cli("illustrations", target))


@pytest.mark.parametrize(
    "args",
    [
        ["snooze", "-5"],
        ["snooze", str(10**20)],
        ["snooze", "1" * 5000],
        ["plan"],
        ["plan", "no-such-routine"],
        ["history", "--csv", "/proc/nope/x.csv"],
        ["export-routine", "desk-break", "/proc"],
        ["import-routine", "/dev/zero"],
        ["import-routine", "/"],
        ["--no-such-option"],
    ],
)
def test_bad_arguments_exit_2_in_one_line(tmp_path: Path, args: list[str]) -> None:
    refused(cli(*args))


def test_status_with_a_taken_over_runtime_folder(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    (temp / f"hamstring-gui-{os.getuid()}").symlink_to(tmp_path)
    env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
    env["TMPDIR"] = str(temp)
    result = cli("status", env=env)
    assert result.returncode == 3 and "Traceback" not in result.stderr
    warning, not_running = result.stderr.splitlines()
    assert "symbolic link" in warning
    assert "not running" in not_running
