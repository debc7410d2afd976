#!/usr/bin/env bash
# Rebuilds the previous runtime (the fixture the live-upgrade test starts on)
# from the commit it was built from, and checks its hash. Run by hand, not in
# CI: a cold wasm build of the old sources, in a worktree and a target
# directory of their own, takes some 20 minutes on two cores.
#
#   scripts/previous-runtime.sh           # rebuild, compare with runtime/fixtures/previous.json
#   scripts/previous-runtime.sh --write   # rebuild and (re)write the fixture
#   scripts/previous-runtime.sh --write COMMIT   # move the fixture to another commit
#
# The build is made reproducible on this toolchain by remapping the paths that
# end up in the wasm (panic locations): the worktree, the cargo registry and
# the target directory each become a fixed name.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$PEER_ROOT"

fixtures="${PEER_ROOT}/runtime/fixtures"
record="${fixtures}/previous.json"
write=0
[ "${1:-}" = --write ] && { write=1; shift; }
commit=${1:-$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["commit"])' "$record")}
commit=$(git rev-parse --verify "${commit}^{commit}")

work="${TMPDIR:-/tmp}/peer-previous-runtime"
target="${XDG_CACHE_HOME:-$HOME/.cache}/peer/previous-runtime-target"
rm -rf "$work"
git worktree prune
git worktree add --detach "$work" "$commit" >/dev/null
trap 'git -C "$PEER_ROOT" worktree remove --force "$work" >/dev/null 2>&1 || true' EXIT

registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
log "building the runtime's wasm at ${commit:0:12} (target: $target)"
begin=$(date +%s)
# `cargo check` runs the runtime's build script, which builds the wasm for
# real; the native side is only checked.
(
	cd "$work"
	unset WASM_BUILD_WORKSPACE_HINT SKIP_WASM_BUILD
	export CARGO_TARGET_DIR="$target"
	export WASM_BUILD_RUSTFLAGS="--remap-path-prefix=${work}=/peer --remap-path-prefix=${registry}=/registry --remap-path-prefix=${target}=/target"
	cargo check --release --locked --offline -p peer-runtime
)
log "built in $(($(date +%s) - begin)) s"
wasm="${target}/release/wbuild/peer-runtime/peer_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || { log "no wasm at $wasm"; exit 1; }

read -r hash spec_name spec_version < <(python3 "${PEER_ROOT}/scripts/wasm-version.py" "$wasm")
log "blake2-256 ${hash}, ${spec_name} ${spec_version}, $(stat -c %s "$wasm") bytes"
if ((write)); then
	mkdir -p "$fixtures"
	cp "$wasm" "${fixtures}/previous.compact.compressed.wasm"
	python3 - "$record" "$commit" "$hash" "$spec_name" "$spec_version" "$(stat -c %s "$wasm")" <<'PY'
import json, sys
path, commit, hash_, name, version, size = sys.argv[1:]
json.dump({"commit": commit, "blake2_256": hash_, "spec_name": name,
           "spec_version": int(version), "bytes": int(size),
           "file": "previous.compact.compressed.wasm"}, open(path, "w"), indent=2)
open(path, "a").write("\n")
PY
	log "wrote ${record}"
else
	want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["blake2_256"])' "$record")
	[ "$hash" = "$want" ] || { log "MISMATCH: rebuilt ${hash}, fixture ${want}"; exit 1; }
	cmp -s "$wasm" "${fixtures}/previous.compact.compressed.wasm" || { log "MISMATCH: the fixture file differs"; exit 1; }
	log "the fixture is what ${commit:0:12} builds"
fi
