# fish completion for hamstring-gui: commands, options and routine ids.
# Generated from the argument parser by tools/make_cli_docs.py; do not edit.
function __hamstring_gui_routines
    command hamstring-gui routines 2>/dev/null | string replace -r ' .*' ''
end

complete -c hamstring-gui -f
complete -c hamstring-gui -n __fish_use_subcommand -l version -d 'show program\'s version number and exit'
complete -c hamstring-gui -n __fish_use_subcommand -l tray -d 'start in the tray without showing the window (used at login)'
complete -c hamstring-gui -n __fish_use_subcommand -s h -l help -d 'show the help and exit'
complete -c hamstring-gui -n __fish_use_subcommand -a stretches -d 'list the stretch library'
complete -c hamstring-gui -n __fish_use_subcommand -a routines -d 'list routines and their length'
complete -c hamstring-gui -n __fish_use_subcommand -a plan -d 'print the timeline of a routine'
complete -c hamstring-gui -n __fish_use_subcommand -a start -d 'open the window with ROUTINE running'
complete -c hamstring-gui -n __fish_use_subcommand -a import-routine -d 'check a routine file and add it to your routines'
complete -c hamstring-gui -n __fish_use_subcommand -a export-routine -d 'write a routine to a file'
complete -c hamstring-gui -n __fish_use_subcommand -a pause -d 'pause the running session'
complete -c hamstring-gui -n __fish_use_subcommand -a resume -d 'resume the paused session'
complete -c hamstring-gui -n __fish_use_subcommand -a skip -d 'skip to the next phase'
complete -c hamstring-gui -n __fish_use_subcommand -a stop -d 'stop the running session'
complete -c hamstring-gui -n __fish_use_subcommand -a snooze -d 'snooze the break reminder for MINUTES (default 10)'
complete -c hamstring-gui -n __fish_use_subcommand -a remind -d 'show the break reminder now'
complete -c hamstring-gui -n __fish_use_subcommand -a status -d 'what the running app is doing'
complete -c hamstring-gui -n __fish_use_subcommand -a history -d 'your stretching record: print or export it'
complete -c hamstring-gui -n __fish_use_subcommand -a handout -d 'write a printable PDF of ROUTINE: pictures, steps, holds, safety rules'
complete -c hamstring-gui -n __fish_use_subcommand -a report -d 'write a PDF progress report to take to a physiotherapist'
complete -c hamstring-gui -n __fish_use_subcommand -a illustrations -d 'write every illustration as SVG and 512 px PNG into DIR'
complete -c hamstring-gui -n __fish_use_subcommand -a desktop-entry -d 'add or remove the menu entry, icons, man page and shell completion for this user'
complete -c hamstring-gui -n __fish_use_subcommand -a help -d 'show the help of the program or of COMMAND'
complete -c hamstring-gui -n '__fish_seen_subcommand_from stretches' -l json -d 'print JSON'
complete -c hamstring-gui -n '__fish_seen_subcommand_from routines' -l json -d 'print JSON'
complete -c hamstring-gui -n '__fish_seen_subcommand_from plan' -l json -d 'print JSON'
complete -c hamstring-gui -n '__fish_seen_subcommand_from plan' -a '(__hamstring_gui_routines)'
complete -c hamstring-gui -n '__fish_seen_subcommand_from start' -a '(__hamstring_gui_routines)'
complete -c hamstring-gui -n '__fish_seen_subcommand_from import-routine' -l replace -d 'replace your routine with the same id (the old file is kept as <id>.toml.bak)'
complete -c hamstring-gui -n '__fish_seen_subcommand_from import-routine' -F
complete -c hamstring-gui -n '__fish_seen_subcommand_from export-routine' -a '(__hamstring_gui_routines)'
complete -c hamstring-gui -n '__fish_seen_subcommand_from status' -l json -d 'print JSON'
complete -c hamstring-gui -n '__fish_seen_subcommand_from history' -l json -d 'print everything as JSON'
complete -c hamstring-gui -n '__fish_seen_subcommand_from history' -l csv -r -F -d 'write everything as CSV to FILE (\'-\': stdout)'
complete -c hamstring-gui -n '__fish_seen_subcommand_from handout' -a '(__hamstring_gui_routines)'
complete -c hamstring-gui -n '__fish_seen_subcommand_from report' -l weeks -r -d 'weeks to cover (default 12)'
complete -c hamstring-gui -n '__fish_seen_subcommand_from report' -F
complete -c hamstring-gui -n '__fish_seen_subcommand_from illustrations' -F
complete -c hamstring-gui -n '__fish_seen_subcommand_from desktop-entry' -a 'install uninstall'
complete -c hamstring-gui -n '__fish_seen_subcommand_from help' -a 'stretches routines plan start import-routine export-routine pause resume skip stop snooze remind status history handout report illustrations desktop-entry help'
