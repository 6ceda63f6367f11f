#!/usr/bin/env bash
# Smoke test of the Windows installers under Wine (Debian's wine 8), after packaging/build-installers.sh:
# for the MSI and for the setup.exe, each in a fresh Wine prefix:
#   1. without the WebView2 Runtime the installer refuses (German message, non-zero exit code);
#   2. with it (a registry value standing in for the runtime) it installs silently;
#   3. the installed command line runs: --version, demo, info, mappe naechste …pdf, pruefen,
#      --daten C:\…\probe demo; the PDF has pages, the data file is there;
#   4. Start-menu shortcut and "Apps & Features" entry (publisher, version, icon) are there;
#   5. an update over the installation keeps the data and leaves one entry;
#   6. silent uninstall removes the program and keeps the data folder in %APPDATA%.
# The window itself cannot be tested under Wine: it needs Microsoft's WebView2, which Wine lacks.
#
# Wine 8 lacks bcryptprimitives.dll, which Rust's standard library imports (Windows 10/11 have
# it): a stub built here from windows/bcryptprimitives-stub.c goes into the prefix's system32.
# TEST ONLY: it is never shipped.
#
# Usage: wine-smoke.sh [msi|nsis]   (default both). Exit code 0 only if every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${NWM_OUT:-$root/target/installers}
which=${1:-both}
msi=$(ls "$out"/Netzwerkmappe-*-x64.msi 2>/dev/null | head -1)
setup=$(ls "$out"/Netzwerkmappe-*-x64-setup.exe 2>/dev/null | head -1)
version=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' Cargo.toml)
appid=de.netzwerk-integration-bw.netzwerkmappe
webview2_key='Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}'

work=$(mktemp -d /tmp/nwm-wine.XXXXXX)
keep=${KEEP:-}
cleanup() {
  # Only the wineservers of our own prefixes.
  for p in "$work"/prefix-*; do [ -d "$p" ] && WINEPREFIX=$p wineserver -k 2>/dev/null || true; done
  [ -n "$keep" ] && echo "Wine-Ordner bleibt: $work" || rm -rf "$work"
}
trap cleanup EXIT
export WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko install prompts in a fresh prefix.
export WINEDLLOVERRIDES="mscoree=;mshtml="
log=$work/log.txt
passed=0; failed=0
ok()   { echo "  ok   $*"; passed=$((passed + 1)); }
fail() { echo "  FEHLER $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@" >>"$log" 2>&1; then ok "$what"; else fail "$what"; fi; }
w() { timeout 300 wine "$@"; }

x86_64-w64-mingw32-gcc -O2 -shared -o "$work/bcryptprimitives.dll" packaging/windows/bcryptprimitives-stub.c -ladvapi32

fresh_prefix() {
  export WINEPREFIX=$work/prefix-$1
  timeout 300 wine wineboot --init >>"$log" 2>&1 || true
  wineserver -w
  cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
  c=$WINEPREFIX/drive_c
  user=$(ls "$c/users" | grep -v '^Public$' | head -1)
  appdata=$c/users/$user/AppData/Roaming/$appid
}

# Runs the installed CLI and checks what it wrote. $1: the exe's Windows path.
exercise_cli() {
  local exe=$1 out_txt
  out_txt=$(w "$exe" --version 2>>"$log" | tr -d '\r') || true
  [[ "$out_txt" == *"$version"* ]] && ok "--version: $out_txt" || fail "--version gab „$out_txt“"
  check "demo (Beispielnetzwerk in %APPDATA%)" w "$exe" demo
  out_txt=$(w "$exe" info 2>>"$log" | tr -d '\r') || true
  echo "$out_txt" >>"$log"
  [[ "$out_txt" == *"$appid"* ]] && ok "info nennt den Datenordner in %APPDATA%" || fail "info: $out_txt"
  check "mappe naechste C:\\users\\Public\\mappe.pdf" w "$exe" mappe naechste 'C:\users\Public\mappe.pdf'
  local pages
  pages=$(pdfinfo "$c/users/Public/mappe.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  [ "${pages:-0}" -gt 0 ] && ok "Sitzungsmappe: $pages Seiten" || fail "Sitzungsmappe fehlt oder ist leer"
  check "pruefen" w "$exe" pruefen
  [ -s "$appdata/netzwerkmappe.sqlite3" ] && ok "Datendatei $(du -k "$appdata/netzwerkmappe.sqlite3" | cut -f1) kB" \
    || fail "Datendatei fehlt in $appdata"
  check "--daten C:\\users\\Public\\probe demo" w "$exe" --daten 'C:\users\Public\probe' demo
  [ -s "$c/users/Public/probe/netzwerkmappe.sqlite3" ] && ok "Datendatei im gewählten Ordner" || fail "--daten: keine Datendatei"
  check "sichern C:\\users\\Public\\sicherung.sqlite" w "$exe" sichern 'C:\users\Public\sicherung.sqlite'
  [ "$(head -c 15 "$c/users/Public/sicherung.sqlite" 2>/dev/null)" = "SQLite format 3" ] \
    && ok "Sicherung ist eine SQLite-Datei" || fail "keine Sicherungsdatei"
}

uninstall_entry() { # prints the "Apps & Features" entries (machine and user) whose DisplayName is ours
  for hive in HKLM HKCU; do
    { w reg query "$hive\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall" /s 2>/dev/null || true; } | tr -d '\r' \
      | awk -v h="$hive" '/^HKEY/ {key=$0} /DisplayName/ && /Netzwerkmappe/ {print key}'
  done
}

entry_values() { { w reg query "$1" 2>/dev/null || true; } | tr -d '\r'; }

test_msi() {
  echo "MSI: $(basename "$msi")"
  fresh_prefix msi
  local exe='C:\Program Files\Netzwerkmappe\netzwerkmappe.exe'
  local rc=0
  w msiexec /i "$msi" /qn /l*v 'C:\users\Public\ohne-webview2.log' >>"$log" 2>&1 || rc=$?
  # 1603 arrives as 67 here (a Unix exit status keeps the low 8 bits).
  [ "$rc" -ne 0 ] && [ ! -e "$c/Program Files/Netzwerkmappe/netzwerkmappe.exe" ] \
    && ok "ohne WebView2 abgelehnt (Rückgabewert $rc)" || fail "ohne WebView2 nicht abgelehnt (rc=$rc)"
  # Wine's log names the failed LaunchConditions action but not the message; Windows' log has
  # the text, which is in the package:
  grep -a "LaunchConditions" "$c/users/Public/ohne-webview2.log" >/dev/null \
    && msiinfo export "$msi" LaunchCondition | grep "WebView2 Runtime“ (Evergreen), die auf diesem PC fehlt" >/dev/null \
    && ok "abgelehnt in LaunchConditions, Meldung: „… braucht die Microsoft Edge WebView2 Runtime …“" \
    || fail "WebView2-Startbedingung fehlt"
  # The runtime's registration, per machine in the 32-bit registry view.
  w reg add "HKLM\\SOFTWARE\\$webview2_key" /v pv /t REG_SZ /d 131.0.2903.70 /f /reg:32 >>"$log" 2>&1
  check "msiexec /i … /qn" w msiexec /i "$msi" /qn
  [ -f "$c/Program Files/Netzwerkmappe/netzwerkmappe.exe" ] && [ -f "$c/Program Files/Netzwerkmappe/WebView2Loader.dll" ] \
    && ok "exe und WebView2Loader.dll in C:\\Program Files\\Netzwerkmappe" || fail "Programmdateien fehlen"
  # Wine 8 resolves ProgramMenuFolder to the user's Start menu even for per-machine installs
  # (and ignores MSIINSTALLPERUSER); Windows puts it under %ProgramData%.
  local lnk_machine="$c/ProgramData/Microsoft/Windows/Start Menu/Programs/Netzwerkmappe.lnk"
  local lnk_user="$c/users/$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Netzwerkmappe.lnk"
  [ -f "$lnk_machine" ] || [ -f "$lnk_user" ] && ok "Startmenü-Verknüpfung" || fail "keine Startmenü-Verknüpfung"
  msiinfo export "$msi" MsiShortcutProperty 2>/dev/null | grep "$appid" >/dev/null \
    && ok "MSI setzt System.AppUserModel.ID=$appid an der Verknüpfung (MsiShortcutProperty; Wine wertet sie nicht aus)" \
    || fail "MsiShortcutProperty fehlt"
  local key; key=$(uninstall_entry | head -1)
  if [ -n "$key" ]; then
    local vals; vals=$(entry_values "$key")
    echo "$vals" >>"$log"
    grep -q "Publisher.*Netzwerk Integration" <<<"$vals" && grep -q "DisplayVersion.*$version" <<<"$vals" \
      && ok "Apps & Features: Herausgeber und Version" || fail "Apps & Features: Angaben fehlen ($key)"
  else
    fail "kein Eintrag in Apps & Features"
  fi
  exercise_cli "$exe"

  # Update: the same files as a newer version (built here) replace the installation in place.
  local newer=${version%.*}.$(( ${version##*.} + 1 ))
  local upd=$work/update.msi
  (cd "$out/windows" && wixl -a x64 -D Version="$newer" -o "$upd" "$root/packaging/windows/netzwerkmappe.wxs" >>"$log" 2>&1)
  bash packaging/windows/msi-postprocess.sh "$upd" "$newer" >>"$log" 2>&1
  check "Update auf $newer (msiexec /i … /qn)" w msiexec /i "$upd" /qn
  [ "$(uninstall_entry | wc -l)" -eq 1 ] && ok "nach dem Update genau ein Eintrag" || fail "nach dem Update $(uninstall_entry | wc -l) Einträge"
  entry_values "$(uninstall_entry | head -1)" | grep "DisplayVersion.*$newer" >/dev/null && ok "Eintrag zeigt Version $newer" \
    || fail "Eintrag zeigt nicht $newer"
  w "$exe" pruefen >>"$log" 2>&1 && ok "Daten nach dem Update lesbar (pruefen)" || fail "pruefen nach dem Update"

  check "msiexec /x … /qn" w msiexec /x "$upd" /qn
  [ ! -e "$c/Program Files/Netzwerkmappe/netzwerkmappe.exe" ] && [ ! -e "$lnk_machine" ] && [ ! -e "$lnk_user" ] \
    && ok "deinstalliert: Programm und Verknüpfung entfernt" || fail "nach Deinstallation bleibt Programm/Verknüpfung"
  [ -z "$(uninstall_entry)" ] && ok "Eintrag in Apps & Features entfernt" || fail "Eintrag bleibt nach Deinstallation"
  [ -s "$appdata/netzwerkmappe.sqlite3" ] && ok "Datenordner %APPDATA%\\$appid bleibt erhalten" || fail "Datenordner gelöscht"
  wineserver -k || true
}

test_nsis() {
  echo "setup.exe: $(basename "$setup")"
  fresh_prefix nsis
  local rc=0
  w "$setup" /S >>"$log" 2>&1 || rc=$?
  [ "$rc" -eq 3 ] && [ ! -e "$c/Program Files/Netzwerkmappe" ] && ok "ohne WebView2 abgelehnt (Rückgabewert 3)" \
    || fail "ohne WebView2: Rückgabewert $rc"
  # The runtime's registration, here per user.
  w reg add "HKCU\\Software\\$webview2_key" /v pv /t REG_SZ /d 131.0.2903.70 /f >>"$log" 2>&1

  # For the current user only.
  local user_dir="$c/users/$user/AppData/Local/Programs/Netzwerkmappe"
  check "setup.exe /S /CURRENTUSER" w "$setup" /S /CURRENTUSER
  [ -f "$user_dir/netzwerkmappe.exe" ] && ok "installiert in %LOCALAPPDATA%\\Programs\\Netzwerkmappe" || fail "nicht im Benutzerordner"
  [ -f "$c/users/$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Netzwerkmappe.lnk" ] \
    && ok "Startmenü-Verknüpfung (Benutzer)" || fail "keine Startmenü-Verknüpfung des Benutzers"
  uninstall_entry | grep '^HKEY_CURRENT_USER' >/dev/null && ok "Apps & Features: Eintrag unter HKCU" || fail "kein HKCU-Eintrag"
  w "$(winepath -w "$user_dir/uninstall.exe")" /S >>"$log" 2>&1 || true
  for _ in $(seq 1 60); do [ -e "$user_dir/netzwerkmappe.exe" ] || break; sleep 1; done
  [ ! -e "$user_dir/netzwerkmappe.exe" ] && [ -z "$(uninstall_entry)" ] && ok "uninstall.exe /S (Benutzer)" || fail "Benutzer-Deinstallation"

  # For all users (the default with admin rights); the shortcut's AppUserModelID is set through the
  # shell's property store, which Wine only stubs: its trace shows the installer's call.
  local exe='C:\Program Files\Netzwerkmappe\netzwerkmappe.exe'
  local trace=$work/nsis-trace.txt
  WINEDEBUG=fixme+shell timeout 300 wine "$setup" /S >"$trace" 2>&1 && ok "setup.exe /S (alle Benutzer)" || fail "setup.exe /S"
  grep -q 'propertystore_SetValue' "$trace" && ok "Verknüpfung: System.AppUserModel.ID gesetzt (IPropertyStore::SetValue aufgerufen)" \
    || fail "AppUserModelID nicht gesetzt"
  [ -f "$c/ProgramData/Microsoft/Windows/Start Menu/Programs/Netzwerkmappe.lnk" ] && ok "Startmenü-Verknüpfung (alle Benutzer)" \
    || fail "keine Startmenü-Verknüpfung"
  local key; key=$(uninstall_entry | head -1)
  local vals; vals=$(entry_values "$key"); echo "$vals" >>"$log"
  grep -q "Publisher.*Netzwerk Integration" <<<"$vals" && grep -q "DisplayVersion.*$version" <<<"$vals" \
    && grep -q 'DisplayIcon.*netzwerkmappe.exe' <<<"$vals" && ok "Apps & Features: Herausgeber, Version, Symbol" \
    || fail "Apps & Features: Angaben fehlen"
  exercise_cli "$exe"
  check "Update: setup.exe /S noch einmal" w "$setup" /S
  [ "$(uninstall_entry | wc -l)" -eq 1 ] && ok "nach dem Update genau ein Eintrag" || fail "nach dem Update $(uninstall_entry | wc -l) Einträge"
  w "$exe" pruefen >>"$log" 2>&1 && ok "Daten nach dem Update lesbar (pruefen)" || fail "pruefen nach dem Update"

  w 'C:\Program Files\Netzwerkmappe\uninstall.exe' /S >>"$log" 2>&1 || true
  # The uninstaller copies itself to %TEMP% and returns at once; wait for it to finish.
  for _ in $(seq 1 60); do [ -e "$c/Program Files/Netzwerkmappe/netzwerkmappe.exe" ] || break; sleep 1; done
  [ ! -e "$c/Program Files/Netzwerkmappe" ] && [ ! -e "$c/ProgramData/Microsoft/Windows/Start Menu/Programs/Netzwerkmappe.lnk" ] \
    && ok "uninstall.exe /S: Programmordner und Verknüpfung entfernt" || fail "nach Deinstallation bleibt etwas"
  [ -z "$(uninstall_entry)" ] && ok "Eintrag in Apps & Features entfernt" || fail "Eintrag bleibt"
  [ -s "$appdata/netzwerkmappe.sqlite3" ] && ok "Datenordner %APPDATA%\\$appid bleibt erhalten" || fail "Datenordner gelöscht"
  wineserver -k || true
}

start=$(date +%s)
if [ "$which" != nsis ]; then
  [ -n "$msi" ] || { echo "Kein MSI in target/installers (make installers)" >&2; exit 1; }
  test_msi
fi
if [ "$which" != msi ]; then
  [ -n "$setup" ] || { echo "Kein setup.exe in target/installers (make installers)" >&2; exit 1; }
  test_nsis
fi
cp "$log" "$out/wine-smoke.log"
echo "Wine-Rauchtest: $(( $(date +%s) - start )) s, Protokoll: $out/wine-smoke.log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
