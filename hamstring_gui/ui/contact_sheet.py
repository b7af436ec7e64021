"""All illustrations in one grid, to look at them at once (``make contact-sheet``).

Writes ``contact-sheet-<side>-<scheme>.png`` (the stretched pose) and
``contact-sheet-<side>-<scheme>-start.png`` (the start pose) into a folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

CELL_W, CELL_H, LABEL_H, COLUMNS = 300, 225, 22, 6


def write_sheets(folder: Path, side_name: str = "left", only: Sequence[str] = ()) -> list[Path]:
    """Render the sheets into ``folder`` (``only`` these stretches if given); the files written."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from hamstring_gui.core.catalog import Sides, load_catalog
    from hamstring_gui.core.plan import PhaseKind, Side
    from hamstring_gui.ui.widgets.illustration import render_illustration

    catalog = {k: v for k, v in load_catalog().items() if not only or k in only}
    columns = min(COLUMNS, len(catalog))
    rows = (len(catalog) + columns - 1) // columns
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for dark in (False, True):
        stills: tuple[tuple[PhaseKind | None, str], ...] = ((None, ""), (PhaseKind.REST, "-start"))
        for kind, suffix in stills:
            image = QImage(CELL_W * columns, (CELL_H + LABEL_H) * rows, QImage.Format.Format_ARGB32)
            image.fill(QColor("#1d1f23" if dark else "#fbfaf7"))
            painter = QPainter(image)
            font = QFont(painter.font())
            font.setPixelSize(12)
            painter.setFont(font)
            for index, stretch in enumerate(catalog.values()):
                x = (index % columns) * CELL_W
                y = (index // columns) * (CELL_H + LABEL_H)
                side = None if stretch.sides is Sides.BOTH else Side(side_name)
                painter.setPen(QColor("#3a3f46" if not dark else "#3f454d"))
                painter.drawRect(QRectF(x + 0.5, y + 0.5, CELL_W - 1, CELL_H + LABEL_H - 1))
                render_illustration(
                    painter,
                    QRectF(x, y + LABEL_H, CELL_W, CELL_H),
                    stretch.id,
                    side,
                    kind=kind,
                    dark=dark,
                )
                painter.setPen(QColor("#e8e8e8" if dark else "#222222"))
                painter.drawText(
                    QRectF(x + 6, y + 2, CELL_W - 12, LABEL_H),
                    Qt.AlignmentFlag.AlignVCenter,
                    f"{index + 1}. {stretch.id}",
                )  # noqa: E501
            painter.end()
            scheme = "dark" if dark else "light"
            path = folder / f"contact-sheet-{side_name}-{scheme}{suffix}.png"
            image.save(str(path))
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m hamstring_gui.ui.contact_sheet [DIR] [--side left|right] [--only ID...]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="artifacts")
    parser.add_argument("--side", choices=("left", "right"), default="left")
    parser.add_argument("--only", nargs="*", default=[], metavar="ID", help="just these stretches")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from hamstring_gui.ui.compat import keep_singletons_alive

    keep_singletons_alive()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_sheets(Path(args.folder), args.side, args.only):
        print(path)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
