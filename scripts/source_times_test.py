#!/usr/bin/env python3
"""Tests of scripts/source-times.py on a scratch workspace (no cargo, no git):
a file keeps the recorded time only while its content is the recorded one, a changed
file is newer than any build, and a build after the record voids it.

    python3 scripts/source_times_test.py
"""
import os
import subprocess
import sys
import tempfile
import time
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "source-times.py")
OLD = 1_600_000_000 * 10**9  # a time long before any build


class SourceTimes(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        base = self.tmp.name
        self.root = os.path.join(base, "checkout")
        self.target = os.path.join(base, "target")
        os.makedirs(os.path.join(self.root, "pallets", "p", "src"))
        os.makedirs(os.path.join(self.target, "release", ".fingerprint", "p-1"))
        self.file = os.path.join(self.root, "pallets", "p", "src", "lib.rs")
        self.write("fn a() {}")
        os.utime(self.file, ns=(OLD, OLD))

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, text):
        with open(self.file, "w") as f:
            f.write(text)

    def run_script(self, verb):
        env = dict(os.environ, PEER_ROOT=self.root, CARGO_TARGET_DIR=self.target)
        out = subprocess.run([sys.executable, SCRIPT, verb], env=env, capture_output=True, text=True, check=True)
        return out.stdout

    def mtime(self):
        return os.stat(self.file).st_mtime_ns

    def test_same_content_gets_the_recorded_time_back(self):
        self.run_script("record")
        # A fresh clone: the same content, a new time.
        now = time.time_ns()
        os.utime(self.file, ns=(now, now))
        out = self.run_script("restore")
        self.assertEqual(self.mtime(), OLD)
        self.assertIn("1 of 1 source files as last built; 0 changed", out)

    def test_changed_content_is_newer_than_any_build(self):
        self.run_script("record")
        # Another checkout's content, with an old time (as git may leave it).
        self.write("fn b() {}")
        os.utime(self.file, ns=(OLD, OLD))
        before = time.time_ns()
        out = self.run_script("restore")
        self.assertGreaterEqual(self.mtime(), before)
        self.assertIn("1 changed: pallets/p/src/lib.rs", out)

    def test_no_record_after_a_restore_until_the_next_record(self):
        self.run_script("record")
        self.run_script("restore")
        # The build failed: nothing was recorded, so the next restore trusts nothing.
        before = time.time_ns()
        out = self.run_script("restore")
        self.assertGreaterEqual(self.mtime(), before)
        self.assertIn("no record of a finished build", out)

    def test_a_build_after_the_record_voids_it(self):
        self.run_script("record")
        time.sleep(0.01)
        # `cargo` run by hand after the record: a newer fingerprint.
        with open(os.path.join(self.target, "release", ".fingerprint", "p-1", "lib-p"), "w") as f:
            f.write("x")
        before = time.time_ns()
        out = self.run_script("restore")
        self.assertGreaterEqual(self.mtime(), before)
        self.assertIn("cargo built after the last record", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
