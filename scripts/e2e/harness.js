// Starts `peer-node --dev --tmp` on free ports, connects @polkadot/api to it
// (no custom types), and stops the node when the suite ends, even on failure.
// The node's log is kept in a file and printed when a test failed.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const here = dirname(fileURLToPath(import.meta.url));
export const NODE = process.env.PEER_NODE ?? join(here, '..', '..', 'target', 'release', 'peer-node');

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts a dev node and connects to it. Returns { api, keyring, stop, logFile }. */
export async function startNode() {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const logFile = join(tmpdir(), `peer-e2e-${process.pid}-${rpcPort}.log`);
  const log = createWriteStream(logFile);
  const node = spawn(NODE, ['--dev', '--tmp', '--rpc-port', `${rpcPort}`, '--port', `${p2pPort}`,
    '--no-prometheus', '--no-telemetry'], { stdio: ['ignore', 'pipe', 'pipe'] });
  node.stdout.pipe(log);
  node.stderr.pipe(log);
  let exited = false;
  let stopping = false;
  const printLog = () => {
    process.stderr.write(`----- node log (${logFile}) -----\n`);
    process.stderr.write(readFileSync(logFile, 'utf8').split('\n').slice(-150).join('\n') + '\n');
  };
  node.on('exit', (code, signal) => {
    exited = true;
    if (!stopping) {
      // A crash would otherwise leave the tests waiting on a dead connection.
      process.stderr.write(`peer-node exited unexpectedly (code ${code}, signal ${signal})\n`);
      log.end(() => { printLog(); process.exit(1); });
    }
  });

  const stop = async () => {
    stopping = true;
    if (!exited) {
      node.kill('SIGINT');
      await new Promise((r) => { const t = setTimeout(() => { node.kill('SIGKILL'); r(); }, 20000); node.on('exit', () => { clearTimeout(t); r(); }); });
    }
  };
  await cryptoWaitReady();
  // Wait for the RPC server (it answers HTTP on the same port), then connect.
  const deadline = Date.now() + 60000;
  for (;;) {
    if (exited) { await new Promise((r) => setTimeout(r, 1000)); throw new Error('peer-node exited before its RPC came up'); }
    if (Date.now() > deadline) { await stop(); printLog(); throw new Error('no RPC within 60 s'); }
    try {
      const res = await fetch(`http://127.0.0.1:${rpcPort}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'system_health', params: [] }),
      });
      if (res.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  const api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${rpcPort}`), noInitWarn: true });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return { api, keyring, wsUrl: `ws://127.0.0.1:${rpcPort}`, stop: async () => { await api.disconnect(); await stop(); }, printLog, logFile };
}

/** The module error of a failed dispatch, as `section.name`. */
export function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.toString();
}

/**
 * Signs and submits `tx`, waits until it is in a block, and returns
 * { events, error } where error is `section.name` if the dispatch failed.
 */
export function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, { nonce: -1 }, (result) => {
      if (result.status.isInBlock || result.status.isFinalized) {
        unsub?.();
        const failed = result.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
        const error = failed ? errorName(api, failed.event.data[0]) : null;
        resolve({ events: result.events.map(({ event }) => event), error, blockHash: result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized });
      } else if (result.isError) {
        unsub?.();
        reject(new Error(`transaction ${result.status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

/** Sends and fails the test if the dispatch failed. */
export async function ok(api, tx, signer) {
  const r = await send(api, tx, signer);
  if (r.error) throw new Error(`${tx.method.section}.${tx.method.method} failed: ${r.error}`);
  return r;
}

/** Events of `section.method` among `events`. */
export function eventsOf(events, section, method) {
  return events.filter((e) => e.section === section && e.method === method);
}

/**
 * `proposer` proposes `call` to the council with `threshold`; it and `ayes`
 * vote for it; `proposer` closes it. Returns the events of the closing block.
 */
export async function councilMotion(api, call, threshold, proposer, ayes) {
  const length = call.method.encodedLength;
  let r = await ok(api, api.tx.council.propose(threshold, call, length), proposer);
  const proposed = eventsOf(r.events, 'council', 'Proposed')[0];
  const hash = proposed.data.proposalHash.toHex();
  const index = proposed.data.proposalIndex.toNumber();
  await Promise.all([proposer, ...ayes].map((who) => ok(api, api.tx.council.vote(hash, index, true), who)));
  const weight = (await call.paymentInfo(proposer)).weight;
  r = await ok(api, api.tx.council.close(hash, index, weight, length), proposer);
  return r.events;
}
