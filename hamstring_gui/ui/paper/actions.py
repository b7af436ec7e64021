"""The papers from inside the app: Export CSV, the progress report, "Print / Save as PDF…".

The windows call these; where a file or a printer is chosen is a class
method of :class:`Choose`, so tests replace the dialogs. Every file is
written whole or not at all (a temporary file moved into place).

Lifecycle: stateless functions, called from a button's slot.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QFileDialog, QWidget

from hamstring_gui.core.catalog import Catalog
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.history.period import HistoryReport
from hamstring_gui.core.i18n import _, ngettext
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import Routine
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.paper.commands import handout_title, write_progress
from hamstring_gui.ui.paper.pages import page_layout_for
from hamstring_gui.ui.paper.pdf_file import PaperError


class Choose:
    """Where to write or print (class methods, so tests can replace them)."""

    @classmethod
    def save_file(cls, parent: QWidget, title: str, suggested: str, kinds: str) -> Path | None:
        """A file to write, or ``None`` when cancelled."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, title, str(Path.home() / suggested), kinds
        )
        return Path(name) if name else None

    @classmethod
    def printer(cls, parent: QWidget, title: str) -> QPagedPaintDevice | None:
        """The system print dialog (a printer, or "Print to File" as PDF); ``None``: cancelled."""
        from PySide6.QtCore import QLocale
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        printer.setPageLayout(page_layout_for(QLocale.system()))
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
        return printer


def export_csv(store: HistoryStore, path: Path) -> None:
    """The whole record as ``history --csv`` writes it, into ``path``.

    Raises:
        OSError: the file cannot be written (nothing is left behind).
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            store.export_csv(out)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def save_progress_report(
    parent: QWidget, report: HistoryReport, catalog: Catalog, today: date
) -> str | None:
    """Ask where, then write the progress report; a line for the status, or ``None``."""
    path = Choose.save_file(
        parent,
        _("Save the progress report"),
        # TRANSLATORS: a suggested file name: lowercase, no spaces; keep {date} and .pdf.
        _("stretching-report-{date}.pdf").format(date=today.isoformat()),
        _("PDF files (*.pdf)"),
    )
    if path is None:
        return None
    try:
        pages = write_progress(str(path), report, catalog)
    except PaperError as error:
        return _("The report was not saved: {problem}.").format(problem=error)
    saved = ngettext(
        "Saved the progress report ({count} page) to {path}.",
        "Saved the progress report ({count} pages) to {path}.",
        pages,
    )
    return saved.format(count=pages, path=path)


def print_handout(
    parent: QWidget, routine: Routine, catalog: Catalog, settings: SessionSettings
) -> str | None:
    """'Print / Save as PDF…' for a routine: the system print dialog, then the handout."""
    from hamstring_gui.ui.paper.handout import paint_handout

    printer = Choose.printer(parent, handout_title(routine))
    if printer is None:
        return None
    plan = build_plan(routine, catalog, settings)
    try:
        pages = paint_handout(printer, routine, plan, catalog, date.today())
    except OSError as error:
        return _("The handout was not printed: {problem}.").format(problem=error)
    sent = ngettext(
        "Sent the handout of {routine} ({count} page).",
        "Sent the handout of {routine} ({count} pages).",
        pages,
    )
    return sent.format(routine=routine.name, count=pages)
