"""Benchmark: open the history window on five years of daily sessions.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/bench_history.py [--days 1826]
        [--runs 5] [--grab artifacts/history.png]

Fills a temporary database (a session every day, 1,826 with their phases;
``--gaps`` misses some days; self-tests every three weeks), then times, several times: opening the
store, building the window (every query), showing it and painting it once.
Prints milliseconds. Not a pass/fail test; the target is under 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from hamstring_gui.core.catalog import load_catalog  # noqa: E402
from hamstring_gui.core.history import HistoryStore  # noqa: E402
from hamstring_gui.ui.history.window import HistoryWindow  # noqa: E402
from tests.helpers.history import add_self_tests, fill  # noqa: E402


def main() -> int:
    """Fill, open, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=5 * 365 + 1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--grab", type=Path, help="save a picture of the window here")
    parser.add_argument("--dark", action="store_true", help="paint with the dark scheme")
    parser.add_argument("--gaps", action="store_true", help="miss some days (a livelier picture)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.dark:
        from PySide6.QtCore import Qt

        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    catalog = load_catalog()
    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        with HistoryStore(path) as store:
            sessions = fill(store, today, args.days, every_day=not args.gaps, hurt_every=97)
            add_self_tests(store, today, weeks=20)
            phases = store.connection.execute("SELECT COUNT(*) FROM phases").fetchone()[0]
        size = path.stat().st_size  # the WAL is checkpointed on close
        print(f"{sessions} sessions, {phases} phases, {size / 1e6:.1f} MB")
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            store = HistoryStore(path)
            window = HistoryWindow(store, catalog, today=lambda: today, hold=(30, 45))
            window.show()
            window.grab()  # paint every chart once
            timings.append((time.perf_counter() - start) * 1000)
            if args.grab:
                args.grab.parent.mkdir(parents=True, exist_ok=True)
                content = window.findChild(QWidget, "historyContent")
                content.grab().save(str(args.grab))
            window.close()
            window.deleteLater()
            app.processEvents()
            store.close()
    print("open + query + show + paint: " + ", ".join(f"{ms:.0f}" for ms in timings) + " ms")
    print(f"median {statistics.median(timings):.0f} ms, first {timings[0]:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
