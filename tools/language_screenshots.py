"""Screenshots of the app's screens in one language, to look at for clipped words.

``python tools/language_screenshots.py LANGUAGE FOLDER [TEXT_SCALE]`` writes
``<language>-<screen>.png`` (safety, start, session, end, then Help ▸ Stretch
library and the routine editor) at 1280 x 760 (a laptop less its panel) with the
text at TEXT_SCALE percent (150 by default), on Qt's offscreen platform with
the Debian fonts. Any language the app knows works, ``pseudo`` included.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from hamstring_gui import app as app_module  # noqa: E402
from hamstring_gui.core import i18n  # noqa: E402
from hamstring_gui.core.clock import SystemClock  # noqa: E402
from hamstring_gui.core.settings.store import SettingsStore  # noqa: E402
from hamstring_gui.ui import translations  # noqa: E402


def main(argv: list[str]) -> int:
    """Write the four screenshots; returns the exit code."""
    language, folder = argv[0], Path(argv[1])
    scale = int(argv[2]) if len(argv) > 2 else 150
    folder.mkdir(parents=True, exist_ok=True)
    qapp = QApplication([])
    translations.install(qapp, i18n.use(language))
    with tempfile.TemporaryDirectory() as home:
        store = SettingsStore(Path(home) / "settings.json")
        store.load()
        appearance = dataclasses.replace(store.settings.appearance, text_scale=scale)
        store.save(dataclasses.replace(store.settings, appearance=appearance))
        app_module.apply_appearance(qapp, store.settings.appearance)
        window = app_module.build_window(SystemClock(), store)
        window.resize(1280, 760 - 30)
        window.show()

        def shoot(name: str) -> None:
            for _ in range(5):
                qapp.processEvents()
            window.grab().save(str(folder / f"{language}-{name}.png"))

        shoot("safety")
        window.safety_panel.acknowledged.emit()
        window.show_start()
        shoot("start")
        window.start_routine("desk-break")
        window.controller.skip()  # from "get ready" to the first hold
        shoot("session")
        window.controller.stop()
        shoot("end")
        _shoot_dialogs(parent=window, language=language, folder=folder)
    return 0


def _shoot_dialogs(parent: QWidget, language: str, folder: Path) -> None:
    """Help ▸ Stretch library (a long name selected) and the editor with a routine."""
    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.settings import SessionSettings
    from hamstring_gui.ui.dialogs.stretch_library import StretchLibraryDialog
    from hamstring_gui.ui.editor.window import RoutineEditor
    from hamstring_gui.ui.window_fit import fit_on_screen

    laptop = QRect(0, 0, 1280, 760)
    library = StretchLibraryDialog(load_catalog(), parent)
    library.select("supine-hand-towel")
    editor = RoutineEditor(load_catalog(), Path(tempfile.mkdtemp()), SessionSettings())
    editor.duplicate("full-session")
    editor.select_item(1)
    for name, widget in (("library", library), ("editor", editor)):
        fit_on_screen(widget, laptop)
        widget.show()
        for _ in range(5):
            QApplication.processEvents()
        widget.grab().save(str(folder / f"{language}-{name}.png"))
        widget.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
