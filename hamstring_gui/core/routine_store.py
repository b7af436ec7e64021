"""Custom routines on disk: one ``<id>.toml`` file each in the user's routines folder.

The folder is passed in (``hamstring_gui.paths.routines_dir()`` in the app);
the files use the routine format documented in :mod:`hamstring_gui.core.routine`.

Guarantees:

* Reading never crashes the app and never deletes anything: a broken file in
  the folder is reported in one line naming it and skipped (:func:`load_all`).
* Untrusted files (:func:`import_routine`) are checked completely before
  anything is written: a regular file (never a pipe or device), size (at most
  :data:`MAX_FILE_BYTES`), UTF-8 (a byte order mark is fine), bounded parse work
  (:func:`~hamstring_gui.core.datafile.check_toml_size`), TOML syntax (line and
  column), integers of 64 bits, unknown keys, stretch ids (with the closest known
  id), ranges, missing fields, ids that are path-like or clash with another
  routine. Any problem raises one :class:`~hamstring_gui.core.datafile.DataError`
  and leaves the folder as it was.
* Every write is atomic and private, files 0600 in a 0700 folder
  (:func:`~hamstring_gui.core.settings.store.write_atomic`);
  replacing a custom routine on import keeps the old file as ``<id>.toml.bak``.

Standard library only: no Qt, no platformdirs.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from hamstring_gui.core.catalog import Catalog, load_catalog
from hamstring_gui.core.datafile import ID_PATTERN, DataError
from hamstring_gui.core.routine import Routine, builtin_routines, closest_id, parse_routine
from hamstring_gui.core.safe_file import (
    MAX_FILE_BYTES,
    FileMissingError,
    decode_text,
    private_folder,
    read_regular_file,
)
from hamstring_gui.core.settings.store import write_atomic

SUFFIX = ".toml"
BACKUP_SUFFIX = ".bak"
FORMAT_NOTE = "# A Hamstring Coach routine (see the README, section 'Custom routines')."


class RoutineExistsError(DataError):
    """Importing would overwrite a custom routine; allowed only when replacing."""


# -- reading ---------------------------------------------------------------


def parse_routine_bytes(data: bytes, file: str, catalog: Catalog) -> Routine:
    """Check and parse the bytes of an untrusted routine file.

    Raises:
        DataError: the one problem found, naming ``file``.
    """
    if len(data) > MAX_FILE_BYTES:
        raise DataError(file, f"larger than 1 MB ({len(data)} bytes); not a routine file")
    return parse_routine(decode_text(data, file), file, catalog)


def read_routine_file(path: Path, catalog: Catalog, *, file: str | None = None) -> Routine:
    """Read and check one routine file.

    Raises:
        DataError: naming ``file`` (default: the path) and the problem.
    """
    label = str(path) if file is None else file
    return parse_routine_bytes(read_regular_file(path, file=label), label, catalog)


def routine_path(folder: Path, routine_id: str) -> Path:
    """The file of a custom routine.

    Raises:
        ValueError: ``routine_id`` is not an id (so it can never name another folder).
    """
    if not ID_PATTERN.match(routine_id) or len(routine_id) > 64:
        raise ValueError(f"not a routine id: {routine_id!r}")
    return folder / f"{routine_id}{SUFFIX}"


def load_custom(folder: Path, catalog: Catalog) -> tuple[dict[str, Routine], list[str]]:
    """The custom routines in ``folder`` by id (sorted by name), and one line per broken file.

    Files are named after their routine's id; a file that is broken, named
    differently or uses a built-in id is reported and skipped, never changed.
    """
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except FileNotFoundError:
        return {}, []
    except OSError as error:
        return {}, [f"{folder}: custom routines cannot be read ({error.strerror or error})"]
    builtins = builtin_routines()
    found: list[Routine] = []
    problems: list[str] = []
    for name in names:
        if not name.endswith(SUFFIX) or name.startswith("."):
            continue  # backups, temporary files of a write in progress, hidden files
        label = f"routines/{name}"
        try:
            routine = read_routine_file(folder / name, catalog, file=label)
        except DataError as error:
            problems.append(f"{error}; skipped")
            continue
        if name != f"{routine.id}{SUFFIX}":
            problems.append(
                f"{label}: holds routine {routine.id!r}; rename it to "
                f"{routine.id}{SUFFIX} to use it; skipped"
            )
        elif routine.id in builtins:
            problems.append(f"{label}: {routine.id!r} is a built-in routine's id; skipped")
        else:
            found.append(routine)
    found.sort(key=lambda routine: (routine.name.casefold(), routine.id))
    return {routine.id: routine for routine in found}, problems


def load_all(folder: Path, catalog: Catalog) -> tuple[dict[str, Routine], list[str]]:
    """Every routine by id, built-ins first then custom ones, and one line per broken file.

    Never raises for a broken custom file; the start screen, the tray menu and
    ``hamstring-gui routines`` all list what this returns.
    """
    custom, problems = load_custom(folder, catalog)
    return {**builtin_routines(), **custom}, problems


# -- writing ---------------------------------------------------------------


def _toml_string(value: str) -> str:
    escaped = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            escaped.append("\\" + char)
        elif char == "\n":
            escaped.append("\\n")
        elif char == "\t":
            escaped.append("\\t")
        elif code < 0x20 or code == 0x7F:
            escaped.append(f"\\u{code:04X}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def routine_to_toml(routine: Routine) -> str:
    """The routine in the documented file format; parsing it gives the same routine back."""
    lines = [
        FORMAT_NOTE,
        f"id = {_toml_string(routine.id)}",
        f"name = {_toml_string(routine.name)}",
    ]
    if routine.description:
        lines.append(f"description = {_toml_string(routine.description)}")
    for item in routine.items:
        lines += ["", "[[items]]", f"stretch = {_toml_string(item.stretch)}"]
        if item.hold_seconds is not None:
            lines.append(f"hold_seconds = {item.hold_seconds}")
        if item.reps is not None:
            lines.append(f"reps = {item.reps}")
        if item.sides != "each":
            lines.append(f"sides = {_toml_string(str(item.sides))}")
        if item.rest_seconds is not None:
            lines.append(f"rest_seconds = {item.rest_seconds}")
        if item.warm_up:
            lines.append("warm_up = true")
    return "\n".join(lines) + "\n"


def _checked_bytes(routine: Routine, file: str, catalog: Catalog) -> bytes:
    """The file for ``routine``, proven to load back as the same routine."""
    text = routine_to_toml(routine)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        problem = "holds characters that cannot be saved as UTF-8"
        raise DataError(file, problem, routine.id) from None
    again = parse_routine_bytes(data, file, catalog)
    if again != dataclasses.replace(routine, builtin=False):
        # e.g. a name with spaces around it: the loader would strip them.
        raise DataError(file, "would not load back the same (spaces around the name?)", routine.id)
    return data


def _write(path: Path, data: bytes, *, make_folder: bool = True) -> None:
    try:
        if make_folder:
            private_folder(path.parent)
        elif not path.parent.is_dir():
            raise DataError(str(path), f"no such folder: {path.parent}")
        write_atomic(path, data)
    except OSError as error:
        raise DataError(str(path), f"cannot be written ({error.strerror or error})") from None


def write_routine_file(routine: Routine, path: Path, catalog: Catalog | None = None) -> None:
    """Write ``routine`` to ``path`` (any routine, built-in or not), atomically.

    Raises:
        DataError: the routine is not valid, or the file cannot be written.
    """
    catalog = load_catalog() if catalog is None else catalog
    if path.is_dir():
        raise DataError(str(path), "is a folder; give a file name")
    _write(path, _checked_bytes(routine, str(path), catalog), make_folder=False)


def export_routine(
    routine_id: str, path: Path, folder: Path, catalog: Catalog | None = None
) -> Routine:
    """Write the routine ``routine_id`` (built-in or custom) to ``path``; returns it.

    Raises:
        DataError: no such routine (with the closest id), or the file cannot be written.
    """
    catalog = load_catalog() if catalog is None else catalog
    routines, _problems = load_all(folder, catalog)
    if routine_id not in routines:
        hint = closest_id(routine_id, list(routines))
        suggestion = f"; did you mean {hint!r}?" if hint else ""
        raise DataError(str(path), f"unknown routine {routine_id!r}{suggestion}")
    routine = routines[routine_id]
    write_routine_file(routine, path, catalog)
    return routine


def save_routine(routine: Routine, folder: Path, catalog: Catalog | None = None) -> Path:
    """Save a custom routine as ``<folder>/<id>.toml`` (creating or overwriting it).

    Raises:
        DataError: the routine is built-in or uses a built-in id, is not
            valid, or cannot be written.
    """
    catalog = load_catalog() if catalog is None else catalog
    file = f"routines/{routine.id}{SUFFIX}"
    if routine.builtin or routine.id in builtin_routines():
        raise DataError(file, "built-in routines are read-only; duplicate it instead", routine.id)
    try:
        path = routine_path(folder, routine.id)
    except ValueError as error:
        raise DataError(file, str(error), routine.id, "id") from None
    _write(path, _checked_bytes(routine, file, catalog))
    return path


def import_routine(path: Path, folder: Path, catalog: Catalog, replace: bool = False) -> Routine:
    """Check the routine file at ``path`` and copy it into ``folder``; returns the routine.

    The file is copied as it is (comments included), as ``<id>.toml``. A
    built-in id is always refused; the id of a custom routine only without
    ``replace``, and replacing keeps the old file as ``<id>.toml.bak``.

    Raises:
        RoutineExistsError: a custom routine has that id and ``replace`` is false.
        DataError: any other problem; nothing was written.
    """
    data = read_regular_file(path)
    routine = parse_routine_bytes(data, str(path), catalog)
    if routine.id in builtin_routines():
        raise DataError(
            str(path),
            f"{routine.id!r} is a built-in routine; change the id to import it as your own",
            routine.id,
            "id",
        )
    target = routine_path(folder, routine.id)
    existing = _existing_bytes(target)
    if existing is not None and not replace:
        raise RoutineExistsError(
            str(path),
            f"a custom routine {routine.id!r} already exists; replace it to import this one",
            routine.id,
            "id",
        )
    if existing is not None:
        _write(target.with_name(target.name + BACKUP_SUFFIX), existing)
    # Copied as given (the sender's comments stay), without a byte order mark.
    _write(target, data.removeprefix(b"\xef\xbb\xbf"))
    return routine


def _existing_bytes(path: Path) -> bytes | None:
    if not path.parent.is_dir():
        return None  # the write that follows says why the folder is missing
    try:
        return read_regular_file(path)
    except FileMissingError:
        return None


# -- naming ------------------------------------------------------------------


def suggest_id(name: str, taken: Collection[str] | Mapping[str, object]) -> str:
    """A free routine id made from ``name`` ("My desk break" -> ``my-desk-break``)."""
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:56].strip("-") or "routine"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
