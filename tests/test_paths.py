"""Where the app keeps its files, including the private runtime folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from hamstring_gui import paths


def test_runtime_dir_uses_a_private_xdg_runtime_dir(tmp_path: Path) -> None:
    # conftest points XDG_RUNTIME_DIR at a fresh 0700 folder
    folder = paths.runtime_dir()
    assert folder == Path(os.environ["XDG_RUNTIME_DIR"]) / "hamstring-gui"
    assert folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("mode", [0o755, None])
def test_runtime_dir_falls_back_quietly_without_a_private_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int | None
) -> None:
    if mode is None:
        monkeypatch.delenv("XDG_RUNTIME_DIR")
    else:
        shared = tmp_path / "shared"
        shared.mkdir(mode=mode)
        shared.chmod(mode)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = paths.runtime_dir()  # filterwarnings=error: any warning fails here
    assert folder == tmp_path / f"hamstring-gui-{os.getuid()}"
    assert folder.stat().st_mode & 0o777 == 0o700


def test_config_and_data_follow_xdg(private_dirs: Path) -> None:
    assert (
        paths.settings_file()
        == Path(os.environ["XDG_CONFIG_HOME"]) / "hamstring-gui" / "settings.json"
    )  # noqa: E501
    assert paths.history_file().parent == Path(os.environ["XDG_DATA_HOME"]) / "hamstring-gui"


@pytest.fixture
def no_runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """XDG_RUNTIME_DIR unset and a private temp dir standing in for /tmp."""
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(paths, "_TOLD", set())
    return temp / f"hamstring-gui-{os.getuid()}"


def another_users(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` look owned by another user (tests may not run as root)."""
    real_lstat = os.lstat

    def lstat(path: os.PathLike[str] | str) -> os.stat_result:
        info = real_lstat(path)
        if Path(path) == folder:
            fields = list(info)
            fields[4] = os.getuid() + 1  # st_uid
            return os.stat_result(fields)
        return info

    monkeypatch.setattr(os, "lstat", lstat)


@pytest.mark.parametrize("takeover", ["another-user", "loose-mode", "symlink", "file"])
def test_a_taken_over_tmp_folder_is_refused_in_one_line_and_a_private_one_used(
    no_runtime_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    takeover: str,
) -> None:
    shared = no_runtime_dir
    elsewhere = tmp_path / "attacker"
    elsewhere.mkdir(mode=0o700)
    if takeover == "another-user":
        shared.mkdir(mode=0o700)
        another_users(shared, monkeypatch)
    elif takeover == "loose-mode":
        shared.mkdir()
        shared.chmod(0o777)
    elif takeover == "symlink":
        shared.symlink_to(elsewhere)
    else:
        shared.write_text("")
    folder = paths.runtime_dir()
    assert folder == Path(os.environ["XDG_CACHE_HOME"]) / "hamstring-gui" / "runtime"
    assert folder.stat().st_mode & 0o777 == 0o700
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and str(shared) in lines[0] and str(folder) in lines[0]
    assert paths.runtime_dir() == folder
    assert capsys.readouterr().err == ""  # told once
    assert list(elsewhere.iterdir()) == []  # nothing written through the symlink


def test_no_private_folder_at_all_is_one_clear_error(
    no_runtime_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_runtime_dir.mkdir()
    no_runtime_dir.chmod(0o777)
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "hamstring-gui"
    cache.parent.chmod(0o700)
    cache.write_text("")  # a file where the cache folder belongs
    with pytest.raises(paths.UnsafeFolderError) as caught:
        paths.runtime_dir()
    assert "\n" not in str(caught.value)
