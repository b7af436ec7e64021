"""A library entry in words: steps, cautions, the seeds' disagreement and sources.

One renderer for every place that shows an entry in full (the Stretch library
view, the routine editor's preview), so they always say the same thing.
Rich text on purpose: headings and lists read well on screen and to screen
readers; every catalog string is escaped.
"""

from __future__ import annotations

from html import escape

from hamstring_gui.core.catalog import Sides, Stretch
from hamstring_gui.core.i18n import _
from hamstring_gui.core.words import EQUIPMENT_WORDS, KIND_WORDS, POSITION_WORDS
from hamstring_gui.ui.sore_back import BACK_MARK, SORE_BACK_TEXT


def _heading(text: str) -> str:
    return f"<p><b>{escape(text)}</b></p>"


def facts_line(stretch: Stretch) -> str:
    """Kind, position, legs and equipment on one line."""
    gear = ", ".join(EQUIPMENT_WORDS[thing] for thing in stretch.equipment)
    legs = _("one leg at a time") if stretch.sides is Sides.EACH else _("both legs together")
    # The words as the tables give them: German nouns keep their capitals.
    needs = _("Equipment: {equipment}").format(equipment=gear)
    return " · ".join([KIND_WORDS[stretch.kind], POSITION_WORDS[stretch.position], legs, needs])


def with_back_mark(text: str, stretch: Stretch) -> str:
    """``text`` (a name, a list line) with the sore-back mark when ``stretch`` has one."""
    return f"{text}  —  " + _(BACK_MARK) if stretch.back_pain_caution else text


def list_label(stretch: Stretch) -> str:
    """A stretch's name as listed, with the sore-back mark when it has one."""
    return with_back_mark(stretch.name, stretch)


def safety_html(stretch: Stretch) -> str:
    """The sore-back mark, the cautions and the disagreement note (the editor's preview)."""
    parts = []
    if stretch.back_pain_caution:
        parts.append(f"<p><b>{escape(_(SORE_BACK_TEXT))}.</b></p>")
    parts.append(_heading(_("Cautions")) + "<ul>")
    parts.extend(f"<li>{escape(line)}</li>" for line in stretch.cautions)
    parts.append("</ul>")
    if stretch.disagreement:
        parts.append(_heading(_("Where the sources disagree")))
        parts.append(f"<p>{escape(stretch.disagreement)}</p>")
    return "".join(parts)


def details_html(stretch: Stretch) -> str:
    """Everything about one entry, for the Stretch library view."""
    parts = [
        f"<h2>{escape(stretch.name)}</h2>",
        f"<p>{escape(stretch.summary)}</p>",
        f"<p><i>{escape(facts_line(stretch))}</i></p>",
        _heading(_("Steps")) + "<ol>",
        *(f"<li>{escape(step)}</li>" for step in stretch.steps),
        "</ol>",
        safety_html(stretch),
        _heading(_("Sources")) + "<ul>",
        *(
            f"<li>{escape(source.title)} <small>({escape(source.file)})</small></li>"
            for source in stretch.sources
        ),
        "</ul>",
    ]
    return "".join(parts)
