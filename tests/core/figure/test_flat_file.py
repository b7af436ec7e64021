"""The 2D pose files (compatibility path): parsed with clear errors."""

from __future__ import annotations

import pytest

from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.figure.flat_file import parse_illustration
from tests.helpers.flat_sample import load_sample

BASE = """
schema = 1
start = "a"
stretched = "a"
[pose.a]
hip = [0, 92.5]
trunk = 90
near_leg = { thigh = -90 }
far_leg = { thigh = -90 }
near_arm = { upper = -90 }
far_arm = { upper = -90 }
"""


def test_a_2d_file_parses_with_its_key_frames() -> None:
    ill = load_sample("towel-stretch")
    assert ill.frame_at(ill.start, ill.stretched, 0).pose == ill.start.pose
    assert len(ill.key_frames()) >= 3


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (BASE.replace("trunk = 90", "trunk = 'up'"), "must be a number"),
        (BASE.replace('stretched = "a"', 'stretched = "b"'), "names no pose"),
        (BASE + "colour = 1\n", "unknown key"),
        (
            BASE.replace("near_leg = { thigh = -90 }", "near_leg = { to = [200, 0] }"),
            "out of reach",
        ),
        (BASE + "[[prop]]\nkind = 'piano'\n", "needs a kind"),
    ],
)
def test_broken_2d_files_fail_with_a_message(text: str, problem: str) -> None:
    with pytest.raises(DataError, match=problem):
        parse_illustration(text, "poses/x.toml", "x", both_legs=False)
