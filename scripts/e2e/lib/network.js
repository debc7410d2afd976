// A consortium network of `peer-node --chain local` processes on loopback, for
// the fault tests: fixed node keys (the genesis' well-known peer ids for
// 1..4), free ports, one base path per node under a temporary directory, and
// every process stopped when the suite ends, whatever happened.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, rpcUrl, sleep, startNode, waitFor } from './node.js';

export { sleep };

/**
 * Wraps test bodies so that a failure is remembered in `failures.seen`: a suite
 * prints its nodes' logs at the end only if something failed.
 */
export function remembersFailure(failures) {
  return (body) => async () => {
    try {
      await body();
    } catch (e) {
      failures.seen = true;
      throw e;
    }
  };
}

/** Peer ids of node keys 0x00…01 to 0x00…06. */
export const PEER_IDS = [
  '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp',
  '12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD',
  '12D3KooWSCufgHzV4fCwRijfH2k3abrpAJxTKxEvN1FDuRXA2U9x',
  '12D3KooWSsChzF81YDUKpe9Uk5AHV5oqAaXAcWNSPYgoLauUk4st',
  '12D3KooWSuTq6MG9gPt7qZqLFKkYrfxMewTZhj9nmRHJkPwzWDG2',
  '12D3KooWMz5U7fR8mF5DNhZSSyFN8c19kU63xYopzDSNCzoFigYk',
];

/** Bytes of a libp2p peer id (base58btc), as the chain stores it. */
export function peerIdBytes(peerId) {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = 0n;
  for (const c of peerId) n = n * 58n + BigInt(alphabet.indexOf(c));
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const zeros = peerId.match(/^1*/)[0].length;
  return '0x' + '00'.repeat(zeros) + hex;
}

export class Network {
  /** `chain`: `local`, or the path of a chain spec (the upgrade test's, on the previous runtime). */
  constructor({ chain = 'local' } = {}) {
    this.dir = mkdtempSync(join(tmpdir(), 'peer-net-'));
    this.chain = chain;
    this.nodes = new Map();
  }

  /**
   * Starts (or restarts on its base path) node `name` with node key `keyIndex`
   * (1-based). Options: `role` ('dev': a validator with the dev key of
   * `name`, e.g. `--alice`; 'validator': a validator with the keys in its own
   * keystore; 'full': no authoring), `bootnode` (name of a running node),
   * `offline` (this run only: no peers at all, `--reserved-only` without any),
   * `args` (more of the node's arguments, kept for its restarts).
   */
  async start(name, keyIndex, { role, bootnode, offline = false, args: extra } = {}) {
    let n = this.nodes.get(name);
    if (!n) {
      n = { name, keyIndex, role: 'dev', bootnode: null, rpc: await freePort(), p2p: await freePort(),
        base: join(this.dir, name), log: join(this.dir, `${name}.log`) };
      this.nodes.set(name, n);
    }
    if (role) n.role = role;
    if (bootnode) n.bootnode = bootnode;
    if (extra) n.extra = extra;
    const args = ['--chain', this.chain, '--base-path', n.base, '--node-key', keyIndex.toString(16).padStart(64, '0'),
      '--no-mdns'];
    // `--alice` and the like: validator role, that name, and the dev key in the keystore.
    const runAs = offline ? 'full' : n.role;
    args.push(...({ dev: [`--${name}`], validator: ['--validator', '--name', name], full: ['--name', name] })[runAs]);
    if (offline) args.push('--reserved-only');
    args.push(...(n.extra ?? []));
    const boot = offline ? [] : n.bootnode ? [n.bootnode] : [...this.nodes.values()].filter((o) => o !== n && o.proc).map((o) => o.name);
    for (const b of boot) {
      const o = this.nodes.get(b);
      args.push('--bootnodes', `/ip4/127.0.0.1/tcp/${o.p2p}/p2p/${PEER_IDS[o.keyIndex - 1]}`);
    }
    const node = await startNode(args, { rpcPort: n.rpc, p2pPort: n.p2p, logFile: n.log, append: true });
    n.proc = node.proc;
    n.stop = node.stop;
    node.exit.then(() => { if (n.proc === node.proc) n.proc = null; });
    return n;
  }

  /** Kills node `name` with `signal` and waits for it to exit. */
  async kill(name, signal = 'SIGKILL') {
    const n = this.nodes.get(name);
    if (n?.proc) await n.stop(signal);
  }

  async stopAll() {
    await Promise.all([...this.nodes.keys()].map((name) => this.kill(name, 'SIGINT')));
  }

  /** Removes the temporary directory (after stopAll). */
  cleanup() {
    rmSync(this.dir, { recursive: true, force: true });
  }

  printLogs(names = [...this.nodes.keys()]) {
    for (const name of names) {
      const n = this.nodes.get(name);
      let text = '';
      try { text = readFileSync(n.log, 'utf8'); } catch { /* never started */ }
      process.stderr.write(`----- ${name} log (last 60 lines of ${n.log}) -----\n${text.split('\n').slice(-60).join('\n')}\n`);
    }
  }

  async rpc(name, method, params = []) {
    const n = this.nodes.get(name);
    return rpcUrl(`http://${n.host ?? '127.0.0.1'}:${n.rpc}`, method, params).catch((e) => { throw new Error(`${name} ${e.message}`); });
  }

  /** { best, finalized, finalizedHash, peers } of node `name`. */
  async heights(name) {
    const best = parseInt((await this.rpc(name, 'chain_getHeader')).number, 16);
    const finalizedHash = await this.rpc(name, 'chain_getFinalizedHead');
    const finalized = parseInt((await this.rpc(name, 'chain_getHeader', [finalizedHash])).number, 16);
    const peers = (await this.rpc(name, 'system_health')).peers;
    return { best, finalized, finalizedHash, peers };
  }

  /** Prints one line of every running node's heights, after `label`. */
  async report(label) {
    const parts = [];
    for (const [name, n] of this.nodes) {
      if (!n.proc) { parts.push(`${name}: down`); continue; }
      const h = await this.heights(name).catch(() => null);
      parts.push(h ? `${name}: best ${h.best} fin ${h.finalized} peers ${h.peers}` : `${name}: no answer`);
    }
    console.log(`[net] ${label} | ${parts.join(' | ')}`);
  }

  /** The ws:// address of node `name`'s RPC. */
  wsUrl(name) {
    const n = this.nodes.get(name);
    return `ws://${n.host ?? '127.0.0.1'}:${n.rpc}`;
  }

  async blockHash(name, number) {
    return this.rpc(name, 'chain_getBlockHash', [number]);
  }

  /**
   * Waits until every node in `names` has finalized the same block at a height
   * >= `min`; returns it as { height, hash }.
   */
  async agreeOnFinality(names, min, ms) {
    let common;
    await this.waitFor(`${names.join(', ')} to agree on a finalized block >= #${min}`, ms, async () => {
      const hs = await Promise.all(names.map((n) => this.heights(n).catch(() => null)));
      if (hs.some((x) => !x)) return false;
      const height = Math.min(...hs.map((x) => x.finalized));
      if (height < min) return false;
      const hashes = await Promise.all(names.map((n) => this.blockHash(n, height)));
      if (new Set(hashes).size !== 1) return false;
      common = { height, hash: hashes[0] };
      return true;
    });
    return common;
  }

  /** Polls `check` every second until it returns true; fails after `ms`. */
  async waitFor(what, ms, check) {
    return waitFor(what, ms, check, 1000);
  }
}
