"""Desktop integration files: valid for the validators, consistent with one app id.

Covers packaging/linux (desktop entry, AppStream metainfo, hicolor icons,
autostart template), `make install-desktop` / `make uninstall-desktop`, and
sanity checks of the Flatpak manifest and the PyInstaller spec.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest

from tests.helpers import tools

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.hamstringcoach.HamstringCoach"
DESKTOP = LINUX / f"{APP_ID}.desktop"
AUTOSTART = LINUX / "autostart" / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
HICOLOR = LINUX / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
BUNDLED_ICON = ROOT / "resources" / "icons" / "hamstring-coach.svg"
PNG_SIZES = (48, 128, 256)
FLATPAK = ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml"
SPEC = ROOT / "packaging" / "pyinstaller" / "hamstring-gui.spec"


def validator(name: str) -> str:
    tools.require(name)
    path = shutil.which(name)
    assert path is not None
    return path


def desktop_entry(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# -- validators -----------------------------------------------------------------


@pytest.mark.parametrize("path", [DESKTOP, AUTOSTART], ids=["menu-entry", "autostart"])
def test_desktop_entries_pass_desktop_file_validate(path: Path) -> None:
    result = subprocess.run(
        [validator("desktop-file-validate"), str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # no warnings or hints either


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout, result.stdout  # warnings fail Flathub's checks too


# -- one app id everywhere ----------------------------------------------------------


def test_menu_entry_names_the_app_id_icon_and_command() -> None:
    entry = desktop_entry(DESKTOP)["Desktop Entry"]
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "hamstring-gui"
    assert entry["Type"] == "Application"
    # X11 ties windows to the entry by WM_CLASS: Qt's application name.
    assert entry["StartupWMClass"] == "hamstring-gui"


def test_autostart_template_starts_the_tray_mode() -> None:
    entry = desktop_entry(AUTOSTART)["Desktop Entry"]
    assert entry["Exec"] == "hamstring-gui --tray"
    assert entry["Icon"] == APP_ID
    assert entry["NoDisplay"] == "true"


def test_autostart_template_is_what_the_app_writes() -> None:
    # The reminders write the entry from hamstring_gui/platform/autostart.py; the two must agree.
    autostart = pytest.importorskip("hamstring_gui.platform.autostart")
    assert autostart.DESKTOP_ID == APP_ID
    assert AUTOSTART.read_text(encoding="utf-8") == autostart.ENTRY


def test_metainfo_matches_the_desktop_entry_and_the_package() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("icon") == APP_ID
    assert component.find("content_rating") is not None
    assert component.findall("screenshots/screenshot/image")
    releases = [r.get("version") for r in component.findall("releases/release")]
    assert metadata.version("hamstring-gui") in releases, "add a <release> for this version"
    for image in component.findall("screenshots/screenshot/image"):
        # Screenshots are served from the repository: the file must be in it.
        relative = (image.text or "").split("/main/", 1)[1]
        assert (ROOT / relative).is_file(), relative


# -- icons -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", PNG_SIZES)
def test_hicolor_png_has_its_size(size: int) -> None:
    path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(path) == (size, size)


def test_scalable_icon_is_a_square_svg_and_the_bundled_window_icon_is_the_same() -> None:
    svg = ET.parse(SVG).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 256 256"
    assert BUNDLED_ICON.read_bytes() == SVG.read_bytes(), (
        "resources/icons/hamstring-coach.svg drifted from the hicolor SVG: copy it over"
    )


def test_bundled_window_icon_pngs_match_the_hicolor_ones() -> None:
    from hamstring_gui.ui.style.icon import ICON_SIZES, icon_resource

    for size in ICON_SIZES:
        bundled = ROOT / "resources" / icon_resource(size)
        assert png_size(bundled) == (size, size)
        hicolor = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if size in PNG_SIZES:
            assert bundled.read_bytes() == hicolor.read_bytes(), (
                f"{bundled.name} drifted from the hicolor PNG: run packaging/linux/render_icons.py"
            )


# -- make install-desktop / uninstall-desktop ---------------------------------------------
# (hamstring-gui desktop-entry itself: tests/platform/test_desktop_entry.py)


def make(target: str, home: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = os.environ.copy()
    env.pop("MAKEFLAGS", None)
    env["PATH"] = "/usr/bin:/bin"  # no hamstring-gui on PATH: the entry names the venv's
    # -o venv: the checkout's venv is in place already; do not re-run its setup.
    return subprocess.run(
        ["make", "-s", "-C", str(ROOT), "-o", "venv", target, *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_make_install_desktop_runs_the_venvs_program_and_uninstall_removes_it(
    private_dirs: Path,
) -> None:
    data = Path(os.environ["XDG_DATA_HOME"])
    result = make("install-desktop", private_dirs)
    assert result.returncode == 0, result.stdout + result.stderr
    entry = desktop_entry(data / "applications" / f"{APP_ID}.desktop")
    venv_script = ROOT / ".venv" / "bin" / "hamstring-gui"
    assert entry["Desktop Entry"]["Exec"] == str(venv_script)
    assert entry["Desktop Action desk-break"]["Exec"] == f"{venv_script} start desk-break"
    result = make("uninstall-desktop", private_dirs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [p for p in data.rglob("*") if p.is_file()], "uninstall left files behind"


# -- Flatpak manifest and PyInstaller spec (cannot be built here) ---------------------------


def test_flatpak_manifest_uses_the_app_id_and_the_pinned_qt_wheels() -> None:
    text = FLATPAK.read_text(encoding="utf-8")
    assert re.search(rf"^app-id: {re.escape(APP_ID)}$", text, re.M)
    assert re.search(r"^runtime: org\.kde\.Platform$", text, re.M)
    assert re.search(r"^command: hamstring-gui$", text, re.M)
    qt = metadata.version("PySide6-Essentials")
    for wheel in ("shiboken6", "pyside6_essentials", "pyside6_addons"):
        assert f"/{wheel}-{qt}-" in text, f"{wheel} {qt} (the venv's) is not in the manifest"
    hashes = re.findall(r"^\s+sha256: (\S+)$", text, re.M)
    urls = re.findall(r"^\s+- type: file\n\s+url: (\S+)$", text, re.M)
    assert len(hashes) == len(urls) >= 4
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)
    for path in re.findall(r"packaging/linux/[\w./${}]+", text):
        concrete = path.replace("${FLATPAK_ID}", APP_ID).replace("${size}", "48")
        assert (ROOT / concrete).exists(), concrete


def qt_modules_imported_by_the_package() -> set[str]:
    found: set[str] = set()
    for source in (ROOT / "hamstring_gui").rglob("*.py"):
        found |= set(re.findall(r"\bPySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    return found


def test_pyinstaller_spec_excludes_no_qt_module_the_app_imports() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    unused = next(
        ast.literal_eval(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "UNUSED_QT" for t in node.targets)
    )
    used = qt_modules_imported_by_the_package()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    wrongly_excluded = used & set(unused)
    assert not wrongly_excluded, f"the spec excludes modules the app imports: {wrongly_excluded}"


def test_pyinstaller_spec_ships_the_licence() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    call = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Analysis"
    )
    datas = next(k.value for k in call.keywords if k.arg == "datas")
    assert "LICENSE" in ast.unparse(datas)
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
