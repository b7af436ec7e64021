"""--help and `hamstring-gui help`: examples, routine ids and exit codes (issue 25)."""

from __future__ import annotations

import os
import subprocess
import sys


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=30,
    )


def test_help_shows_examples_routine_ids_and_exit_codes() -> None:
    result = cli("--help")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "examples:\n  hamstring-gui " in text and "  hamstring-gui start desk-break " in text
    assert "desk-break, gentle-lying, full-session, pnf-towel, self-test" in text
    for line in ("  0  success", "  2  a wrong command", "  3  a control command"):
        assert line in text
    assert "desktop-entry" in text and "help" in text


def test_help_command_is_the_same_help_and_describes_one_command() -> None:
    assert cli("help").stdout == cli("--help").stdout
    plan = cli("help", "plan")
    assert plan.returncode == 0
    assert plan.stdout.startswith("usage: hamstring-gui plan [-h] [--json] ROUTINE")


def test_help_for_an_unknown_command_is_one_line_and_exit_2() -> None:
    result = cli("help", "nope")
    assert result.returncode == 2
    assert result.stderr == "hamstring-gui: no command 'nope' (see 'hamstring-gui help')\n"
