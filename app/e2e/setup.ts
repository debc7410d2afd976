// Starts `peer-node --dev --tmp`, `peer-indexer` and the built board on free
// ports for the browser suite, and stops them when it ends (or fails).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// The one node starter of the project's JavaScript (scripts/e2e/lib/node.js).
import { NODE, freePort, startNode, waitFor, type PeerNode } from '../../scripts/e2e/lib/node.js';

const app = resolve(import.meta.dirname, '..');
const INDEXER = process.env.PEER_INDEXER ?? resolve(app, '../target/release/peer-indexer');

export default async function setup() {
  if (!existsSync(NODE)) throw new Error(`no peer-node at ${NODE}: run scripts/build.sh`);
  if (!existsSync(INDEXER)) throw new Error(`no peer-indexer at ${INDEXER}: run scripts/build.sh`);
  if (!existsSync(join(app, 'dist/index.html'))) throw new Error('no build in app/dist: npm run build');
  const logs = mkdtempSync(join(tmpdir(), 'peer-board-'));
  const web = await freePort();
  const indexerPort = await freePort();
  const children: ChildProcess[] = [];
  let node: PeerNode | undefined;
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await node?.stop('SIGTERM');
  };
  process.on('exit', () => { for (const c of [...children, node?.proc]) c?.kill('SIGKILL'); });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => { for (const c of [...children, node?.proc]) c?.kill('SIGKILL'); process.exit(1); });
  }
  try {
    node = await startNode(['--dev', '--tmp', '--rpc-cors', 'all', '--state-pruning', 'archive-canonical'],
      { logFile: join(logs, 'node.log'), minBlock: 1 });
    // The indexer, for the history and statement pages.
    const indexerLog = openSync(join(logs, 'indexer.log'), 'w');
    children.push(spawn(INDEXER, ['--rpc', node.wsUrl, '--db', join(logs, 'history.sqlite'), '--http', `127.0.0.1:${indexerPort}`],
      { stdio: ['ignore', indexerLog, indexerLog] }));
    await waitFor('the indexer', 30_000, async () => (await fetch(`http://127.0.0.1:${indexerPort}/health`)).ok, 250);
    const webLog = openSync(join(logs, 'web.log'), 'w');
    children.push(spawn(process.execPath, [join(app, 'scripts/serve.mjs'), '--port', `${web}`], { stdio: ['ignore', webLog, webLog] }));
    await waitFor('the board', 10_000, async () => (await fetch(`http://127.0.0.1:${web}/`)).ok, 250);
  } catch (e) {
    await stop();
    throw e;
  }
  const rpc = node.rpcPort;
  process.env.PEER_RPC = `ws://127.0.0.1:${rpc}`;
  process.env.PEER_RPC_PORT = `${rpc}`;
  process.env.BOARD_URL = `http://127.0.0.1:${web}/`;
  process.env.PEER_INDEXER_URL = `http://127.0.0.1:${indexerPort}`;
  console.log(`[board tests] node ${process.env.PEER_RPC}, board ${process.env.BOARD_URL}, logs in ${logs}`);
  return stop;
}
