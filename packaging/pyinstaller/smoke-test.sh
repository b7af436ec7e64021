#!/bin/sh
# Smoke-test a one-folder bundle (run by `make bundle` after building it):
#  0. no bundled library or plugin links to a Qt library left out of the bundle;
#  1. `hamstring-gui routines` answers with an empty environment, so nothing
#     from the build machine's Python or venv is needed;
#  2. without a display it says so and exits 2 (no Qt abort);
#  3. the GUI starts under a private Xvfb (a free display it picks itself, so
#     never somebody else's server) and maps a window titled "Hamstring Coach".
# Every run has its own home and runtime folder (control socket, instance lock),
# so a Hamstring Coach running on the same machine is never reached.
#
#   packaging/pyinstaller/smoke-test.sh dist/hamstring-gui
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=$(cd "${1:-dist/hamstring-gui}" && pwd)
APP="$BUNDLE/hamstring-gui"
WORK=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

mkdir -p "$WORK/home"
mkdir -m 700 "$WORK/runtime"
cd "$WORK"  # outside the checkout: the bundle must not find resources/ by accident
run() {  # the bundle with nothing from this machine's environment
	env -i PATH=/usr/bin:/bin HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/runtime" "$@"
}

echo "== the licence ships with the program"
test -f "$BUNDLE/_internal/LICENSE"

echo "== every Qt library a bundled library or plugin links to is in the bundle"
lib_path="$BUNDLE/_internal:$BUNDLE/_internal/PySide6/Qt/lib:$BUNDLE/_internal/PySide6"
missing=$(find "$BUNDLE" -name '*.so*' -type f | while read -r elf; do
	LD_LIBRARY_PATH="$lib_path" ldd "$elf" 2>/dev/null | grep 'libQt6.* => not found' |
		sed "s|^|${elf#"$BUNDLE"/}: |"
done)
if [ -n "$missing" ]; then
	echo "$missing" >&2
	echo "the spec dropped a Qt library that a kept plugin needs" >&2
	exit 1
fi

echo "== routines, empty environment"
run "$APP" routines | tee "$WORK/routines.txt"
grep -q '^desk-break ' "$WORK/routines.txt"
run "$APP" plan desk-break --json >/dev/null

echo "== no display: one line, exit 2"
status=0
run "$APP" >"$WORK/nodisplay.log" 2>&1 || status=$?
if [ "$status" != 2 ] || ! grep -q '^hamstring-gui: no graphical session' "$WORK/nodisplay.log"; then
	echo "expected exit 2 and one line, got $status:" >&2; cat "$WORK/nodisplay.log" >&2; exit 1
fi

# -displayfd: Xvfb takes the first free display and writes its number.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
xvfb_pid=$!
i=0
until [ -s "$WORK/display" ]; do
	i=$((i + 1)); [ "$i" -lt 100 ] || { echo "Xvfb did not start" >&2; cat "$WORK/xvfb.log" >&2; exit 1; }
	kill -0 "$xvfb_pid" 2>/dev/null || { echo "Xvfb exited" >&2; cat "$WORK/xvfb.log" >&2; exit 1; }
	sleep 0.1
done
DISPLAY_NUMBER=$(head -1 "$WORK/display")
echo "== GUI under our own Xvfb :$DISPLAY_NUMBER"
env -i PATH=/usr/bin:/bin HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/runtime" \
	DISPLAY=":$DISPLAY_NUMBER" QT_QPA_PLATFORM=xcb "$APP" >"$WORK/app.log" 2>&1 &
app_pid=$!
# Wait for the main window: titled "Hamstring Coach", with a WM_CLASS (Qt's
# 1x1 group leader and selection-owner windows have none) and mapped.
toplevel() {
	xwininfo -display ":$DISPLAY_NUMBER" -root -tree | grep -i '"hamstring coach": ("' | head -1
}
i=0
until window=$(toplevel) && [ -n "$window" ] &&
	xwininfo -display ":$DISPLAY_NUMBER" -id "$(echo "$window" | awk '{print $1}')" 2>/dev/null |
	grep -q 'IsViewable'; do
	if ! kill -0 "$app_pid" 2>/dev/null; then
		echo "the app exited before showing a window:" >&2; cat "$WORK/app.log" >&2; exit 1
	fi
	i=$((i + 1)); [ "$i" -lt 300 ] || { echo "no window after 30 s" >&2; cat "$WORK/app.log" >&2; exit 1; }
	sleep 0.1
done
echo "window:$window"
# The menu entry's StartupWMClass must match the window's WM_CLASS.
wm_class=$(sed -n 's/^StartupWMClass=//p' "$HERE/../linux/io.github.hamstringcoach.HamstringCoach.desktop")
case "$window" in
*"(\"$wm_class\" "*) ;;
*) echo "WARNING: the window's WM_CLASS is not \"$wm_class\" (StartupWMClass in the .desktop file)" >&2 ;;
esac
if [ -s "$WORK/app.log" ]; then echo "-- app output:"; cat "$WORK/app.log"; fi
echo "== bundle OK: $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE"
