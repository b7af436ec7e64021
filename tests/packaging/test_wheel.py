"""The wheel carries everything: installed into a fresh venv outside the checkout, it runs.

Builds the wheel from a copy of the project (so the checkout gets no build/
folder), makes a venv without system site-packages, installs the wheel with
--no-deps and lends it the project venv's PySide6, shiboken6 and platformdirs
through a .pth file (fast and offline; those are the wheel's only runtime
dependencies). Then, from a temp folder: `hamstring-gui routines`, `plan
desk-break --json`, every resource file present and byte-identical, every
resource the data names loadable, and the window opening (offscreen).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
LENT = ("PySide6", "shiboken6", "platformdirs", "jeepney")  # the wheel's runtime dependencies

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def lend_dependencies(target_site: Path, lent: Path) -> None:
    """Link only the runtime dependencies (not the editable checkout) into ``lent``."""
    source_site = Path(sysconfig.get_paths()["purelib"])
    lent.mkdir()
    for entry in source_site.iterdir():
        name = entry.name.lower()
        if any(name == dep.lower() or name.startswith(f"{dep.lower()}-") for dep in LENT) or (
            name.startswith(("pyside6_", "shiboken6-"))
        ):
            (lent / entry.name).symlink_to(entry)
    (target_site / "lent-dependencies.pth").write_text(f"{lent}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv (outside the checkout) with the freshly built wheel in it."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    # The package with its resources symlink, and the folder the link points to.
    shutil.copytree(
        ROOT / "hamstring_gui",
        source / "hamstring_gui",
        symlinks=True,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copytree(RESOURCES, source / "resources")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_NO"))}
    build = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "-w",
        base / "dist",
        ".",
        cwd=source,
        env=env,
    )
    (wheel,) = (base / "dist").glob("hamstring_gui-*.whl")
    # The configuration gives setuptools nothing to warn about (issue 25: ~260 lines).
    assert "Warning" not in build.stdout + build.stderr, build.stderr
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata_text = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names
    assert b"\nLicense-Expression: MIT\n" in metadata_text

    target = base / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False, symlinks=True).create(target)
    python = target / "bin" / "python"
    run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=base,
        env=env,
    )
    site = Path(
        run(
            python,
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            cwd=base,
            env=env,
        ).stdout.strip()
    )
    lend_dependencies(site, base / "lent")
    yield target


@pytest.fixture
def outside(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A working folder outside the checkout and an environment without the project venv."""
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = "/usr/bin:/bin"
    return cwd, env


def test_routines_from_the_installed_wheel(
    installed: Path, outside: tuple[Path, dict[str, str]]
) -> None:
    cwd, env = outside
    result = run(installed / "bin" / "hamstring-gui", "routines", cwd=cwd, env=env)
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert "desk-break" in ids and "gentle-lying" in ids, result.stdout


def test_plan_json_from_the_installed_wheel(
    installed: Path, outside: tuple[Path, dict[str, str]]
) -> None:
    cwd, env = outside
    result = run(
        installed / "bin" / "hamstring-gui", "plan", "desk-break", "--json", cwd=cwd, env=env
    )
    plan = json.loads(result.stdout)
    assert plan["routine"] == "desk-break"
    assert plan["total_seconds"] > 0 and plan["phases"]


RESOURCE_CHECK = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    import hamstring_gui
    from hamstring_gui.core import assets
    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.cues import Tone
    from hamstring_gui.core.figure.library import load_figure
    from hamstring_gui.core.routine import builtin_routines

    checkout = Path(sys.argv[1])
    files = [p for p in sorted(checkout.rglob("*")) if p.is_file()]
    differ = [
        p.relative_to(checkout).as_posix() for p in files
        if not assets.exists(p.relative_to(checkout).as_posix())
        or assets.read_bytes(p.relative_to(checkout).as_posix()) != p.read_bytes()
    ]
    catalog = load_catalog()
    routines = dict(builtin_routines())
    for stretch_id in catalog:
        load_figure(stretch_id)  # poses/<id>.toml, parsed (2D or 3D)
    for tone in Tone:
        assert assets.read_bytes(tone.resource)[:4] == b"RIFF", tone
    assert assets.read_text("icons/hamstring-coach.svg").lstrip().startswith("<?xml")
    print(json.dumps({
        "package": hamstring_gui.__file__, "files": len(files), "differ": differ,
        "stretches": len(catalog), "routines": len(routines),
    }))
    """
)


def test_every_resource_is_inside_the_installed_package(
    installed: Path, outside: tuple[Path, dict[str, str]]
) -> None:
    cwd, env = outside
    result = run(installed / "bin" / "python", "-c", RESOURCE_CHECK, RESOURCES, cwd=cwd, env=env)
    report = json.loads(result.stdout)
    assert Path(report["package"]).is_relative_to(installed), report["package"]
    assert report["differ"] == [], "missing from the wheel or different"
    assert report["files"] >= 40 and report["stretches"] >= 30 and report["routines"] >= 5


WINDOW_CHECK = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(["hamstring-gui"])
    shown = []

    def look():  # runs once the event loop of run_gui is going
        shown.extend(w.windowTitle() for w in app.topLevelWidgets() if w.isVisible())
        app.quit()

    QTimer.singleShot(0, look)
    from hamstring_gui.cli import main
    code = main([])
    print(shown)
    sys.exit(code)
    """
)


def test_the_installed_app_opens_its_window(
    installed: Path, outside: tuple[Path, dict[str, str]]
) -> None:
    cwd, env = outside
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = run(installed / "bin" / "python", "-c", WINDOW_CHECK, cwd=cwd, env=env)
    assert "Hamstring Coach" in result.stdout, result.stdout + result.stderr
