#!/usr/bin/env bash
# The domain core must build without a webview: fail if tauri (or wry/webkit) is in its dependency graph.
set -euo pipefail
cd "$(dirname "$0")/.."
if cargo tree -p netzwerkmappe-core -e normal,build --prefix none | grep -Eq '^(tauri|wry|webkit2gtk)[ -]'; then
  echo "Fehler: netzwerkmappe-core hängt von Tauri/WebKit ab; der Kern muss Tauri-frei bleiben." >&2
  exit 1
fi
echo "netzwerkmappe-core ist Tauri-frei."
