#!/bin/sh
# Install (or remove) the desktop entry, metainfo and icons for the current user.
#
#   packaging/linux/install-desktop.sh install [EXEC]
#   packaging/linux/install-desktop.sh uninstall
#
# Files go under ${XDG_DATA_HOME:-~/.local/share} (applications/, metainfo/,
# icons/hicolor/); uninstall also removes the reminders' autostart entry from
# ${XDG_CONFIG_HOME:-~/.config}/autostart. EXEC is the command the menu entry
# runs (default `hamstring-gui`, found on PATH); `make install-desktop` passes
# the checkout's .venv/bin/hamstring-gui so the entry works without activating
# the venv. Settings and history are left alone.
set -eu

APP_ID=io.github.hamstringcoach.HamstringCoach
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG=${XDG_CONFIG_HOME:-$HOME/.config}
SIZES="48x48 128x128 256x256"

refresh() {
	# Menus and icon themes notice new files by the folders' mtime; an icon cache
	# is optional at user level, so only refresh one that already exists.
	touch "$DATA/applications" "$DATA/icons/hicolor" 2>/dev/null || true
	if [ -f "$DATA/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
		gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" 2>/dev/null || true
	fi
}

case "${1:-}" in
install)
	exec_cmd=${2:-hamstring-gui}
	case "$exec_cmd" in
	*[\"\'\\\$\`%]* | *"|"*)
		echo "install-desktop: EXEC must not contain quotes, \\, \$, \`, % or |: $exec_cmd" >&2
		exit 2 ;;
	*[[:space:]]*) exec_cmd="\"$exec_cmd\"" ;;  # a path with spaces: quoted, as the spec says
	esac
	install -d "$DATA/applications" "$DATA/metainfo"
	# Every Exec line starts with `hamstring-gui`; point it at EXEC.
	sed "s|^Exec=hamstring-gui|Exec=$exec_cmd|" "$HERE/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop.tmp"
	mv "$DATA/applications/$APP_ID.desktop.tmp" "$DATA/applications/$APP_ID.desktop"
	install -m 644 "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
	install -D -m 644 "$HERE/icons/hicolor/scalable/apps/$APP_ID.svg" \
		"$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
	for size in $SIZES; do
		install -D -m 644 "$HERE/icons/hicolor/$size/apps/$APP_ID.png" \
			"$DATA/icons/hicolor/$size/apps/$APP_ID.png"
	done
	refresh
	echo "Installed $APP_ID into $DATA (Exec=$exec_cmd)"
	;;
uninstall)
	rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
		"$DATA/icons/hicolor/scalable/apps/$APP_ID.svg" "$CONFIG/autostart/$APP_ID.desktop"
	for size in $SIZES; do
		rm -f "$DATA/icons/hicolor/$size/apps/$APP_ID.png"
	done
	refresh
	echo "Removed $APP_ID from $DATA"
	;;
*)
	echo "usage: $0 install [EXEC] | uninstall" >&2
	exit 2 ;;
esac
