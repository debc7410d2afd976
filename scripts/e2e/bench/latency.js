// Confirmation latency on the four-validator local network (`--chain local`,
// Alice, Bob, Charlie and Dave on loopback): how long a member waits from
// submitting a transaction until it is in a block, and until it is final, as
// @polkadot/api reports it to the submitter (through Bob's RPC; Bob is one
// validator among four).
//
// (a) light load: SAMPLES `system.remark`s, one at a time;
// (b) under load: the same while senders flood the pool with transfers
//     (LOAD transfers, pre-signed), sampling best − finalized every 250 ms
//     and counting blocks that carried no transaction while the pool held
//     some.
// Prints p50 / p90 / max tables; changes nothing. Every node is stopped at
// the end, whatever happened.
//
// Environment: PEER_NODE (binary), SAMPLES (default 40), LOAD (default 6000).
import { connect, keyring as devKeyring } from '../lib/chain.js';
import { Network, sleep } from '../lib/network.js';

const SAMPLES = Number(process.env.SAMPLES ?? 40);
const LOAD = Number(process.env.LOAD ?? 6000);
const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

const net = new Network();
let api;
const stop = async () => {
  await api?.disconnect().catch(() => {});
  await net.stopAll();
  net.cleanup();
};
process.on('SIGINT', () => stop().then(() => process.exit(130)));

function quantiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, p50: q(0.5), p90: q(0.9), max: s[s.length - 1] };
}
const fmt = (ms) => (ms / 1000).toFixed(2);

/** Submits the pre-signed `tx`; resolves with ms to in-block and to finalized. */
function timed(tx) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let inBlock;
    tx.send(({ status, dispatchError }) => {
      if (dispatchError) reject(new Error(`failed: ${dispatchError}`));
      if (status.isInBlock && inBlock === undefined) inBlock = performance.now() - t0;
      if (status.isFinalized) resolve({ inBlock: inBlock ?? performance.now() - t0, finalized: performance.now() - t0 });
      if (status.isDropped || status.isInvalid || status.isUsurped) reject(new Error(`status ${status.type}`));
    }).catch(reject);
  });
}

async function sampleRemarks(who, n, label) {
  const inBlock = [];
  const finalized = [];
  let nonce = (await api.rpc.system.accountNextIndex(who.address)).toNumber();
  for (let i = 0; i < n; i++) {
    const tx = await api.tx.system.remark(`latency ${label} ${i}`).signAsync(who, { nonce: nonce++ });
    const t = await timed(tx);
    inBlock.push(t.inBlock);
    finalized.push(t.finalized);
    // Submissions fall at random points of the slot, as a member's would.
    await sleep(Math.random() * 2000);
  }
  return { inBlock: quantiles(inBlock), finalized: quantiles(finalized) };
}

try {
  for (const [i, name] of VALIDATORS.entries()) await net.start(name, i + 1, { role: 'dev' });
  await net.waitFor('finality on all four', 120000, async () => {
    const hs = await Promise.all(VALIDATORS.map((v) => net.heights(v).catch(() => null)));
    return hs.every((h) => h && h.finalized >= 3 && h.peers >= 3);
  });
  await net.report('network up');
  const bob = net.nodes.get('bob');
  api = await connect(`ws://127.0.0.1:${bob.rpc}`);
  const keyring = await devKeyring();
  const alice = keyring.addFromUri('//Alice');
  const slotMs = api.consts.aura.slotDuration.toNumber();
  console.log(`[latency] slot ${slotMs} ms; ${SAMPLES} samples per load`);

  const light = await sampleRemarks(alice, SAMPLES, 'light');

  // The flood: the other endowed accounts each send LOAD/5 transfers, nonces in order.
  const senders = ['//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map((u) => keyring.addFromUri(u));
  const per = Math.ceil(LOAD / senders.length);
  const signed = [];
  for (const s of senders) {
    let nonce = (await api.rpc.system.accountNextIndex(s.address)).toNumber();
    for (let i = 0; i < per; i++) {
      signed.push(await api.tx.balances.transferKeepAlive(alice.address, 10n ** 10n).signAsync(s, { nonce: nonce++, era: 0 }));
    }
  }
  const first = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
  let lag = 0;
  let flooding = true;
  const lagSampler = (async () => {
    while (flooding) {
      const h = await net.heights('bob').catch(() => null);
      if (h) lag = Math.max(lag, h.best - h.finalized);
      await sleep(250);
    }
  })();
  const t0 = performance.now();
  // A transfer the node refuses is counted with the node's reason, never silently lost.
  const refused = new Map();
  const submitted = Promise.all(signed.map((tx) => api.rpc.author.submitExtrinsic(tx.toHex()).catch((e) => {
    const reason = String(e.message ?? e).slice(0, 120);
    refused.set(reason, (refused.get(reason) ?? 0) + 1);
  })));
  const loaded = await sampleRemarks(alice, SAMPLES, 'load');
  await submitted;
  // Wait until the pool is empty, then count.
  await net.waitFor('the flood to be included', 600000, async () => (await api.rpc.author.pendingExtrinsics()).length === 0);
  const seconds = (performance.now() - t0) / 1000;
  flooding = false;
  await lagSampler;
  const last = (await api.rpc.chain.getHeader()).number.toNumber();
  let transfers = 0;
  const empty = [];
  for (let n = first; n <= last; n++) {
    const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
    const signedCount = block.block.extrinsics.filter((x) => x.isSigned).length;
    transfers += block.block.extrinsics.filter((x) => x.isSigned && x.method.section === 'balances').length;
    // Between the first and the last block that carried the flood, an empty one is a lost slot.
    if (signedCount === 0) empty.push(n);
  }
  const lastLoaded = await (async () => {
    for (let n = last; n >= first; n--) {
      const b = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
      if (b.block.extrinsics.some((x) => x.isSigned && x.method.section === 'balances')) return n;
    }
    return first;
  })();
  const emptyDuring = empty.filter((n) => n < lastLoaded);
  // The chain's own clock: from the block before the flood to the last block of it.
  const stamp = async (n) => (await api.query.timestamp.now.at(await api.rpc.chain.getBlockHash(n))).toNumber();
  const span = (await stamp(lastLoaded)) - (await stamp(first - 1));

  const row = (label, q) => `| ${label} | ${q.n} | ${fmt(q.p50)} | ${fmt(q.p90)} | ${fmt(q.max)} |`;
  console.log('\n| submit → | samples | p50 (s) | p90 (s) | max (s) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(row('in block, light load', light.inBlock));
  console.log(row('finalized, light load', light.finalized));
  console.log(row(`in block, under load`, loaded.inBlock));
  console.log(row(`finalized, under load`, loaded.finalized));
  console.log(`\nload: ${transfers} of ${signed.length} transfers in blocks #${first}..#${lastLoaded}` +
    ` (${lastLoaded - first + 1} blocks in ${Math.round(span / slotMs)} slots): ${(transfers / (span / 1000)).toFixed(1)}/s over` +
    ` their ${(span / 1000).toFixed(0)} s (submitted through Bob's RPC as fast as it took them; the pool was empty after ${seconds.toFixed(0)} s)`);
  for (const [reason, n] of refused) console.log(`load: ${n} of ${signed.length} transfers refused by Bob's node: ${reason}`);
  console.log(`finality lag under load (best − finalized, sampled every 250 ms): max ${lag} blocks`);
  console.log(`blocks without a transaction while the flood was pending: ${emptyDuring.length}` +
    (emptyDuring.length ? ` (#${emptyDuring.join(', #')})` : ''));
  await net.report('end');
} catch (e) {
  net.printLogs();
  console.error(e);
  process.exitCode = 1;
} finally {
  await stop();
}
