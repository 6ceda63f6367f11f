#!/usr/bin/env bash
# Copies the PDF fonts (Fira Sans, the typeface of KERN and so of the window; SIL OFL 1.1, which allows
# embedding) from the pinned npm package @expo-google-fonts/fira-sans, the one registry package that
# ships Fira Sans as TTF (printpdf needs TTF/OTF; @fontsource has WOFF only). The copy is committed
# under src-tauri/core/fonts and embedded in the binary, so the PDF export never needs a system font.
#   vendor-fonts.sh          refresh src-tauri/core/fonts from the pinned package
#   vendor-fonts.sh --check  fail if the committed copy differs from what the pinned package gives
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
package="@expo-google-fonts/fira-sans"
version="0.4.1"
# npm's integrity of that tarball: a changed package under the same version is refused.
integrity="sha512-zQVs67baYyBVEScaCGKG3MBtGe2hPNc7R3Axmj7JmWs310kOem4poL1mB+O52rwfFqiigzxV876BHFZBxoie1Q=="
check=false
[ "${1:-}" = "--check" ] && check=true
final=src-tauri/core/fonts

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package@$version" >/dev/null)
tarball=$(ls "$work"/*.tgz)
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "Das npm-Paket $package $version hat nicht die erwartete Prüfsumme." >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
out=$final
if $check; then out="$work/fonts"; fi
rm -rf "$out"
mkdir -p "$out"
cp "$work/package/400Regular/FiraSans_400Regular.ttf" "$out/FiraSans-Regular.ttf"
cp "$work/package/400Regular_Italic/FiraSans_400Regular_Italic.ttf" "$out/FiraSans-Italic.ttf"
cp "$work/package/600SemiBold/FiraSans_600SemiBold.ttf" "$out/FiraSans-SemiBold.ttf"
cp "$work/package/600SemiBold_Italic/FiraSans_600SemiBold_Italic.ttf" "$out/FiraSans-SemiBoldItalic.ttf"
cp "$work/package/LICENSE_FONT" "$out/OFL.txt"

if $check; then
  if ! diff -r "$out" "$final" >/dev/null; then
    echo "src-tauri/core/fonts weicht vom festgelegten npm-Paket $package $version ab: bitte 'make vendor' ausführen und das Ergebnis einchecken." >&2
    diff -rq "$out" "$final" >&2 || true
    exit 1
  fi
  echo "src-tauri/core/fonts entspricht $package $version"
else
  echo "Fira Sans ($package $version) nach $final kopiert"
fi
