"""Write a paper document as a PDF file, whole or not at all.

The PDF is written to a temporary file beside the target and moved into
place only when complete, so a refused or failed write leaves nothing
behind (and never half of a file someone might print).

:func:`check_target` runs before Qt is loaded, so the command line refuses
an unwritable path at once.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from hamstring_gui.core.i18n import N_, _

if TYPE_CHECKING:  # Qt is loaded only to write, after the path was checked
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPagedPaintDevice


_CANNOT_WRITE = N_("cannot write {file}: {problem}")


class PaperError(Exception):
    """The document cannot be written: one line for the user."""


def check_target(name: str) -> Path:
    """``name`` as a PDF path whose folder exists and is writable.

    Raises:
        PaperError: it is a folder, its folder is missing, or nothing can be written there.
    """
    path = Path(name)
    folder = path.parent
    if path.is_dir():
        raise PaperError(_("{file} is a folder").format(file=name))
    if not folder.is_dir():
        why = _("cannot write {file}: the folder {folder} does not exist")
        raise PaperError(why.format(file=name, folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        why = _("cannot write {file}: the folder {folder} is not writable")
        raise PaperError(why.format(file=name, folder=folder))
    if path.exists() and not os.access(path, os.W_OK):
        raise PaperError(_("cannot write {file}: the file is read-only").format(file=name))
    return path


def write_pdf(
    name: str,
    title: str,
    paint: Callable[[QPagedPaintDevice], int],
    locale: QLocale | None = None,
) -> int:
    """Paint a document into the PDF file ``name``; returns the page count.

    ``paint`` lays the pages out on the device it is given (and returns how
    many it made). Paper size follows ``locale`` (the system's by default).

    Raises:
        PaperError: the file cannot be written; nothing is left behind.
    """
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPdfWriter

    from hamstring_gui.ui.paper.pages import page_layout_for

    path = check_target(name)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as error:
        raise PaperError(
            _(_CANNOT_WRITE).format(file=name, problem=error.strerror or error)
        ) from None
    os.close(handle)
    try:
        writer = QPdfWriter(temporary)
        writer.setTitle(title)
        writer.setCreator("Hamstring Coach")
        writer.setResolution(300)
        writer.setPageLayout(page_layout_for(locale or QLocale.system()))
        try:
            pages = paint(writer)
        except OSError as error:
            raise PaperError(_(_CANNOT_WRITE).format(file=name, problem=error)) from None
        del writer  # closes the file
        if os.path.getsize(temporary) == 0:
            why = _("cannot write {file}: nothing was written (is the disk full?)")
            raise PaperError(why.format(file=name))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp made it private; a handout is not
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return pages


def headless_app() -> object:
    """A ``QGuiApplication`` for painting without a screen (the command line's)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from hamstring_gui.ui.compat import keep_singletons_alive

    keep_singletons_alive()
    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
