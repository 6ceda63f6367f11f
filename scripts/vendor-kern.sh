#!/usr/bin/env bash
# Copies the KERN design system (pinned in package.json / package-lock.json) from node_modules into
# ui/vendor/kern. The copy is committed, so a plain `cargo build`/`cargo run` on a fresh clone always
# gets the styled window; the UI loads only these local files (no CDN, no web fonts from the network).
#   vendor-kern.sh          refresh ui/vendor/kern from the pinned package (after changing the version)
#   vendor-kern.sh --check  fail if the committed copy differs from what the pinned package gives
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version=$(python3 -c 'import json; print(json.load(open("package.json"))["devDependencies"]["@kern-ux/native"])')
pkg=node_modules/@kern-ux/native
if [ ! -f "$pkg/package.json" ] || ! grep -q "\"version\": \"$version\"" "$pkg/package.json"; then
  npm ci --no-audit --no-fund --loglevel=error
fi

check=false
[ "${1:-}" = "--check" ] && check=true
final=ui/vendor/kern
out=$final
if $check; then out=$(mktemp -d)/kern; trap 'rm -rf "$(dirname "$out")"' EXIT; fi

rm -rf "$out"
mkdir -p "$out/fonts/fira-sans"
cp "$pkg/dist/kern.min.css" "$out/"
cp "$pkg/LICENSE.md" "$out/LICENSE.md"
# Only the weights KERN's stylesheet uses; the font CSS is trimmed to them so nothing 404s.
weights=(Regular Italic Medium SemiBold Bold)
for w in "${weights[@]}"; do cp "$pkg/dist/fonts/fira-sans/FiraSans-$w.woff2" "$out/fonts/fira-sans/"; done
python3 - "$pkg/dist/fonts/fira-sans.css" "$out/fonts/fira-sans.css" "${weights[@]}" <<'PY'
import re, sys
src, dst, *weights = sys.argv[1:]
blocks = re.findall(r"@font-face\s*{[^}]*}", open(src, encoding="utf-8").read())
keep = [b for b in blocks if any(f"FiraSans-{w}.woff2" in b for w in weights)]
open(dst, "w", encoding="utf-8").write("/* Trimmed copy of @kern-ux/native dist/fonts/fira-sans.css (scripts/vendor-kern.sh). */\n" + "\n".join(keep) + "\n")
PY

if $check; then
  if ! diff -r "$out" "$final" >/dev/null; then
    echo "ui/vendor/kern weicht vom festgelegten npm-Paket @kern-ux/native $version ab: bitte 'make vendor' ausführen und das Ergebnis einchecken." >&2
    diff -rq "$out" "$final" >&2 || true
    exit 1
  fi
  echo "ui/vendor/kern entspricht @kern-ux/native $version"
else
  echo "KERN $version nach $final kopiert"
fi
