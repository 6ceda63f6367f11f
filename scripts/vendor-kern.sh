#!/usr/bin/env bash
# Copies the KERN design system (pinned in package.json / package-lock.json) from node_modules into
# ui/vendor/kern. The UI loads only these local copies: no CDN, no web fonts from the network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
pkg=node_modules/@kern-ux/native
if [ ! -f "$pkg/package.json" ] || ! grep -q '"version": "2.7.2"' "$pkg/package.json"; then
  npm ci --no-audit --no-fund --loglevel=error
fi
out=ui/vendor/kern
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
echo "KERN $(grep -o '"version": "[^"]*"' "$pkg/package.json") nach $out kopiert"
