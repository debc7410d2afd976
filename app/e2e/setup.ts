// Starts `peer-node --dev --tmp`, `peer-indexer` and the built board on free
// ports for the browser suite, and stops them when it ends (or fails).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// The one node starter of the project's JavaScript (scripts/e2e/lib/node.js).
import { NODE, freePort, startNode, waitFor, type PeerNode } from '../../scripts/e2e/lib/node.js';
import { INDEXER, startIndexer, type Indexer } from '../../scripts/e2e/lib/indexer.js';

const app = resolve(import.meta.dirname, '..');

export default async function setup() {
  if (!existsSync(NODE)) throw new Error(`no peer-node at ${NODE}: run scripts/build.sh`);
  if (!existsSync(INDEXER)) throw new Error(`no peer-indexer at ${INDEXER}: run scripts/build.sh`);
  if (!existsSync(join(app, 'dist/index.html'))) throw new Error('no build in app/dist: npm run build');
  const logs = mkdtempSync(join(tmpdir(), 'peer-board-'));
  const web = await freePort();
  const children: ChildProcess[] = [];
  let node: PeerNode | undefined;
  let indexer: Indexer | undefined;
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await indexer?.kill('SIGTERM');
    await node?.stop('SIGTERM');
  };
  const killAll = () => {
    for (const c of [...children, node?.proc, indexer?.proc]) c?.kill('SIGKILL');
  };
  process.on('exit', killAll);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(1);
    });
  }
  try {
    node = await startNode(['--dev', '--tmp', '--rpc-cors', 'all', '--state-pruning', 'archive-canonical'], {
      logFile: join(logs, 'node.log'),
      minBlock: 1,
    });
    // The indexer, for the history and statement pages.
    indexer = await startIndexer(node.wsUrl, join(logs, 'history.sqlite'), ['--documents', join(logs, 'documents')], {
      logFile: join(logs, 'indexer.log'),
    });
    const { url } = indexer;
    await waitFor('the indexer', 30_000, async () => (await fetch(`${url}/health`)).ok, 250);
    const webLog = openSync(join(logs, 'web.log'), 'w');
    // The specs start nodes of their own on free ports: the board may reach any
    // node and indexer on loopback (its Content-Security-Policy says so).
    children.push(
      spawn(
        process.execPath,
        [join(app, 'scripts/serve.mjs'), '--port', `${web}`, '--connect', 'ws://127.0.0.1:* http://127.0.0.1:*'],
        {
          stdio: ['ignore', webLog, webLog],
        },
      ),
    );
    await waitFor('the board', 10_000, async () => (await fetch(`http://127.0.0.1:${web}/`)).ok, 250);
  } catch (e) {
    await stop();
    throw e;
  }
  const rpc = node.rpcPort;
  process.env.PEER_RPC = `ws://127.0.0.1:${rpc}`;
  process.env.PEER_RPC_PORT = `${rpc}`;
  process.env.BOARD_URL = `http://127.0.0.1:${web}/`;
  process.env.PEER_INDEXER_URL = indexer.url;
  console.log(`[board tests] node ${process.env.PEER_RPC}, board ${process.env.BOARD_URL}, logs in ${logs}`);
  return stop;
}
