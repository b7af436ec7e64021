"""The middle pane of the routine editor: the chosen stretch, its picture and "Add"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from hamstring_gui.core.catalog import Sides, Stretch
from hamstring_gui.core.i18n import _
from hamstring_gui.core.plan import PhaseKind, Side
from hamstring_gui.core.words import EQUIPMENT_WORDS, KIND_WORDS, POSITION_WORDS
from hamstring_gui.ui.editor.back_caution import SafetyNote
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.illustration import IllustrationView


class StretchPreview(QWidget):
    """What a stretch is and looks like; ``add_button`` asks to add it to the routine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        base = theme.base_pixel_size()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(base // 2, base, base // 2, base)
        self.preview_title = QLabel()
        self.preview_title.setObjectName("previewTitle")
        self.preview_title.setFont(theme.scaled_font(1.2, bold=True))
        self.preview_title.setWordWrap(True)
        self.illustration = IllustrationView()
        self.preview_facts = QLabel()
        self.preview_facts.setObjectName("previewFacts")
        self.preview_facts.setWordWrap(True)
        self.preview_summary = QLabel()
        self.preview_summary.setObjectName("previewSummary")
        self.preview_summary.setWordWrap(True)
        self.safety = SafetyNote()  # cautions and the seeds' disagreement, beside the picture
        self.add_button = QPushButton(_("Add to routine  ›"))
        self.add_button.setObjectName("addStretch")
        self.add_button.setToolTip(_("Add this stretch at the end of the routine (Enter)"))
        layout.addWidget(self.preview_title)
        self.illustration.setAccessibleName(_("Picture of the stretch"))
        layout.addWidget(self.illustration, 1)
        layout.addWidget(self.preview_facts)
        layout.addWidget(self.preview_summary)
        layout.addWidget(self.safety)
        layout.addStretch(0)
        layout.addWidget(self.add_button)

    def show_stretch(self, stretch: Stretch, side: Side) -> None:
        """Show ``stretch`` held on ``side`` (ignored for stretches of both legs)."""
        self.preview_title.setText(stretch.name)
        gear = ", ".join(EQUIPMENT_WORDS[thing] for thing in stretch.equipment)
        legs = _("one leg at a time") if stretch.sides is Sides.EACH else _("both legs together")
        facts = [
            KIND_WORDS[stretch.kind],
            POSITION_WORDS[stretch.position],
            legs,
            _("needs: {things}").format(things=gear),
        ]
        self.preview_facts.setText(" · ".join(facts))
        self.preview_summary.setText(stretch.summary)
        self.safety.show_stretch(stretch)
        shown = side if stretch.sides is Sides.EACH else None
        self.illustration.show_phase(stretch.id, shown, PhaseKind.HOLD, float(stretch.hold_seconds))
