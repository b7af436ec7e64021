"""The app's language: which one, its message catalogue, and its number and date formats.

GNU gettext, through Python's own :mod:`gettext`: the Qt-free core, the CLI
and the window all translate through :func:`_` (and :func:`ngettext`,
:func:`pgettext`), so one ``.po`` file per language holds every word, in the
format distribution and Flathub translators (Weblate, Poedit, Lokalize)
already know. The ``.po`` files ship as they are in ``resources/locale/``
and are compiled in memory when the language is chosen (a few milliseconds),
so a wheel needs no build step and can never carry a stale ``.mo``.

The language is chosen once, before any word is shown: the Preferences
override (``appearance.language``) when set, else ``LANGUAGE`` (a colon list),
``LC_ALL``, ``LC_MESSAGES`` and ``LANG``, as gettext itself reads them. The
code ``pseudo`` is the pseudo-locale: every translated string comes back
about 40 % longer, accented and between ``‹ ›``, so a screenshot shows both
clipped layouts and any word that escaped translation.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import os
import re
import struct
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from hamstring_gui.core import assets

DOMAIN = "hamstring-gui"
LOCALE_FOLDER = "locale"
SOURCE_LANGUAGE = "en"
PSEUDO = "pseudo"
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "es": "Español", PSEUDO: "Pseudo (test)"}
"""Each language named in itself: a menu entry someone can find without reading English."""

PSEUDO_OPEN, PSEUDO_CLOSE = "‹", "›"
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


# ---------------------------------------------------------------------------
# Which language


def translated_languages() -> tuple[str, ...]:
    """The languages with a ``.po`` file in the resources (``de``, ``es``…), sorted."""
    names = assets.listdir(LOCALE_FOLDER) if assets.exists(f"{LOCALE_FOLDER}/{DOMAIN}.pot") else []
    return tuple(name[:-3] for name in names if name.endswith(".po"))


def system_languages(environ: Mapping[str, str]) -> list[str]:
    """The desktop's languages in order of preference, as Python's gettext reads them.

    ``LANGUAGE=de_AT:es`` gives ``de_AT, de, es``, then the first of ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG`` that is set (``C`` and ``POSIX`` name no
    language). ``LANGUAGE`` counts even under a ``C`` locale, unlike GNU C
    gettext: containers and CI run with ``LANG=C.UTF-8``, and
    ``LANGUAGE=de hamstring-gui plan`` should still speak German there.
    """
    locale = next((environ[name] for name in _ENVIRONMENT[1:] if environ.get(name)), "")
    wanted = [part for part in environ.get("LANGUAGE", "").split(":") if part]
    wanted.append(locale)
    result: list[str] = []
    for item in wanted:
        code = re.split(r"[.@]", item, maxsplit=1)[0]
        if code in ("", "C", "POSIX"):
            continue
        for candidate in (code, code.split("_")[0]):
            if candidate not in result:
                result.append(candidate)
    return result


def choose_language(override: str, environ: Mapping[str, str] | None = None) -> str:
    """The language to use: ``override`` when set and known, else the desktop's.

    Falls back to English when none of the desktop's languages is translated.
    """
    known = (SOURCE_LANGUAGE, PSEUDO, *translated_languages())
    if override in known:
        return override
    for code in system_languages(os.environ if environ is None else environ):
        if code in known:
            return code
    return SOURCE_LANGUAGE


# ---------------------------------------------------------------------------
# The catalogue: .po text to gettext translations


@dataclass
class PoEntry:
    """One message of a ``.po`` file."""

    msgid: str
    msgstr: list[str]
    context: str | None = None
    plural: str | None = None
    fuzzy: bool = False
    obsolete: bool = False

    @property
    def key(self) -> str:
        """The key gettext looks the message up by (context, EOT, id)."""
        return f"{self.context}\x04{self.msgid}" if self.context is not None else self.msgid

    @property
    def translated(self) -> bool:
        """Every form has a translation and none is fuzzy."""
        return not self.fuzzy and all(self.msgstr) and bool(self.msgstr)


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(text: str, where: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{where}: expected a quoted string, got {text[:40]!r}")
    return re.sub(r"\\(.)", lambda match: _ESCAPES.get(match[1], match[0]), text[1:-1])


def parse_po(text: str, name: str = "po") -> list[PoEntry]:
    """The entries of a ``.po`` file (header included as the entry with an empty id).

    Raises:
        ValueError: on a line this reader does not understand, naming the line.
    """
    entries: list[PoEntry] = []
    fields: dict[str, str] = {}
    flags: set[str] = set()
    state = {"obsolete": False, "current": ""}

    def finish() -> None:
        if "msgid" in fields:
            forms = sorted(key for key in fields if key.startswith("msgstr"))
            entries.append(
                PoEntry(
                    msgid=fields["msgid"],
                    msgstr=[fields[key] for key in forms],
                    context=fields.get("msgctxt"),
                    plural=fields.get("msgid_plural"),
                    fuzzy="fuzzy" in flags,
                    obsolete=bool(state["obsolete"]),
                )
            )
        fields.clear()
        flags.clear()
        state.update(obsolete=False, current="")

    def has_translation() -> bool:
        return any(key.startswith("msgstr") for key in fields)

    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        elif not line or line.startswith("#"):
            if has_translation():
                finish()
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith('"'):
            if not state["current"]:
                raise ValueError(f"{where}: a string continues nothing")
            fields[str(state["current"])] += _unquote(line, where)
            continue
        keyword, _space, rest = line.partition(" ")
        keyword = keyword.replace("[", "_").replace("]", "")
        if keyword not in ("msgctxt", "msgid", "msgid_plural") and not re.fullmatch(
            r"msgstr(_\d)?", keyword
        ):
            raise ValueError(f"{where}: unknown keyword {keyword!r}")
        if keyword in ("msgctxt", "msgid") and has_translation():
            finish()
        if obsolete:
            state["obsolete"] = True
        fields[keyword] = _unquote(rest, where)
        state["current"] = keyword
    finish()
    return entries


def compile_mo(entries: list[PoEntry]) -> bytes:
    """The ``.mo`` bytes of ``entries`` (what ``msgfmt`` writes), skipping fuzzy and empty ones.

    The header entry (empty id) is always kept: it carries the plural rule.
    """
    table: dict[str, str] = {}
    for entry in entries:
        if entry.obsolete or (entry.msgid and not entry.translated):
            continue
        key = entry.key if entry.plural is None else f"{entry.key}\x00{entry.plural}"
        table[key] = "\x00".join(entry.msgstr)
    keys = sorted(table)
    ids = b"".join(key.encode() + b"\x00" for key in keys)
    strs = b"".join(table[key].encode() + b"\x00" for key in keys)
    count = len(keys)
    start = 7 * 4 + 16 * count
    offsets: list[int] = []
    position = 0
    for key in keys:
        offsets += [len(key.encode()), start + position]
        position += len(key.encode()) + 1
    position = 0
    for key in keys:
        offsets += [len(table[key].encode()), start + len(ids) + position]
        position += len(table[key].encode()) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    return header + struct.pack(f"{len(offsets)}i", *offsets) + ids + strs


def po_entries(language: str) -> list[PoEntry]:
    """The entries of the bundled ``.po`` file of ``language``."""
    name = f"{LOCALE_FOLDER}/{language}.po"
    return parse_po(assets.read_text(name), name)


# ---------------------------------------------------------------------------
# The pseudo-locale

_ACCENTED = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "áƀçðéƒĝĥíĵķľɱñóþǫŕšŧúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĽṀÑÓÞǪŔŠŦÚṼŴẊÝŽ",
        strict=True,
    )
)
_KEEP = re.compile(r"(\{[^{}]*\}|%\([^)]*\)[sdifr]|%[sdifr%]|<[^>]*>|&[a-z]+;|&&|&(?=\w))")
_VOWELS = set("aeiouAEIOU")


def pseudo(text: str) -> str:
    """``text`` accented and about 40 % longer between ``‹ ›``; placeholders kept.

    Keeps ``{name}``, ``%s``, HTML tags and entities and the ``&`` of a
    keyboard mnemonic, so the pseudo string works wherever the original does.
    """
    if not text:
        return text
    letters = sum(ch.isalpha() for ch in text)
    extra = max(1, round(letters * 0.4))
    out: list[str] = []
    for part in _KEEP.split(text):
        if _KEEP.fullmatch(part):
            out.append(part)
            continue
        for ch in part:
            out.append(_ACCENTED.get(ch, ch))
            if extra and ch in _VOWELS:
                out.append(_ACCENTED.get(ch.lower(), ch))
                extra -= 1
    tail = "·" * extra
    return f"{PSEUDO_OPEN}{''.join(out)}{tail}{PSEUDO_CLOSE}"


class PseudoTranslations(gettext.NullTranslations):
    """Every message through :func:`pseudo`: one test run finds clipped and unmarked text."""

    def gettext(self, message: str) -> str:  # noqa: D102
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:  # noqa: D102
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:  # noqa: D102
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:  # noqa: D102
        return pseudo(msgid1 if n == 1 else msgid2)


def translations_for(language: str) -> gettext.NullTranslations:
    """The gettext translations of ``language`` (English: the messages as written)."""
    if language == PSEUDO:
        return PseudoTranslations()
    if language == SOURCE_LANGUAGE or language not in translated_languages():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(compile_mo(po_entries(language))))


# ---------------------------------------------------------------------------
# Numbers, dates and times in the language's format


@dataclass(frozen=True)
class Formats:
    """How a language writes numbers, dates and times (CLDR's medium forms)."""

    decimal: str
    date: str
    day_month: str
    time: str


_FORMATS = {
    "en": Formats(".", "%d %b %Y", "%d %b", "%H:%M"),
    "de": Formats(",", "%d.%m.%Y", "%d.%m.", "%H:%M"),
    "es": Formats(",", "%d/%m/%Y", "%d/%m", "%H:%M"),
}


# ---------------------------------------------------------------------------
# The language in use


@dataclass(frozen=True)
class Language:
    """A chosen language: its code, catalogue and formats."""

    code: str
    translations: gettext.NullTranslations

    @property
    def formats(self) -> Formats:
        """Number and date formats (the pseudo-locale writes German ones, to show they change)."""
        return _FORMATS.get(self.code, _FORMATS["de" if self.code == PSEUDO else "en"])

    @property
    def qt_name(self) -> str:
        """The name Qt's ``QLocale`` and ``qtbase_*.qm`` know (``de``), ``en`` for pseudo."""
        return SOURCE_LANGUAGE if self.code == PSEUDO else self.code


@cache
def load(code: str) -> Language:
    """The language ``code`` with its catalogue (cached: compiled once per process)."""
    return Language(code, translations_for(code))


_current: list[Language] = []


def current() -> Language:
    """The language in use; chosen from the desktop on first use when nobody chose one."""
    if not _current:
        _current.append(load(choose_language("")))
    return _current[0]


def use(code: str) -> Language:
    """Make ``code`` the language of everything translated from now on (tests, start-up)."""
    language = load(code if code in (SOURCE_LANGUAGE, PSEUDO, *translated_languages()) else "en")
    _current[:] = [language]
    return language


def _(message: str) -> str:  # noqa: N802 - gettext's own name
    """``message`` in the current language."""
    return current().translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message for ``count``, in the current language."""
    return current().translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart by ``context`` (``"leg"``, ``"menu"``)."""
    return current().translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    """:func:`ngettext` with a context (``"voice"`` for spoken lines)."""
    return current().translations.npgettext(context, singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name
    """Mark ``message`` for extraction only; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> str:  # noqa: N802 - gettext's naming
    """Mark ``message`` with ``context`` for extraction only; shown through :func:`pgettext`."""
    return message


K = TypeVar("K")


class TranslatedWords(Mapping[K, str]):
    """A table of marked words (``N_``) that answers in the current language when read."""

    def __init__(self, words: Mapping[K, str], translate: Callable[[str], str] = _) -> None:
        self._words = dict(words)
        self._translate = translate

    def __getitem__(self, key: K) -> str:
        return _(self._words[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def source(self, key: K) -> str:
        """The English word, as written."""
        return self._words[key]


def format_decimal(value: float, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals and the language's decimal sign (``2,5``)."""
    return f"{value:.{digits}f}".replace(".", current().formats.decimal)


def format_date(day: dt.date) -> str:
    """A date the way the language writes it (``02.12.2026``)."""
    return day.strftime(current().formats.date)


_MONTHS = (
    NC_("month", "January"),
    NC_("month", "February"),
    NC_("month", "March"),
    NC_("month", "April"),
    NC_("month", "May"),
    NC_("month", "June"),
    NC_("month", "July"),
    NC_("month", "August"),
    NC_("month", "September"),
    NC_("month", "October"),
    NC_("month", "November"),
    NC_("month", "December"),
)


def format_long_date(day: dt.date) -> str:
    """A date with the month's name, for paper (``3 March 2026``, ``3. März 2026``).

    Month names come from the catalogue, not from the C library's locale,
    which a container or a ``LANG=C`` session does not have.
    """
    month = pgettext("month", _MONTHS[day.month - 1])
    # TRANSLATORS: a date on paper; {day} is 3, {month} is "March", {year} is 2026.
    return pgettext("date", "{day} {month} {year}").format(day=day.day, month=month, year=day.year)


def format_day_month(day: dt.date) -> str:
    """A short day and month for a chart's axis (``3 Mar``, ``3.3.``, ``3/3``)."""
    return re.sub(r"\b0(\d)", r"\1", day.strftime(current().formats.day_month))


def format_time(moment: dt.time | dt.datetime) -> str:
    """A clock time the way the language writes it (``14:05``)."""
    return moment.strftime(current().formats.time)
