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
from typing import Any

import pytest
import yaml

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


# What `appstreamcli validate --pedantic` may still say, and why:
ALLOWED_HINTS = {
    # Flathub takes CamelCase ids (org.gnome.TextEditor draws the same hint);
    # renaming would orphan every installed menu entry, icon and login entry.
    "cid-contains-uppercase-letter",
    # <developer id=...> is AppStream 1.0 (Flathub asks for it); Debian 12's 0.16 does not know it.
    "unknown-tag",
}
# Offline (no DNS here), the URLs cannot be fetched: only these may fail for that reason.
NETWORK_TAGS = {"url-not-reachable", "screenshot-image-not-found"}


def test_metainfo_passes_appstreamcli_validate_pedantic() -> None:
    result = subprocess.run(
        [validator("appstreamcli"), "validate", "--pedantic", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    offline = subprocess.run(
        [validator("appstreamcli"), "validate", "--pedantic", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert offline.returncode == 0, offline.stdout + offline.stderr  # all but the network
    issues = re.findall(r"^([EWIP]): [^:]+:\d*:? ?(\S+)(.*)$", result.stdout, re.M)
    for level, tag, rest in issues:
        if tag in NETWORK_TAGS:
            detail = result.stdout.split(tag, 1)[1][:400]
            assert "resolve host" in detail or "download" in detail, detail
        elif tag == "unknown-tag":
            assert rest.strip() == "developer", rest
        else:
            assert tag in ALLOWED_HINTS and level in "IP", f"{level}: {tag}{rest}"
    assert issues, result.stdout  # the parser above reads appstreamcli's format
    if result.returncode != 0:  # only the network may fail it
        assert {tag for level, tag, _ in issues if level in "EW"} <= NETWORK_TAGS, result.stdout


# -- one app id everywhere ----------------------------------------------------------


def test_menu_entry_names_the_app_id_icon_and_command() -> None:
    entry = desktop_entry(DESKTOP)["Desktop Entry"]
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "hamstring-gui"
    assert entry["Type"] == "Application"
    assert entry["X-GNOME-UsesNotifications"] == "true"  # listed in GNOME's notification settings
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
    assert AUTOSTART.read_text(encoding="utf-8") == autostart.entry()


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
    version = metadata.version("hamstring-gui")
    for image in component.findall("screenshots/screenshot/image"):
        # Served from the repository at the release's tag (a branch moves under the
        # software centre's cache): the file must be in this checkout.
        relative = (image.text or "").split(f"/v{version}/", 1)[1]
        assert (ROOT / relative).is_file(), relative
    assert len(component.findtext("summary") or "") <= 35  # Flathub's limit
    colours = {c.get("scheme_preference"): c.text for c in component.findall("branding/color")}
    assert set(colours) == {"light", "dark"}
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c or "") for c in colours.values())


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


def flatpak_manifest() -> dict[str, Any]:
    manifest = yaml.safe_load(FLATPAK.read_text(encoding="utf-8"))
    assert isinstance(manifest, dict)
    return manifest


def test_flatpak_manifest_structure() -> None:
    # flatpak-builder cannot run here (no Flathub): the structure is what is checked.
    manifest = flatpak_manifest()
    assert manifest["app-id"] == APP_ID
    assert manifest["command"] == "hamstring-gui"
    assert (manifest["runtime"], manifest["sdk"]) == ("org.kde.Platform", "org.kde.Sdk")
    # Qt for Python from the PySide BaseApp, built on the runtime's Qt: no wheels carrying Qt.
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    qt = ".".join(metadata.version("PySide6-Essentials").split(".")[:2])
    assert manifest["base-version"] == manifest["runtime-version"] == qt
    assert "/app/cleanup-BaseApp.sh" in manifest["cleanup-commands"]
    assert all(isinstance(arg, str) for arg in manifest["finish-args"])
    urls = [s.get("url", "").lower() for m in manifest["modules"] for s in m["sources"]]
    assert not [u for u in urls if "pyside6" in u or "shiboken6" in u]  # no Qt in wheels
    for module in manifest["modules"]:
        assert set(module) <= {"name", "buildsystem", "build-commands", "sources", "cleanup"}
        assert module["buildsystem"] == "simple" and module["build-commands"]
        for source in module["sources"]:
            assert source["type"] in ("git", "file", "archive"), "no type: dir for Flathub"
            if source["type"] == "git":
                assert source["tag"] == f"v{metadata.version('hamstring-gui')}"
            else:
                assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"]), source
                assert source["url"].startswith("https://")
    commands = " ".join(c for m in manifest["modules"] for c in m["build-commands"])
    assert "--no-build-isolation" not in commands  # setuptools stays in the build environment
    assert "setuptools" not in commands and "wheel " not in commands
    assert "install -Dm644 LICENSE" in commands
    for path in re.findall(r"packaging/linux/[\w./${}]+", commands):
        concrete = path.replace("${FLATPAK_ID}", APP_ID).replace("${size}", "48")
        assert (ROOT / concrete).exists(), concrete


def test_flatpak_may_talk_to_every_bus_name_the_app_calls() -> None:
    talk = {
        arg.split("=", 1)[1]
        for arg in flatpak_manifest()["finish-args"]
        if arg.startswith("--talk-name=")
    }
    used = set()
    for source in (ROOT / "hamstring_gui").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        used |= set(re.findall(r'"(org\.(?:freedesktop|gnome|kde)\.[A-Za-z.]+)"', text))
    # The bus itself, portals (allowed in every sandbox) and GSettings schemas need none.
    needs = {
        name
        for name in used
        if not name.startswith(
            ("org.freedesktop.DBus", "org.freedesktop.portal.", "org.gnome.desktop.")
        )
    }
    assert {"org.gnome.Mutter.IdleMonitor", "org.freedesktop.ScreenSaver"} <= needs
    missing = {n for n in needs if n not in talk and n.rsplit(".", 1)[0] not in talk}
    assert not missing, f"add --talk-name for {sorted(missing)}"


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


def spec_names(*names: str) -> dict[str, Any]:
    """The spec's module-level assignments and functions called ``names``, run on their own.

    The spec is a PyInstaller script (``Analysis`` and ``SPECPATH`` come from
    PyInstaller), so only the parts asked for are taken out and run.
    """
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = {"UNUSED_QT", *names}
    picked = [
        node
        for node in tree.body
        if (isinstance(node, ast.FunctionDef) and node.name in wanted)
        or (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id in wanted for t in node.targets)
        )
    ]
    found: dict[str, Any] = {}
    exec(compile(ast.Module(picked, []), str(SPEC), "exec"), found)  # noqa: S102 - our own spec
    return found


def test_pyinstaller_spec_leaves_out_qt_multimedia_and_qt_speech() -> None:
    # Sound is libpulse (platform/pulse.py), the voice speech-dispatcher's socket
    # (platform/speechd.py): neither Qt module is used, so neither ships.
    spec = spec_names("DROP_BINARIES", "keep")
    assert {"QtMultimedia", "QtMultimediaWidgets", "QtTextToSpeech"} <= set(spec["UNUSED_QT"])
    assert not {"QtMultimedia", "QtTextToSpeech"} & qt_modules_imported_by_the_package()
    qt = Path(metadata.distribution("PySide6-Essentials").locate_file("PySide6")) / "Qt"
    plugins = {
        f"PySide6/Qt/plugins/{folder}/{plugin.name}"
        for folder in ("multimedia", "texttospeech")
        for plugin in (qt / "plugins" / folder).glob("*.so")
    }
    libraries = {
        f"PySide6/Qt/lib/{library.name}"
        for pattern in ("libQt6Multimedia*", "libQt6TextToSpeech*", "libav*", "libsw*")
        for library in (qt / "lib").glob(pattern)
    }
    assert any("ffmpeg" in p for p in plugins) and any("speechd" in p for p in plugins)
    assert any("libavcodec" in lib for lib in libraries)
    kept = sorted(dest for dest in plugins | libraries if spec["keep"]((dest, "", "BINARY")))
    assert kept == [], f"the spec still ships {kept}"


def test_pyinstaller_spec_keeps_every_qt_library_a_kept_plugin_links_to() -> None:
    # The plugins a desktop Qt app loads (the folders PyInstaller's Qt hooks take):
    # none may need a Qt library the spec drops (dropping Qt Quick, QML and OpenGL
    # with Qt Multimedia's FFmpeg plugin must not silence a platform). The bundle's
    # smoke test checks the same with ldd after a build.
    keep = spec_names("DROP_BINARIES", "keep")["keep"]
    qt = Path(metadata.distribution("PySide6-Essentials").locate_file("PySide6")) / "Qt"
    folders = (
        "platforms",
        "platformthemes",
        "platforminputcontexts",
        "iconengines",
        "imageformats",
        "xcbglintegrations",
        "wayland-decoration-client",
        "wayland-shell-integration",
        "wayland-graphics-integration-client",
        "egldeviceintegrations",
        "tls",
        "generic",
        "networkinformation",
    )
    plugins = [
        plugin for folder in folders for plugin in sorted((qt / "plugins" / folder).glob("*.so"))
    ]
    assert len(plugins) > 10
    dropped = {
        library.name
        for library in (qt / "lib").glob("libQt6*.so.6")
        if not keep((f"PySide6/Qt/lib/{library.name}", "", "BINARY"))
    }
    assert {"libQt6Multimedia.so.6", "libQt6Qml.so.6", "libQt6OpenGL.so.6"} <= dropped
    broken = {}
    for plugin in plugins:
        dest = f"PySide6/Qt/plugins/{plugin.parent.name}/{plugin.name}"
        if keep((dest, "", "BINARY")):
            data = plugin.read_bytes()  # a needed library's name is a string in .dynstr
            needs = sorted(name for name in dropped if name.encode() + b"\0" in data)
            if needs:
                broken[dest] = needs
    assert broken == {}, f"kept plugins that need a dropped Qt library: {broken}"


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
