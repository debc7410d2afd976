// Validators on network stacks of their own, for the partition tests: each
// node runs in a Linux network namespace with one address on a private test
// network (10.201.0.0/24) that exists only inside the namespaces this harness
// makes: a veth pair joins each node's namespace to a bridge in a namespace of
// its own. Partitions move a node's port to a second bridge; a slow link is a
// `tc tbf` qdisc on both ends of its veth. The test client (and Prometheus)
// reach each node's RPC and metrics through a second veth pair, a /30 from the
// root namespace (10.J.K.0/24, J from the network's tag, K from the process id): the nodes listen for
// peers on their test-network address only, and the root namespace forwards
// nothing, so no node reaches another through it.
//
// Needs root (CAP_NET_ADMIN) and iproute2; refuses to start otherwise, with
// the reason. Every namespace and link is removed by `teardown`, and on any
// exit of the process (the fault-test script removes what a killed process
// leaves, by the prefix `PEER_NETNS_PREFIX`).
//
// Not done: delay and loss. This kernel has no `netem` qdisc; bandwidth (`tbf`)
// is what a slow link is here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Network, PEER_IDS } from './network.js';
import { startNode } from './node.js';

const P2P_PORT = 30333;
const RPC_PORT = 9944;
export const METRICS_PORT = 9615;
/** The chain spec id of `--chain local`: where a node keeps its network key under its base path. */
const LOCAL_CHAIN_ID = 'peer_local';

function ip(...args) {
  return execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

function tc(ns, ...args) {
  execFileSync('ip', ['netns', 'exec', ns, 'tc', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Why this machine cannot run the harness, or null if it can: namespaces and
 * veth pairs need root (CAP_NET_ADMIN) and iproute2.
 */
export function namespacesUnavailable(prefix) {
  const probe = `${prefix}-probe`;
  try {
    ip('netns', 'add', probe);
    ip('-n', probe, 'link', 'add', 'p0', 'type', 'veth', 'peer', 'name', 'p1');
    ip('netns', 'del', probe);
    return null;
  } catch (e) {
    try { ip('netns', 'del', probe); } catch { /* never made */ }
    return `network namespaces are unavailable here (they need root or CAP_NET_ADMIN, and iproute2): ${(e.stderr?.toString() || e.message).trim()}`;
  }
}

export class NamespacedNetwork extends Network {
  /**
   * `names`: the nodes, in the order of their node keys (1-based: the
   * genesis' well-known peer ids). `tag`: a letter that sets this network's
   * namespaces and links apart from another's run beside it; their names start
   * with `PEER_NETNS_PREFIX` (or one from the process id) and the tag.
   */
  constructor(names, { tag = '' } = {}) {
    super();
    this.prefix = (process.env.PEER_NETNS_PREFIX ?? `pf${process.pid % 100000}`) + tag;
    /** Every finalized block recorded so far: height → hash. */
    this.finalized = new Map();
    this.names = names;
    // The management /24 of the root namespace: one per network (the tag) and run (the pid).
    this.mgmt = `10.${202 + (tag ? tag.charCodeAt(0) % 50 : 0)}.${process.pid % 250}`;
    this.bridgeNs = `${this.prefix}-br`;
    this.made = [];
    this.torndown = false;
  }

  /** The node's namespace, address on the test network, and management address. */
  place(name) {
    const i = this.names.indexOf(name);
    if (i < 0) throw new Error(`${name} is not a node of this network`);
    return { i, ns: `${this.prefix}-${name}`, addr: `10.201.0.${11 + i}`, host: `${this.mgmt}.${4 * i + 2}`,
      port: `${this.prefix}b${i}` };
  }

  /** Makes the namespaces, bridges and links; refuses with the reason where it cannot. */
  setUp() {
    const why = namespacesUnavailable(this.prefix);
    if (why) throw new Error(why);
    const taken = ip('-4', 'route', 'show').split('\n').find((r) => r.startsWith(`${this.mgmt}.`));
    if (taken) throw new Error(`the management range ${this.mgmt}.0/24 is already routed here (${taken}): not touching it`);
    process.once('exit', () => this.teardown());
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => { this.teardown(); process.exit(130); });
    }
    ip('netns', 'add', this.bridgeNs);
    this.made.push(this.bridgeNs);
    ip('-n', this.bridgeNs, 'link', 'set', 'lo', 'up');
    for (const br of ['br0', 'br1']) {
      ip('-n', this.bridgeNs, 'link', 'add', br, 'type', 'bridge');
      ip('-n', this.bridgeNs, 'link', 'set', br, 'up');
    }
    for (const name of this.names) {
      const { i, ns, addr, host, port } = this.place(name);
      ip('netns', 'add', ns);
      this.made.push(ns);
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      // The test network: eth0 in the node's namespace, its peer on br0.
      ip('link', 'add', `${this.prefix}d${i}`, 'type', 'veth', 'peer', 'name', port);
      ip('link', 'set', `${this.prefix}d${i}`, 'netns', ns);
      ip('-n', ns, 'link', 'set', `${this.prefix}d${i}`, 'name', 'eth0');
      ip('-n', ns, 'addr', 'add', `${addr}/24`, 'dev', 'eth0');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
      ip('link', 'set', port, 'netns', this.bridgeNs);
      ip('-n', this.bridgeNs, 'link', 'set', port, 'master', 'br0');
      ip('-n', this.bridgeNs, 'link', 'set', port, 'up');
      // The management link: a /30 between the root namespace and eth1.
      const root = `${this.prefix}m${i}`;
      ip('link', 'add', root, 'type', 'veth', 'peer', 'name', `${this.prefix}e${i}`);
      ip('link', 'set', `${this.prefix}e${i}`, 'netns', ns);
      ip('-n', ns, 'link', 'set', `${this.prefix}e${i}`, 'name', 'eth1');
      ip('-n', ns, 'addr', 'add', `${host}/30`, 'dev', 'eth1');
      ip('-n', ns, 'link', 'set', 'eth1', 'up');
      ip('addr', 'add', `${this.mgmt}.${4 * i + 1}/30`, 'dev', root);
      ip('link', 'set', root, 'up');
    }
  }

  /**
   * Starts (or restarts on its base path) node `name` as the validator of its
   * dev key (`--alice`…). Its network key is a file on its base path, as an
   * operator keeps it (`peer-node key generate-node-key --base-path`): written
   * once, before the first start, with the secret of its well-known peer id.
   * Options: `metrics` (serve Prometheus metrics on the management address).
   */
  async start(name, _keyIndex, { metrics = false } = {}) {
    const { i, ns, addr, host } = this.place(name);
    let n = this.nodes.get(name);
    if (!n) {
      n = { name, keyIndex: i + 1, rpc: RPC_PORT, p2p: P2P_PORT, host, ns, addr,
        base: join(this.dir, name), log: join(this.dir, `${name}.log`) };
      this.nodes.set(name, n);
      const network = join(n.base, 'chains', LOCAL_CHAIN_ID, 'network');
      mkdirSync(network, { recursive: true });
      writeFileSync(join(network, 'secret_ed25519'), (i + 1).toString(16).padStart(64, '0'), { mode: 0o600 });
    }
    const args = ['--chain', 'local', '--base-path', n.base, `--${name}`, '--no-mdns',
      '--listen-addr', `/ip4/${addr}/tcp/${P2P_PORT}`, '--public-addr', `/ip4/${addr}/tcp/${P2P_PORT}`,
      '--rpc-external', '--rpc-cors', 'all'];
    if (metrics) args.push('--prometheus-external', '--prometheus-port', `${METRICS_PORT}`);
    for (const other of this.names) {
      if (other === name) continue;
      const o = this.place(other);
      args.push('--bootnodes', `/ip4/${o.addr}/tcp/${P2P_PORT}/p2p/${PEER_IDS[o.i]}`);
    }
    const node = await startNode(args, { rpcPort: RPC_PORT, p2pPort: P2P_PORT, host, logFile: n.log, append: true,
      wrap: ['ip', 'netns', 'exec', ns], metrics });
    n.proc = node.proc;
    n.stop = node.stop;
    node.exit.then(() => { if (n.proc === node.proc) n.proc = null; });
    return n;
  }

  /** The finalized head of `name`, with every block up to it recorded (as `name` has it). */
  async recordFinalized(name = 'alice') {
    const head = await this.heights(name);
    const from = this.finalized.size ? Math.max(...this.finalized.keys()) + 1 : 1;
    for (let n = from; n <= head.finalized; n++) this.finalized.set(n, await this.blockHash(name, n));
    return head;
  }

  /** Every node among `names` still has every recorded finalized block at its height: none reverted. */
  async noneReverted(names) {
    for (const name of names) {
      for (const [n, hash] of this.finalized) {
        assert.equal(await this.blockHash(name, n), hash, `${name}: finalized block #${n} kept`);
      }
    }
  }

  /** The address Prometheus scrapes node `name`'s metrics at. */
  metricsTarget(name) {
    return `${this.place(name).host}:${METRICS_PORT}`;
  }

  /** Cuts the network into `groups` (two lists of names): the second group's ports move to another bridge. */
  partition([, second]) {
    for (const name of this.names) {
      ip('-n', this.bridgeNs, 'link', 'set', this.place(name).port, 'master', second.includes(name) ? 'br1' : 'br0');
    }
  }

  /** Joins every node to one bridge again. */
  heal() {
    for (const name of this.names) ip('-n', this.bridgeNs, 'link', 'set', this.place(name).port, 'master', 'br0');
  }

  /** Limits node `name`'s link to `rate` (tc's notation, e.g. `128kbit`) both ways, with a token bucket. */
  limit(name, rate) {
    const { ns, port } = this.place(name);
    const tbf = ['root', 'tbf', 'rate', rate, 'burst', '16kb', 'latency', '400ms'];
    tc(ns, 'qdisc', 'replace', 'dev', 'eth0', ...tbf);
    tc(this.bridgeNs, 'qdisc', 'replace', 'dev', port, ...tbf);
  }

  /** Takes the limit of `limit` away. */
  unlimit(name) {
    const { ns, port } = this.place(name);
    tc(ns, 'qdisc', 'del', 'dev', 'eth0', 'root');
    tc(this.bridgeNs, 'qdisc', 'del', 'dev', port, 'root');
  }

  /**
   * Kills what still runs and removes every namespace (with it every link in
   * it, and the management ends in the root namespace). Synchronous: it runs
   * on the process' exit too. Idempotent.
   */
  teardown() {
    if (this.torndown) return;
    this.torndown = true;
    for (const n of this.nodes.values()) {
      try { n.proc?.kill('SIGKILL'); } catch { /* gone */ }
    }
    for (const ns of this.made.reverse()) {
      try { ip('netns', 'del', ns); } catch { /* gone */ }
    }
    for (let i = 0; i < this.names.length; i++) {
      try { ip('link', 'del', `${this.prefix}m${i}`); } catch { /* went with its namespace */ }
    }
  }
}

/**
 * Inside a `describe`: the validators `names` of `--chain local`, each in a
 * namespace of its own (`tag` sets this network apart), started before the
 * tests (with metrics) until all agree on finalized block #3, and stopped and
 * removed after them, their logs printed if `failures.seen`. `use` receives the
 * network once it is up.
 */
export function namespacedValidators(names, tag, failures, use) {
  let net;
  before(async () => {
    net = new NamespacedNetwork(names, { tag });
    use(net);
    net.setUp();
    for (const name of names) await net.start(name, 0, { metrics: true });
    await net.agreeOnFinality(names, 3, 120000);
    await net.report('network up, each validator in its own namespace');
  });
  after(async () => {
    if (!net) return;
    if (failures.seen) net.printLogs();
    await net.stopAll();
    net.teardown();
    net.cleanup();
  });
}
