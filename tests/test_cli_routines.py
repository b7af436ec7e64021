"""``import-routine``, ``export-routine`` and custom routines in ``routines``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = """\
id = "my-desk-break"
name = "My desk break"
description = "From my physio, March"
[[items]]
stretch = "chair-stretch"
hold_seconds = 40
reps = 2
"""


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=30,
    )


@pytest.fixture
def routines_folder(private_dirs: Path) -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "hamstring-gui" / "routines"


def files(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_usage_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("hamstring-gui: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_import_then_routines_json_lists_it_as_custom(
    tmp_path: Path, routines_folder: Path
) -> None:
    source = tmp_path / "from-physio.toml"
    source.write_text(GOOD, encoding="utf-8")
    result = cli("import-routine", str(source))
    assert result.returncode == 0, result.stderr
    assert "my-desk-break" in result.stdout
    assert files(routines_folder) == {"my-desk-break.toml": GOOD.encode()}
    rows = json.loads(cli("routines", "--json").stdout)
    by_id = {row["id"]: row for row in rows}
    assert by_id["my-desk-break"]["builtin"] is False
    assert by_id["my-desk-break"]["name"] == "My desk break"
    assert by_id["desk-break"]["builtin"] is True
    assert [row["builtin"] for row in rows] == sorted(
        (row["builtin"] for row in rows), reverse=True
    )  # noqa: E501
    assert "my-desk-break" in cli("routines").stdout
    plan = cli("plan", "my-desk-break", "--json")
    assert plan.returncode == 0, plan.stderr
    holds = [p["seconds"] for p in json.loads(plan.stdout)["phases"] if p["kind"] == "hold"]
    assert holds == [40] * 4  # 2 reps on each leg, the routine's 40 s


def test_flagged_stretches_are_imported_with_one_note_each_on_stderr(
    tmp_path: Path, routines_folder: Path
) -> None:
    source = tmp_path / "toes.toml"
    text = GOOD + '[[items]]\nstretch = "seated-toe-touch"\n'
    text += '[[items]]\nstretch = "foam-roll-lower-back"\n[[items]]\nstretch = "seated-toe-touch"\n'
    source.write_text(text, encoding="utf-8")
    result = cli("import-routine", str(source))
    assert result.returncode == 0, result.stderr
    assert files(routines_folder) == {"my-desk-break.toml": text.encode()}
    lines = result.stderr.splitlines()
    assert len(lines) == 2  # one line per flagged stretch, not per item
    assert lines[0].startswith("hamstring-gui: note: 'seated-toe-touch' (Seated toe touch)")
    assert "not for a sore back" in lines[0] and "back is sore" in lines[0]
    assert "'foam-roll-lower-back'" in lines[1] and "spine" in lines[1]
    plain = tmp_path / "plain.toml"
    plain.write_text(GOOD.replace("my-desk-break", "plain"), encoding="utf-8")
    assert cli("import-routine", str(plain)).stderr == ""


def test_replace_keeps_a_backup_and_without_it_nothing_changes(
    tmp_path: Path, routines_folder: Path
) -> None:
    source = tmp_path / "r.toml"
    source.write_text(GOOD, encoding="utf-8")
    assert cli("import-routine", str(source)).returncode == 0
    newer = GOOD.replace("My desk break", "Newer")
    source.write_text(newer, encoding="utf-8")
    assert_usage_error(cli("import-routine", str(source)), "already exists", "--replace")
    assert files(routines_folder) == {"my-desk-break.toml": GOOD.encode()}
    result = cli("import-routine", str(source), "--replace")
    assert result.returncode == 0, result.stderr
    assert files(routines_folder) == {
        "my-desk-break.toml": newer.encode(),
        "my-desk-break.toml.bak": GOOD.encode(),
    }


BAD = {
    "not-toml": ('id = "x\n', ("not valid TOML", "line 1, column")),
    "unknown-key": (GOOD + "colour = 1\n", ("“colour” is not something a routine can have",)),
    "unknown-stretch": (
        GOOD.replace("chair-stretch", "chair-strech"),
        ("item 1: there is no stretch called 'chair-strech'; did you mean 'chair-stretch'?",),
    ),  # noqa: E501
    "out-of-range": (
        GOOD.replace("hold_seconds = 40", "hold_seconds = 999"),
        ("“hold_seconds” is 999; it must be from",),
    ),
    "missing-name": (GOOD.replace('name = "My desk break"\n', ""), ("“name” is missing",)),
    "builtin-clash": (GOOD.replace("my-desk-break", "desk-break"), ("built-in",)),
    "path-like-id": (GOOD.replace("my-desk-break", "../../evil"), ("not a valid id",)),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_imports_exit_2_with_one_line_and_write_nothing(
    tmp_path: Path, routines_folder: Path, case: str
) -> None:
    text, words = BAD[case]
    source = tmp_path / "bad.toml"
    source.write_text(text, encoding="utf-8")
    assert_usage_error(cli("import-routine", str(source), "--replace"), str(source), *words)
    assert not routines_folder.exists()


def test_bad_files_exit_2(tmp_path: Path, routines_folder: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(GOOD.encode() + b"#" * (1024 * 1024))
    latin = tmp_path / "latin.toml"
    latin.write_bytes(GOOD.replace("physio", "physiothérapeute").encode("latin-1"))
    assert_usage_error(cli("import-routine", str(big)), "larger than 1 MB")
    assert_usage_error(cli("import-routine", str(latin)), "not UTF-8")
    assert_usage_error(cli("import-routine", str(tmp_path / "missing.toml")), "no such file")
    assert_usage_error(cli("import-routine", str(tmp_path)), "is a folder")
    assert_usage_error(cli("import-routine"), "FILE")
    assert not routines_folder.exists()


def test_export_builtin_and_reimport_under_a_new_id(tmp_path: Path) -> None:
    out = tmp_path / "desk.toml"
    result = cli("export-routine", "desk-break", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert 'id = "desk-break"' in text and "[[items]]" in text
    assert_usage_error(cli("import-routine", str(out)), "built-in")
    out.write_text(text.replace('id = "desk-break"', 'id = "my-desk"'), encoding="utf-8")
    assert cli("import-routine", str(out)).returncode == 0
    exported_again = tmp_path / "again.toml"
    assert cli("export-routine", "my-desk", str(exported_again)).returncode == 0
    assert exported_again.read_text("utf-8") == text.replace('id = "desk-break"', 'id = "my-desk"')


def test_export_errors_exit_2_and_write_nothing(tmp_path: Path) -> None:
    assert_usage_error(
        cli("export-routine", "desk-brake", str(tmp_path / "x.toml")), "did you mean 'desk-break'"
    )
    assert_usage_error(cli("export-routine", "desk-break", str(tmp_path)), "is a folder")
    assert_usage_error(
        cli("export-routine", "desk-break", str(tmp_path / "no" / "x.toml")), "no such folder"
    )
    assert_usage_error(cli("export-routine", "desk-break"), "FILE")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "runtime"]


def test_a_broken_custom_file_is_named_on_stderr_and_skipped(routines_folder: Path) -> None:
    routines_folder.mkdir(parents=True)
    (routines_folder / "broken.toml").write_text("id = ", encoding="utf-8")
    result = cli("routines", "--json")
    assert result.returncode == 0
    assert "routines/broken.toml" in result.stderr and "skipped" in result.stderr
    assert {row["id"] for row in json.loads(result.stdout)} >= {"desk-break"}
    assert (routines_folder / "broken.toml").exists()


def test_routine_commands_never_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.argv = ['hamstring-gui', 'export-routine', 'desk-break', sys.argv[1]]\n"
        "from hamstring_gui.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "assert 'PySide6' not in sys.modules, 'Qt imported'\n"
        "raise SystemExit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d.toml")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
