#!/usr/bin/env python3
"""Checks the claims of docs/ARCHITECTURE.md's tables against the tree: every
path it names in backticks exists (a file or folder, given whole or as the end
of a path: `configs/organizations.rs` in the runtime's row), and every name it
gives (a function, type, storage item, test) appears in the project's source.
Prints each claim that fails and exits 1 if any does.

    python3 scripts/check-docs.py [docs/ARCHITECTURE.md …]
"""
import fnmatch
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ('.rs', '.ts', '.tsx', '.js', '.mjs', '.sh', '.py', '.toml', '.json', '.hbs', '.md', '.css', '.html')
FILE_LIKE = re.compile(r'\.(rs|md|ts|tsx|js|mjs|sh|py|json|hbs|toml|css|html)$')


def tracked():
    out = subprocess.run(['git', 'ls-files'], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    files = [f for f in out.splitlines() if (ROOT / f).exists()]
    folders = {str(Path(f).parent) for f in files}
    for f in list(folders):
        p = Path(f)
        while str(p) not in ('.', ''):
            folders.add(str(p))
            p = p.parent
    return files, folders


def path_exists(claim, files, folders):
    claim = claim.rstrip('/')
    if claim.startswith('./'):
        claim = claim[2:]
    if any(ch in claim for ch in '*?'):
        return any(fnmatch.fnmatch(x, claim) or fnmatch.fnmatch(x, '*/' + claim) for x in list(files) + list(folders))
    tail = '/' + claim
    return any(x == claim or x.endswith(tail) for x in files) or any(x == claim or x.endswith(tail) for x in folders)


def words_of(files):
    text = []
    for f in files:
        if f.endswith(SOURCE) and not f.startswith('docs/') and f != 'README.md':
            try:
                text.append((ROOT / f).read_text(errors='replace'))
            except OSError:
                pass
    return set(re.findall(r'[A-Za-z_][A-Za-z0-9_]*', '\n'.join(text)))


def snake(name):
    return re.sub(r'(?<!^)([A-Z])', r'_\1', name).lower()


def claims(doc):
    """Backticked tokens of table rows (lines starting with `|`), with their line."""
    for n, line in enumerate(doc.read_text().splitlines(), 1):
        if line.startswith('|') and not set(line) <= set('|- '):
            for token in re.findall(r'`([^`]+)`', line):
                yield n, token


def check(doc, files, folders, words):
    failed = []
    for n, token in claims(doc):
        if ' ' in token or '{' in token or token.startswith(('--', '~', '$')) or '=' in token:
            continue  # a command, an option, a value: not a claim about the tree
        if '/' in token or FILE_LIKE.search(token):
            if not path_exists(token, files, folders):
                failed.append(f'{doc.name}:{n}: no file or folder `{token}`')
            continue
        name = re.split(r'::|\.', token.rstrip('…').rstrip('('))[-1] or token
        if not re.fullmatch(r'[A-Za-z_][A-Za-z0-9_]*', name):
            continue
        if name not in words and snake(name) not in words:
            failed.append(f'{doc.name}:{n}: `{token}` is not in the source')
    return failed


def main(argv):
    docs = [Path(a) for a in argv] or [ROOT / 'docs' / 'ARCHITECTURE.md']
    files, folders = tracked()
    words = words_of(files)
    failed = [f for d in docs for f in check(d, files, folders, words)]
    checked = sum(1 for d in docs for _ in claims(d))
    for f in failed:
        print(f'[check-docs] {f}')
    print(f'[check-docs] {checked} claims in {", ".join(d.name for d in docs)}: {len(failed)} false')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
