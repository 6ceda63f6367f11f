#!/usr/bin/env bash
# Starts the app under a virtual X display, waits, and saves a screenshot of the whole screen.
# Usage: scripts/screenshot.sh <out.png> [seconds] [-- app arguments]
set -euo pipefail
out=${1:?Ausgabedatei fehlt}; wait=${2:-4}; shift $(( $# >= 2 ? 2 : 1 )); [ "${1:-}" = "--" ] && shift
bin="$(cd "$(dirname "$0")/.." && pwd)/target/debug/netzwerkmappe"
xvfb-run -a -s "-screen 0 1280x860x24" bash -c '
  "$0" "$@" & pid=$!
  sleep '"$wait"'
  import -window root "'"$out"'"
  kill $pid' "$bin" "$@"
echo "$out"
