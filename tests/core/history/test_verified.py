"""The verified-state stamp: an unchanged file is not checked again, any change is."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from hamstring_gui.core.history import HistoryDamagedError, HistoryStore
from hamstring_gui.core.history import store as store_module
from hamstring_gui.core.history.verified import stamp_path
from tests.core.history.test_check import DAMAGE, MOMENT, make_history

AN_HOUR_AGO = time.time() - 3600


def settled_history(path: Path) -> None:
    """A good history last written an hour ago (older than the racy-write margin)."""
    make_history(path)
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))


def count_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    for name in ("check_pages", "check_rows"):
        real = getattr(store_module, name)

        def counted(*args: object, _real: object = real, _name: str = name, **kw: object) -> None:
            calls.append(_name)
            _real(*args, **kw)  # type: ignore[operator]

        monkeypatch.setattr(store_module, name, counted)
    return calls


def test_a_verified_unchanged_file_is_not_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    settled_history(path)
    calls = count_checks(monkeypatch)
    HistoryStore(path).close()
    assert calls == ["check_pages", "check_rows"]
    assert stamp_path(path).stat().st_mode & 0o777 == 0o600
    HistoryStore(path).close()
    HistoryStore(path, read_only=True).close()
    assert calls == ["check_pages", "check_rows"]  # reading did not change the file


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damage_after_the_stamp_is_found(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "history.sqlite3"
    settled_history(path)
    HistoryStore(path).close()
    assert stamp_path(path).exists()
    DAMAGE[kind](path)
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))  # even with its old times put back
    with pytest.raises(HistoryDamagedError):
        HistoryStore(path)


def test_a_file_written_just_now_is_not_stamped(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_history(path)
    HistoryStore(path).close()
    assert not stamp_path(path).exists()


def test_a_file_with_unsaved_writes_in_its_wal_is_checked_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    settled_history(path)
    writer = HistoryStore(path)  # the app, recording
    writer.begin_session("desk-break", MOMENT.astimezone())
    calls = count_checks(monkeypatch)
    HistoryStore(path, read_only=True).close()
    HistoryStore(path).close()
    writer.close()
    assert calls == ["check_pages", "check_rows"] * 2


def test_a_stamp_of_another_file_does_not_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    settled_history(path)
    HistoryStore(path).close()
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)  # a backup put in its place: same bytes, another file
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    calls = count_checks(monkeypatch)
    HistoryStore(path).close()
    assert calls == ["check_pages", "check_rows"]
