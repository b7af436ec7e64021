"""The app icon: PNG renderings at the usual sizes, without QtSvg."""

from __future__ import annotations

import struct

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
