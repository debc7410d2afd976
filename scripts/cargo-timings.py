#!/usr/bin/env python3
"""Prints where a cargo build's time went, from the newest `--timings` report in the
target directory: the wall time, the units cargo compiled, and the slowest ones.

    scripts/cargo-timings.py [--top 20] [REPORT.html]

A unit is one compilation (a crate's library, a build script, its run); `target` says
which. The runtime's wasm build is the run of peer-runtime's build script.
Changes nothing; exits 1 if no report is found.
"""
import glob
import json
import os
import sys


def load(report):
    with open(report, encoding="utf-8") as f:
        text = f.read()
    at = text.find("UNIT_DATA = ")
    if at < 0:
        sys.exit(f"cargo-timings: no UNIT_DATA in {report}")
    units, _ = json.JSONDecoder().raw_decode(text[at + len("UNIT_DATA = "):])
    duration = None
    at = text.find("DURATION = ")
    if at >= 0:
        duration, _ = json.JSONDecoder().raw_decode(text[at + len("DURATION = "):])
    return units, duration


def main():
    args = sys.argv[1:]
    top = 20
    if args[:1] == ["--top"]:
        top = int(args[1])
        args = args[2:]
    if args:
        report = args[0]
    else:
        target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "target")
        reports = [r for r in glob.glob(os.path.join(target, "cargo-timings", "cargo-timing-*.html"))]
        if not reports:
            print(f"cargo-timings: no report under {target}/cargo-timings")
            sys.exit(1)
        report = max(reports, key=os.path.getmtime)
    units, duration = load(report)
    # The report lists every unit of the build; a fresh one took no time.
    compiled = [u for u in units if u.get("duration", 0) >= 0.05]
    total = sum(u.get("duration", 0) for u in compiled)
    wall = f"{duration:.0f} s wall, " if duration is not None else ""
    print(f"[cargo-timings] {os.path.basename(report)}: {wall}{len(compiled)} of {len(units)} units compiled, "
          f"{total:.0f} s of compilation in all")
    for u in sorted(compiled, key=lambda u: -u.get("duration", 0))[:top]:
        what = u.get("target", "").strip() or "lib"
        print(f"  {u.get('duration', 0):7.1f} s  {u['name']} {u.get('version', '')} {what}")


if __name__ == "__main__":
    main()
