#!/usr/bin/env bash
# Smoke test of a built .deb: what it declares, what it installs, and whether
# the packaged binary starts and creates its library.
#
#   scripts/package-smoke.sh [path/to/parley_*.deb]
#
# Default: the newest .deb under target/*/bundle/deb. Unpacks with
# `dpkg-deb -x` (no root, nothing installed), validates the desktop entry,
# checks the icons and the declared dependencies, then runs usr/bin/parley
# under its own Xvfb with a temp PARLEY_DATA_DIR: it must stay up and seed
# the five bundled articles, read back with parley-cli (--no-seeds, so the
# CLI cannot be the one that created them). Cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/.."

CLI="${PARLEY_CLI:-$PWD/target/debug/parley-cli}"
UP_SECONDS="${SMOKE_UP_SECONDS:-5}"

deb="${1:-$(ls -t target/*/bundle/deb/*.deb 2>/dev/null | head -1 || true)}"
fail() { echo "package-smoke: FAIL: $*" >&2; exit 1; }
step() { echo "package-smoke: $*"; }
[ -n "$deb" ] && [ -f "$deb" ] || fail "no .deb given or found under target/*/bundle/deb (make test-package builds one)"
[ -x "$CLI" ] || fail "$CLI not found: cargo build -p parley-cli"
for tool in dpkg-deb desktop-file-validate identify Xvfb; do
  command -v "$tool" >/dev/null || fail "$tool not found: run scripts/setup.sh"
done

work="$(mktemp -d -t parley-smoke-XXXXXX)"
app_pid="" xvfb_pid="" bus_pid=""
cleanup() {
  for pid in $app_pid $bus_pid $xvfb_pid; do kill "$pid" 2>/dev/null || true; done
  # WebKit's web and network processes outlive the app by a moment and may
  # still write their caches into $work: retry, and never let the cleanup
  # decide the verdict.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    rm -rf "$work" 2>/dev/null && break
    sleep 0.3
  done
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
start=$SECONDS

# --- What the package declares -------------------------------------------
step "checking $deb"
[ "$(dpkg-deb -f "$deb" Package)" = parley ] || fail "the package is not named 'parley'"
depends="$(dpkg-deb -f "$deb" Depends)"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  # The webview and the toolkit are loaded at start; without them dpkg would
  # install an app that cannot open a window.
  grep -qw -- "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
step "Depends: $depends"

# --- What it installs ------------------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root"
bin="$root/usr/bin/parley"
[ -x "$bin" ] || fail "usr/bin/parley missing or not executable"

mapfile -t desktops < <(find "$root/usr/share/applications" -name '*.desktop' 2>/dev/null)
[ "${#desktops[@]}" -eq 1 ] || fail "expected one desktop entry in usr/share/applications, found ${#desktops[@]}"
desktop="${desktops[0]}"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $(basename "$desktop")"
entry() { sed -n "s/^$1=//p" "$desktop" | head -1; }
# Exec and Icon must name what the package ships, or the menu entry is dead.
[ "$(entry Exec | awk '{print $1}')" = parley ] || fail "Exec is '$(entry Exec)', not the packaged 'parley'"
icon="$(entry Icon)"
[ -n "$icon" ] || fail "the desktop entry has no Icon"
step "desktop entry $(basename "$desktop") is valid (Name=$(entry Name), Icon=$icon)"

for size in 32 128 256 512; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$icon.png"
  [ -f "$png" ] || fail "no ${size}x${size} icon at ${png#"$root"}"
  # A launcher scales by the directory's name: the pixels must match it.
  got="$(identify -format '%wx%h' "$png")"
  [ "$got" = "${size}x${size}" ] || fail "${png#"$root"} is $got, not ${size}x${size}"
done
step "icons present at 32, 128, 256 and 512 px"

# --- Does the packaged binary start? --------------------------------------
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"

data="$work/data"
mkdir -p "$work/config" "$work/share" "$work/cache"
env_vars=(
  DISPLAY=":$(cat "$work/display")"
  PARLEY_DATA_DIR="$data"
  XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/share" XDG_CACHE_HOME="$work/cache"
)
# A private session bus: the single-instance check must not find another Parley.
if command -v dbus-daemon >/dev/null; then
  dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=3 \
    >"$work/bus" 3>"$work/bus.pid"
  bus_pid="$(cat "$work/bus.pid")"
  env_vars+=(DBUS_SESSION_BUS_ADDRESS="$(head -1 "$work/bus")")
fi
step "launching ${bin#"$root"} with PARLEY_DATA_DIR=$data"
env "${env_vars[@]}" "$bin" >"$work/app.log" 2>&1 &
app_pid=$!

db="$data/parley.sqlite3"
for _ in $(seq $((UP_SECONDS * 10))); do
  kill -0 "$app_pid" 2>/dev/null || { tail -20 "$work/app.log" >&2; fail "the app exited during start-up"; }
  sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null || { tail -20 "$work/app.log" >&2; fail "the app exited within ${UP_SECONDS}s"; }
[ -f "$db" ] || { tail -20 "$work/app.log" >&2; fail "the app did not create its library at $db"; }
step "the app stayed up for ${UP_SECONDS}s and created ${db#"$work/"}"

count="$("$CLI" --data-dir "$data" --no-seeds --json articles | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
[ "$count" = 5 ] || fail "the new library holds $count articles, not the 5 seeds"
step "the library holds the 5 seed articles"

kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
step "PASS ($((SECONDS - start))s)"
