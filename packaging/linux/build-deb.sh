#!/usr/bin/env bash
# Packs the Linux release binary into a .deb with dpkg-deb (offline, no Tauri CLI needed):
#   /usr/bin/netzwerkmappe, a desktop entry, the icon in the hicolor theme, copyright.
# The package's run-time dependencies (WebKitGTK, GTK, …) are read from the binary by
# dpkg-shlibdeps, so they always match what it links.
# Usage: build-deb.sh <binary> <version> <output folder>
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$1; version=$2; out=$3
arch=$(dpkg --print-architecture)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pkg=$work/pkg
install -Dm755 "$bin" "$pkg/usr/bin/netzwerkmappe"
install -Dm644 packaging/linux/netzwerkmappe.desktop "$pkg/usr/share/applications/netzwerkmappe.desktop"
for s in 32x32 64x64 128x128; do
  install -Dm644 "icons/$s.png" "$pkg/usr/share/icons/hicolor/$s/apps/netzwerkmappe.png"
done
install -Dm644 icons/128x128@2x.png "$pkg/usr/share/icons/hicolor/256x256/apps/netzwerkmappe.png"
install -Dm644 icons/icon.png "$pkg/usr/share/icons/hicolor/512x512/apps/netzwerkmappe.png"
doc=$pkg/usr/share/doc/netzwerkmappe
mkdir -p "$doc"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: Netzwerkmappe"
  echo
  echo "Files: *"
  echo "License: EUPL-1.2"
  echo
  echo "Files: fonts embedded in /usr/bin/netzwerkmappe (Fira Sans)"
  echo "License: OFL-1.1"
  echo
  echo "License: EUPL-1.2"
  sed 's/^$/./; s/^/ /' LICENSE
  echo
  echo "License: OFL-1.1"
  sed 's/^$/./; s/^/ /' src-tauri/core/fonts/OFL.txt
} > "$doc/copyright"

# Dependencies from the binary's dynamic libraries (dpkg-shlibdeps wants a debian/control).
mkdir -p "$work/debian"
printf 'Source: netzwerkmappe\n\nPackage: netzwerkmappe\nArchitecture: any\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O "pkg/usr/bin/netzwerkmappe" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "dpkg-shlibdeps fand keine Abhängigkeiten" >&2; exit 1; }
installed_kb=$(du -sk "$pkg/usr" | cut -f1)
mkdir -p "$pkg/DEBIAN"
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: netzwerkmappe
Version: $version
Architecture: $arch
Maintainer: Netzwerk Integration Baden-Württemberg <netzwerkmappe@example.invalid>
Installed-Size: $installed_kb
Depends: $depends
Section: misc
Priority: optional
Description: Kontakte, Sitzungen, Protokolle und Konzeptpapiere des Netzwerks Integration BW
 Netzwerkmappe ist ein Programm für die kommunalen Integrationsbeauftragten und das
 Netzwerk Integration Baden-Württemberg: Kontakte und Organisationen, Netzwerktreffen mit
 Tagesordnung und Teilnehmenden, Protokolle mit Beschlüssen und Aufgaben, Konzeptpapiere
 und die Sitzungsmappe als PDF. Es arbeitet vollständig offline; die Daten liegen in
 ~/.local/share/de.netzwerk-integration-bw.netzwerkmappe/.
CONTROL
deb=$out/netzwerkmappe_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >/dev/null
echo "$(basename "$deb"): Depends: $depends"
