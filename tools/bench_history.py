"""Benchmark: the history window and ``history --json`` on years of sessions.

Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/bench_history.py [--days 1826]
        [--per-day 1] [--runs 5] [--json-cli] [--grab artifacts/history.png]

Fills a temporary database (``--per-day`` sessions every day for ``--days``
days with their phases; ``--gaps`` misses some days; self-tests every three
weeks), then times, several times: opening the store (the app does that
once, at start-up, so it is printed apart), then building the window (every
query), showing it and painting it once; the longest piece of work
the window does on the GUI thread (its :class:`HistoryReport` read and a
``refresh()``); with ``--json-cli``, the wall time of ``hamstring-gui
history --json`` on that file. Ten years as the issue has it:
``--days 3652 --per-day 3`` (11k sessions, 263k phases, 16 MB).
Prints milliseconds. Not a pass/fail test; the targets are 300 ms (window,
``--json``) and 50 ms (GUI thread).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from hamstring_gui.core.catalog import Catalog, load_catalog  # noqa: E402
from hamstring_gui.core.history import HistoryStore  # noqa: E402
from hamstring_gui.core.history.period import build_report  # noqa: E402
from hamstring_gui.ui.history.window import REPORT_WEEKS, HistoryWindow  # noqa: E402
from tests.helpers.history import add_self_tests, fill  # noqa: E402


def main() -> int:
    """Fill, open, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=5 * 365 + 1)
    parser.add_argument("--per-day", type=int, default=1, help="sessions every day")
    parser.add_argument("--json-cli", action="store_true", help="time `history --json` too")
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
        path = Path(folder) / "data" / "hamstring-gui" / "history.sqlite3"
        with HistoryStore(path) as store:
            sessions = sum(
                fill(store, today, args.days, seed=8 + n, every_day=not args.gaps, hurt_every=97)
                for n in range(args.per_day)
            )
            add_self_tests(store, today, weeks=20)
            phases = store.connection.execute("SELECT COUNT(*) FROM phases").fetchone()[0]
        size = path.stat().st_size  # the WAL is checkpointed on close
        print(f"{sessions} sessions, {phases} phases, {size / 1e6:.1f} MB")
        timings, opens = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            store = HistoryStore(path)  # the app opens it once, at start-up
            opens.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
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
        blocks = gui_thread_work(path, catalog, today, args.runs)
        cli_times = json_cli(Path(folder), args.runs) if args.json_cli else []
    print("store open (at app start-up): " + ", ".join(f"{ms:.0f}" for ms in opens) + " ms")
    print("window query + show + paint: " + ", ".join(f"{ms:.0f}" for ms in timings) + " ms")
    print(f"median {statistics.median(timings):.0f} ms, first {timings[0]:.0f} ms")
    print("longest GUI-thread step: " + ", ".join(f"{ms:.0f}" for ms in blocks) + " ms")
    if cli_times:
        print("history --json: " + ", ".join(f"{ms:.0f}" for ms in cli_times) + " ms")
    return 0


def gui_thread_work(path: Path, catalog: Catalog, today: date, runs: int) -> list[float]:
    """Per run, the longer of the window's report read and a whole ``refresh()``, in ms."""
    out = []
    with HistoryStore(path) as store:
        window = HistoryWindow(store, catalog, today=lambda: today, hold=(30, 45))
        for _ in range(runs):
            start = time.perf_counter()
            build_report(store, today, today - timedelta(weeks=REPORT_WEEKS))
            read = time.perf_counter() - start
            start = time.perf_counter()
            window.refresh()
            out.append(max(read, time.perf_counter() - start) * 1000)
        window.deleteLater()
    return out


def json_cli(home: Path, runs: int) -> list[float]:
    """Wall time of ``hamstring-gui history --json`` on the filled file, per run, in ms."""
    env = {**os.environ, "XDG_DATA_HOME": str(home / "data")}
    command = [sys.executable, "-m", "hamstring_gui", "history", "--json"]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        out.append((time.perf_counter() - start) * 1000)
    return out


if __name__ == "__main__":
    sys.exit(main())
