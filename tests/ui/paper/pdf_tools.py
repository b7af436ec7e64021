"""Reading the PDFs the tests write, with poppler's own tools (the reader a clinician's PC has)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from tests.helpers.tools import require


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, as ``pdftotext`` extracts it (searchable text)."""
    require("pdftotext")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def raster_images(pdf: Path) -> int:
    """How many bitmap images the PDF holds (``pdfimages -list``): pictures are vectors."""
    require("pdfimages")
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return len(listing.splitlines()) - 2  # two header lines


def page_image(pdf: Path, page: int, folder: Path, dpi: int = 50) -> QImage:
    """Page ``page`` (from 1) rendered by ``pdftoppm``."""
    require("pdftoppm")
    stem = folder / f"page-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    return QImage(str(stem) + ".png")


def count_near(image: QImage, colour: str, tolerance: int = 40) -> int:
    """Pixels within ``tolerance`` (per channel) of ``colour``."""
    target = QColor(colour)
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - target.red()) <= tolerance
                and abs(pixel.green() - target.green()) <= tolerance
                and abs(pixel.blue() - target.blue()) <= tolerance
            ):
                found += 1
    return found
