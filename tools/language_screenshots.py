"""Screenshots of the safety, start, session and end screens in one language (to look at).

``python tools/language_screenshots.py LANGUAGE FOLDER [TEXT_SCALE]`` writes
``<language>-<screen>.png`` at 1280 x 760 (a laptop less its panel) with the
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

from PySide6.QtWidgets import QApplication  # noqa: E402

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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
