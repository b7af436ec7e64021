"""The bundle's smoke test itself, run against a stand-in bundle (the real one: make bundle)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import tools

ROOT = Path(__file__).resolve().parents[2]
SMOKE = ROOT / "packaging" / "pyinstaller" / "smoke-test.sh"

pytestmark = pytest.mark.xvfb


def test_the_smoke_test_uses_its_own_display_and_runtime_folder(tmp_path: Path) -> None:
    tools.require("Xvfb", "xwininfo")
    bundle = tmp_path / "hamstring-gui"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy(ROOT / "LICENSE", bundle / "_internal" / "LICENSE")
    program = bundle / "hamstring-gui"
    program.write_text(f'#!/bin/sh\nexec {sys.executable} -m hamstring_gui "$@"\n')
    program.chmod(0o755)
    result = subprocess.run(
        ["sh", str(SMOKE), str(bundle)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DISPLAY": ":1234"},  # a display the script must not use
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "== no display: one line, exit 2" in result.stdout
    assert "GUI under our own Xvfb :" in result.stdout and ":1234" not in result.stdout
    assert '"Hamstring Coach": ("hamstring-gui" "Hamstring Coach")' in result.stdout
    assert "bundle OK" in result.stdout
