#!/usr/bin/env bash
# Installs everything Netzwerkmappe needs to build, run and test on Debian/Ubuntu, and nothing that
# is already there: system libraries for Tauri (WebKitGTK), Xvfb + WebKitWebDriver for the
# end-to-end tests, tauri-driver, Node/npm for copying KERN, and the KERN files themselves.
# Safe to run again; it only acts on what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  xvfb xauth webkit2gtk-driver dbus-x11
  imagemagick poppler-utils
)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

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

# tauri-driver 2.x bridges WebDriver to the Tauri window (never the 3.0 alphas).
TAURI_DRIVER_VERSION=2.1.0
if ! "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" --help >/dev/null 2>&1; then
  echo "Installiere tauri-driver $TAURI_DRIVER_VERSION"
  cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet
fi

bash scripts/vendor-kern.sh
