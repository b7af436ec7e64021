"""The whole record as JSON and CSV."""

from __future__ import annotations

import csv
import io
import json

from hamstring_gui.core.history import (
    HistoryStore,
)
from tests.core.history.sessions import (
    TODAY,
    write_session,
)


def test_json_and_csv_export(store: HistoryStore) -> None:
    write_session(store, TODAY, skip="c", hurt=True, feeling=3)
    store.add_self_test(TODAY, 24, 20)
    data = store.export_json(TODAY)
    assert json.loads(json.dumps(data)) == data
    (session,) = data["sessions"]
    assert list(session) == [
        "started",
        "ended",
        "routine",
        "completed",
        "left_seconds",
        "right_seconds",
        "both_seconds",
        "skipped",
        "hurt",
        "feeling",
        "stretches",
    ]
    assert session["stretches"] == [{"stretch": "a", "status": "hurt"}]
    assert session["skipped"] == ["c"] and session["hurt"] == ["a"] and session["feeling"] == 3
    rows = list(csv.DictReader(io.StringIO(store.export_csv_text())))
    assert [row["record"] for row in rows] == ["session", "self-test"]
    assert rows[0]["completed"] == "1" and rows[0]["skipped"] == "c"
    assert rows[1]["left_degrees"] == "24" and rows[1]["started"] == ""
