"""``hamstring-gui handout`` and ``report``: exit codes, pages, text, pictures, refusals."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from hamstring_gui import paths
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.paper.handout import handout_items
from tests.helpers.history import add_self_tests, fill
from tests.ui.paper.pdf_tools import count_near, page_image, page_texts, raster_images

MY_ROUTINE = """\
id = "from-my-physio"
name = "From my physio"
description = "Twice a day, gently"
[[items]]
stretch = "chair-stretch"
hold_seconds = 40
reps = 2
[[items]]
stretch = "supine-hand-towel"
"""
WORK_ORANGE = "#e0702c"  # the working leg in the light figure palette


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ.copy()
    env.pop("DISPLAY", None)  # the papers need no screen
    return subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def assert_refused(result: subprocess.CompletedProcess[str], folder: Path, *words: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("hamstring-gui: "), result.stderr
    for word in words:
        assert word in lines[0]
    assert list(folder.iterdir()) == [], "a refused command leaves nothing behind"


@pytest.mark.parametrize("routine_id", sorted(builtin_routines()))
def test_a_handout_names_every_stretch_with_its_hold(routine_id: str, tmp_path: Path) -> None:
    out = tmp_path / f"{routine_id}.pdf"
    result = cli("handout", routine_id, str(out))
    assert result.returncode == 0, result.stderr
    catalog = load_catalog()
    routine = builtin_routines()[routine_id]
    items = handout_items(build_plan(routine, catalog, SessionSettings()), catalog)
    pages = page_texts(out)
    assert result.stdout.endswith(f"({len(pages)} pages)\n")
    assert len(pages) >= 2  # the safety rules first, the stretches from page 2
    assert items[0].stretch.name not in pages[0]
    text = " ".join(" ".join(page.split()) for page in pages)
    assert "emergency care" in pages[0] and routine.name in pages[0]
    assert "in all, rests included" in pages[0]
    for item in items:
        assert item.stretch.name in text
        assert f"{item.hold_seconds} s" in text
        assert item.dose in text


def test_a_five_stretch_handout_has_pictures_of_both_sides_is_small_and_quick(
    tmp_path: Path,
) -> None:
    catalog = load_catalog()
    five = [r for r in builtin_routines().values() if len(r.items) >= 5]
    routine = five[0]
    out = tmp_path / "five.pdf"
    start = time.monotonic()
    result = cli("handout", routine.id, str(out))
    took = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size < 2_000_000
    assert raster_images(out) == 0  # the figures are vector paths, the text is text
    assert took < 3.0 * (2 if os.environ.get("CI") else 1) + 2  # interpreter start on a busy box
    pages = page_texts(out)
    items = handout_items(build_plan(routine, catalog, SessionSettings()), catalog)
    two_sided = next(i for i in items if len(i.sides) == 2)
    page = next(n for n, text in enumerate(pages, 1) if two_sided.stretch.name in text)
    assert "left leg" in pages[page - 1] and "right leg" in pages[page - 1]
    picture = page_image(out, page, tmp_path)
    assert count_near(picture, WORK_ORANGE) > 40, "the working leg is painted"


def test_the_users_own_routine_has_a_handout(tmp_path: Path) -> None:
    folder = paths.routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "from-my-physio.toml").write_text(MY_ROUTINE, encoding="utf-8")
    out = tmp_path / "mine.pdf"
    result = cli("handout", "from-my-physio", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(page_texts(out))
    assert "From my physio" in text and "Hold 40 s × 2 on each leg" in text


def test_refused_handouts_leave_nothing_behind(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert_refused(cli("handout", "no-such", str(folder / "a.pdf")), folder, "no-such")
    assert_refused(cli("handout", "desk-break", str(folder / "missing" / "a.pdf")), folder)
    assert_refused(cli("handout", "desk-break", str(folder)), folder, "folder")
    assert_refused(cli("handout", "desk-break"), folder)
    assert_refused(cli("report", str(folder / "r.pdf"), "--weeks", "0"), folder, "--weeks")
    assert_refused(cli("report", str(folder / "r.pdf"), "--weeks", "many"), folder)
    assert_refused(cli("report"), folder)


def test_a_report_names_the_period_on_every_page(tmp_path: Path) -> None:
    today = date.today()
    with HistoryStore(paths.history_file()) as store:
        fill(store, today, 120, hurt_every=9)
        add_self_tests(store, today)
    out = tmp_path / "report.pdf"
    result = cli("report", str(out), "--weeks", "8")
    assert result.returncode == 0, result.stderr
    pages = page_texts(out)
    assert len(pages) >= 2
    printed = today.strftime("%d %B %Y").lstrip("0")
    for page in pages:
        assert "Stretching progress report" in page and f"printed {printed}" in page
    text = " ".join(" ".join(page.split()) for page in pages)
    for words in (
        "Days stretched per week",
        "Left and right",
        "Stretches done and skipped",
        "That hurts",
        "Back feeling",
        "Self-test: 90/90",
        "typical range",
        "(8 weeks)",
    ):
        assert words in text
    assert (
        "Lying hamstring stretch with a towel, left leg" in text
    )  # a hurt with its stretch and side


def test_a_report_without_history_says_so(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = cli("report", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(page_texts(out))
    assert "No self-tests recorded." in text and "Never in this period." in text
