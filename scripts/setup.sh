#!/usr/bin/env bash
# Installs what Netzwerkmappe needs on Debian/Ubuntu, and nothing that is already there.
#   setup.sh app   – what building and running the window needs (make run)
#   setup.sh test  – that, plus the test tooling: Xvfb, WebKitWebDriver, tauri-driver, cargo-deny,
#                    imagemagick, poppler and qpdf for looking at screens and checking PDFs, and axe-core
#                    (npm ci) for the accessibility checks in the window (make test)
#   setup.sh installers – that (app), plus what `make installers` needs: mingw-w64 and Rust's
#                    x86_64-pc-windows-gnu target (the Windows build), wixl/msitools (MSI), nsis
#                    (setup.exe), osslsigncode (signing), dpkg-dev (.deb), and for its checks
#                    wine (smoke test of both installers), Xvfb, imagemagick and poppler
# The KERN files are committed in ui/vendor; `make test` checks they match the pinned npm package.
# Safe to run again; it only acts on what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-app}

packages=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
)
if [ "$mode" = test ]; then
  packages+=(xvfb xauth webkit2gtk-driver dbus-x11 imagemagick poppler-utils qpdf)
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi
if [ "$mode" = installers ]; then
  packages+=(mingw-w64 msitools wixl nsis osslsigncode dpkg-dev wine wine64
             xvfb xauth imagemagick poppler-utils)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installiere Systempakete: ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo dpkg --configure -a || true
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust (cargo) fehlt: bitte über https://rustup.rs installieren." >&2
  exit 1
fi

if [ "$mode" = installers ]; then
  # The Windows standard library for the cross build (rustup's own component, no other download).
  if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
    echo "Installiere Rust-Ziel x86_64-pc-windows-gnu"
    rustup target add x86_64-pc-windows-gnu
  fi
  exit 0
fi
[ "$mode" = test ] || exit 0

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
# tauri-driver 2.x bridges WebDriver to the Tauri window (never the 3.0 alphas).
TAURI_DRIVER_VERSION=2.1.0
if ! "$cargo_bin/tauri-driver" --help >/dev/null 2>&1; then
  echo "Installiere tauri-driver $TAURI_DRIVER_VERSION"
  cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet
fi
# cargo-deny checks the dependency licences against deny.toml (offline: licences, bans, sources).
CARGO_DENY_VERSION=0.20.2
if ! "$cargo_bin/cargo-deny" --version 2>/dev/null | grep -q "$CARGO_DENY_VERSION"; then
  echo "Installiere cargo-deny $CARGO_DENY_VERSION"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked --quiet
fi
# axe-core (test-only, pinned in package.json / package-lock.json) is injected into the real window by
# the end-to-end accessibility tests (tests/e2e/a11y.rs); it is never shipped.
AXE_VERSION=$(python3 -c 'import json; print(json.load(open("package.json"))["devDependencies"]["axe-core"])')
if ! grep -qs "\"version\": \"$AXE_VERSION\"" node_modules/axe-core/package.json; then
  echo "Installiere axe-core $AXE_VERSION und die übrigen festgelegten npm-Pakete (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
