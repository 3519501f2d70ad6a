#!/usr/bin/env bash
# Installs everything Parley needs to build, run and test on Debian/Ubuntu:
# system libraries for the Tauri webview, the WebKit WebDriver and Xvfb for
# end-to-end tests, the UI's npm packages and tauri-driver. Idempotent: what
# is already there is not installed again. Needs root (or sudo) for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev
  webkit2gtk-driver xvfb xauth imagemagick
  desktop-file-utils libxml2-utils dpkg-dev rpm
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust (https://rustup.rs) first" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: npm not found; install Node.js 20+ first" >&2; exit 1; }

# npm packages exactly as locked. `npm ci` refuses a lock file that lacks
# @tauri-apps/cli's binaries for other platforms (macOS, Windows, musl), and
# the registry this project is built against does not carry them, so the
# lock cannot list them. Then `npm install --no-save` installs the same
# locked versions without touching the lock file.
npm_locked() {
  local dir="$1"
  [ -f "$dir/package-lock.json" ] || return 0
  if [ -d "$dir/node_modules" ] && [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    return 0
  fi
  echo "setup: npm packages ($dir)"
  (cd "$dir" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
    npm install --no-save --no-audit --no-fund --loglevel=error; })
}
npm_locked ui
npm_locked tests/e2e

# tauri-driver bridges WebDriver clients to WebKitWebDriver for the e2e tests.
if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: cargo install tauri-driver"
  cargo install tauri-driver --locked --quiet
fi
echo "setup: done"
