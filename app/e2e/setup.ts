// Starts `peer-node --dev --tmp` and the built board on free ports for the
// browser suite, and stops both when it ends (or fails).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const app = resolve(import.meta.dirname, '..');
const NODE = process.env.PEER_NODE ?? resolve(app, '../target/release/peer-node');

const freePort = () => new Promise<number>((ok, fail) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => ok(port));
  });
  s.on('error', fail);
});

async function waitFor(what: string, check: () => Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up within ${ms / 1000} s`);
}

export default async function setup() {
  if (!existsSync(NODE)) throw new Error(`no peer-node at ${NODE}: run scripts/build.sh`);
  if (!existsSync(join(app, 'dist/index.html'))) throw new Error('no build in app/dist: npm run build');
  const logs = mkdtempSync(join(tmpdir(), 'peer-board-'));
  const [rpc, p2p, web] = [await freePort(), await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  };
  process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => { for (const c of children) c.kill('SIGKILL'); process.exit(1); });
  }
  try {
    const nodeLog = openSync(join(logs, 'node.log'), 'w');
    children.push(spawn(NODE, ['--dev', '--tmp', '--rpc-port', `${rpc}`, '--port', `${p2p}`, '--rpc-cors', 'all',
      '--no-prometheus', '--no-telemetry'], { stdio: ['ignore', nodeLog, nodeLog] }));
    const webLog = openSync(join(logs, 'web.log'), 'w');
    children.push(spawn(process.execPath, [join(app, 'scripts/serve.mjs'), '--port', `${web}`], { stdio: ['ignore', webLog, webLog] }));
    await waitFor('peer-node', async () => {
      const r = await fetch(`http://127.0.0.1:${rpc}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'chain_getHeader', params: [] }) });
      const j = await r.json();
      return parseInt(j.result?.number ?? '0x0', 16) >= 1;
    }, 60_000);
    await waitFor('the board', async () => (await fetch(`http://127.0.0.1:${web}/`)).ok, 10_000);
  } catch (e) {
    await stop();
    throw e;
  }
  process.env.PEER_RPC = `ws://127.0.0.1:${rpc}`;
  process.env.PEER_HTTP = `http://127.0.0.1:${rpc}`;
  process.env.BOARD_URL = `http://127.0.0.1:${web}/`;
  console.log(`[board tests] node ${process.env.PEER_RPC}, board ${process.env.BOARD_URL}, logs in ${logs}`);
  return stop;
}
