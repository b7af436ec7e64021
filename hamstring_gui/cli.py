"""The command line: answers without Qt, in well under a second.

Non-GUI commands never create a QApplication (nor import PySide6). Bad
arguments and unknown ids exit with code 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO

from hamstring_gui import __version__
from hamstring_gui.cli_words import VERSION_HELP, use_app_language
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.i18n import N_, _, ngettext, pgettext
from hamstring_gui.core.safe_file import UnsafeFolderError
from hamstring_gui.library import choose_language

# Each command imports what it uses: `history` (cli_history) never loads the
# stretch library, the plan builder, the settings schema or the words of either.
if TYPE_CHECKING:
    from hamstring_gui.core.catalog import Catalog
    from hamstring_gui.core.plan import Plan
    from hamstring_gui.core.routine import Routine
    from hamstring_gui.core.settings import SessionSettings

EXIT_USAGE = 2
REPORT_WEEKS = 12
MAX_REPORT_WEEKS = 520


class UsageError(Exception):
    """A user mistake on the command line: one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit code 2.

    The top-level ``--help`` ends with examples, the routine ids and the exit
    codes (:func:`hamstring_gui.cli_docs.epilog`), read only when help is shown.
    """

    with_epilog = False

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)

    def format_help(self) -> str:
        if self.with_epilog:
            from hamstring_gui.cli_docs import epilog
            from hamstring_gui.library import all_routines

            self.epilog = epilog(list(all_routines()))
        return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar (GUI commands included, for --help)."""
    use_app_language()  # argparse's own words ("usage:", "options") in the app's language
    parser = _Parser(
        prog="hamstring-gui",
        description=_("Hamstring Coach: guided hamstring stretches for work breaks."),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.with_epilog = True
    version = f"hamstring-gui {__version__}"
    parser.add_argument("--version", action="version", version=version, help=_(VERSION_HELP))
    parser.add_argument(
        "--tray",
        action="store_true",
        help=_("start in the tray without showing the window (used at login)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    stretches = commands.add_parser("stretches", help=_("list the stretch library"))
    stretches.add_argument("--json", action="store_true", help=_("print JSON"))
    routines = commands.add_parser("routines", help=_("list routines and their length"))
    routines.add_argument("--json", action="store_true", help=_("print JSON"))
    plan = commands.add_parser("plan", help=_("print the timeline of a routine"))
    plan.add_argument("routine", metavar="ROUTINE")
    plan.add_argument("--json", action="store_true", help=_("print JSON"))
    start = commands.add_parser("start", help=_("open the window with ROUTINE running"))
    start.add_argument("routine", metavar="ROUTINE")
    import_routine = commands.add_parser(
        "import-routine", help=_("check a routine file and add it to your routines")
    )
    import_routine.add_argument("file", metavar="FILE")
    import_routine.add_argument(
        "--replace",
        action="store_true",
        help=_("replace your routine with the same id (the old file is kept as <id>.toml.bak)"),
    )
    export_routine = commands.add_parser("export-routine", help=_("write a routine to a file"))
    export_routine.add_argument("routine", metavar="ID")
    export_routine.add_argument("file", metavar="FILE")
    for name, text in CONTROL_HELP.items():
        control = commands.add_parser(name, help=_(text))
        if name == "snooze":
            control.add_argument("minutes", metavar="MINUTES", type=int, nargs="?", default=10)
        if name == "status":
            control.add_argument("--json", action="store_true", help=_("print JSON"))
    history = commands.add_parser("history", help=_("your stretching record: print or export it"))
    history.add_argument("--json", action="store_true", help=_("print everything as JSON"))
    history.add_argument(
        "--csv", metavar="FILE", help=_("write everything as CSV to FILE ('-': stdout)")
    )
    handout = commands.add_parser(
        "handout", help=_("write a printable PDF of ROUTINE: pictures, steps, holds, safety rules")
    )
    handout.add_argument("routine", metavar="ROUTINE")
    handout.add_argument("file", metavar="FILE")
    report = commands.add_parser(
        "report", help=_("write a PDF progress report to take to a physiotherapist")
    )
    report.add_argument("file", metavar="FILE")
    report.add_argument(
        "--weeks",
        type=int,
        default=REPORT_WEEKS,
        metavar="N",
        help=_("weeks to cover (default 12)"),
    )
    pictures = commands.add_parser(
        "illustrations", help=_("write every illustration as SVG and 512 px PNG into DIR")
    )
    pictures.add_argument("folder", metavar="DIR")
    desktop = commands.add_parser(
        "desktop-entry",
        help=_("add or remove the menu entry, icons, man page and shell completion for this user"),
    )
    desktop.add_argument("action", choices=["install", "uninstall"])
    helper = commands.add_parser("help", help=_("show the help of the program or of COMMAND"))
    helper.add_argument("topic", metavar="COMMAND", nargs="?")
    return parser


def _help(parser: argparse.ArgumentParser, topic: str | None, out: TextIO) -> int:
    from hamstring_gui.cli_docs import subcommand_parser

    if topic is None:
        out.write(parser.format_help())
        return 0
    try:
        out.write(subcommand_parser(parser, topic).format_help())
    except KeyError:
        no_command = _("no command {name} (see 'hamstring-gui help')")
        raise UsageError(no_command.format(name=repr(topic))) from None
    return 0


def _import_routine(file: str, replace: bool, out: TextIO) -> None:
    from pathlib import Path

    from hamstring_gui.core import words
    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.routine_store import RoutineExistsError, import_routine
    from hamstring_gui.paths import routines_dir

    folder = routines_dir()
    try:
        routine = import_routine(Path(file), folder, load_catalog(), replace=replace)
    except RoutineExistsError as error:
        raise UsageError(
            _("{problem} (use --replace; the old file is kept as a .bak)").format(problem=error)
        ) from None
    except DataError as error:
        raise UsageError(words.data_problem(error)) from None
    message = _("imported {id} ({name}) into {folder}")
    out.write(message.format(id=repr(routine.id), name=routine.name, folder=folder) + "\n")
    for stretch in routine.back_cautions(load_catalog()):
        print("hamstring-gui: " + words.sore_back_note(stretch), file=sys.stderr)


def _export_routine(routine_id: str, file: str, out: TextIO) -> None:
    from pathlib import Path

    from hamstring_gui.core import words
    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.routine_store import write_routine_file

    routine = find_routine(routine_id)
    try:
        write_routine_file(routine, Path(file), load_catalog())
    except DataError as error:
        raise UsageError(words.data_problem(error)) from None
    out.write(_("exported {id} to {file}").format(id=repr(routine.id), file=file) + "\n")


def find_routine(routine_id: str) -> Routine:
    """A routine by id, or a :class:`UsageError` that suggests the closest id."""
    from hamstring_gui.core.routine import closest_id
    from hamstring_gui.library import all_routines

    routines = all_routines()
    if routine_id in routines:
        return routines[routine_id]
    hint = closest_id(routine_id, list(routines))
    if hint:
        raise UsageError(
            _("unknown routine {id}; did you mean {hint}? (see 'hamstring-gui routines')").format(
                id=repr(routine_id), hint=repr(hint)
            )
        )
    raise UsageError(
        _("unknown routine {id} (see 'hamstring-gui routines')").format(id=repr(routine_id))
    )


def _stretches(catalog: Catalog, as_json: bool, out: TextIO) -> None:
    from hamstring_gui.core import words

    if as_json:
        rows = [
            {
                "id": s.id,
                "name": s.name,
                "kind": str(s.kind),
                "position": str(s.position),
                "equipment": [str(e) for e in s.equipment],
                "sides": str(s.sides),
                "hold_seconds": s.hold_seconds,
                "reps": s.reps,
                "summary": s.summary,
                "steps": list(s.steps),
                "cues": dict(s.cues),
                "cautions": list(s.cautions),
                "back_pain_caution": s.back_pain_caution,
                "disagreement": s.disagreement,
                "sources": [{"file": src.file, "title": src.title} for src in s.sources],
            }
            for s in catalog.values()
        ]
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    width = max(len(s.id) for s in catalog.values())
    kind_width = max(len(word) for word in words.KIND_WORDS.values())
    position_width = max(len(word) for word in words.POSITION_WORDS.values())
    sides = {"each": pgettext("sides", "each leg"), "both": pgettext("sides", "both legs")}
    sides_width = max(len(word) for word in sides.values())
    for s in catalog.values():
        gear = ", ".join(words.EQUIPMENT_WORDS[e] for e in s.equipment)
        out.write(
            f"{s.id:<{width}}  {words.KIND_WORDS[s.kind]:<{kind_width}}  "
            f"{words.POSITION_WORDS[s.position]:<{position_width}}  "
            f"{sides[s.sides]:<{sides_width}}  {s.name} [{gear}]\n"
        )


def _routines(settings: SessionSettings, as_json: bool, out: TextIO) -> None:
    from hamstring_gui.core import words
    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.plan import build_plan
    from hamstring_gui.library import all_routines

    catalog = load_catalog()
    listed = [(r, build_plan(r, catalog, settings)) for r in all_routines().values()]
    if as_json:
        rows = [
            {
                "id": routine.id,
                "name": routine.name,
                "description": routine.description,
                "total_seconds": plan.total_seconds,
                "stretches": plan.item_count,
                "positions": [str(p) for p in routine.positions(catalog)],
                "equipment": [str(e) for e in routine.equipment(catalog)],
                "builtin": routine.builtin,
            }
            for routine, plan in listed
        ]
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    width = max(len(routine.id) for routine, _plan in listed)
    for routine, plan in listed:
        length = words.format_seconds(plan.total_seconds)
        out.write(f"{routine.id:<{width}}  {length:>6}  {routine.name}\n")


def _plan(plan: Plan, routine: Routine, as_json: bool, out: TextIO) -> None:
    from hamstring_gui.core import words
    from hamstring_gui.core.catalog import load_catalog

    if as_json:
        json.dump(plan.to_json(), out, indent=2)
        out.write("\n")
        return
    catalog = load_catalog()
    count = len(plan.phases)
    phases = ngettext("{count} phase", "{count} phases", count).format(count=count)
    out.write(
        f"{routine.name} ({routine.id}): {words.format_seconds(plan.total_seconds)} "
        f"({plan.total_seconds} s), {phases}\n"
    )
    at = 0
    for phase in plan.phases:
        name = catalog[phase.stretch].name if phase.stretch else None
        out.write(
            f"{words.format_seconds(at):>6}  {phase.seconds:>3} s  {words.plan_line(phase, name)}\n"
        )
        at += phase.seconds
    done = _("done")
    out.write(f"{words.format_seconds(at):>6}  {done}\n")


def run(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Run a non-GUI command; returns the exit code."""
    if args.command == "history":
        from hamstring_gui.cli_history import RecordError, run_history

        try:
            run_history(args.json, args.csv, out)
        except RecordError as error:
            raise UsageError(str(error)) from None
        return 0
    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.plan import build_plan
    from hamstring_gui.library import current_settings

    settings = current_settings()
    if args.command == "stretches":
        _stretches(load_catalog(), args.json, out)
    elif args.command == "routines":
        _routines(settings, args.json, out)
    elif args.command == "plan":
        routine = find_routine(args.routine)
        _plan(build_plan(routine, load_catalog(), settings), routine, args.json, out)
    elif args.command == "import-routine":
        _import_routine(args.file, args.replace, out)
    elif args.command == "export-routine":
        _export_routine(args.routine, args.file, out)
    else:  # pragma: no cover - the parser only routes known commands here
        raise UsageError(_("unknown command {name}").format(name=repr(args.command)))
    return 0


GUI_COMMANDS = {None, "start"}
EXIT_NOT_RUNNING = 3
HAND_OVER_SECONDS = 5.0
CONTROL_HELP = {
    "pause": N_("pause the running session"),
    "resume": N_("resume the paused session"),
    "skip": N_("skip to the next phase"),
    "stop": N_("stop the running session"),
    "snooze": N_("snooze the break reminder for MINUTES (default 10)"),
    "remind": N_("show the break reminder now"),
    "status": N_("what the running app is doing"),
}


def control(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Send a control command to the running app."""
    from hamstring_gui import ipc
    from hamstring_gui.core import words

    command_args = [str(args.minutes)] if args.command == "snooze" else []
    if args.command == "snooze" and not 1 <= args.minutes <= 240:
        raise UsageError(_("snooze MINUTES must be between 1 and 240"))
    try:
        reply = ipc.send(args.command, command_args)
    except (ipc.NotRunningError, TimeoutError, OSError):
        print("hamstring-gui: " + _("the app is not running"), file=sys.stderr)
        return EXIT_NOT_RUNNING
    if not reply.get("ok"):
        print(f"hamstring-gui: {reply.get('message') or _('refused')}", file=sys.stderr)
        return 1
    if args.command == "status":
        status = reply.get("status", {})
        if args.json:
            json.dump(status, out)
            out.write("\n")
        else:
            out.write(words.status_line(status) + "\n")
    elif reply.get("message"):
        out.write(f"{reply['message']}\n")
    return 0


def forward_to_running_app(args: argparse.Namespace) -> bool:
    """Hand ``hamstring-gui [start ROUTINE]`` to a running app; False when none runs."""
    from hamstring_gui import ipc

    command, command_args = ("start", [args.routine]) if args.command == "start" else ("show", [])
    try:
        # The launcher's token goes along: with it the running window may come to the front.
        reply = ipc.send(command, command_args, launch=ipc.launch_tokens())
    except (ipc.NotRunningError, TimeoutError, OSError):
        return False
    if not reply.get("ok"):
        raise UsageError(str(reply.get("message") or _("the running app refused")))
    return True


def hand_over(args: argparse.Namespace) -> int:
    """Give ``hamstring-gui [start ROUTINE]`` to the app that holds the instance lock.

    That app may be starting right now and not listen yet: keep trying a few seconds.
    """
    deadline = time.monotonic() + HAND_OVER_SECONDS
    while True:
        if forward_to_running_app(args):
            return 0
        if time.monotonic() >= deadline:
            print(
                "hamstring-gui: " + _("another instance is starting but does not answer"),
                file=sys.stderr,
            )
            return 1
        time.sleep(0.05)


def paper(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """``handout ROUTINE FILE`` and ``report FILE [--weeks N]``: arguments checked before Qt."""
    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.history import HistoryError
    from hamstring_gui.library import current_settings
    from hamstring_gui.ui.paper.pdf_file import PaperError, check_target

    if args.command == "handout":
        routine = find_routine(args.routine)
    elif not 1 <= args.weeks <= MAX_REPORT_WEEKS:
        weeks = _("--weeks must be between 1 and {most}, not {weeks}")
        raise UsageError(weeks.format(most=MAX_REPORT_WEEKS, weeks=args.weeks))
    try:
        check_target(args.file)
        from hamstring_gui.ui.paper import commands  # Qt only on this path

        if args.command == "handout":
            settings = current_settings()
            return commands.run_handout(args.file, routine, load_catalog(), settings, out)
        from hamstring_gui.paths import history_file

        return commands.run_report(args.file, history_file(), args.weeks, load_catalog(), out)
    except PaperError as error:
        raise UsageError(str(error)) from None
    except HistoryError as error:
        raise UsageError(str(error)) from None


def writable_folder(name: str) -> str:
    """``name`` as a folder this user can write in (made when missing), checked before Qt loads.

    Raises:
        UsageError: it is a file or a device (``/dev/null``), cannot be made,
            or refuses a file (``/proc``).
    """
    import tempfile
    from pathlib import Path

    folder = Path(name)
    try:
        if folder.exists() and not folder.is_dir():
            raise UsageError(_("{folder} is not a folder").format(folder=name))
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except (OSError, ValueError) as error:
        why = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise UsageError(
            _("cannot write in {folder} ({problem})").format(folder=name, problem=why)
        ) from None
    return name


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``hamstring-gui`` and ``python -m hamstring_gui``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        choose_language()
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command == "help":
            return _help(parser, args.topic, sys.stdout)
        if args.command == "desktop-entry":
            from hamstring_gui.platform import desktop_entry

            try:
                return desktop_entry.run_desktop_entry(args.action, parser, sys.stdout)
            except desktop_entry.DesktopEntryError as error:
                raise UsageError(str(error)) from None
        if args.command in GUI_COMMANDS:
            if args.command == "start":
                find_routine(args.routine)
            from hamstring_gui.ipc import claim_instance

            instance = claim_instance()
            if instance is None:  # the app runs already (or is starting)
                return hand_over(args)
            from hamstring_gui.platform.display import prepare

            no_session = prepare()  # before Qt, which would abort without a display
            if no_session:
                raise UsageError(no_session)
            from hamstring_gui.app import run_gui  # Qt is imported only on the GUI path

            return run_gui(args, instance)
        if args.command == "illustrations":
            folder = writable_folder(args.folder)
            from hamstring_gui.ui.export import run_export  # Qt only on this path

            try:
                return run_export(folder)
            except OSError as error:
                raise UsageError(
                    _("cannot write the illustrations: {problem}").format(problem=error)
                ) from None
        if args.command in ("handout", "report"):
            return paper(args)
        if args.command in CONTROL_HELP:
            return control(args)
        return run(args)
    except UsageError as error:
        print(f"hamstring-gui: {error}", file=sys.stderr)
        return EXIT_USAGE
    except DataError as error:
        print(
            "hamstring-gui: " + _("broken data file: {problem}").format(problem=error),
            file=sys.stderr,
        )
        return 1
    except UnsafeFolderError as error:
        print(f"hamstring-gui: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `hamstring-gui stretches | head`
        return 0
