"""``hamstring-gui handout ROUTINE FILE.pdf`` and ``hamstring-gui report FILE.pdf [--weeks N]``.

The command line checks its arguments (routine, weeks, path) before it
gets here; these build the document headless and write it with
:func:`~hamstring_gui.ui.paper.pdf_file.write_pdf` (whole or not at all).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from hamstring_gui.core.catalog import Catalog
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.history.period import HistoryReport, build_report
from hamstring_gui.core.i18n import _, ngettext
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import Routine
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.paper.pdf_file import headless_app, write_pdf


def handout_title(routine: Routine) -> str:
    """The handout's document title (the PDF's, and the print dialog's)."""
    return _("{routine}: stretching handout").format(routine=routine.name)


def wrote(name: str, pages: int) -> str:
    """What the command line says after writing a PDF."""
    return ngettext("wrote {file} ({count} page)", "wrote {file} ({count} pages)", pages).format(
        file=name, count=pages
    )


def write_handout(
    name: str, routine: Routine, catalog: Catalog, settings: SessionSettings, today: date
) -> int:
    """The handout of ``routine`` as the PDF ``name``; returns the page count."""
    from hamstring_gui.ui.paper.handout import paint_handout

    plan = build_plan(routine, catalog, settings)
    return write_pdf(
        name,
        handout_title(routine),
        lambda device: paint_handout(device, routine, plan, catalog, today),
    )


def report_for(history: Path | None, today: date, weeks: int) -> HistoryReport:
    """The last ``weeks`` weeks (this one included) of the history at ``history``.

    A missing file is an empty record.
    """
    since = today - timedelta(weeks=weeks - 1)
    if history is None or not history.exists():
        import tempfile

        with tempfile.TemporaryDirectory() as folder, HistoryStore(Path(folder) / "h") as empty:
            return build_report(empty, today, since)
    with HistoryStore(history) as store:
        return build_report(store, today, since)


def write_progress(name: str, report: HistoryReport, catalog: Catalog) -> int:
    """The progress report as the PDF ``name``; returns the page count."""
    from hamstring_gui.ui.paper.progress import paint_progress

    return write_pdf(
        name,
        _("Stretching progress report"),
        lambda device: paint_progress(device, report, catalog),
    )


def run_handout(
    name: str, routine: Routine, catalog: Catalog, settings: SessionSettings, out: TextIO
) -> int:
    """The ``handout`` command (headless)."""
    headless_app()
    pages = write_handout(name, routine, catalog, settings, date.today())
    out.write(wrote(name, pages) + "\n")
    return 0


def run_report(name: str, history: Path, weeks: int, catalog: Catalog, out: TextIO) -> int:
    """The ``report`` command (headless)."""
    headless_app()
    pages = write_progress(name, report_for(history, date.today(), weeks), catalog)
    out.write(wrote(name, pages) + "\n")
    return 0
