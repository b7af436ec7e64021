"""The TOML parse cache: a shortcut that never changes what is read or what fails."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hamstring_gui.core import datafile
from hamstring_gui.core.assets import read_text
from hamstring_gui.core.catalog import CATALOG_RESOURCE
from hamstring_gui.core.datafile import DataError, cache_parsed_toml, parse_toml

TEXT = """name = "Chair stretch"
hold = 30
ratio = 0.25
sides = ["left", "right"]
[cue]
say = "Breathe"
"""


def no_tomllib(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_text: str) -> None:
        raise AssertionError("parsed again instead of read from the cache")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_a_second_parse_reads_the_cache_and_gives_the_same_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_parsed_toml(tmp_path / "parsed")
    first = parse_toml(TEXT, "a.toml")
    assert len(list((tmp_path / "parsed").glob("*.json"))) == 1
    no_tomllib(monkeypatch)
    assert parse_toml(TEXT, "a.toml") == first
    assert isinstance(parse_toml(TEXT, "a.toml")["ratio"], float)


def test_the_whole_stretch_library_survives_the_cache_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = read_text(CATALOG_RESOURCE)
    expected = tomllib.loads(text)
    cache_parsed_toml(tmp_path)
    parse_toml(text, CATALOG_RESOURCE)
    no_tomllib(monkeypatch)
    assert parse_toml(text, CATALOG_RESOURCE) == expected


def test_an_entry_is_used_only_for_exactly_its_own_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names are a short checksum: a clash must never hand over another file's data."""
    cache_parsed_toml(tmp_path)
    parse_toml(TEXT, "a.toml")
    (entry,) = tmp_path.glob("*.json")
    other = TEXT.replace("30", "45")
    monkeypatch.setattr(datafile, "_cache_entry", lambda _text: entry)  # force the clash
    assert parse_toml(other, "b.toml")["hold"] == 45


def test_changed_text_is_parsed_afresh(tmp_path: Path) -> None:
    cache_parsed_toml(tmp_path)
    parse_toml(TEXT, "a.toml")
    assert parse_toml(TEXT.replace("30", "45"), "a.toml")["hold"] == 45


def test_a_broken_cache_entry_is_parsed_again_and_replaced(tmp_path: Path) -> None:
    cache_parsed_toml(tmp_path)
    parse_toml(TEXT, "a.toml")
    (entry,) = tmp_path.glob("*.json")
    entry.write_text('{"name": "truncat', encoding="utf-8")
    assert parse_toml(TEXT, "a.toml")["name"] == "Chair stretch"
    assert '"data": {"name": "Chair stretch"' in entry.read_text(encoding="utf-8")


def test_invalid_toml_still_fails_with_its_line_and_is_never_cached(tmp_path: Path) -> None:
    cache_parsed_toml(tmp_path / "parsed")
    for _ in range(2):
        with pytest.raises(DataError, match=r"bad\.toml: not valid TOML: .*line 2"):
            parse_toml("a = 1\nb = = 2\n", "bad.toml")
    assert not (tmp_path / "parsed").exists()


def test_dates_are_parsed_but_not_cached(tmp_path: Path) -> None:
    cache_parsed_toml(tmp_path)
    assert str(parse_toml("when = 2026-11-21\n", "d.toml")["when"]) == "2026-11-21"
    assert not list(tmp_path.rglob("*.json"))


def test_an_unwritable_cache_folder_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache_parsed_toml(blocker / "parsed")
    assert parse_toml(TEXT, "a.toml")["hold"] == 30


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path) -> None:
    assert datafile._parse_cache is None  # noqa: SLF001 - the default, restored per test
    parse_toml(TEXT, "a.toml")
    assert not list(tmp_path.rglob("*.json"))
