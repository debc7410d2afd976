// peer-indexer for the e2e suites: start one on a node, ask its API, wait for
// it, and read every row it stored (to compare two indexers of one chain).
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitFor } from './node.js';

export const INDEXER = process.env.PEER_INDEXER
  ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'target', 'release', 'peer-indexer');

/**
 * Starts peer-indexer on `db`, following the node at `wsUrl`; returns
 * { proc, url, output(), exit, kill(signal) }. `extra`: more arguments (`--once`).
 * Options: `port` (its API's; a free one if not given), `logFile` (its output
 * is written there as well).
 */
export async function startIndexer(wsUrl, db, extra = [], { port, logFile } = {}) {
  port ??= await freePort();
  const proc = spawn(INDEXER, ['--rpc', wsUrl, '--db', db, '--http', `127.0.0.1:${port}`, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const log = logFile ? createWriteStream(logFile) : null;
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on('data', (d) => { output += d; log?.write(d); });
  }
  const exit = new Promise((r) => proc.once('exit', r));
  return {
    proc, url: `http://127.0.0.1:${port}`, output: () => output, exit,
    kill: async (signal = 'SIGKILL') => { if (proc.exitCode === null && proc.signalCode === null) { proc.kill(signal); await exit; } },
  };
}

/** GET `path` of the indexer's API: { status, body } (JSON parsed). */
export async function get(indexer, path) {
  const res = await fetch(indexer.url + path);
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  return { status: res.status, body };
}

/** A statement's period covering all of today's blocks (from yesterday to tomorrow, UTC): `from=…&to=…`. */
export function todaysPeriod() {
  const day = 86_400_000;
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  return `from=${iso(Date.now() - day)}&to=${iso(Date.now() + day)}`;
}

/** A PEER amount as the API writes it (`-1.500000000000`), in plancks. */
export function plancks(amount) {
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  return (amount.startsWith('-') ? -1n : 1n) * (BigInt(whole) * 10n ** 12n + BigInt(fraction.padEnd(12, '0')));
}

/** Waits until the indexer has written block `n`. */
export async function caughtUp(indexer, n, timeoutMs = 120000) {
  await waitFor(`the indexer to reach #${n}`, timeoutMs, async () => ((await get(indexer, '/health')).body.indexed ?? -1) >= n, 250);
}

/**
 * Every row the indexer stored about blocks 0..=`upTo`, table by table, in a
 * fixed order: { table: [row, …] } (read with Python's sqlite3, read-only).
 */
export function storedRows(db, upTo) {
  const script = `
import json, sqlite3, sys
db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
n = int(sys.argv[2])
q = {
  'blocks': 'SELECT * FROM blocks WHERE number <= ? ORDER BY number',
  'events': 'SELECT * FROM events WHERE block <= ? ORDER BY block, idx',
  'event_accounts': 'SELECT * FROM event_accounts WHERE block <= ? ORDER BY block, idx, account',
  'movements': 'SELECT * FROM movements WHERE block <= ? ORDER BY block, idx, n',
  'missions': 'SELECT id, owner, budget, deadline, created FROM missions WHERE created <= ? ORDER BY id',
  'motions': 'SELECT hash, idx, proposer, threshold, call, block FROM motions WHERE block <= ? ORDER BY idx',
  'votes': 'SELECT * FROM votes WHERE block <= ? ORDER BY idx, account',
}
print(json.dumps({t: [list(r) for r in db.execute(s, (n,))] for t, s in q.items()}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, db, String(upTo)], { maxBuffer: 256 << 20 }).toString());
}
