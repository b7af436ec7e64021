"""``make bench``: how fast the app starts, what it costs idle, how exactly it keeps time.

Usage::

    .venv/bin/python benchmarks/run.py [--runs 10] [--out benchmarks/results.json]

Everything runs on a private Xvfb (xcb platform) with its own session bus
and a tray host (trayer), in a temp folder of private XDG dirs, with the
safety screen already acknowledged. The app reports what it does through
its opt-in trace (``HAMSTRING_GUI_TRACE``, see ``hamstring_gui/ui/trace.py``);
the process start is ``time.monotonic()`` taken here right before ``Popen``
(one clock for every process on Linux). The baseline is
``benchmarks/bare_window.py``, a bare PySide6 ``QMainWindow`` with one label,
measured the same way and interleaved with the app run by run.

Measured (targets from issue 11):

* startup_ratio: first paint of ``hamstring-gui`` / of the bare window;
* startup_start_routine_ratio: first frame of ``hamstring-gui start
  desk-break`` (the session screen's picture) / bare first paint;
* rss_ratio: peak RSS (VmHWM) of ``start desk-break``, read 3 s after its
  first frame (its first tick, 2 s in, has opened the sound path), / the
  bare window's, read 1 s after its first paint;
* idle_cpu_percent: ``hamstring-gui --tray`` in the tray, reminders on
  every day all day (work is being counted), utime+stime over 60 s;
* session_cpu_percent: ``start full-session`` from 1 s after its first
  frame for 60 s: the warm-up's get-ready easing and the looping
  jogging-in-place move, so the figure animates the whole time;
* boundary_error_ms_max/mean: ``start full-session`` without warm-up and
  with short phases (10 s holds, 2 s switches, rests and get-ready), 120 s
  of it: each phase start's actual minus planned monotonic time;
* cue_latency_ms_max: ``tools/measure_cue_timing.py --json`` (a private
  PulseAudio null sink recorded with ``parec --latency-msec=10``): a 13 s
  session with the sound path opened first, as the app does once its window
  is up, and ``hamstring-gui start desk-break``, whose session starts while
  the window is built (its first two cues); the largest |heard - engine
  instant| of every cue;
* history_open_ms: ``tools/bench_history.py`` (ten years, three sessions a
  day: 11k sessions, 263k phases) on the Xvfb: open, query, show, paint;
* history_gui_step_ms: the longest single piece of work the history window
  does on the GUI thread on that file (its report read, or a refresh);
* history_json_ms: wall time of ``hamstring-gui history --json`` on it;
* plan_ms: wall time of ``hamstring-gui plan full-session --json``.

Prints a table and writes the results JSON. Not a pass/fail test: exits
non-zero only when something could not be measured.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.measure import (  # noqa: E402
    boundary_errors_ms,
    cpu_percent,
    cpu_ticks,
    first,
    ratio,
    read_trace,
    status_kib,
    summary,
)
from tests.helpers.processes import free_display, start_sound_server, stop, wait_for  # noqa: E402

PYTHON = Path(sys.executable)
PROGRAM = PYTHON.with_name("hamstring-gui")
BARE = ROOT / "benchmarks" / "bare_window.py"
TRACE_ENV = "HAMSTRING_GUI_TRACE"
CPU_SECONDS = 60.0
CPU_SLICES = 6  # the 60 s are also reported as 6 x 10 s, for a min-max
BOUNDARY_SECONDS = 120.0
STARTUP_TIMEOUT = 30.0
SETTLE_SECONDS = 0.5  # before each launch: the previous child's clean-up is over

TARGETS: dict[str, float] = {
    "startup_ratio": 1.5,
    "startup_start_routine_ratio": 1.7,
    "rss_ratio": 1.4,
    "idle_cpu_percent": 0.05,
    "session_cpu_percent": 3.0,
    "boundary_error_ms_max": 10.0,
    "boundary_error_ms_mean": 10.0,  # the issue sets the max; the mean is below it
    "cue_latency_ms_max": 30.0,
    "history_open_ms": 300.0,
    "history_gui_step_ms": 50.0,
    "history_json_ms": 300.0,
    "plan_ms": 250.0,
}

_EVERY_DAY = {
    "active_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "start": "00:00",
    "end": "23:59",
    "enabled": True,
}
SETTINGS: dict[str, dict[str, Any]] = {
    # Defaults, except: safety seen, reminders counting work all day every day.
    "default": {"version": 1, "safety_acknowledged": True, "reminders": _EVERY_DAY},
    # Short phases, so a 2-minute session has many phase changes.
    "short": {
        "version": 1,
        "safety_acknowledged": True,
        "reminders": _EVERY_DAY,
        "session": {
            "hold_seconds": 10,
            "rest_seconds": 2,
            "switch_seconds": 2,
            "prepare_seconds": 2,
            "reps": 2,
            "warm_up": False,
        },
    },
}


class BenchError(RuntimeError):
    """Something could not be measured."""


# -- processes ---------------------------------------------------------------------


def proc_text(pid: int, name: str) -> str:
    """``/proc/PID/<name>``."""
    return Path(f"/proc/{pid}/{name}").read_text(encoding="utf-8")


class Desktop:
    """A private Xvfb, session bus and tray host, and the children started on them."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.env: dict[str, str] = {}
        self._peers: list[subprocess.Popen[bytes]] = []
        self._log = open(work / "children.log", "ab")  # noqa: SIM115 - closed in close()

    def start(self) -> None:
        """Xvfb on a free display, then dbus-daemon, trayer and a sound server on it.

        The sound server (PulseAudio with a null sink) is there because a
        desktop has one: the app's chimes go to it, as they would for a user.
        """
        for tool in ("Xvfb", "dbus-daemon", "trayer", "pulseaudio"):
            if shutil.which(tool) is None:
                raise BenchError(f"{tool} is not installed (make deps)")
        number = free_display()
        xvfb = self._spawn(
            ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            os.environ.copy(),
        )
        wait_for(
            lambda: Path(f"/tmp/.X11-unix/X{number}").exists() or xvfb.poll() is not None,
            10,
            "Xvfb",
            poll=0.02,
        )
        if xvfb.poll() is not None:
            raise BenchError("Xvfb exited")
        bus = self.work / "bus"
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", TRACE_ENV)}
        env.update(
            DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb", DBUS_SESSION_BUS_ADDRESS=f"unix:path={bus}"
        )
        self._spawn(["dbus-daemon", "--session", "--nofork", f"--address=unix:path={bus}"], env)
        wait_for(bus.exists, 10, "the session bus", poll=0.02)
        self._spawn(
            ["trayer", "--edge", "top", "--align", "right", "--width", "10", "--height", "32"], env
        )
        sound, env["PULSE_SERVER"] = start_sound_server(self.work, env)
        self._peers.append(sound)
        time.sleep(1.0)  # trayer claims the tray selection; nothing to poll from here
        self.env = env

    def home(self, name: str) -> dict[str, str]:
        """Environment with private XDG dirs under ``name`` and its settings written."""
        base = self.work / name
        env = dict(self.env)
        folders = {
            "XDG_CONFIG_HOME": ".config",
            "XDG_DATA_HOME": ".local/share",
            "XDG_CACHE_HOME": ".cache",
            "XDG_STATE_HOME": ".local/state",
        }
        for key, sub in folders.items():
            (base / sub).mkdir(parents=True, exist_ok=True)
            env[key] = str(base / sub)
        runtime = base / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env.update(XDG_RUNTIME_DIR=str(runtime), HOME=str(base))
        settings = base / ".config" / "hamstring-gui" / "settings.json"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps(SETTINGS[name], indent=2) + "\n", encoding="utf-8")
        return env

    def launch(
        self, command: list[str], env: dict[str, str], trace: Path
    ) -> tuple[subprocess.Popen[bytes], float]:
        """Start ``command`` tracing into ``trace``; returns it and its start time (monotonic)."""
        trace.unlink(missing_ok=True)
        env = {**env, TRACE_ENV: str(trace)}
        started = time.monotonic()
        process = self._spawn(command, env)
        return process, started

    def _spawn(self, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(command, env=env, stdout=self._log, stderr=self._log)
        self._peers.append(process)
        return process

    def close(self) -> None:
        """Stop every child, newest first."""
        for process in reversed(self._peers):
            stop(process)
        self._log.close()


def wait_event(
    trace: Path, name: str, process: subprocess.Popen[bytes], timeout: float = STARTUP_TIMEOUT
) -> dict[str, Any]:
    """The first ``name`` event of a running child's trace."""

    def seen() -> dict[str, Any] | None:
        if process.poll() is not None:
            raise BenchError(f"{process.args} exited with {process.returncode} (children.log)")
        return first(read_trace(trace), name)

    return wait_for(seen, timeout, f"{name} of {process.args}", poll=0.02)


@contextmanager
def running(
    desktop: Desktop, command: list[str], env: dict[str, str], trace: Path
) -> Iterator[tuple[subprocess.Popen[bytes], float]]:
    """A child that is stopped when the block ends, however it ends.

    Each launch waits for the desktop to settle first: the X server, tray host,
    bus and sound server are still cleaning up after the child stopped just
    before, and a start measured during that is measured against them.
    """
    time.sleep(SETTLE_SECONDS)
    process, started = desktop.launch(command, env, trace)
    try:
        yield process, started
    finally:
        stop(process)


def cpu_over(pid: int, seconds: float, slices: int) -> tuple[float, list[float]]:
    """CPU % of one core over ``seconds``, and per slice of ``seconds / slices``."""
    stamps = [(time.monotonic(), cpu_ticks(proc_text(pid, "stat")))]
    for _ in range(slices):
        time.sleep(seconds / slices)
        stamps.append((time.monotonic(), cpu_ticks(proc_text(pid, "stat"))))
    parts = [
        cpu_percent(b[1] - a[1], b[0] - a[0]) for a, b in zip(stamps, stamps[1:], strict=False)
    ]  # noqa: E501
    total = cpu_percent(stamps[-1][1] - stamps[0][1], stamps[-1][0] - stamps[0][0])
    return total, parts


# -- the measurements ----------------------------------------------------------------


def measure_startup(desktop: Desktop, runs: int) -> dict[str, list[float]]:
    """Interleaved rounds: bare window, app, app with ``start desk-break``."""
    env = desktop.home("default")
    trace = desktop.work / "startup.jsonl"
    found: dict[str, list[float]] = {
        "bare_ms": [],
        "app_ms": [],
        "routine_ms": [],
        "bare_kib": [],
        "routine_kib": [],
        "bare_cpu_ms": [],
        "app_cpu_ms": [],
        "routine_cpu_ms": [],
    }
    for number in range(runs):
        with running(desktop, [str(PYTHON), str(BARE)], env, trace) as (process, started):
            event = wait_event(trace, "first-paint", process)
            found["bare_ms"].append((event["t"] - started) * 1000)
            found["bare_cpu_ms"].append(event["cpu"] * 1000)
            time.sleep(1.0)
            found["bare_kib"].append(status_kib(proc_text(process.pid, "status")))
        with running(desktop, [str(PROGRAM)], env, trace) as (process, started):
            event = wait_event(trace, "first-paint", process)
            found["app_ms"].append((event["t"] - started) * 1000)
            found["app_cpu_ms"].append(event["cpu"] * 1000)
        with running(desktop, [str(PROGRAM), "start", "desk-break"], env, trace) as (
            process,
            started,
        ):
            event = wait_event(trace, "first-frame", process)
            found["routine_ms"].append((event["t"] - started) * 1000)
            found["routine_cpu_ms"].append(event["cpu"] * 1000)
            time.sleep(3.0)
            found["routine_kib"].append(status_kib(proc_text(process.pid, "status")))
        print(
            f"  round {number + 1}/{runs}: bare {found['bare_ms'][-1]:.0f} ms, "
            f"app {found['app_ms'][-1]:.0f} ms, start desk-break "
            f"{found['routine_ms'][-1]:.0f} ms (CPU {found['bare_cpu_ms'][-1]:.0f} / "
            f"{found['app_cpu_ms'][-1]:.0f} / {found['routine_cpu_ms'][-1]:.0f} ms)",
            flush=True,
        )
    return found


def measure_session_cpu(desktop: Desktop) -> tuple[float, list[float]]:
    """``start full-session``: 60 s of the animated warm-up."""
    env = desktop.home("default")
    trace = desktop.work / "session.jsonl"
    with running(desktop, [str(PROGRAM), "start", "full-session"], env, trace) as (process, _):
        wait_event(trace, "first-frame", process)
        time.sleep(1.0)
        return cpu_over(process.pid, CPU_SECONDS, CPU_SLICES)


def measure_boundaries(desktop: Desktop) -> list[float]:
    """Two minutes of a session with short phases: how late each phase began."""
    env = desktop.home("short")
    trace = desktop.work / "boundary.jsonl"
    with running(desktop, [str(PROGRAM), "start", "full-session"], env, trace) as (process, _):
        start = wait_event(trace, "phase-start", process)
        time.sleep(max(0.0, start["actual"] + BOUNDARY_SECONDS - time.monotonic()))
        if process.poll() is not None:
            raise BenchError("the app ended during the 2-minute session")
    return boundary_errors_ms(read_trace(trace))


def measure_idle_cpu(desktop: Desktop) -> tuple[float, list[float]]:
    """``hamstring-gui --tray``: in the tray, reminders on, 60 s."""
    env = desktop.home("default")
    trace = desktop.work / "idle.jsonl"
    with running(desktop, [str(PROGRAM), "--tray"], env, trace) as (process, _):
        time.sleep(4.0)  # start-up done and settled (nothing is shown to wait for)
        if first(read_trace(trace), "first-paint") is not None:
            raise BenchError("the window showed: no tray host, so not idle in the tray")
        if process.poll() is not None:
            raise BenchError("the app exited in the tray")
        return cpu_over(process.pid, CPU_SECONDS, CPU_SLICES)


def measure_history(desktop: Desktop, runs: int) -> dict[str, list[float]]:
    """``tools/bench_history.py`` on the Xvfb, ten years: window open, GUI step, --json."""
    env = desktop.home("default")
    command = [str(PYTHON), str(ROOT / "tools" / "bench_history.py"), "--runs", str(runs)]
    command += ["--days", "3652", "--per-day", "3", "--json-cli"]
    result = subprocess.run(
        command,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    found = {}
    labels = {"store": "start-up)", "open": "paint", "step": "step", "json": "--json"}
    for key, label in labels.items():
        match = re.search(rf"{re.escape(label)}: ([\d, ]+) ms", result.stdout)
        if result.returncode != 0 or match is None:
            raise BenchError(f"bench_history failed: {result.stdout}{result.stderr}")
        found[key] = [float(value) for value in match.group(1).split(",")]
    return found


def measure_cue_latency() -> list[float]:
    """Every cue's offset (ms) from its instant: a recorded session, and `start desk-break`."""
    offsets: list[float] = []
    for extra in ([], ["--start-routine"]):
        result = subprocess.run(
            [str(PYTHON), str(ROOT / "tools" / "measure_cue_timing.py"), "--json", *extra],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        try:
            found = json.loads(result.stdout.splitlines()[-1])
        except (IndexError, ValueError):
            raise BenchError(f"measure_cue_timing failed: {result.stderr[-1500:]}") from None
        if found["missing"] or found["extra"]:
            raise BenchError(f"cues missing or extra: {found}")
        offsets += [offset for _, offset in found["offsets_ms"]]
    return offsets


def cue_figure(offsets: list[float]) -> dict[str, Any]:
    """The cue_latency_ms_max figure."""
    return figure(
        round(max(offsets, key=abs), 1),
        "ms",
        "largest |heard - planned| of every chime and tick of a recorded 13 s session and "
        "of the first two cues of `start desk-break` (tools/measure_cue_timing.py; sign kept)",
        summary(offsets, 1),
    )


def measure_plan(desktop: Desktop, runs: int) -> list[float]:
    """Wall time of ``hamstring-gui plan full-session --json``."""
    env = desktop.home("default")
    times = []
    for _ in range(runs):
        started = time.monotonic()
        result = subprocess.run(
            [str(PROGRAM), "plan", "full-session", "--json"],
            env=env,
            capture_output=True,
            timeout=60,
            check=False,
        )
        times.append((time.monotonic() - started) * 1000)
        if result.returncode != 0:
            raise BenchError(f"plan failed: {result.stderr.decode()}")
    return times


# -- results ------------------------------------------------------------------------------


def figure(
    value: float,
    unit: str,
    what: str,
    raw: dict[str, Any],
    *,
    baseline: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One figure of results.json."""
    return {"value": value, "unit": unit, "what": what, "raw": raw, "baseline": baseline}


def collect(desktop: Desktop, runs: int) -> dict[str, dict[str, Any]]:
    """Run every measurement; the figures by key."""
    results: dict[str, dict[str, Any]] = {}
    print(f"plan, {runs} runs ...", flush=True)
    plan = summary(measure_plan(desktop, runs))
    results["plan_ms"] = figure(
        plan["median"], "ms", "median wall time of `hamstring-gui plan full-session --json`", plan
    )

    results.update(collect_startup(desktop, runs))

    results.update(collect_session_cpu(desktop))

    results.update(collect_timing(desktop))

    print("idle CPU, 60 s in the tray with reminders on ...", flush=True)
    total, parts = measure_idle_cpu(desktop)
    results["idle_cpu_percent"] = figure(
        round(total, 3),
        "% of one core",
        "utime+stime over 60 s of `hamstring-gui --tray` (tray host: trayer; reminders on, "
        "work being counted); raw: the 6 x 10 s slices; one clock tick is "
        f"{cpu_percent(1, CPU_SECONDS):.3f} % over 60 s",
        summary(parts, 3),
    )

    results.update(collect_history(desktop, runs))
    return results


def collect_startup(desktop: Desktop, runs: int) -> dict[str, dict[str, Any]]:
    """The start-up and memory figures (``--only startup``)."""
    results: dict[str, dict[str, Any]] = {}
    print(f"startup, {runs} interleaved rounds ...", flush=True)
    found = measure_startup(desktop, runs)
    bare = summary(found["bare_ms"])
    bare_baseline = {**bare, "what": "bare PySide6 QMainWindow + QLabel: start to first paint"}
    app, routine = summary(found["app_ms"]), summary(found["routine_ms"])
    results["startup_ratio"] = figure(
        ratio(app["median"], bare["median"]),
        "ratio",
        "median start-to-first-paint of `hamstring-gui` / of the bare window",
        app,
        baseline=bare_baseline,
    )
    results["startup_start_routine_ratio"] = figure(
        ratio(routine["median"], bare["median"]),
        "ratio",
        "median start-to-first-frame (session picture) of `hamstring-gui start desk-break`"
        " / bare window's first paint",
        routine,
        baseline=bare_baseline,
    )
    bare_kib, routine_kib = summary(found["bare_kib"], 0), summary(found["routine_kib"], 0)
    results["rss_ratio"] = figure(
        ratio(routine_kib["median"], bare_kib["median"]),
        "ratio",
        "median peak RSS (VmHWM, KiB) of `start desk-break` 3 s after its first frame"
        " / the bare window's 1 s after its first paint",
        routine_kib,
        baseline={**bare_kib, "what": "bare window VmHWM, KiB"},
    )
    return results


def collect_session_cpu(desktop: Desktop) -> dict[str, dict[str, Any]]:
    """The animated session's CPU figure (``--only session``)."""
    print("session CPU, 60 s of full-session's animated warm-up ...", flush=True)
    total, parts = measure_session_cpu(desktop)
    return {
        "session_cpu_percent": figure(
            round(total, 3),
            "% of one core",
            "utime+stime over 60 s of `start full-session` (get-ready easing, then the "
            "jogging-in-place move looping); raw: the 6 x 10 s slices",
            summary(parts, 3),
        )
    }


def collect_timing(desktop: Desktop) -> dict[str, dict[str, Any]]:
    """The phase-boundary and cue figures (``--only boundary``)."""
    print("phase boundaries, a 2-minute session with short phases ...", flush=True)
    errors = measure_boundaries(desktop)
    errors_raw = summary(errors, 2)
    results = {
        "boundary_error_ms_max": figure(
            round(max(errors, key=abs), 2),
            "ms",
            "largest |actual - planned| phase start over 120 s of `start full-session` with "
            "short phases (sign kept; + is late); raw: every phase change",
            errors_raw,
        ),
        "boundary_error_ms_mean": figure(
            round(sum(abs(e) for e in errors) / len(errors), 2),
            "ms",
            "mean |actual - planned| over the same phase changes",
            errors_raw,
        ),
    }
    print("cue latency, two recorded sessions ...", flush=True)
    results["cue_latency_ms_max"] = cue_figure(measure_cue_latency())
    return results


def collect_history(desktop: Desktop, runs: int) -> dict[str, dict[str, Any]]:
    """The history figures (``--only history``)."""
    print("history, ten years of three sessions a day ...", flush=True)
    history = measure_history(desktop, runs)
    hist, step, cli = (summary(history[key]) for key in ("open", "step", "json"))
    store = summary(history["store"])
    return {
        "history_open_ms": figure(
            hist["median"],
            "ms",
            "tools/bench_history.py, 10 years (11k sessions, 263k phases): build the window"
            " (every query) + show + paint on the store the app opened at start-up, median"
            f" (first {history['open'][0]:.0f} ms)",
            hist,
            baseline={**store, "what": "opening that store (its checks), once at app start-up"},
        ),
        "history_gui_step_ms": figure(
            step["median"],
            "ms",
            "longest GUI-thread step of the history window on that file (report read or "
            "refresh), median",
            step,
        ),
        "history_json_ms": figure(
            cli["median"], "ms", "wall time of `hamstring-gui history --json` on it, median", cli
        ),
    }


def table(results: dict[str, dict[str, Any]]) -> str:
    """The results as a plain-text table."""

    def span(raw: dict[str, Any] | None) -> str:
        if raw is None:
            return "-"
        return f"{raw['median']:g} ({raw['min']:g}-{raw['max']:g}) x{raw['runs']}"

    rows = [("figure", "value", "target", "ok", "raw median (min-max) xN", "baseline")]
    for key in TARGETS:
        if key not in results:
            continue
        item = results[key]
        met = abs(item["value"]) <= TARGETS[key]
        rows.append(
            (
                key,
                f"{item['value']:g}",
                f"<= {TARGETS[key]:g}",
                "yes" if met else "NO",
                span(item["raw"]),
                span(item["baseline"]),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def main() -> int:
    """Measure, print, write results.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--only",
        choices=("startup", "session", "history", "boundary", "cue_latency"),
        help="measure one part (results merged into --out)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: 6 s CPU windows, a 12 s session (not for the record)",
    )
    args = parser.parse_args()
    if args.quick:
        global CPU_SECONDS, BOUNDARY_SECONDS
        CPU_SECONDS, BOUNDARY_SECONDS = 6.0, 12.0
    began = time.monotonic()
    # An installed app has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile every module on every start (~80 ms here).
    subprocess.run(
        [str(PYTHON), "-m", "compileall", "-q", "-f", str(ROOT / "hamstring_gui")],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    with tempfile.TemporaryDirectory(prefix="hamstring-bench-") as folder:
        desktop = Desktop(Path(folder))
        try:
            if args.only == "cue_latency":  # its own sound servers; no desktop needed
                results = {"cue_latency_ms_max": cue_figure(measure_cue_latency())}
            else:
                desktop.start()
                if args.only == "history":
                    results = collect_history(desktop, args.runs)
                elif args.only == "startup":
                    results = collect_startup(desktop, args.runs)
                elif args.only == "session":
                    results = collect_session_cpu(desktop)
                elif args.only == "boundary":
                    results = collect_timing(desktop)
                else:
                    results = collect(desktop, args.runs)
        except (BenchError, OSError, KeyError, ValueError) as error:
            print(f"bench: could not measure: {error}", file=sys.stderr)
            log = Path(folder) / "children.log"
            if log.exists():
                sys.stderr.write(log.read_text(errors="replace")[-3000:])
            return 1
        finally:
            desktop.close()
    for key, item in results.items():
        item["target"] = TARGETS[key]
        item["met"] = abs(item["value"]) <= TARGETS[key]
    if args.only and args.out.exists():  # one part measured: keep the others' last figures
        results = {**json.loads(args.out.read_text(encoding="utf-8")), **results}
    ordered = {key: results[key] for key in TARGETS if key in results}
    args.out.write_text(json.dumps(ordered, indent=2) + "\n", encoding="utf-8")
    print()
    print(table(ordered))
    print(f"\nwritten to {args.out} in {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
