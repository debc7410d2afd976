// The one way Peer's JavaScript starts a `peer-node` and waits for it: the
// e2e suite, the fault tests, the benchmarks and the board's browser tests
// all call `startNode`. No dependency beyond Node itself, so that the board
// (another npm package) can import it too.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The node binary: `PEER_NODE`, or the release build. */
export const NODE = process.env.PEER_NODE ?? join(root, 'target', 'release', 'peer-node');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port free on 127.0.0.1 right now. */
const handedOut = new Set();
/**
 * A free TCP port on 127.0.0.1, picked at random and never the same twice in
 * one process: the kernel's next ephemeral port may be handed out twice in a
 * row, and suites running side by side each ask for ports.
 */
export async function freePort() {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    if (handedOut.has(port)) continue;
    const free = await new Promise((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) {
      handedOut.add(port);
      return port;
    }
  }
}

/**
 * One JSON-RPC request over HTTP(S) to `url` (a ws:// address is read as
 * http://, the same port). Returns the result; throws on an RPC error or after
 * `timeoutMs`.
 */
export async function rpcUrl(url, method, params = [], timeoutMs = 5000) {
  const res = await fetch(url.replace(/^ws/, 'http'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** One JSON-RPC request to the node whose RPC listens on `port` on this machine. */
export const rpc = (port, method, params = [], timeoutMs = 5000) => rpcUrl(`http://127.0.0.1:${port}`, method, params, timeoutMs);

/**
 * A raw chain spec of `chain` (`dev`, `local`) whose genesis is built by the
 * runtime in the file `codePath` instead of the node's own (the upgrade tests
 * start on the previous runtime); written under `dir`, its path returned.
 */
export function chainSpecWithCode(chain, codePath, dir) {
  const run = (args) => execFileSync(NODE, args, { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  const plain = JSON.parse(run(['build-spec', '--chain', chain]).toString());
  plain.genesis.runtimeGenesis.code = '0x' + readFileSync(codePath).toString('hex');
  const plainPath = join(dir, `${chain}-plain.json`);
  writeFileSync(plainPath, JSON.stringify(plain));
  const rawPath = join(dir, `${chain}-raw.json`);
  writeFileSync(rawPath, run(['build-spec', '--chain', plainPath, '--raw']));
  return rawPath;
}

/** Polls `check` every `everyMs` until it returns true; throws after `ms`. */
export async function waitFor(what, ms, check, everyMs = 500) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Starts `peer-node` with `args` and waits until its RPC answers and its best
 * block is at least `minBlock`.
 *
 * Options: `rpcPort` and `p2pPort` (free ports if not given), `logFile` (the
 * node's output; a temporary file if not given), `append` (keep what the file
 * holds: a restart), `waitMs` (60 s), `onUnexpectedExit(code, signal)`
 * (called if the node exits before `stop`), `wrap` (a command the node runs
 * under, e.g. `['ip', 'netns', 'exec', ns]`, which must exec it), `host` (the
 * address its RPC answers on, 127.0.0.1 unless given), `metrics` (keep the
 * node's Prometheus endpoint: `args` say where).
 *
 * Returns { proc, rpcPort, p2pPort, wsUrl, logFile, rpc, running, stop, printLog }.
 * `stop(signal = 'SIGINT')` waits for the exit, and kills it after 20 s.
 */
export async function startNode(args, options = {}) {
  const rpcPort = options.rpcPort ?? (await freePort());
  const p2pPort = options.p2pPort ?? (await freePort());
  const logFile = options.logFile ?? join(tmpdir(), `peer-node-${process.pid}-${rpcPort}.log`);
  const log = createWriteStream(logFile, { flags: options.append ? 'a' : 'w' });
  const host = options.host ?? '127.0.0.1';
  const [command, ...prefix] = [...(options.wrap ?? []), NODE];
  const nodeArgs = [...args, '--rpc-port', `${rpcPort}`, '--no-telemetry'];
  // `--listen-addr` names the port itself (and excludes `--port`).
  if (!args.includes('--listen-addr')) nodeArgs.push('--port', `${p2pPort}`);
  if (!options.metrics) nodeArgs.push('--no-prometheus');
  const proc = spawn(command, [...prefix, ...nodeArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Both pipes into one file, which only the end of the process closes: the
  // first pipe to end would otherwise end the file and lose the other's words.
  proc.stdout.pipe(log, { end: false });
  proc.stderr.pipe(log, { end: false });
  let exited = false;
  let stopping = false;
  // 'close', not 'exit': the node's last words are in its pipes when it exits.
  const exit = new Promise((resolve) => proc.once('close', (code, signal) => {
    exited = true;
    log.end(() => {
      if (!stopping) options.onUnexpectedExit?.(code, signal);
      resolve();
    });
  }));
  const printLog = (lines = 150) => {
    let text = '';
    try { text = readFileSync(logFile, 'utf8'); } catch { /* nothing written */ }
    process.stderr.write(`----- node log (last ${lines} lines of ${logFile}) -----\n${text.split('\n').slice(-lines).join('\n')}\n`);
  };
  const stop = async (signal = 'SIGINT') => {
    stopping = true;
    if (!exited) {
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), 20000);
      await exit;
      clearTimeout(timer);
    }
  };
  const node = {
    proc, rpcPort, p2pPort, logFile, printLog, stop, exit,
    wsUrl: `ws://${host}:${rpcPort}`,
    running: () => !exited,
    rpc: (method, params, timeoutMs) => rpcUrl(`http://${host}:${rpcPort}`, method, params, timeoutMs),
  };
  try {
    await waitFor(`peer-node's RPC on port ${rpcPort}`, options.waitMs ?? 60000, async () => {
      if (exited) throw new Error('peer-node exited before its RPC came up');
      const header = await node.rpc('chain_getHeader');
      return parseInt(header.number, 16) >= (options.minBlock ?? 0);
    });
  } catch (e) {
    await stop('SIGKILL');
    printLog();
    throw e;
  }
  return node;
}
