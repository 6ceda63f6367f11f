#!/usr/bin/env bash
# Builds the installers on Linux (make installers), into target/installers/:
#   windows/netzwerkmappe.exe + WebView2Loader.dll   cross-compiled for x86_64-pc-windows-gnu (mingw-w64)
#   Netzwerkmappe-<v>-x64.msi                        Debian's wixl (msitools) from windows/netzwerkmappe.wxs
#   Netzwerkmappe-<v>-x64-setup.exe                  Debian's makensis (64-bit stub) from windows/netzwerkmappe.nsi
#   netzwerkmappe_<v>_amd64.deb                      linux/build-deb.sh (dpkg-deb)
#   SHA256SUMS
# Nothing is downloaded at build time (Tauri's own NSIS/AppImage/MSI bundlers would, or refuse on Linux).
#
# Environment:
#   NWM_SIGN_PFX, NWM_SIGN_PASS   sign exe, MSI, setup.exe and its uninstaller with this PKCS#12
#                                 certificate (osslsigncode; see packaging/sign.sh); unsigned otherwise
#   NWM_PROFILE                   cargo profile of both builds (default release; CI uses dev: the
#                                 packaging is the same, the build far shorter than release's fat LTO)
#   NWM_ONLY                      "windows" or "deb" to build only one side
#   CARGO_TARGET_DIR              as usual (default: target/)
# Prints the time of each step and the size of each artefact.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
out=$root/target/installers
profile=${NWM_PROFILE:-release}
profile_dir=$profile; [ "$profile" = dev ] && profile_dir=debug
only=${NWM_ONLY:-}
version=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' Cargo.toml)
[ -n "$version" ] || { echo "Version nicht gefunden (Cargo.toml, [workspace.package])" >&2; exit 1; }
mkdir -p "$out"
: > "$out/timings.txt"

step() { # step NAME COMMAND… – runs and times one step
  local name=$1; shift
  local start end
  start=$(date +%s)
  "$@"
  end=$(date +%s)
  printf '%-34s %5d s\n' "$name" $((end - start)) | tee -a "$out/timings.txt"
}
size() { awk -v n="$(basename "$1")" -v b="$(stat -c %s "$1")" 'BEGIN { printf "%-34s %8.1f MB  (%d Bytes)\n", n, b / 1048576, b }'; }
sign() { bash packaging/sign.sh "$1"; }

if [ "$only" != deb ]; then
  # --- Windows -----------------------------------------------------------------------------
  win_dir=$target_dir/x86_64-pc-windows-gnu/$profile_dir
  step "Windows-Build ($profile)" cargo build --profile "$profile" --target x86_64-pc-windows-gnu -p netzwerkmappe
  stage=$out/windows
  rm -rf "$stage"; mkdir -p "$stage"
  cp "$win_dir/netzwerkmappe.exe" "$stage/"
  # tauri-build copies the WebView2 loader (from webview2-com-sys) beside the exe; the GNU build
  # loads it at run time, so it ships next to the exe.
  cp "$win_dir/WebView2Loader.dll" "$stage/"
  cp icons/icon.ico "$stage/"
  sed 's/$/\r/' LICENSE > "$stage/LIZENZ.txt"
  sed 's/$/\r/' src-tauri/core/fonts/OFL.txt > "$stage/SCHRIFTEN-LIZENZ.txt"
  # The exe must not need MinGW's runtime DLLs (they are not shipped).
  if x86_64-w64-mingw32-objdump -p "$stage/netzwerkmappe.exe" | grep -iE 'DLL Name: (libgcc|libstdc|libwinpthread)'; then
    echo "netzwerkmappe.exe braucht MinGW-Laufzeit-DLLs, die nicht mitgeliefert werden." >&2; exit 1
  fi
  sign "$stage/netzwerkmappe.exe"

  msi=$out/Netzwerkmappe-$version-x64.msi
  msi_step() {
    (cd "$stage" && wixl -a x64 -D Version="$version" -o "$msi" "$root/packaging/windows/netzwerkmappe.wxs" 2>&1 \
      | grep -v 'builder.vala:[0-9]*: unimplemented' || true)
    [ -s "$msi" ] || { echo "wixl hat kein MSI geschrieben" >&2; exit 1; }
    bash packaging/windows/msi-postprocess.sh "$msi" "$version"
    sign "$msi"
  }
  step "MSI (wixl)" msi_step

  setup=$out/Netzwerkmappe-$version-x64-setup.exe
  nsis_step() {
    local sign_defs=()
    if [ -n "${NWM_SIGN_PFX:-}" ]; then
      # The uninstaller is written inside the installer; makensis signs it through this hook.
      sign_defs=(-DSIGN_CMD="bash $root/packaging/sign.sh")
    fi
    makensis -V2 -WX -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$setup" "${sign_defs[@]}" \
      packaging/windows/netzwerkmappe.nsi
    sign "$setup"
  }
  step "setup.exe (makensis)" nsis_step
fi

if [ "$only" != windows ]; then
  # --- Linux -------------------------------------------------------------------------------
  step "Linux-Build ($profile)" cargo build --profile "$profile" -p netzwerkmappe
  step ".deb (dpkg-deb)" bash packaging/linux/build-deb.sh "$target_dir/$profile_dir/netzwerkmappe" "$version" "$out"
fi

(cd "$out" && sha256sum ./*.msi ./*.exe ./*.deb 2>/dev/null > SHA256SUMS || true)
echo
echo "Ergebnis in ${out#"$root"/}:"
for f in "$out"/windows/netzwerkmappe.exe "$out"/windows/WebView2Loader.dll "$out"/*.msi "$out"/*.exe "$out"/*.deb; do
  [ -f "$f" ] && size "$f"
done
echo
echo "Zeiten:"; cat "$out/timings.txt"
