#!/usr/bin/env bash
# Signs one Windows file (exe, dll, msi) in place with Authenticode, when a certificate is given:
#   NWM_SIGN_PFX        PKCS#12 file (.pfx/.p12) with the code-signing certificate and its key
#   NWM_SIGN_PASS       its password (may be empty)
#   NWM_SIGN_TIMESTAMP  optional RFC 3161 time-stamp server URL (needs network; without it the
#                       signature is only valid while the certificate is)
# Without NWM_SIGN_PFX it does nothing (the build stays unsigned). Uses osslsigncode, so IT can
# sign on Linux; on Windows signtool.exe does the same (docs/Installation.md).
set -euo pipefail
file=$1
[ -n "${NWM_SIGN_PFX:-}" ] || exit 0
tmp="$file.signiert.$$"; rm -f "$tmp"
args=(sign -pkcs12 "$NWM_SIGN_PFX" -h sha256 -n "Netzwerkmappe" -in "$file" -out "$tmp")
# The password goes through a pipe, never onto the command line (where ps would show it).
[ -n "${NWM_SIGN_PASS:-}" ] && args+=(-readpass /dev/stdin)
[ -n "${NWM_SIGN_TIMESTAMP:-}" ] && args+=(-ts "$NWM_SIGN_TIMESTAMP")
if ! printf '%s' "${NWM_SIGN_PASS:-}" | osslsigncode "${args[@]}" >/dev/null; then
  rm -f "$tmp"; echo "Signieren fehlgeschlagen: $file" >&2; exit 1
fi
mv "$tmp" "$file"
echo "signiert: $(basename "$file")"
