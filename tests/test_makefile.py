"""`make test` installs every Debian package a test needs, so a fresh machine skips nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import tools

MAKEFILE = Path(__file__).resolve().parents[1] / "Makefile"


def deb_packages() -> set[str]:
    text = MAKEFILE.read_text(encoding="utf-8")
    found = re.search(r"^DEB_PACKAGES := ((?:.*\\\n)*.*)$", text, re.MULTILINE)
    assert found, "DEB_PACKAGES not found in the Makefile"
    return set(found.group(1).replace("\\\n", " ").split())


def test_every_program_a_test_runs_comes_from_a_package_make_deps_installs() -> None:
    assert set(tools.PACKAGE_OF.values()) <= deb_packages()


def test_a_missing_tool_skips_locally_and_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tools, "PACKAGE_OF", {**tools.PACKAGE_OF, "no-such-tool-x": "nothing"})
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="make deps"):
        tools.require("no-such-tool-x")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true does not skip"):
        tools.require("no-such-tool-x")
    tools.require("sh")  # present: nothing happens
