"""The language: chosen like gettext does, catalogues compiled right, every word translated."""

from __future__ import annotations

import datetime as dt
import gettext
import re
import subprocess
from pathlib import Path

import pytest

from hamstring_gui.core import i18n
from tests.helpers import tools

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
LANGUAGES = ("de", "es")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANGUAGE": "de_AT:es", "LANG": "en_US.UTF-8"}, ["de_AT", "de", "es", "en_US", "en"]),
        ({"LC_ALL": "es_ES.UTF-8", "LC_MESSAGES": "de_DE", "LANG": "fr"}, ["es_ES", "es"]),
        ({"LC_MESSAGES": "de_DE.UTF-8@euro", "LANG": "es"}, ["de_DE", "de"]),
        ({"LANG": "C.UTF-8"}, []),
        ({"LANGUAGE": "de", "LANG": "C.UTF-8"}, ["de"]),
        ({}, []),
    ],
)
def test_the_desktop_languages_are_read_in_gettext_order(
    environ: dict[str, str], expected: list[str]
) -> None:
    assert i18n.system_languages(environ) == expected


def test_the_preferences_override_wins_and_unknown_languages_fall_back_to_english() -> None:
    assert i18n.choose_language("es", {"LANGUAGE": "de"}) == "es"
    assert i18n.choose_language("", {"LANGUAGE": "fr:de"}) == "de"
    assert i18n.choose_language("", {"LANG": "fr_FR.UTF-8"}) == "en"
    assert i18n.choose_language("xx", {"LANG": "es_MX.UTF-8"}) == "es"
    assert i18n.choose_language("", {"LANGUAGE": "pseudo"}) == "pseudo"
    assert set(i18n.translated_languages()) >= set(LANGUAGES)


PO_SAMPLE = r"""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#: a.py:1
msgid "Hold"
msgstr "Halten"

msgctxt "side"
msgid "left"
msgstr "links"

msgid "{count} phase"
msgid_plural "{count} phases"
msgstr[0] "{count} Phase"
msgstr[1] "{count} Phasen"

#, fuzzy
msgid "Rest"
msgstr "Ruhe"

msgid "Long "
"line \"quoted\"\n"
msgstr ""
"Lange "
"Zeile \"zitiert\"\n"

msgid "Untranslated"
msgstr ""

#~ msgid "Old"
#~ msgstr "Alt"
"""


def _check(translations: gettext.NullTranslations) -> None:
    assert translations.gettext("Hold") == "Halten"
    assert translations.pgettext("side", "left") == "links"
    assert translations.gettext("left") == "left"
    assert translations.ngettext("{count} phase", "{count} phases", 1) == "{count} Phase"
    assert translations.ngettext("{count} phase", "{count} phases", 3) == "{count} Phasen"
    assert translations.gettext("Rest") == "Rest"  # fuzzy: not used
    assert translations.gettext('Long line "quoted"\n') == 'Lange Zeile "zitiert"\n'
    assert translations.gettext("Untranslated") == "Untranslated"
    assert translations.gettext("Old") == "Old"


def test_a_po_file_compiles_in_memory_like_msgfmt(tmp_path: Path) -> None:
    entries = i18n.parse_po(PO_SAMPLE)
    assert [e.msgid for e in entries if e.obsolete] == ["Old"]
    compiled = i18n.compile_mo(entries)
    import io

    _check(gettext.GNUTranslations(io.BytesIO(compiled)))
    tools.require("msgfmt")
    source = tmp_path / "x.po"
    source.write_text(PO_SAMPLE, encoding="utf-8")
    subprocess.run(["msgfmt", "-o", str(tmp_path / "x.mo"), str(source)], check=True)
    with open(tmp_path / "x.mo", "rb") as mo:
        _check(gettext.GNUTranslations(mo))


def test_a_broken_po_line_is_named() -> None:
    with pytest.raises(ValueError, match="x.po:2"):
        i18n.parse_po('msgid "a"\nmsgfoo "b"\n', "x.po")


def test_pseudo_is_longer_accented_marked_and_keeps_placeholders() -> None:
    text = "Hold {seconds} s, &Start <b>now</b> &amp; %(name)s"
    result = i18n.pseudo(text)
    assert result.startswith(i18n.PSEUDO_OPEN) and result.endswith(i18n.PSEUDO_CLOSE)
    for keep in ("{seconds}", "&Š", "<b>", "</b>", "&amp;", "%(name)s"):
        assert keep in result
    letters = sum(ch.isalpha() for ch in text)
    assert len(result) - len(text) >= 0.4 * letters
    assert "Hold" not in result
    assert result.format(seconds=30)  # still a valid format string
    assert i18n.pseudo("") == ""


def test_the_current_language_translates_marked_words_when_read() -> None:
    from hamstring_gui.core.words import PHASE_WORDS, format_minutes

    assert PHASE_WORDS["hold"] == "Hold"
    i18n.use("de")
    assert PHASE_WORDS["hold"] == "Halten"
    assert PHASE_WORDS["switch"] == "Beinwechsel"
    assert format_minutes(300) == "5 Min."
    i18n.use("es")
    assert PHASE_WORDS["hold"] == "Mantén"
    assert PHASE_WORDS["switch"] == "Cambia de pierna"
    i18n.use("pseudo")
    assert PHASE_WORDS["hold"].startswith(i18n.PSEUDO_OPEN)
    i18n.use("klingon")
    assert i18n.current().code == "en"


def test_numbers_dates_and_times_follow_the_language() -> None:
    day, moment = dt.date(2026, 3, 4), dt.time(14, 5)
    assert (i18n.format_decimal(2.5), i18n.format_date(day)) == ("2.5", "04 Mar 2026")
    i18n.use("de")
    assert i18n.format_decimal(2.5) == "2,5"
    assert i18n.format_date(day) == "04.03.2026"
    assert i18n.format_time(moment) == "14:05"
    i18n.use("es")
    assert (i18n.format_decimal(2.5), i18n.format_date(day)) == ("2,5", "04/03/2026")


# --- The catalogues themselves ------------------------------------------------


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_extracted_word_is_translated_and_current(language: str) -> None:
    template = {e.key for e in i18n.parse_po((LOCALE / "hamstring-gui.pot").read_text()) if e.msgid}
    entries = [e for e in i18n.po_entries(language) if e.msgid and not e.obsolete]
    assert {e.key for e in entries} == template, "run `make po`: the .po lags the template"
    untranslated = [e.msgid for e in entries if not e.translated]
    assert not untranslated, f"{language}: not translated (or fuzzy: stale): {untranslated}"
    for entry in entries:
        sources = [entry.msgid] + ([entry.plural] if entry.plural else [])
        for form in entry.msgstr:
            assert set(_placeholders(form)) <= set(_placeholders(" ".join(sources))), (
                f"{language}: {entry.msgid!r} -> {form!r} names another placeholder"
            )
            if entry.plural is None:
                assert _placeholders(form) == _placeholders(entry.msgid), (
                    f"{language}: {entry.msgid!r} -> {form!r} drops a placeholder"
                )


def test_the_template_holds_every_marked_word(tmp_path: Path) -> None:
    """A word marked in the code but missing from the template fails: run `make po`."""
    tools.require("xgettext")
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        ["make", "--no-print-directory", "-s", f"POT={fresh}", "pot-only"],
        cwd=ROOT,
        check=True,
    )
    committed = {e.key for e in i18n.parse_po((LOCALE / "hamstring-gui.pot").read_text())}
    extracted = {e.key for e in i18n.parse_po(fresh.read_text())}
    assert extracted - committed == set(), "marked words missing from the template: make po"
    assert committed - extracted == set(), "the template holds words no longer marked: make po"


@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_accepts_each_catalogue(language: str) -> None:
    tools.require("msgfmt")
    subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(LOCALE / f"{language}.po")], check=True
    )


def test_no_word_is_translated_inside_an_f_string() -> None:
    """xgettext cannot see ``f"{_('x')}"``: such a word would never reach the template."""
    pattern = re.compile(r"\{\s*(_|ngettext|pgettext)\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "hamstring_gui").rglob("*.py"))
        if "resources" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert found == []
