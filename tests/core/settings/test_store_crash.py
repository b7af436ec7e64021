"""Crash safety: SIGKILL a process while it saves, over and over; the file always loads.

A child process saves two different settings (A: small, B: large, so a
write takes long enough to be hit half-way) in a tight loop. The test kills
it with SIGKILL at a random moment, 30 times, and after each kill checks that
``settings.json`` and ``settings.json.bak`` load without a single message and
equal A or B.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from hamstring_gui.core.settings import SessionSettings, Settings, settings_from_dict
from hamstring_gui.core.settings.store import SettingsStore

KILLS = 30

CHILD = """
import sys
from pathlib import Path
from hamstring_gui.core.settings import Settings, SessionSettings, StretchOverride
from hamstring_gui.core.settings.store import SettingsStore

small = Settings(session=SessionSettings(hold_seconds=30))
overrides = {f"stretch-{n}": StretchOverride(hold_seconds=40, reps=2) for n in range(300)}
large = Settings(session=SessionSettings(hold_seconds=45, overrides=overrides))
store = SettingsStore(Path(sys.argv[1]))
store.load()
print("ready", flush=True)
while True:
    store.save(large)
    store.save(small)
"""


def settings_a() -> Settings:
    return Settings(session=SessionSettings(hold_seconds=30))


def read(path: Path) -> Settings:
    settings, messages = settings_from_dict(json.loads(path.read_bytes()))
    assert messages == []
    return settings


def test_sigkill_during_saves_never_leaves_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    path.parent.mkdir()
    SettingsStore(path).save(settings_a())
    rng = random.Random(20261121)
    outcomes = {"small": 0, "large": 0}
    mid_write = 0
    started = time.monotonic()
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, env=os.environ.copy()
        )
        assert child.stdout is not None
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0, 0.03))  # the random moment of the kill
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL

        mid_write += any(path.parent.glob(".settings.json.*.tmp"))
        current = read(path)
        assert current.session.hold_seconds in (30, 45)
        outcomes["small" if current.session.hold_seconds == 30 else "large"] += 1
        if current.session.hold_seconds == 30:
            assert current == settings_a()
        else:
            assert len(current.session.overrides) == 300
        store = SettingsStore(path)
        assert store.load(repair=False) == []
        assert store.settings == current
        if store.backup_path.exists():
            assert read(store.backup_path).session.hold_seconds in (30, 45)
    elapsed = time.monotonic() - started
    # The next save by a live process sweeps up temp files left by killed ones.
    SettingsStore(path).save(settings_a())
    assert list(path.parent.glob(".settings.json.*.tmp")) == []
    print(f"\n{KILLS} kills in {elapsed:.1f} s: {outcomes}, {mid_write} left a temp file")
