#!/usr/bin/env bash
# Regenerates every icon in icons/ from the one source image icons/source.svg.
# Needs: librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
# The output is committed; run this only when the source changes.
set -euo pipefail
cd "$(dirname "$0")/../icons"
render() { rsvg-convert -w "$1" -h "$1" source.svg -o "$2"; }
render 32 32x32.png
render 64 64x64.png
render 128 128x128.png
render 256 128x128@2x.png
render 512 icon.png
for s in 30 44 71 89 107 142 150 284 310; do render "$s" "Square${s}x${s}Logo.png"; done
render 50 StoreLogo.png
tmp=$(mktemp -d)
for s in 16 24 32 48 64 256; do render "$s" "$tmp/$s.png"; done
convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/256.png" icon.ico
for s in 16 32 128 256 512; do render "$s" "$tmp/icns-$s.png"; done
png2icns icon.icns "$tmp"/icns-{16,32,128,256,512}.png >/dev/null
rm -rf "$tmp"
echo "Icons erzeugt in icons/"
