#!/usr/bin/env bash
# Checks the .deb from packaging/build-installers.sh on this machine: its contents, install with
# apt (dependencies resolved), the installed command line, the window from the installed binary
# under Xvfb (a screenshot to target/installers/deb-fenster.png), and removal. Needs root (or sudo).
# Leaves the machine as it was: the package is removed again, even if a check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(pwd)/target/installers
deb=$(ls "$out"/netzwerkmappe_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "Kein .deb in target/installers (make installers)" >&2; exit 1; }
version=$(dpkg-deb -f "$deb" Version)
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
passed=0; failed=0
ok()   { echo "  ok   $*"; passed=$((passed + 1)); }
fail() { echo "  FEHLER $*"; failed=$((failed + 1)); }
tmp=$(mktemp -d)
installed_here=""
cleanup() {
  [ -n "$installed_here" ] && $sudo apt-get remove -y -qq netzwerkmappe >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

echo ".deb: $(basename "$deb") ($(( $(stat -c %s "$deb") / 1024 )) kB)"
dpkg-deb -c "$deb" > "$tmp/contents"
for f in ./usr/bin/netzwerkmappe ./usr/share/applications/netzwerkmappe.desktop \
         ./usr/share/icons/hicolor/128x128/apps/netzwerkmappe.png ./usr/share/doc/netzwerkmappe/copyright; do
  grep -q " $f\$" "$tmp/contents" && ok "enthält $f" || fail "$f fehlt"
done
desktop-file-validate <(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/applications/netzwerkmappe.desktop) 2>/dev/null \
  && ok "Desktop-Eintrag gültig" || { command -v desktop-file-validate >/dev/null && fail "Desktop-Eintrag ungültig" || true; }

if dpkg-query -W -f='${Status}' netzwerkmappe 2>/dev/null | grep "install ok installed" >/dev/null; then
  echo "netzwerkmappe ist hier schon installiert; bitte zuerst entfernen (apt-get remove netzwerkmappe)." >&2
  exit 1
fi
if $sudo apt-get install -y -qq "$deb" >"$tmp/apt.log" 2>&1; then
  installed_here=1; ok "apt-get install ./$(basename "$deb")"
else
  cat "$tmp/apt.log"; fail "apt-get install"
fi
v=$(/usr/bin/netzwerkmappe --version 2>&1 || true)
[[ "$v" == *"$version"* ]] && ok "/usr/bin/netzwerkmappe --version: $v" || fail "--version: $v"
/usr/bin/netzwerkmappe --daten "$tmp/daten" demo >/dev/null && ok "demo" || fail "demo"
/usr/bin/netzwerkmappe --daten "$tmp/daten" mappe naechste "$tmp/mappe.pdf" >/dev/null \
  && [ "$(pdfinfo "$tmp/mappe.pdf" | awk '/^Pages:/ {print $2}')" -gt 0 ] && ok "mappe naechste (PDF mit Seiten)" || fail "mappe"

# The window from the installed binary, a few seconds under Xvfb, and a screenshot of the screen.
shot=$out/deb-fenster.png
rm -f "$shot"
WEBKIT_DISABLE_DMABUF_RENDERER=1 xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  /usr/bin/netzwerkmappe --daten "$1" >"$3/window.log" 2>&1 &
  pid=$!
  sleep 8
  import -window root "$2"
  alive=no; kill -0 "$pid" 2>/dev/null && alive=yes
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  echo "$alive" > "$3/alive"' _ "$tmp/daten" "$shot" "$tmp" || true
[ "$(cat "$tmp/alive" 2>/dev/null)" = yes ] && ok "Fenster läuft nach 8 s noch" || { cat "$tmp/window.log"; fail "Fenster beendet"; }
[ -s "$shot" ] && ok "Bildschirmfoto: target/installers/$(basename "$shot")" || fail "kein Bildschirmfoto"

if $sudo apt-get remove -y -qq netzwerkmappe >/dev/null 2>&1; then
  installed_here=""; ok "apt-get remove"
else
  fail "apt-get remove"
fi
[ ! -e /usr/bin/netzwerkmappe ] && ok "/usr/bin/netzwerkmappe entfernt" || fail "/usr/bin/netzwerkmappe bleibt"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
