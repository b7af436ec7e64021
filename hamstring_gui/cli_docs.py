"""Everything written about the command line, derived from its argument parser.

``--help`` (its closing part: examples, routine ids, exit codes), the man page
``packaging/linux/hamstring-gui.1`` and the bash, zsh and fish completion
scripts are built here from :func:`hamstring_gui.cli.build_parser`, so a new
command or option shows up everywhere at once. ``tools/make_cli_docs.py``
writes the committed files; a test keeps them equal to what this module makes.
Completion asks ``hamstring-gui routines`` for routine ids when completing, so
custom routines are offered too.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from hamstring_gui.core.i18n import N_, _

PROGRAM = "hamstring-gui"

#: Exit codes: the same for every command.
EXIT_CODES = (
    (0, N_("success")),
    (1, N_("a data file is broken, or the running app refused the command")),
    (2, N_("a wrong command or argument, an unknown routine, or no graphical session")),
    (3, N_("a control command found no running app")),
)

EXAMPLES = (
    ("hamstring-gui", N_("open the window (or bring the running one to the front)")),
    ("hamstring-gui start desk-break", N_("open the window with the desk break running")),
    ("hamstring-gui plan gentle-lying", N_("print the timeline of a routine")),
    ("hamstring-gui snooze 15", N_("snooze the break reminder of the running app")),
    ("hamstring-gui desktop-entry install", N_("add the menu entry for this user")),
)

#: Metavars whose values completion can offer.
ROUTINE_METAVARS = ("ROUTINE", "ID")
FILE_METAVARS = ("FILE",)
DIR_METAVARS = ("DIR",)


@dataclass(frozen=True)
class Option:
    """An optional argument: its flags, the value's metavar (or "") and help."""

    flags: tuple[str, ...]
    metavar: str
    help: str


@dataclass(frozen=True)
class Positional:
    """A positional argument: metavar, choices (may be empty), optional or not, help."""

    metavar: str
    choices: tuple[str, ...]
    optional: bool
    help: str


@dataclass(frozen=True)
class Command:
    """One subcommand as the documents need it."""

    name: str
    help: str
    options: tuple[Option, ...]
    positionals: tuple[Positional, ...]


def _options(parser: argparse.ArgumentParser) -> tuple[Option, ...]:
    found = []
    for action in parser._actions:  # argparse has no public list of its actions
        if not action.option_strings or isinstance(action, argparse._HelpAction):
            continue
        takes_value = action.nargs != 0
        metavar = str(action.metavar or action.dest.upper()) if takes_value else ""
        found.append(Option(tuple(action.option_strings), metavar, action.help or ""))
    return tuple(found)


def _positionals(parser: argparse.ArgumentParser) -> tuple[Positional, ...]:
    found = []
    for action in parser._actions:
        if action.option_strings or isinstance(action, argparse._SubParsersAction):
            continue
        choices = tuple(str(c) for c in action.choices or ())
        metavar = str(action.metavar or action.dest.upper())
        found.append(Positional(metavar, choices, action.nargs == "?", action.help or ""))
    return tuple(found)


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def commands(parser: argparse.ArgumentParser) -> list[Command]:
    """The parser's subcommands in the order they were added."""
    sub = _subcommands(parser)
    return [
        Command(
            choice.dest,
            choice.help or "",
            _options(sub.choices[choice.dest]),
            _positionals(sub.choices[choice.dest]),
        )
        for choice in sub._choices_actions
    ]


def global_options(parser: argparse.ArgumentParser) -> tuple[Option, ...]:
    """Options of the program itself (``--tray``, ``--version``), plus ``--help``."""
    return (*_options(parser), Option(("-h", "--help"), "", "show the help and exit"))


def subcommand_parser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The parser of one subcommand (for ``hamstring-gui help COMMAND``)."""
    return _subcommands(parser).choices[name]


# -- --help ------------------------------------------------------------------------


def epilog(routine_ids: Sequence[str]) -> str:
    """The end of ``--help``: examples, routine ids, exit codes (in the language in use)."""
    lines = [_("examples:")]
    lines += [f"  {command:<38} " + _(text) for command, text in EXAMPLES]
    lines += ["", _("routines (ROUTINE, ID):"), "  " + ", ".join(routine_ids)]
    lines += ["", _("exit codes:")]
    lines += [f"  {code}  " + _(text) for code, text in EXIT_CODES]
    more = _("'{program} help COMMAND' describes one command; 'man {program}' all of them.")
    lines += ["", more.format(program=PROGRAM)]
    return "\n".join(lines)


# -- man page ------------------------------------------------------------------------


def _roff(text: str) -> str:
    """Plain text for roff: backslashes and hyphens escaped, no line starting a request."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in escaped.splitlines()
    )


def _synopsis(command: Command) -> str:
    parts = [f"\\fB{_roff(command.name)}\\fR"]
    for positional in command.positionals:
        shown = (
            "|".join(f"\\fB{_roff(c)}\\fR" for c in positional.choices)
            or f"\\fI{_roff(positional.metavar)}\\fR"
        )
        parts.append(f"[{shown}]" if positional.optional else shown)
    for option in command.options:
        value = f" \\fI{_roff(option.metavar)}\\fR" if option.metavar else ""
        parts.append(f"[\\fB{_roff(option.flags[-1])}\\fR{value}]")
    return " ".join(parts)


def _option_lines(options: Sequence[Option]) -> Iterator[str]:
    for option in options:
        flags = ", ".join(f"\\fB{_roff(flag)}\\fR" for flag in option.flags)
        value = f" \\fI{_roff(option.metavar)}\\fR" if option.metavar else ""
        yield ".TP"
        yield flags + value
        yield _roff(option.help)


def man_page(parser: argparse.ArgumentParser, routine_ids: Sequence[str], version: str) -> str:
    """The man page (section 1) for ``parser``; ``routine_ids``: the built-in routines."""
    lines = [
        '.\\" Generated from the argument parser by tools/make_cli_docs.py; do not edit.',
        f'.TH HAMSTRING\\-GUI 1 "" "{PROGRAM} {_roff(version)}" "User Commands"',
        ".SH NAME",
        f"{_roff(PROGRAM)} \\- guided hamstring stretches for work breaks",
        ".SH SYNOPSIS",
        f"\\fB{_roff(PROGRAM)}\\fR [\\fB\\-\\-tray\\fR]",
        ".br",
        f"\\fB{_roff(PROGRAM)}\\fR \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]",
        ".SH DESCRIPTION",
        _roff(parser.description or ""),
        "Without a command it opens the window, or brings the running one to the front;",
        "one app runs per user session and later launches hand over to it.",
        "Stretching makes hamstrings more flexible; it is not a cure for back pain.",
        ".SH OPTIONS",
        *_option_lines(global_options(parser)),
        ".SH COMMANDS",
    ]
    for command in commands(parser):
        lines += [".TP", _synopsis(command), _roff(command.help)]
        described = list(command.options)
        if described:
            lines += [".RS", *_option_lines(described), ".RE"]
    lines += [
        ".SH ROUTINES",
        f"Built-in routine ids (ROUTINE, ID); \\fB{_roff(PROGRAM)} routines\\fR lists yours too:",
        ".PP",
        ", ".join(f"\\fB{_roff(r)}\\fR" for r in routine_ids),
        ".SH EXAMPLES",
    ]
    for example, text in EXAMPLES:
        lines += [".TP", f"\\fB{_roff(example)}\\fR", _roff(text)]
    lines += [".SH EXIT STATUS"]
    for code, text in EXIT_CODES:
        lines += [".TP", f"\\fB{code}\\fR", _roff(text)]
    lines += [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBDISPLAY\\fR, \\fBWAYLAND_DISPLAY\\fR",
        "The graphical session; without either, the window commands exit with 2.",
        ".TP",
        "\\fBQT_QPA_PLATFORM\\fR",
        "The Qt platform; when unset, Wayland is preferred over X11.",
        ".TP",
        "\\fBXDG_CONFIG_HOME\\fR, \\fBXDG_DATA_HOME\\fR, \\fBXDG_RUNTIME_DIR\\fR",
        "Where settings, history, custom routines and the control socket live.",
        ".SH FILES",
        ".TP",
        "\\fI$XDG_CONFIG_HOME/hamstring\\-gui/settings.json\\fR",
        "Settings.",
        ".TP",
        "\\fI$XDG_DATA_HOME/hamstring\\-gui/\\fR",
        "The history (history.sqlite3) and custom routines (routines/).",
        ".SH SEE ALSO",
        "The README of Hamstring Coach.",
        "",
    ]
    return "\n".join(lines)


# -- shell completion -------------------------------------------------------------------


def _value_options(parser: argparse.ArgumentParser, *, files: bool | None = None) -> list[str]:
    """Every option (anywhere) that takes a value: completion skips the value.

    ``files``: only those whose value is a file (True), or is not (False).
    """
    options = [*global_options(parser), *(o for c in commands(parser) for o in c.options)]
    return sorted(
        {
            flag
            for option in options
            if option.metavar and files in (None, option.metavar in FILE_METAVARS)
            for flag in option.flags
        }
    )


def _words(command: Command) -> str:
    return " ".join([*(o.flags[-1] for o in command.options), "--help"])


def bash_completion(parser: argparse.ArgumentParser) -> str:
    """A bash completion script (bash-completion's ``completions/hamstring-gui``)."""
    names = " ".join(c.name for c in commands(parser))
    top = " ".join(o.flags[-1] for o in global_options(parser))
    skip = "|".join(_value_options(parser)) or "--"
    file_options = "|".join(_value_options(parser, files=True)) or "--"
    lines = [
        "# bash completion for hamstring-gui: commands, options and routine ids.",
        "# Generated from the argument parser by tools/make_cli_docs.py; do not edit.",
        "_hamstring_gui_routines() {",
        "    command hamstring-gui routines 2>/dev/null | cut -d' ' -f1",
        "}",
        "",
        "_hamstring_gui() {",
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}",
        '    local subcommand="" count=0 i',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        "        case ${COMP_WORDS[i]} in",
        f"        {skip}) i=$((i + 1)) ;;",
        "        -*) ;;",
        "        *)",
        "            if [[ -z $subcommand ]]; then subcommand=${COMP_WORDS[i]}; "
        "else count=$((count + 1)); fi",
        "            ;;",
        "        esac",
        "    done",
        "    case $prev in",
        f'    {file_options}) COMPREPLY=($(compgen -f -- "$cur")); return ;;',
        f"    {skip}) return ;;",
        "    esac",
        "    local words=''",
        "    case $subcommand in",
        f'    "") words="{names} {top}" ;;',
    ]
    for command in commands(parser):
        lines.append(f"    {command.name})")
        lines.append(f'        if [[ $cur == -* ]]; then words="{_words(command)}"')
        for position, positional in enumerate(command.positionals):
            lines.append(f"        elif ((count == {position})); then")
            lines.append(f"            {_bash_values(positional, names)}")
        lines.append("        fi")
        lines.append("        ;;")
    lines += [
        "    esac",
        '    COMPREPLY+=($(compgen -W "$words" -- "$cur"))',
        "}",
        "complete -F _hamstring_gui hamstring-gui",
        "",
    ]
    return "\n".join(lines)


def _bash_values(positional: Positional, names: str) -> str:
    if positional.choices:
        return f'words="{" ".join(positional.choices)}"'
    if positional.metavar in ROUTINE_METAVARS:
        return 'words="$(_hamstring_gui_routines)"'
    if positional.metavar in DIR_METAVARS:
        return 'COMPREPLY=($(compgen -d -- "$cur"))'
    if positional.metavar in FILE_METAVARS:
        return 'COMPREPLY=($(compgen -f -- "$cur"))'
    if positional.metavar == "COMMAND":
        return f'words="{names}"'
    return ":"


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def zsh_completion(parser: argparse.ArgumentParser) -> str:
    """A zsh completion function (``_hamstring-gui`` in a folder on ``fpath``)."""
    described = " ".join(
        _zsh_quote(f"{c.name}:{c.help.replace(':', '-')}") for c in commands(parser)
    )
    top = " ".join(o.flags[-1] for o in global_options(parser))
    skip = "|".join(_value_options(parser)) or "--"
    file_options = "|".join(_value_options(parser, files=True)) or "--"
    lines = [
        "#compdef hamstring-gui",
        "# zsh completion for hamstring-gui: commands, options and routine ids.",
        "# Generated from the argument parser by tools/make_cli_docs.py; do not edit.",
        "_hamstring_gui() {",
        f"    local -a subcommands=({described})",
        '    local subcommand="" current=${words[CURRENT]}',
        "    local -i count=0 i",
        "    for ((i = 2; i < CURRENT; i++)); do",
        "        case ${words[i]} in",
        f"        {skip}) ((i++)) ;;",
        "        -*) ;;",
        "        *) if [[ -z $subcommand ]]; then subcommand=${words[i]}; else ((count++)); fi ;;",
        "        esac",
        "    done",
        "    case ${words[CURRENT - 1]} in",
        f"    {file_options}) _files; return ;;",
        f"    {skip}) return ;;",
        "    esac",
        "    case $subcommand in",
        '    "")',
        f"        if [[ $current == -* ]]; then compadd -- {top}",
        "        else _describe command subcommands; fi",
        "        ;;",
    ]
    for command in commands(parser):
        lines.append(f"    {command.name})")
        lines.append(f"        if [[ $current == -* ]]; then compadd -- {_words(command)}")
        for position, positional in enumerate(command.positionals):
            lines.append(f"        elif ((count == {position})); then {_zsh_values(positional)}")
        lines.append("        fi")
        lines.append("        ;;")
    lines += [
        "    esac",
        "}",
        "",
        "# Autoloaded from fpath, complete now; sourced, register for the command.",
        "if [[ ${funcstack[1]} == _hamstring-gui ]]; then",
        '    _hamstring_gui "$@"',
        "else",
        "    compdef _hamstring_gui hamstring-gui",
        "fi",
        "",
    ]
    return "\n".join(lines)


def _zsh_values(positional: Positional) -> str:
    if positional.choices:
        return "compadd -- " + " ".join(positional.choices)
    if positional.metavar in ROUTINE_METAVARS:
        return 'compadd -- ${(f)"$(command hamstring-gui routines 2>/dev/null | cut -d" " -f1)"}'
    if positional.metavar in DIR_METAVARS:
        return "_files -/"
    if positional.metavar in FILE_METAVARS:
        return "_files"
    if positional.metavar == "COMMAND":
        return "_describe command subcommands"
    return ":"


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish_completion(parser: argparse.ArgumentParser) -> str:
    """A fish completion script (``completions/hamstring-gui.fish``)."""
    names = [c.name for c in commands(parser)]
    lines = [
        "# fish completion for hamstring-gui: commands, options and routine ids.",
        "# Generated from the argument parser by tools/make_cli_docs.py; do not edit.",
        "function __hamstring_gui_routines",
        "    command hamstring-gui routines 2>/dev/null | string replace -r ' .*' ''",
        "end",
        "",
        "complete -c hamstring-gui -f",
    ]
    for option in global_options(parser):
        flags = " ".join(
            f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}" for flag in option.flags
        )
        lines.append(
            f"complete -c hamstring-gui -n __fish_use_subcommand {flags} "
            f"-d {_fish_quote(option.help)}"
        )
    for command in commands(parser):
        lines.append(
            f"complete -c hamstring-gui -n __fish_use_subcommand -a {command.name} "
            f"-d {_fish_quote(command.help)}"
        )
    for command in commands(parser):
        seen = f"'__fish_seen_subcommand_from {command.name}'"
        for option in command.options:
            value = " -r -F" if option.metavar in FILE_METAVARS else " -r" * bool(option.metavar)
            lines.append(
                f"complete -c hamstring-gui -n {seen} -l {option.flags[-1][2:]}{value} "
                f"-d {_fish_quote(option.help)}"
            )
        for positional in command.positionals[:1]:  # fish offers the first one
            values = _fish_values(positional, names)
            if values:
                lines.append(f"complete -c hamstring-gui -n {seen} {values}")
    lines.append("")
    return "\n".join(lines)


def _fish_values(positional: Positional, names: list[str]) -> str:
    if positional.choices:
        return "-a " + _fish_quote(" ".join(positional.choices))
    if positional.metavar in ROUTINE_METAVARS:
        return "-a '(__hamstring_gui_routines)'"
    if positional.metavar in FILE_METAVARS + DIR_METAVARS:
        return "-F"
    if positional.metavar == "COMMAND":
        return "-a " + _fish_quote(" ".join(names))
    return ""
