"""Every screen as a screen reader meets it: each control named, each label read as shown.

Read through Qt's accessibility tree (what the AT-SPI bridge exports); the
end-to-end test ``tests/e2e/test_xvfb_atspi.py`` reads the real bus.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from tests.helpers.accessibility import unnamed_controls
from tests.ui.test_large_text import SCREENS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_control_is_unnamed(qtbot, tmp_path, screen) -> None:  # type: ignore[no-untyped-def]
    widget = SCREENS[screen](qtbot, tmp_path)
    widget.show()
    qtbot.waitExposed(widget)
    assert unnamed_controls(widget) == []


@pytest.mark.parametrize("screen", list(SCREENS))
def test_labels_are_read_as_shown(qtbot, tmp_path, screen) -> None:  # type: ignore[no-untyped-def]
    widget = SCREENS[screen](qtbot, tmp_path)
    widget.show()
    qtbot.waitExposed(widget)
    for label in widget.findChildren(QLabel):
        if (
            not label.isVisible()
            or not label.text()
            or label.textFormat() != label.textFormat().PlainText
        ):
            continue
        name = QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)
        assert label.text().replace("&", "") in name, (label.objectName(), label.text(), name)
