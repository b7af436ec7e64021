"""What a screen reader meets in a window, read through Qt's accessibility tree."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

Role = QAccessible.Role

# Roles a user acts on or reads a value from: each must have a name.
CONTROL_ROLES = frozenset(
    {
        Role.PushButton,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.SpinBox,
        Role.EditableText,
        Role.List,
        Role.Table,
        Role.Tree,
        Role.ProgressBar,
        Role.Slider,
        Role.ScrollBar,
        Role.PageTabList,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.Dial,
        Role.Graphic,
    }
)


def walk(interface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    """``interface`` and everything below it that is on screen."""
    yield interface
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is None or not child.isValid() or child.state().invisible:
            continue
        yield from walk(child)


def unnamed_controls(window: QWidget) -> list[str]:
    """The controls in ``window`` a screen reader could not name (object names, roles)."""
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    missing = []
    for node in walk(root):
        if node.role() in CONTROL_ROLES and not node.text(QAccessible.Text.Name).strip():
            owner = node.object()
            name = owner.objectName() if owner is not None else "?"
            missing.append(f"{name or type(owner).__name__} ({node.role().name})")
    return missing
