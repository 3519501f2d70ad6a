# Parley's entry points. `make run` and `make test` are the README's two
# commands for a fresh Debian/Ubuntu machine: each installs what it needs.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

# A CI run builds once from a clean clone: incremental caches would only take
# disk (over 1 GB), which a CI machine ran out of.
ifdef CI
export CARGO_INCREMENTAL := 0
endif

APP_DEBUG := target/debug/parley
CLI_DEBUG := target/debug/parley-cli

.PHONY: setup build-app run test test-rust test-ui test-e2e test-package package bindings bench readme-timeline

setup:
	scripts/setup.sh

# The desktop app with its UI embedded (a plain `cargo build` binary would
# load the dev server's URL instead).
build-app: setup
	cd ui && npm run tauri -- build --debug --no-bundle
	cargo build -p parley-cli

# Builds and launches the desktop app on the default library (seeded with the
# five bundled articles on first start).
run: build-app
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "No display found: Parley's desktop window needs X11 or Wayland."; \
	  echo "The command line works here on the same library, e.g.:"; \
	  echo "  $(CLI_DEBUG) articles"; \
	  echo "  $(CLI_DEBUG) search '\"benign hyphen\"'"; \
	  echo "  $(CLI_DEBUG) --help"; \
	  echo "(or run the window under a virtual display: xvfb-run $(APP_DEBUG))"; \
	else \
	  exec $(APP_DEBUG); \
	fi

# Every test: Rust (core, CLI, shell, benchmark), the UI's component tests,
# then the real app end to end.
test: setup test-rust test-ui test-e2e test-package

test-rust:
	cargo test --workspace --locked

test-ui:
	cd ui && npm test

test-e2e: build-app
	scripts/e2e.sh

# A debug .deb (reuses build-app's debug build; a release build would cost
# CI ~10 min), unpacked, checked and launched by the smoke test.
test-package: build-app
	rm -f target/debug/bundle/deb/*.deb
	cd ui && npm run tauri -- build --debug --bundles deb
	scripts/package-smoke.sh target/debug/bundle/deb/*.deb

# TypeScript types generated from the Rust types crossing the IPC boundary.
bindings:
	PARLEY_WRITE_BINDINGS=1 cargo test -p parley-desktop --lib bindings

# Installable packages (.deb, .rpm) from a release build.
package: setup
	cd ui && npm run tauri -- build --bundles deb,rpm
	@# Debian's naming (package_version_arch.deb): `apt install ./parley_*.deb`.
	@for f in target/release/bundle/deb/Parley_*.deb; do \
	  cp -f "$$f" "$$(dirname "$$f")/$$(basename "$$f" | sed 's/^Parley_/parley_/')"; done
	@ls -1 target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm

# Issue 8's harness on the shared corpora: import, search against SQLite FTS5
# and ripgrep, tagging, export, growth at 1x/2x/4x, a profile, then the desktop
# paths in the release app (tests/perf/desktop.mjs); prints PASS/MISS per
# target and rewrites docs/benchmarks.md. BENCH_FLAGS=--quick for development.
bench: setup
	command -v rg >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get install -y ripgrep; else sudo apt-get install -y ripgrep; fi; }
	cd ui && npm run tauri -- build --no-bundle
	cargo run --release -p parley-bench -- --corpora ../shared/corpora --out docs/benchmarks.md --app target/release/parley $(BENCH_FLAGS)

# The README's seed timeline, regenerated from `parley-cli timeline`.
readme-timeline:
	scripts/readme-timeline.sh
