"""The sore-back mark's words and key."""

from __future__ import annotations

from hamstring_gui.ui import sore_back


def test_the_words_are_the_issue_s_and_the_key_is_one_plain_letter() -> None:
    assert sore_back.SORE_BACK_TEXT == "Not for a sore back — skip it if your back hurts today"
    assert sore_back.SORE_BACK_TEXT.startswith(sore_back.BACK_MARK)
    assert len(sore_back.SORE_BACK_KEY) == 1 and sore_back.SORE_BACK_KEY.isalpha()
