# bash completion for hamstring-gui: commands, options and routine ids.
# Generated from the argument parser by tools/make_cli_docs.py; do not edit.
_hamstring_gui_routines() {
    command hamstring-gui routines 2>/dev/null | cut -d' ' -f1
}

_hamstring_gui() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local subcommand="" count=0 i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --csv|--weeks) i=$((i + 1)) ;;
        -*) ;;
        *)
            if [[ -z $subcommand ]]; then subcommand=${COMP_WORDS[i]}; else count=$((count + 1)); fi
            ;;
        esac
    done
    case $prev in
    --csv) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --csv|--weeks) return ;;
    esac
    local words=''
    case $subcommand in
    "") words="stretches routines plan start import-routine export-routine pause resume skip stop snooze remind status history handout report illustrations desktop-entry help --version --tray --help" ;;
    stretches)
        if [[ $cur == -* ]]; then words="--json --help"
        fi
        ;;
    routines)
        if [[ $cur == -* ]]; then words="--json --help"
        fi
        ;;
    plan)
        if [[ $cur == -* ]]; then words="--json --help"
        elif ((count == 0)); then
            words="$(_hamstring_gui_routines)"
        fi
        ;;
    start)
        if [[ $cur == -* ]]; then words="--help"
        elif ((count == 0)); then
            words="$(_hamstring_gui_routines)"
        fi
        ;;
    import-routine)
        if [[ $cur == -* ]]; then words="--replace --help"
        elif ((count == 0)); then
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        ;;
    export-routine)
        if [[ $cur == -* ]]; then words="--help"
        elif ((count == 0)); then
            words="$(_hamstring_gui_routines)"
        elif ((count == 1)); then
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        ;;
    pause)
        if [[ $cur == -* ]]; then words="--help"
        fi
        ;;
    resume)
        if [[ $cur == -* ]]; then words="--help"
        fi
        ;;
    skip)
        if [[ $cur == -* ]]; then words="--help"
        fi
        ;;
    stop)
        if [[ $cur == -* ]]; then words="--help"
        fi
        ;;
    snooze)
        if [[ $cur == -* ]]; then words="--help"
        elif ((count == 0)); then
            :
        fi
        ;;
    remind)
        if [[ $cur == -* ]]; then words="--help"
        fi
        ;;
    status)
        if [[ $cur == -* ]]; then words="--json --help"
        fi
        ;;
    history)
        if [[ $cur == -* ]]; then words="--json --csv --help"
        fi
        ;;
    handout)
        if [[ $cur == -* ]]; then words="--help"
        elif ((count == 0)); then
            words="$(_hamstring_gui_routines)"
        elif ((count == 1)); then
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        ;;
    report)
        if [[ $cur == -* ]]; then words="--weeks --help"
        elif ((count == 0)); then
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        ;;
    illustrations)
        if [[ $cur == -* ]]; then words="--help"
        elif ((count == 0)); then
            COMPREPLY=($(compgen -d -- "$cur"))
        fi
        ;;
    desktop-entry)
        if [[ $cur == -* ]]; then words="--help"
        elif ((count == 0)); then
            words="install uninstall"
        fi
        ;;
    help)
        if [[ $cur == -* ]]; then words="--help"
        elif ((count == 0)); then
            words="stretches routines plan start import-routine export-routine pause resume skip stop snooze remind status history handout report illustrations desktop-entry help"
        fi
        ;;
    esac
    COMPREPLY+=($(compgen -W "$words" -- "$cur"))
}
complete -F _hamstring_gui hamstring-gui
