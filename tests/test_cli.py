"""The command-line contract: exact JSON keys, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hamstring_gui import __version__
from hamstring_gui.core.plan import PhaseKind

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=30,
    )


def test_version() -> None:
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"hamstring-gui {__version__}"


def test_stretches_json_shows_the_audited_library() -> None:
    result = cli("stretches", "--json")
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    flagged = ("foam-roll-lower-back", "knees-to-chest-one", "knees-to-chest-two")
    assert all(rows[stretch]["back_pain_caution"] for stretch in flagged)
    assert any("osteoporosis" in line for line in rows["foam-roll-lower-back"]["cautions"])
    assert rows["downward-dog"]["position"] == "hands-and-feet"
    assert rows["standing-toe-touch-crossed"]["sides"] == "each"
    assert rows["supine-hand-towel"]["equipment"] == ["towel-or-strap"]
    assert "2-3 sets" in rows["leg-swings"]["disagreement"]


def test_stretches_json_has_the_contract_keys() -> None:
    result = cli("stretches", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) >= 30
    for row in rows:
        keys = {"id", "name", "kind", "position", "equipment", "sides", "steps", "sources"}
        assert keys <= set(row)
        assert isinstance(row["equipment"], list) and isinstance(row["steps"], list)


def test_routines_json_has_the_contract_keys() -> None:
    rows = json.loads(cli("routines", "--json").stdout)
    by_id = {row["id"]: row for row in rows}
    assert {"desk-break", "gentle-lying", "full-session", "pnf-towel", "self-test"} <= set(by_id)
    assert 240 <= by_id["desk-break"]["total_seconds"] <= 300
    assert all(isinstance(row["name"], str) for row in rows)


def test_plan_json_is_the_exact_timeline() -> None:
    result = cli("plan", "desk-break", "--json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert set(plan) == {"routine", "total_seconds", "phases"}
    assert plan["routine"] == "desk-break"
    assert plan["total_seconds"] == sum(p["seconds"] for p in plan["phases"])
    for phase in plan["phases"]:
        assert set(phase) == {"kind", "stretch", "side", "rep", "seconds"}
        assert phase["kind"] in {k.value for k in PhaseKind}
        assert phase["side"] in ("left", "right", None)
    assert plan["phases"][0] == {
        "kind": "prepare",
        "stretch": "chair-stretch",
        "side": "left",
        "rep": 1,
        "seconds": 5,
    }


def test_plan_text_prints_a_timeline() -> None:
    result = cli("plan", "desk-break")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Desk break (desk-break): 4:50")
    assert "Hold" in lines[2] and "left" in lines[2]
    assert lines[-1].strip() == "4:50  done"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("plan", "desk-brek"), "did you mean 'desk-break'"),
        (("plan",), "required"),
        (("plan", "desk-break", "--jsn"), "unrecognized arguments"),
        (("frobnicate",), "invalid choice"),
        (("start", "nope"), "unknown routine 'nope'"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args: tuple[str, ...], message: str) -> None:
    result = cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_plain_commands_answer_well_under_a_second() -> None:
    best = min(_timed("plan", "full-session", "--json") for _ in range(3))
    assert best < 1.0


def _timed(*args: str) -> float:
    started = time.perf_counter()
    assert cli(*args).returncode == 0
    return time.perf_counter() - started


def test_installed_script_matches_module() -> None:
    script = Path(sys.executable).with_name("hamstring-gui")
    assert script.exists(), "install the package into the venv (make venv does)"
    result = subprocess.run([str(script), "routines", "--json"], capture_output=True, text=True)
    assert json.loads(result.stdout) == json.loads(cli("routines", "--json").stdout)


def test_the_cli_writes_nothing_in_the_cache_folder(private_dirs: Path) -> None:
    # The parse cache is gone (issue 17): a command writes no copy of the data files.
    assert cli("plan", "desk-break", "--json").returncode == 0
    assert not (private_dirs / ".cache" / "hamstring-gui").exists()


def test_remind_is_a_control_command_that_needs_the_app(private_dirs: Path) -> None:
    result = cli("remind")
    assert result.returncode == 3
    assert result.stderr.strip() == "hamstring-gui: the app is not running"
    assert "remind" in cli("--help").stdout
