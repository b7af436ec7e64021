"""Man page and shell completion: generated from the parser, valid for man and the shells."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import tools

ROOT = Path(__file__).resolve().parents[2]
MAN_PAGE = ROOT / "packaging" / "linux" / "hamstring-gui.1"
COMPLETIONS = ROOT / "packaging" / "linux" / "completions"
BIN = Path(sys.executable).parent  # holds hamstring-gui: completion asks it for routine ids

sys.path.insert(0, str(ROOT / "tools"))
import make_cli_docs  # noqa: E402


@pytest.mark.parametrize(
    "path", list(make_cli_docs.documents()), ids=lambda p: p.name if isinstance(p, Path) else p
)
def test_the_committed_file_is_what_the_parser_makes(path: Path) -> None:
    assert path.read_text(encoding="utf-8") == make_cli_docs.documents()[path], (
        f"{path.name} drifted from the argument parser: run tools/make_cli_docs.py"
    )


def test_the_man_page_has_no_warnings() -> None:
    tools.require("man", "groff")
    result = subprocess.run(
        ["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", str(MAN_PAGE)],
        capture_output=True,
        text=True,
        env={**os.environ, "MANWIDTH": "80"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    text = re.sub(".\b", "", result.stdout)  # bold and underline are overstrikes
    for heading in ("SYNOPSIS", "COMMANDS", "ROUTINES", "EXAMPLES", "EXIT STATUS"):
        assert heading in text
    assert "desktop-entry" in text and "desk-break" in text


def shell(*argv: str) -> str:
    result = subprocess.run(
        list(argv),
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "PATH": f"{BIN}:/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == "", result.stderr
    return result.stdout


def bash_complete(line: str) -> list[str]:
    script = f"""
source {COMPLETIONS / "hamstring-gui.bash"}
COMP_WORDS=({line})
COMP_CWORD={len(line.split()) - (0 if line.endswith(" ") else 1)}
[[ "{line}" == *" " ]] && COMP_WORDS+=("")
_hamstring_gui
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    return shell("bash", "--norc", "-c", script).split()


def test_bash_completes_commands_options_routines_and_choices() -> None:
    assert bash_complete("hamstring-gui pl") == ["plan"]
    assert bash_complete("hamstring-gui --t") == ["--tray"]
    assert "desk-break" in bash_complete("hamstring-gui start ")
    assert bash_complete("hamstring-gui plan --j") == ["--json"]
    assert bash_complete("hamstring-gui desktop-entry ") == ["install", "uninstall"]
    assert bash_complete("hamstring-gui plan desk-break ") == []  # one routine only
    assert "plan" in bash_complete("hamstring-gui help ")
    assert bash_complete("hamstring-gui report --weeks ") == []  # a number: nothing to offer


def test_zsh_loads_the_completion_from_fpath_and_when_sourced(tmp_path: Path) -> None:
    tools.require("zsh")
    dump = tmp_path / "zcompdump"
    autoloaded = shell(
        "zsh",
        "-f",
        "-c",
        f"fpath=({COMPLETIONS} $fpath); autoload -Uz compinit; compinit -u -d {dump}; "
        "print -r -- $_comps[hamstring-gui]",
    )
    assert autoloaded.strip() == "_hamstring-gui"
    sourced = shell(
        "zsh",
        "-f",
        "-c",
        f"autoload -Uz compinit; compinit -u -d {dump}; "
        f"source {COMPLETIONS / '_hamstring-gui'}; print -r -- $_comps[hamstring-gui]",
    )
    assert sourced.strip() == "_hamstring_gui"


def fish_complete(line: str) -> list[str]:
    tools.require("fish")
    output = shell(
        "fish",
        "--no-config",
        "-c",
        f"source {COMPLETIONS / 'hamstring-gui.fish'}; complete -C '{line}'",
    )
    return [row.split("\t")[0] for row in output.splitlines()]


def test_fish_completes_commands_routines_and_choices() -> None:
    assert fish_complete("hamstring-gui pl") == ["plan"]
    assert "desk-break" in fish_complete("hamstring-gui start ")
    assert fish_complete("hamstring-gui desktop-entry ") == ["install", "uninstall"]
    assert "--json" in fish_complete("hamstring-gui plan --")
