#!/usr/bin/env python3
"""Tests of scripts/check-docs.py: a true claim passes, a missing file or name fails."""
import importlib.util
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location('check_docs', HERE / 'check-docs.py')
check_docs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_docs)


class CheckDocs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files, cls.folders = check_docs.tracked()
        cls.words = check_docs.words_of(cls.files)

    def run_on(self, table):
        with tempfile.TemporaryDirectory() as d:
            doc = Path(d) / 'DOC.md'
            doc.write_text('| a | b |\n| --- | --- |\n' + table)
            return check_docs.check(doc, self.files, self.folders, self.words)

    def test_true_claims_pass(self):
        row = '| x | `pallets/missions/src/escrow.rs` (`pay_milestone`), `configs/organizations.rs`, `pallets/*/runtime-api`, `LiveMissions`, `missions.setMinimumBudget`, `scripts/` |\n'
        self.assertEqual(self.run_on(row), [])

    def test_a_missing_file_and_a_missing_name_fail(self):
        # Made up here, so that no source file (this one included) holds it whole.
        missing = 'do_something_' + 'nobody_wrote'
        row = f'| x | `pallets/missions/src/nowhere.rs`, `{missing}`, `runtime/src/gone/` |\n'
        failed = self.run_on(row)
        self.assertEqual(len(failed), 3, failed)
        self.assertIn('nowhere.rs', failed[0])
        self.assertIn(missing, failed[1])

    def test_prose_outside_tables_and_commands_are_not_claims(self):
        with tempfile.TemporaryDirectory() as d:
            doc = Path(d) / 'DOC.md'
            doc.write_text('Text with `made_up_name` outside a table.\n| a | `cargo test -p x`, `--flag`, `~/.cache/x` |\n')
            self.assertEqual(check_docs.check(doc, self.files, self.folders, self.words), [])


if __name__ == '__main__':
    unittest.main()
