# The two commands of the README: `make run` and `make test`. Each sets up
# everything it needs (Debian packages when missing, .venv, the package in
# editable mode with its extras) and then does its job.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Debian packages: Qt's xcb platform under Xvfb, the chimes (libpulse0;
# pulseaudio and pulseaudio-utils for the recorded tests of the cues and for
# make bench), the voice (speech-dispatcher with espeak-ng), a font (without one
# every glyph is a box, silently), and the
# X tools the end-to-end tests use (xwininfo; import from imagemagick for screenshots;
# busctl from systemd to talk to the session bus), pdftotext, pdftoppm and pdfimages (poppler-utils) to
# read the PDFs the papers tests write, the .desktop and AppStream validators of
# tests/packaging, man (man-db, with groff) to check the man page and zsh and fish
# to load their completion scripts (bash is always there). tests/helpers/tools.py
# names the package of every program a test runs, and a test holds this list to
# it; with CI=true a missing program fails its test instead of skipping it. at-spi2-core: the accessibility
# bus (at-spi-bus-launcher, at-spi2-registryd) that tests/e2e/test_xvfb_atspi.py
# reads; xdotool types its keyboard-only walk.
DEB_PACKAGES := xvfb xauth libpulse0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 \
	libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core \
	x11-utils libx11-6 libxss1 dbus-daemon dunst trayer desktop-file-utils appstream \
	pulseaudio pulseaudio-utils imagemagick systemd at-spi2-core xdotool poppler-utils \
	man-db groff-base zsh fish gettext \
	speech-dispatcher speech-dispatcher-espeak-ng espeak-ng

.PHONY: run test lint deps venv clean contact-sheet bench po pot-only overlay-hashes
.PHONY: install-desktop uninstall-desktop bundle test-packaging

run: venv
	$(BIN)/hamstring-gui

test: venv
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Translations (README "Languages"): extract every marked word of the code, the
# desktop entry and the AppStream metainfo into the template, merge it into each
# language's .po (new words come in empty, changed ones fuzzy: the tests name
# both), check each .po with msgfmt, and write the translations into the desktop
# entries and the metainfo (msgfmt --desktop/--xml). Needs Debian's gettext.
LOCALE := resources/locale
POT := $(LOCALE)/hamstring-gui.pot
APP_FILES := packaging/linux/io.github.hamstringcoach.HamstringCoach
po: pot-only
	for po in $(LOCALE)/*.po; do msgmerge --quiet --no-wrap --update --backup=none $$po $(POT); done
	for po in $(LOCALE)/*.po; do msgfmt --check --statistics -o /dev/null $$po; done
	$(PYTHON) tools/translate_desktop_files.py

# The template alone (the tests extract into a temporary POT to see it is current).
pot-only:
	xgettext --from-code=UTF-8 --language=Python --keyword=_ --keyword=N_ \
		--keyword=ngettext:1,2 --keyword=pgettext:1c,2 --keyword=npgettext:1c,2,3 \
		--keyword=NC_:1c,2 --add-comments=TRANSLATORS: \
		--package-name=hamstring-gui --msgid-bugs-address=https://github.com/hamstringcoach \
		--sort-by-file -o $(POT) $$(find hamstring_gui -name '*.py' -not -path '*/resources/*' | sort)
	rm -rf build/i18n && $(PYTHON) tools/translate_desktop_files.py --templates build/i18n
	cd build/i18n && xgettext --join-existing --from-code=UTF-8 -o $(abspath $(POT)) \
		$(notdir $(APP_FILES)).desktop autostart-$(notdir $(APP_FILES)).desktop \
		$(notdir $(APP_FILES)).metainfo.xml

# The source hashes a stretch or routine overlay entry must carry (after the English changed).
overlay-hashes: venv
	$(BIN)/python tools/overlay_hashes.py

# Benchmarks of issue 11 (private Xvfb, ~6 min): a table and benchmarks/results.json.
# `make bench BENCH=--only=history` measures the history figures alone (~1 min),
# `BENCH=--only=startup` the start-up and memory ratios, `BENCH=--only=session` the
# animated session's CPU, `BENCH=--only=boundary` the phase-boundary and cue figures (~3 min).
bench: venv
	$(BIN)/python benchmarks/run.py $(BENCH)

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: deps $(STAMP)

# PYTHONWARNINGS: setuptools says once per editable install that it is one (an
# InformationOnly UserWarning, ~10 lines); the causes of its real warnings (the
# licence table, data folders as packages) are fixed in pyproject.toml.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	PYTHONWARNINGS=ignore::UserWarning $(BIN)/python -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache

# All illustrations in a grid (each side; light and dark; stretched and start
# poses) into artifacts/illustrations/, to look at them at once.
contact-sheet: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m hamstring_gui.ui.contact_sheet artifacts/illustrations --side left
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m hamstring_gui.ui.contact_sheet artifacts/illustrations --side right

# Packaging (packaging/README.md): `hamstring-gui desktop-entry install` of this
# checkout's venv, so the menu entry runs .venv/bin/hamstring-gui (or
# `hamstring-gui` when one is on PATH, e.g. from pipx).
install-desktop: venv
	$(BIN)/hamstring-gui desktop-entry install

uninstall-desktop: venv
	$(BIN)/hamstring-gui desktop-entry uninstall

bundle: venv
	$(BIN)/python -m PyInstaller --version >/dev/null 2>&1 || $(BIN)/python -m pip install -q pyinstaller
	$(BIN)/python -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/pyinstaller/hamstring-gui.spec
	packaging/pyinstaller/smoke-test.sh dist/hamstring-gui

test-packaging: venv
	$(BIN)/python -m pytest tests/packaging
	$(MAKE) bundle
