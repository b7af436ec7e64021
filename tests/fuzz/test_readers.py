"""Fuzzing every reader of outside input (issue 17), bounded in time.

Settings, routine files, the routines folder, history rows, control requests
and argv each get generated hostile input. Asserted for every example: no
exception escapes, an answer within a time (and for files a memory) budget,
one-line messages; for the command line an exit code in {0, 1, 2, 3}, one
line on stderr for a refusal and nothing written on a refusal. The whole
module runs in well under 30 s.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hamstring_gui import cli, ipc
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.history import HistoryStore, open_history
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.routine_store import load_all, parse_routine_bytes
from hamstring_gui.core.settings import Settings
from hamstring_gui.core.settings.store import SettingsStore

CATALOG = load_catalog()
SECONDS = 1.0
PEAK_BYTES = 100 * 1024 * 1024
FUZZ = settings(
    max_examples=40,
    deadline=None,  # the budgets below are the test's own, measured per example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)


@contextlib.contextmanager
def budget(seconds: float = SECONDS, peak: int | None = None) -> Iterator[None]:
    if peak is not None:
        tracemalloc.start()
    started = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        used = tracemalloc.get_traced_memory()[1] if peak is not None else 0
        if peak is not None:
            tracemalloc.stop()
    assert elapsed < seconds * (3 if peak is not None else 1), f"took {elapsed:.2f} s"
    assert peak is None or used < peak, f"used {used / 1e6:.0f} MB"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(".lock")
    }


# -- hostile text, shared by the file readers -------------------------------------

big_numbers = st.builds(
    lambda prefix, digits: prefix + digits,
    st.sampled_from(["", "-", "0x", "0o", "0b", "+"]),
    st.text(alphabet="0123456789abcdef_", min_size=1, max_size=6000),
)
nestings = st.builds(
    lambda opening, depth: opening * depth + {"[": "]", "{": "}"}[opening[0]] * depth,
    st.sampled_from(["[", "{", "[ ", "{"]),
    st.integers(0, 60_000),
)
dotted_keys = st.builds(
    lambda part, count, tail: "x." + ".".join([part] * count) + tail,
    st.sampled_from(["a", '"a"', "'a'", "1", " a "]),
    st.integers(1, 60_000),
    st.sampled_from([" = 1\n", "]\n", " = {}\n", ""]),
)
junk = st.text(alphabet=st.sampled_from('[]{}=",.:\\#0123456789-e \n\tabx\ufeff'), max_size=400)
hostile_text = st.one_of(big_numbers, nestings, dotted_keys, junk)


def as_bytes(text: str, bom: bool) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")


# -- settings.json ------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["version", "session", "hold_seconds", "appearance", "x", "theme"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)
settings_texts = st.one_of(
    hostile_text,
    json_values.map(lambda value: json.dumps(value)),
    st.builds(
        lambda inner: '{"version": 1, "session": ' + inner + "}",
        st.one_of(big_numbers, nestings, json_values.map(json.dumps)),
    ),
)


@FUZZ
@given(text=settings_texts, bom=st.booleans(), read_only=st.booleans())
def test_settings_load_never_raises(tmp_path: Path, text: str, bom: bool, read_only: bool) -> None:
    folder = tmp_path / f"s{time.perf_counter_ns()}"
    folder.mkdir()
    path = folder / "settings.json"
    data = as_bytes(text, bom)
    path.write_bytes(data)
    if read_only:
        path.chmod(0o400)
    before = snapshot(folder)
    with budget(peak=PEAK_BYTES):
        messages = SettingsStore(path).load(repair=False)  # the command line's read
    assert snapshot(folder) == before  # the command line writes nothing
    store = SettingsStore(path)
    with budget():
        messages = store.load()
    assert isinstance(store.settings, Settings)
    assert all("\n" not in message for message in messages)
    kept = {name: content for name, content in snapshot(folder).items() if ".corrupt-" in name}
    assert not kept or list(kept.values()) == [data]  # a refused file is kept as it was
    if read_only:
        assert path.read_bytes() == data


# -- routine files and the routines folder ------------------------------------------------

routine_texts = st.one_of(
    hostile_text,
    st.builds(
        lambda value, key: (
            f'id = "mine"\nname = "M"\n{key} = {value}\n[[items]]\nstretch = "chair-stretch"\n'
        ),
        st.one_of(big_numbers, nestings),
        st.sampled_from(["description", "colour", "x.y"]),
    ),
)


def routine_problem(data: bytes) -> str | None:
    try:
        parse_routine_bytes(data, "in.toml", CATALOG)
    except DataError as error:
        return str(error)
    return None


@FUZZ
@given(text=routine_texts, bom=st.booleans())
def test_a_routine_file_is_answered_in_time_and_memory(text: str, bom: bool) -> None:
    with budget(peak=PEAK_BYTES):
        problem = routine_problem(as_bytes(text, bom))
    assert problem is None or ("\n" not in problem and problem.startswith("in.toml"))


GOOD = 'id = "{0}"\nname = "{0}"\n[[items]]\nstretch = "chair-stretch"\n'


@settings(FUZZ, max_examples=15)
@given(bad=st.lists(routine_texts, min_size=1, max_size=4))
def test_the_routines_folder_lists_the_good_and_names_each_bad_once(
    tmp_path: Path, bad: list[str]
) -> None:
    folder = tmp_path / f"r{time.perf_counter_ns()}"
    folder.mkdir()
    for number, text in enumerate(bad):
        (folder / f"bad-{number}.toml").write_bytes(as_bytes(text, False))
    (folder / "zz-good.toml").write_text(GOOD.format("zz-good"))
    with budget(SECONDS * len(bad)):
        routines, problems = load_all(folder, CATALOG)
    assert "zz-good" in routines
    assert set(builtin_routines()) <= set(routines)
    assert len(problems) == len(bad) - sum(f"bad-{n}" in routines for n in range(len(bad)))
    assert all("\n" not in problem for problem in problems)


# -- history rows -----------------------------------------------------------------

sql_values = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.binary(max_size=8),
    st.sampled_from(["2026-02-30", "2026-03-10", "2026-3-1", "", "NaN", "1e999"]),
)
SESSION_COLUMNS = (
    "started",
    "day",
    "ended",
    "routine",
    "completed",
    "left_seconds",
    "right_seconds",
    "both_seconds",
    "feeling",
)


@settings(FUZZ, max_examples=30)
@given(
    rows=st.lists(st.fixed_dictionaries({c: sql_values for c in SESSION_COLUMNS}), max_size=3),
    test_row=st.none() | st.tuples(sql_values, sql_values, sql_values),
)
def test_history_rows_never_trace_back(
    tmp_path: Path, rows: list[dict[str, Any]], test_row: tuple[Any, Any, Any] | None
) -> None:
    path = tmp_path / f"h{time.perf_counter_ns()}" / "history.sqlite3"
    HistoryStore(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA ignore_check_constraints = 1")
        for row in rows:
            with contextlib.suppress(sqlite3.IntegrityError):  # NOT NULL still holds
                conn.execute(
                    f"INSERT INTO sessions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                    list(row.values()),
                )
        if test_row is not None:
            with contextlib.suppress(sqlite3.IntegrityError):
                conn.execute(
                    "INSERT INTO self_tests (date, left_degrees, right_degrees) VALUES (?, ?, ?)",
                    test_row,
                )
    with budget():
        store, message = open_history(path)
    today = date(2026, 3, 10)
    with store:
        store.export_json(today)
        store.export_csv_text()
        store.calendar(today)
        store.balance()
        store.most_done()
        store.most_skipped()
        store.feelings()
        store.suggest_hold_change(30, 40, today)
    assert message is None or "\n" not in message


# -- control requests ---------------------------------------------------------------

COMMANDS = ["status", "show", "start", "pause", "resume", "skip", "stop", "snooze", "x"]
requests = st.one_of(
    st.binary(max_size=200),
    st.builds(
        lambda command, args: json.dumps({"command": command, "args": args}).encode(),
        st.sampled_from(COMMANDS) | st.text(max_size=8),
        st.lists(st.text(max_size=12) | big_numbers, max_size=3),
    ),
    st.builds(lambda depth: b'{"command": "status", "args": ' + b"[" * depth, st.integers(0, 9999)),
)


class Reminders:
    def __init__(self) -> None:
        self.snoozed: list[int] = []

    def snooze(self, minutes: int) -> bool:
        self.snoozed.append(minutes)
        return True

    def status(self) -> dict[str, Any]:
        until = datetime(2026, 3, 10).timestamp() + sum(self.snoozed) * 60
        return {"reminders": "on", "next_reminder": datetime.fromtimestamp(until).isoformat()}


SESSION_VERBS = ("pause", "resume", "skip", "stop")


@FUZZ
@given(lines=st.lists(requests, min_size=1, max_size=5))
def test_control_requests_are_checked_where_they_are_handled(lines: list[bytes]) -> None:
    from hamstring_gui.ui.desktop.commands import SNOOZE_MINUTES, RemoteCommands

    window = SimpleNamespace(routines={"desk-break": None}, start_routine=print, bring_to_front=int)
    controller = SimpleNamespace(
        active=False, state=None, plan=None, phase=None, **dict.fromkeys(SESSION_VERBS)
    )
    reminders = Reminders()
    handler = RemoteCommands(window, controller, reminders)  # type: ignore[arg-type]
    for line in lines:
        try:
            request = ipc.parse_request(line)
        except ValueError:
            continue
        reply = handler(request.command, request.args)
        assert isinstance(reply["ok"], bool)
        assert len(reply.get("message", "")) < 200
    assert all(minutes in SNOOZE_MINUTES for minutes in reminders.snoozed)
    assert handler("status", [])["ok"] is True


# -- argv ---------------------------------------------------------------------------

WORDS = [
    "stretches",
    "routines",
    "plan",
    "import-routine",
    "export-routine",
    "history",
    "illustrations",
    "snooze",
    "status",
    "pause",
    "--json",
    "--csv",
    "--replace",
    "-",
    "desk-break",
    "/dev/null",
    "/proc",
    "/",
    "out.toml",
    "-5",
    str(10**20),
    "--",
]
argvs = st.lists(
    st.sampled_from(WORDS) | st.text(max_size=10).filter(lambda word: "\0" not in word),
    min_size=1,
    max_size=4,
)


@pytest.fixture
def sandbox(private_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A working folder; the GUI and the illustrations never really start."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(cli, "GUI_COMMANDS", {None, "start"})
    import hamstring_gui.app
    import hamstring_gui.ui.export

    monkeypatch.setattr(hamstring_gui.app, "run_gui", lambda args, instance: instance.close() or 0)
    monkeypatch.setattr(hamstring_gui.ui.export, "run_export", lambda folder: 0)
    yield tmp_path


@settings(FUZZ, max_examples=60)
@given(argv=argvs)
def test_argv_exits_0_to_3_and_refuses_in_one_line(sandbox: Path, argv: list[str]) -> None:
    before = snapshot(sandbox)
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err), budget(5.0):
        try:
            code = cli.main(argv)
        except SystemExit as done:  # --help and --version
            code = done.code if isinstance(done.code, int) else 0
    assert code in {0, 1, 2, 3}
    if code == 2:
        assert len(err.getvalue().splitlines()) == 1, err.getvalue()
        assert snapshot(sandbox) == before  # a refusal writes nothing
