#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build and test Peer.
# Idempotent: every step checks first and says what it does. Safe to run twice.
set -euo pipefail

say() { printf '[setup] %s\n' "$*"; }

# Debian packages: protoc for the networking protobufs (prost-build), OpenSSL
# headers so openssl-sys links the system library instead of building its own
# (OPENSSL_NO_VENDOR=1, exported by the build scripts), pkg-config to find it,
# a C/C++ toolchain for wasm-opt and the compression crates, SQLite for
# peer-indexer (linked, not compiled in), and curl for the smoke tests.
# Chromium runs the mission board's browser tests (Playwright drives it; no
# browser is downloaded by npm). zstd reads a compressed runtime's version
# (scripts/wasm-version.py, the upgrade tests). Prometheus (with promtool)
# checks and unit-tests the operators' alerting rules (ops/prometheus); systemd's
# systemd-analyze verifies their unit (ops/systemd), and runs beside the
# partition tests' validators. iproute2 (`ip netns`, veth, `tc`) gives each of
# those validators a network stack of its own (scripts/e2e/lib/netns.js).
packages=(protobuf-compiler libssl-dev libsqlite3-dev pkg-config build-essential curl git python3 chromium zstd prometheus systemd iproute2)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	say "installing Debian packages: ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
	say "Debian packages present: ${packages[*]}"
fi

# Rust: rustup's stable toolchain, the wasm target substrate-wasm-builder 35
# compiles the runtime for, rust-src, and rustfmt (scripts/test.sh checks the format).
if ! command -v rustup >/dev/null 2>&1; then
	say "rustup is missing: install it from rustup.rs first (see README, Prerequisites)"
	exit 1
fi
toolchain=$(rustup show active-toolchain | cut -d' ' -f1)
if rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32v1-none; then
	say "wasm32v1-none target present for $toolchain"
else
	say "adding the wasm32v1-none target to $toolchain"
	rustup target add wasm32v1-none --toolchain "$toolchain"
fi
for component in rust-src rustfmt; do
	if rustup component list --installed --toolchain "$toolchain" | grep -q "^${component}"; then
		say "${component} present for $toolchain"
	else
		say "adding ${component} to $toolchain"
		rustup component add "$component" --toolchain "$toolchain"
	fi
done

# Node.js 20+ and npm for the end-to-end suite (scripts/e2e, @polkadot/api).
node_major() { node -e 'console.log(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 20 ] || ! command -v npm >/dev/null 2>&1; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	say "installing Node.js and npm (Debian packages nodejs npm)"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm
	if [ "$(node_major)" -lt 20 ]; then
		say "Node.js $(node --version 2>/dev/null || echo none) is older than 20, which the end-to-end suite needs:"
		say "install Node.js 20 or newer (e.g. from deb.nodesource.com) and run this again"
		exit 1
	fi
else
	say "Node.js $(node --version) and npm $(npm --version) present"
fi
say "done"
