"""The app icon: PNG renderings at the usual sizes, without QtSvg."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from hamstring_gui.core import assets
from hamstring_gui.ui.style import icon as icon_module
from hamstring_gui.ui.style.icon import ICON_SIZES, app_icon, icon_resource
from tests.helpers.processes import run_python


def test_the_sizes_are_the_usual_window_and_tray_sizes() -> None:
    assert ICON_SIZES == (32, 48, 64, 128, 256)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_bundled_png_has_its_size(size: int) -> None:
    data = assets.read_bytes(icon_resource(size))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (size, size)
    assert len(data) < 16 * 1024, "keep the icon PNGs small"


def test_the_icon_offers_every_size_from_its_own_png(qapp: object) -> None:
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)
    assert all(s.width() == s.height() for s in icon.availableSizes())
    for size in ICON_SIZES:
        pixmap = icon.pixmap(QSize(size, size), 1.0)
        assert (pixmap.width(), pixmap.height()) == (size, size)
        # The tile's green, not the drawn fallback's, in the middle of the left edge.
        colour = pixmap.toImage().pixelColor(size * 3 // 16, size // 2)
        assert colour.green() > colour.red() and colour.alpha() == 255


def test_without_the_pngs_the_icon_is_drawn(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(icon_module, "icon_resource", lambda size: f"icons/missing-{size}.png")
    icon = app_icon()
    assert not icon.isNull()
    assert [s.width() for s in icon.availableSizes()] == [64]


def test_the_icon_loads_neither_qt_svg_nor_the_svg_icon_engine() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from hamstring_gui.ui.style.icon import app_icon\n"
        "icon = app_icon()\n"
        "app.setWindowIcon(icon)\n"
        "for size in (16, 22, 32, 48, 64, 128, 256):\n"
        "    assert not icon.pixmap(size, size).isNull()\n"
        "maps = open('/proc/self/maps').read()\n"
        "print('PySide6.QtSvg' in sys.modules, 'libQt6Svg' in maps, 'libqsvg' in maps)\n"
    )
    out = run_python(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False", "False"]


def test_the_tray_icon_carries_its_theme_name_once_installed(qapp: object, tmp_path: Path) -> None:
    # desktop-entry install puts it in $XDG_DATA_HOME/icons/hicolor: Qt finds it by name,
    # and the tray's IconName (Qt's QIcon::name()) is the desktop id.
    from PySide6.QtGui import QIcon

    from hamstring_gui.platform.autostart import DESKTOP_ID

    searched = QIcon.themeSearchPaths()
    theme = QIcon.themeName()
    try:
        QIcon.setThemeSearchPaths([str(tmp_path / "icons")])
        QIcon.setThemeName("hicolor")
        assert icon_module.themed_app_icon().name() == ""  # not installed: the PNGs
        assert not icon_module.themed_app_icon().isNull()
        apps = tmp_path / "icons" / "hicolor" / "48x48" / "apps"
        apps.mkdir(parents=True)
        (apps / f"{DESKTOP_ID}.png").write_bytes(assets.read_bytes(icon_resource(48)))
        (tmp_path / "icons" / "hicolor" / "index.theme").write_text(
            "[Icon Theme]\nName=Hicolor\nDirectories=48x48/apps\n\n"
            "[48x48/apps]\nSize=48\nType=Fixed\n",
            encoding="utf-8",
        )
        QIcon.setThemeSearchPaths([str(tmp_path / "icons")])  # rescans
        assert icon_module.themed_app_icon().name() == DESKTOP_ID
    finally:
        QIcon.setThemeSearchPaths(searched)
        QIcon.setThemeName(theme)


def test_the_icon_file_is_a_real_png(qapp: object) -> None:
    path = icon_module.icon_file(128)
    assert path.is_absolute() and path.read_bytes()[:4] == b"\x89PNG"
