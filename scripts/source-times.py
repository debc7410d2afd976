#!/usr/bin/env python3
"""Lets a build cache shared by several checkouts (scripts/lib.sh keeps cargo's
target directory outside the clone) serve a fresh clone without rebuilding Peer's
own crates, and without ever serving a stale one.

Cargo decides that a crate of the workspace is stale when one of its source files is
newer than what it built last; a fresh clone has every file new, so every crate of the
workspace would be rebuilt although nothing changed. This script records, after each
successful build, the content hash and modification time of every source file of the
Rust workspace, in the target directory; before the next build, in whichever checkout:

- a file whose content equals the record gets the recorded time back, so cargo sees it
  exactly as it saw it in the checkout that was built;
- a file whose content differs (or that the record lacks) gets the current time, so
  cargo rebuilds what depends on it, even where that checkout's file is older than the
  last build (another checkout's content was built in between).

Build scripts need nothing of this: the runtime's (the wasm build) and the node's (its
version names the commit) print `rerun-if-changed` paths that are absolute, so cargo runs
them again whenever the checkout's path differs from the last run's, and by the files'
times in the same checkout.

The record is removed before a build and written only after it succeeded: after a
failed build, every file is taken as changed. So is every file when cargo built
anything after the record was written (a fingerprint in the target directory is newer
than the record: a `cargo` run by hand, from content the record does not describe).
Whatever runs cargo on a shared target directory records afterwards (scripts/build.sh
after the build, scripts/test.sh after the tests).

    source-times.py restore    # before cargo build
    source-times.py record     # after a successful cargo build
Environment: CARGO_TARGET_DIR (required), PEER_ROOT (default: this script's repo).
"""
import glob
import hashlib
import json
import os
import subprocess
import sys
import time

ROOT = os.environ.get("PEER_ROOT") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What cargo reads of the workspace: every package's folder and the workspace files.
PACKAGE_DIRS = ["indexer", "node", "pallets", "runtime"]
WORKSPACE_FILES = ["Cargo.toml", "Cargo.lock", "rustfmt.toml", "rust-toolchain.toml", ".cargo/config.toml"]


def record_path():
    target = os.environ.get("CARGO_TARGET_DIR")
    if not target:
        sys.exit("source-times.py: CARGO_TARGET_DIR is not set")
    return os.path.join(target, "peer-source-times.json")


def git(*args):
    try:
        out = subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True, check=True)
        return out.stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def source_files():
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *PACKAGE_DIRS, *WORKSPACE_FILES)
    if listed is not None:
        names = {n for n in listed.split("\0") if n}
    else:
        names = {f for f in WORKSPACE_FILES}
        for top in PACKAGE_DIRS:
            for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
                dirnames[:] = [d for d in dirnames if d not in ("target", "node_modules")]
                names.update(os.path.relpath(os.path.join(dirpath, f), ROOT) for f in filenames)
    return sorted(n for n in names if os.path.isfile(os.path.join(ROOT, n)))


def digest(name):
    h = hashlib.sha256()
    with open(os.path.join(ROOT, name), "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def newest_fingerprint_ns(target):
    """The newest modification time of cargo's fingerprints in `target`, any profile."""
    newest = 0
    for fingerprints in glob.glob(os.path.join(target, "*", ".fingerprint")):
        for unit in os.scandir(fingerprints):
            try:
                newest = max(newest, unit.stat().st_mtime_ns)
                if unit.is_dir():
                    for f in os.scandir(unit.path):
                        newest = max(newest, f.stat().st_mtime_ns)
            except OSError:
                pass
    return newest


def restore():
    path = record_path()
    why = "no record of a finished build"
    try:
        recorded_at = os.stat(path).st_mtime_ns
        with open(path) as f:
            rec = json.load(f)
        os.remove(path)
        if newest_fingerprint_ns(os.path.dirname(path)) > recorded_at:
            why = "cargo built after the last record"
            rec = {"files": {}}
    except (OSError, ValueError):
        rec = {"files": {}}
    files = source_files()
    known = rec.get("files", {})
    hashes = {n: digest(n) for n in files}
    changed = [n for n in files if known.get(n, [None])[0] != hashes[n]]
    now = time.time_ns()
    kept = 0
    changed_set = set(changed)
    for n in files:
        full = os.path.join(ROOT, n)
        if n in changed_set:
            os.utime(full, ns=(now, now))
        else:
            mtime = known[n][1]
            os.utime(full, ns=(mtime, mtime))
            kept += 1
    if not known:
        print(f"[source-times] {why}: {len(files)} source files taken as changed")
    else:
        shown = ", ".join(changed[:8]) + (f" and {len(changed) - 8} more" if len(changed) > 8 else "")
        print(f"[source-times] {kept} of {len(files)} source files as last built; "
              f"{len(changed)} changed{': ' + shown if changed else ''}")


def record():
    files = source_files()
    rec = {"files": {n: [digest(n), os.stat(os.path.join(ROOT, n)).st_mtime_ns] for n in files}}
    path = record_path()
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(rec, f)
    os.replace(tmp, path)


if __name__ == "__main__":
    verbs = {"restore": restore, "record": record}
    if len(sys.argv) != 2 or sys.argv[1] not in verbs:
        sys.exit("usage: source-times.py restore|record")
    verbs[sys.argv[1]]()
