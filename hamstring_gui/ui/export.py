"""Write every illustration as SVG and 512 px PNG (``hamstring-gui illustrations DIR``).

Each-leg stretches give ``ID-left.svg``/``ID-right.svg`` (and ``.png``);
both-leg stretches give ``ID.svg`` and ``ID.png``. Pictures show the
stretched pose in the light palette on a transparent background.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hamstring_gui.core.i18n import ngettext

SIZE = 512
SVG_SIZE = (480, 360)


def export_all(folder: Path) -> list[Path]:
    """Render every stretch into ``folder``; returns the files written."""
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgGenerator

    from hamstring_gui.core.catalog import Sides, load_catalog
    from hamstring_gui.core.plan import Side
    from hamstring_gui.ui.widgets.illustration import render_illustration

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for stretch in load_catalog().values():
        sides: list[Side | None] = (
            [None] if stretch.sides is Sides.BOTH else [Side.LEFT, Side.RIGHT]
        )  # noqa: E501
        for side in sides:
            stem = stretch.id if side is None else f"{stretch.id}-{side}"
            svg_path = folder / f"{stem}.svg"
            generator = QSvgGenerator()
            generator.setFileName(str(svg_path))
            generator.setSize(QSize(*SVG_SIZE))
            generator.setViewBox(QRectF(0, 0, *SVG_SIZE))
            generator.setTitle(stretch.name)
            generator.setDescription(f"{stretch.name}" + (f", {side} leg" if side else ""))
            painter = QPainter(generator)
            render_illustration(painter, QRectF(0, 0, *SVG_SIZE), stretch.id, side)
            painter.end()
            image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QColor(0, 0, 0, 0))
            painter = QPainter(image)
            render_illustration(painter, QRectF(0, 0, SIZE, SIZE), stretch.id, side)
            painter.end()
            png_path = folder / f"{stem}.png"
            if not image.save(str(png_path)):
                raise OSError(f"cannot write {png_path}")
            written += [svg_path, png_path]
    return written


def run_export(folder: str) -> int:
    """The ``illustrations`` command: a headless QGuiApplication, then :func:`export_all`."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from hamstring_gui.ui.compat import keep_singletons_alive

    keep_singletons_alive()
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(sys.argv[:1])
    written = export_all(Path(folder))
    print(
        ngettext(
            "wrote {count} file to {folder}", "wrote {count} files to {folder}", len(written)
        ).format(count=len(written), folder=folder)
    )
    return 0
