# Netzwerkmappe – the two commands that matter: `make run` and `make test`.
# Both install what is missing first (scripts/setup.sh), on a fresh Debian/Ubuntu machine too.

CARGO ?= cargo
E2E_THREADS = --test-threads=1

.PHONY: all run test setup setup-test setup-installers installers installers-check installers-ci vendor vendor-check deny check fmt fmt-check clippy fix test-rust test-e2e core-tauri-free bench icons screenshots guide-screenshots clean

# Format check, build check and lints: what a reviewer runs first.
all: fmt-check check clippy

# Install what building the window needs (only what is missing), build and open it.
run: setup
	$(CARGO) run

# Install what is missing, then every check and every test, including the real window under Xvfb.
test: setup-test fmt-check vendor-check deny clippy core-tauri-free test-rust test-e2e

# System packages the app needs to build and run (only what is missing).
setup:
	bash scripts/setup.sh app

# Additionally the test tooling: Xvfb, WebKitWebDriver, tauri-driver, cargo-deny, npm.
setup-test:
	bash scripts/setup.sh test

# Additionally what the installers need: mingw-w64, msitools/wixl, nsis, osslsigncode, dpkg-dev, wine.
setup-installers:
	bash scripts/setup.sh installers

# Windows (exe cross-compiled with mingw-w64, MSI via wixl, setup.exe via makensis) and Linux (.deb)
# installers into target/installers; signed when NWM_SIGN_PFX/NWM_SIGN_PASS name a certificate.
installers: setup-installers
	bash packaging/build-installers.sh

# The installers' checks: MSI and setup.exe installed, used and removed under Wine; the .deb
# installed with apt, started (CLI and window under Xvfb) and removed.
installers-check: installers
	bash packaging/wine-smoke.sh
	bash packaging/linux/deb-check.sh

# What CI can afford of the above: the same packaging and checks from dev-profile builds (no fat
# LTO); the Linux binary is the one `make test` has built already.
installers-ci: setup-installers
	NWM_PROFILE=dev bash packaging/build-installers.sh
	bash packaging/wine-smoke.sh
	bash packaging/linux/deb-check.sh

# Copy KERN (pinned npm package) into ui/vendor and the PDF fonts into src-tauri/core/fonts (committed).
vendor:
	bash scripts/vendor-kern.sh
	bash scripts/vendor-fonts.sh

# Fail if the committed ui/vendor/kern differs from the pinned npm package.
vendor-check:
	bash scripts/vendor-kern.sh --check
	bash scripts/vendor-fonts.sh --check

# Dependency licences (EUPL-1.2-compatible allow-list), bans and sources, see deny.toml.
deny:
	$(CARGO) deny check licenses bans sources

# Type-check everything.
check:
	$(CARGO) check --workspace --all-targets

# Format all code.
fmt:
	$(CARGO) fmt --all

# Fail if any code is not formatted.
fmt-check:
	$(CARGO) fmt --all -- --check

# Lints as errors.
clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Apply automatic lint fixes.
fix:
	$(CARGO) clippy --workspace --all-targets --fix --allow-dirty --allow-staged

# Unit and integration tests of the core and the command line (no window needed).
test-rust:
	$(CARGO) test --workspace --exclude netzwerkmappe
	$(CARGO) test -p netzwerkmappe --lib --test cli

# End-to-end tests of the real window (tauri-driver + WebKitWebDriver under Xvfb).
test-e2e:
	xvfb-run -a -s "-screen 0 1366x768x24" $(CARGO) test -p netzwerkmappe --test e2e -- $(E2E_THREADS)

# Save a PNG of every screen into target/screenshots (for looking at the UI).
screenshots:
	xvfb-run -a -s "-screen 0 1366x768x24" $(CARGO) test -p netzwerkmappe --test e2e -- --ignored --test-threads=1 screenshots

# Take the pictures of docs/Benutzerhandbuch.md anew from this build into docs/bilder (256 colours).
guide-screenshots:
	xvfb-run -a -s "-screen 0 1366x768x24" $(CARGO) test -p netzwerkmappe --test e2e -- --ignored --test-threads=1 guide_pictures

# The domain core must not depend on Tauri.
core-tauri-free:
	bash scripts/check-core-tauri-free.sh

# Speed and size figures (release build, start time under Xvfb).
bench: setup-test
	bash scripts/bench.sh

# Regenerate icons/ from icons/source.svg.
icons:
	bash scripts/make-icons.sh

# Remove build output.
clean:
	$(CARGO) clean
