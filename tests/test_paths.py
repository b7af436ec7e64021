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
