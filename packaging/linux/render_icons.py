"""Render the app icon's PNGs from its SVG (run after editing the SVG).

Writes the hicolor PNGs of the desktop entry and the PNGs the app itself
loads for its window and tray icon (``resources/icons/hamstring-coach-N.png``:
PNG keeps QtSvg and the SVG icon engine out of the running app).

Usage: ``.venv/bin/python packaging/linux/render_icons.py``. Uses Qt's own SVG
renderer, so no extra tool is needed; the PNGs are committed, so building and
installing never depend on this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.hamstringcoach.HamstringCoach"
SIZES = (48, 128, 256)
HICOLOR = Path(__file__).resolve().parent / "icons" / "hicolor"
# Keep in step with hamstring_gui.ui.style.icon.ICON_SIZES.
BUNDLED_SIZES = (32, 48, 64, 128, 256)
BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "icons"


def render(svg: Path, size: int, target: Path) -> None:
    """Draw ``svg`` into a transparent ``size`` x ``size`` PNG at ``target``."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"cannot write {target}")


def main() -> int:
    """Render every size; prints the files written."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    svg = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render(svg, size, target)
        print(target)
    for size in BUNDLED_SIZES:
        target = BUNDLED / f"hamstring-coach-{size}.png"
        render(svg, size, target)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
