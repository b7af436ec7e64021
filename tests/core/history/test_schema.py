"""The history tables: every migration script runs, in order, on an empty database."""

from __future__ import annotations

import sqlite3

from hamstring_gui.core.history.schema import MIGRATIONS, SCHEMA_VERSION, statements


def test_the_scripts_build_every_table_in_order() -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) == 3
    conn = sqlite3.connect(":memory:")
    for script in MIGRATIONS:
        for statement in statements(script):
            conn.execute(statement)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"sessions", "phases", "events", "self_tests", "hold_changes", "outcomes"}
    columns = {row[1] for row in conn.execute("PRAGMA table_info(sessions)")}
    assert "feeling" in columns  # added by version 2
    columns = {row[1] for row in conn.execute("PRAGMA table_info(outcomes)")}
    assert columns == {"session_id", "item", "stretch", "status"}  # added by version 3


def test_statements_leave_out_comments_and_blanks() -> None:
    script = (
        "CREATE TABLE a (x TEXT -- a; comment\n);\n\n-- only a comment\nCREATE INDEX b ON a (x);"
    )
    assert statements(script) == ["CREATE TABLE a (x TEXT \n)", "CREATE INDEX b ON a (x)"]
