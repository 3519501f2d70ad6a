#!/usr/bin/env bash
# End-to-end tests of the real desktop app in a real (virtual) window:
# Xvfb + a private D-Bus session + tauri-driver (→ WebKitWebDriver), then the
# WebdriverIO specs in tests/e2e/specs under node's test runner.
#
# Builds nothing: `make test-e2e` builds the app first (target/debug/parley,
# with the UI embedded). Whatever happens, the driver, the app and Xvfb are
# stopped on exit, and the last line reads `e2e: N passed, N failed`.
#
#   E2E_TIMEOUT=600     seconds for the whole run
#   E2E_PORT=4444       tauri-driver's port (WebKitWebDriver gets E2E_PORT+1)
#   PARLEY_E2E_APP=...  the binary under test (default target/debug/parley)
#   E2E_KEEP_LOGS=DIR   copy the driver and Xvfb logs there before cleaning up
#
# Arguments, if any, pick spec files (relative to tests/e2e), e.g.
#   scripts/e2e.sh specs/02-search.test.js
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

APP="${PARLEY_E2E_APP:-$PWD/target/debug/parley}"
PORT="${E2E_PORT:-4444}"
TIMEOUT="${E2E_TIMEOUT:-600}"

die() { echo "e2e: $*" >&2; echo "e2e: 0 passed, 1 failed"; exit 1; }
[ -x "$APP" ] || die "$APP not found: build it with \`make build-app\`"
command -v tauri-driver >/dev/null || die "tauri-driver not found: run scripts/setup.sh"
command -v WebKitWebDriver >/dev/null || die "WebKitWebDriver not found: apt install webkit2gtk-driver"
command -v Xvfb >/dev/null || die "Xvfb not found: apt install xvfb"
[ -d tests/e2e/node_modules/webdriverio ] || die "tests/e2e/node_modules missing: run scripts/setup.sh"
if curl -fsS "http://127.0.0.1:$PORT/status" >/dev/null 2>&1; then
  die "something already answers on port $PORT; stop it or set E2E_PORT"
fi

work="$(mktemp -d -t parley-e2e-run-XXXXXX)"
xvfb_pid="" driver_pid=""
cleanup() {
  # The driver runs in its own process group with WebKitWebDriver and the
  # app below it: one signal to the group stops all three.
  if [ -n "$driver_pid" ]; then
    kill -TERM -- "-$driver_pid" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$driver_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$driver_pid" 2>/dev/null || true
  fi
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  if [ -n "${E2E_KEEP_LOGS:-}" ]; then cp "$work"/*.log "$E2E_KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A display of our own; -displayfd picks a free display number.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { cat "$work/xvfb.log" >&2; die "Xvfb did not start"; }
export DISPLAY=":$(cat "$work/display")"

# A private session bus, so the app's single-instance check cannot hand the
# test's launch over to a Parley the developer has open.
driver=(tauri-driver --port "$PORT" --native-port "$((PORT + 1))")
if command -v dbus-run-session >/dev/null; then driver=(dbus-run-session -- "${driver[@]}"); fi
setsid "${driver[@]}" >"$work/driver.log" 2>&1 &
driver_pid=$!

for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$PORT/status" >/dev/null 2>&1 && break
  kill -0 "$driver_pid" 2>/dev/null || { cat "$work/driver.log" >&2; die "tauri-driver exited"; }
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/status" >/dev/null 2>&1 || { cat "$work/driver.log" >&2; die "tauri-driver never answered /status"; }

echo "e2e: $APP on display $DISPLAY, driver on :$PORT"
start=$SECONDS
set +e
(
  cd tests/e2e
  if [ $# -gt 0 ]; then specs=("$@"); else specs=(specs/*.test.js); fi
  PARLEY_E2E_APP="$APP" TAURI_DRIVER_URL="http://127.0.0.1:$PORT" \
    timeout --kill-after=15 "$TIMEOUT" \
    node --test --test-concurrency=1 --test-timeout=240000 \
      --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$work/results.tap" \
      "${specs[@]}"
)
status=$?
set -e

pass="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$work/results.tap" | tail -1)"
fail="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$work/results.tap" | tail -1)"
pass="${pass:-0}" fail="${fail:-0}"
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "e2e: timed out after ${TIMEOUT}s" >&2
fi
if [ "$status" -ne 0 ]; then
  echo "--- tauri-driver log (last 40 lines) ---" >&2
  tail -40 "$work/driver.log" >&2
  # A run that died before reporting still counts as a failure.
  [ "$fail" -gt 0 ] || fail=1
fi
echo "e2e: took $((SECONDS - start))s"
echo "e2e: $pass passed, $fail failed"
[ "$status" -eq 0 ] && [ "$fail" -eq 0 ]
