// Throughput of a fresh `peer-node --dev`, two workloads in one run on one
// node: (a) balances.transferKeepAlive from many accounts; (b) a mission mix
// (commit, sign_terms, submit_deliverable, approve_milestone paying four
// contributors). Every transaction is signed before the clock starts, then
// submitted as fast as the node takes them. Prints a table; writes nothing.
//
// Environment: PEER_NODE (binary), BASE (data directory, kept for
// `benchmark block`), TRANSFERS (default 30000), OWNERS (mission owners,
// default 96, at most 97: members are at most 100; each brings 4 missions of each kind, 64 timed calls),
// POOL_LIMIT (`--pool-limit`, default 200000), NODE_ARGS (more node flags,
// e.g. `-l txpool=debug` or `--pool-type fork-aware`), NODE_LOG (a file for
// the node's whole log).
import { readFileSync } from 'node:fs';
import { ANY_BOND, UNIT, connect, councilMotion, h, keyring as devKeyring, ok } from '../lib/chain.js';
import { startNode } from '../lib/node.js';

const TRANSFERS = Number(process.env.TRANSFERS ?? 30000);
const OWNERS = Number(process.env.OWNERS ?? 96);
const BASE = process.env.BASE;
const now = () => performance.now();

const node = await startNode(['--dev', '--base-path', BASE, '--pool-limit', process.env.POOL_LIMIT ?? '200000',
  '--pool-kbytes', '1048576', '--rpc-max-connections', '2000', '--rpc-max-request-size', '64',
  '--rpc-max-response-size', '64', ...(process.env.NODE_ARGS ?? '').split(' ').filter((a) => a)],
{ logFile: process.env.NODE_LOG });
const stop = () => { try { node.proc.kill('SIGINT'); } catch { /* gone */ } };
process.on('exit', stop);

function peakRssMiB() {
  const status = readFileSync(`/proc/${node.proc.pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+)/)[1]) / 1024;
}

const api = await connect(node.wsUrl);
const keyring = await devKeyring();
const slotSecs = api.consts.aura.slotDuration.toNumber() / 1000;
const alice = keyring.addFromUri('//Alice');
const accounts = (prefix, n) => Array.from({ length: n }, (_, i) => keyring.addFromUri(`//${prefix}/${i}`));

/** Sends `calls` from `who` in batches of `size`, each batch waited for in turn. */
async function batched(who, calls, size = 200) {
  for (let i = 0; i < calls.length; i += size) await ok(api, api.tx.utility.batchAll(calls.slice(i, i + size)), who);
}
/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool(items, limit, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) { const i = next++; await fn(items[i], i); }
  }));
}

// ----- setup (not timed) -----
const senders = accounts('sender', Math.max(1, Math.ceil(TRANSFERS / 100)));
const owners = accounts('owner', OWNERS);
const contributors = accounts('contrib', OWNERS * 4);
console.log(`[bench] setup: ${senders.length} senders, ${owners.length} owners, ${contributors.length} contributors`);
await batched(alice, [...senders, ...owners, ...contributors].map((a) => api.tx.balances.transferKeepAlive(a.address, 500n * UNIT)), 250);
// Admitted in groups (at most `consortium.maxApplications` may be open at
// once), each by one council motion every member votes for: admission takes
// three quarters of the council, and there is no sudo key.
const groupSize = api.consts.consortium.maxApplications.toNumber();
const council = [alice, keyring.addFromUri('//Bob'), keyring.addFromUri('//Charlie')];
for (let i = 0; i < owners.length; i += groupSize) {
  const group = owners.slice(i, i + groupSize);
  await pool(group, 64, (o) => ok(api, api.tx.consortium.apply('owner', 'Organization', null), o));
  const admit = api.tx.utility.batchAll(group.map((o) => api.tx.consortium.admit(o.address)));
  await councilMotion(api, admit, council.length, alice, council.slice(1));
  council.push(...group);
}

// Each owner: 4 missions of each kind, each with 4 milestones of 1 PEER and 4 contributors of 25 %.
const head = (await api.rpc.chain.getHeader()).number.toNumber();
const milestones = [0, 1, 2, 3].map((i) => ({ descriptionHash: h('1' + i), amount: UNIT }));
const opts = { openToNonMembers: true, minBond: 0, minReputation: 0 };
const firstId = (await api.query.missions.nextMissionId()).toNumber();
await pool(owners, 64, (o) => batched(o, Array.from({ length: 16 }, () =>
  api.tx.missions.createMission('bench', h('aa'), null, 'Native', milestones, head + 20000, opts))));
// Missions of owner k: ids are not contiguous per owner, read them back.
const owned = await Promise.all(owners.map(async (o) => (await api.query.missions.ownedMissions(o.address)).map((x) => x.toNumber())));
const kinds = owned.map((ids) => ({ commit: ids.slice(0, 4), sign: ids.slice(4, 8), deliver: ids.slice(8, 12), approve: ids.slice(12, 16) }));
// Contributors 4k..4k+3 work for owner k.
const team = (k) => contributors.slice(4 * k, 4 * k + 4);
const share = 250_000_000;
await pool(owners.map((_, k) => k), 32, async (k) => {
  const ids = [...kinds[k].sign, ...kinds[k].deliver, ...kinds[k].approve];
  await Promise.all(team(k).map((c) => batched(c, ids.map((id) => api.tx.missions.commit(id, share, h('cc'), ANY_BOND)))));
  await batched(owners[k], [...ids.flatMap((id) => team(k).map((c) => api.tx.missions.acceptCommitment(id, c.address))),
    ...ids.map((id) => api.tx.missions.proposeTerms(id))]);
});
const terms = new Map();
for (const k of owners.keys()) {
  for (const id of [...kinds[k].sign, ...kinds[k].deliver, ...kinds[k].approve]) {
    terms.set(id, (await api.query.missions.liveMissions(id)).unwrap().status.asAgreeing.termsHash.toHex());
  }
}
await pool(owners.map((_, k) => k), 32, async (k) => {
  const ids = [...kinds[k].deliver, ...kinds[k].approve];
  await Promise.all(team(k).map((c) => batched(c, ids.map((id) => api.tx.missions.signTerms(id, terms.get(id))))));
  // The approve missions get all four deliverables now; contributor i delivers milestone i.
  await Promise.all(team(k).map((c, i) => batched(c, kinds[k].approve.map((id) => api.tx.missions.submitDeliverable(id, i, h('dd'), null)))));
});
console.log(`[bench] setup done: missions ${firstId}..${(await api.query.missions.nextMissionId()).toNumber() - 1}`);

// Storage the setup's missions take, as stored (key + value bytes).
const storageRows = [];
for (const [label, entries] of [['mission', api.query.missions.liveMissions], ['commitment', api.query.missions.commitments], ['deliverable', api.query.missions.deliverables]]) {
  const all = await entries.entries();
  const sizes = all.map(([k, v]) => k.encodedLength + v.unwrap().encodedLength);
  const avg = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length);
  storageRows.push(`| ${label} | ${all.length} | ${avg.toFixed(0)} | ${Math.max(...sizes)} |`);
}

// ----- the two workloads, signed in advance -----
async function signAll(list) {
  const nonces = new Map();
  const out = [];
  for (const [who, tx] of list) {
    let n = nonces.get(who.address);
    if (n === undefined) n = (await api.rpc.system.accountNextIndex(who.address)).toNumber();
    nonces.set(who.address, n + 1);
    const signed = await tx.signAsync(who, { nonce: n, era: 0 });
    out.push({ hex: signed.toHex(), hash: signed.hash.toHex(), signed });
  }
  return out;
}

const transferList = Array.from({ length: TRANSFERS }, (_, i) => [senders[i % senders.length], api.tx.balances.transferKeepAlive(alice.address, UNIT)]);
const missionList = [];
for (const k of owners.keys()) {
  const c = team(k);
  for (const id of kinds[k].commit) for (const who of c) missionList.push([who, api.tx.missions.commit(id, share, h('cc'), ANY_BOND)]);
  for (const id of kinds[k].sign) for (const who of c) missionList.push([who, api.tx.missions.signTerms(id, terms.get(id))]);
  for (const id of kinds[k].deliver) for (const [i, who] of c.entries()) missionList.push([who, api.tx.missions.submitDeliverable(id, i, h('dd'), null)]);
  for (const id of kinds[k].approve) for (const m of [0, 1, 2, 3]) missionList.push([owners[k], api.tx.missions.approveMilestone(id, m)]);
}
// Interleave the kinds, as members would send them.
missionList.sort((a, b) => (a[1].hash.toHex() < b[1].hash.toHex() ? -1 : 1));
const t0 = now();
const workloads = [
  { name: 'transfers', txs: await signAll(transferList) },
  { name: 'missions', txs: await signAll(missionList) },
];
console.log(`[bench] signed ${workloads[0].txs.length} + ${workloads[1].txs.length} transactions in ${((now() - t0) / 1000).toFixed(1)} s`);

// ----- weights the chain claims -----
const blockWeights = api.consts.system.blockWeights;
const maxNormal = blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
const maxLen = api.consts.system.blockLength.max.normal.toNumber();

// ----- run -----
const included = new Map(); // hash -> { block, time }
const blocks = []; // { number, time, ours, weight, len, failed }
let watching = null;
let finalized = 0;
const unsubFinalized = await api.rpc.chain.subscribeFinalizedHeads((header) => { finalized = header.number.toNumber(); });
const unsub = await api.rpc.chain.subscribeNewHeads(async (header) => {
  const time = now();
  const hash = header.hash;
  const lag = header.number.toNumber() - finalized;
  const [block, at] = await Promise.all([api.rpc.chain.getBlock(hash), api.at(hash)]);
  const [weight, events] = await Promise.all([at.query.system.blockWeight(), at.query.system.events()]);
  // (AllExtrinsicsLen is cleared when the block is finalized: count the bytes.)
  const len = block.block.extrinsics.reduce((s, xt) => s + xt.encodedLength, 0);
  const failedIdx = new Set(events.filter((e) => e.phase.isApplyExtrinsic && api.events.system.ExtrinsicFailed.is(e.event)).map((e) => e.phase.asApplyExtrinsic.toNumber()));
  let ours = 0; let failed = 0;
  block.block.extrinsics.forEach((xt, i) => {
    const hx = xt.hash.toHex();
    if (watching?.has(hx) && !included.has(hx)) { included.set(hx, { block: header.number.toNumber(), time }); ours++; if (failedIdx.has(i)) failed++; }
  });
  blocks.push({ number: header.number.toNumber(), time, ours, failed, workload: watching?.name,
    weight: weight.normal.refTime.toBigInt(), len, lag });
});

const results = [];
for (const w of workloads) {
  watching = new Set(w.txs.map((t) => t.hash));
  watching.name = w.name;
  const submitted = new Map();
  const start = now();
  let rejected = 0;
  const reasons = new Map();
  await pool(w.txs, 512, async (t) => {
    submitted.set(t.hash, now());
    try { await api.rpc.author.submitExtrinsic(t.hex); } catch (e) {
      rejected++;
      const reason = String(e.message ?? e).slice(0, 120);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  });
  const submitSecs = (now() - start) / 1000;
  const deadline = now() + 240000;
  while ([...watching].some((hx) => !included.has(hx)) && now() < deadline) await new Promise((r) => setTimeout(r, 500));
  const mine = blocks.filter((b) => b.workload === w.name && b.ours > 0);
  const latencies = w.txs.filter((t) => included.has(t.hash)).map((t) => included.get(t.hash).time - submitted.get(t.hash)).sort((a, b) => a - b);
  const count = latencies.length;
  const failed = mine.reduce((s, b) => s + b.failed, 0);
  // Blocks from the first to the last that carried this workload, a slot each.
  const span = mine.length ? mine[mine.length - 1].number - mine[0].number + 1 : 0;
  const full = mine.length > 2 ? mine.slice(0, -1) : mine; // the last block is a remainder
  // Steady rate: what the blocks before the last (a remainder) carried, over
  // their slots (empty blocks among them included).
  const steadySpan = mine.length > 1 ? mine[mine.length - 1].number - mine[0].number : span;
  const steadyCount = mine.length > 1 ? mine.slice(0, -1).reduce((s, b) => s + b.ours, 0) : count;
  const avgTxs = full.reduce((s, b) => s + b.ours, 0) / Math.max(1, full.length);
  const avgWeight = full.reduce((s, b) => s + Number(b.weight), 0) / Math.max(1, full.length) / Number(maxNormal);
  const avgLen = full.reduce((s, b) => s + b.len, 0) / Math.max(1, full.length) / maxLen;
  // What the weights allow: the normal class's share of a block over the weight
  // the chain charged per transaction of this workload (base extrinsic included).
  const charged = full.reduce((s, b) => s + b.weight, 0n);
  const perTx = charged / BigInt(Math.max(1, full.reduce((s, b) => s + b.ours, 0)));
  const theoretical = Number(maxNormal / perTx);
  // Between the workload's first and last block: the worst finality lag seen,
  // and blocks that carried none of it (the pool still held some).
  const during = blocks.filter((b) => mine.length && b.number >= mine[0].number && b.number <= mine[mine.length - 1].number);
  const maxLag = Math.max(0, ...during.map((b) => b.lag));
  const empty = during.filter((b) => b.ours === 0).map((b) => b.number);
  results.push({ name: w.name, sent: w.txs.length, rejected, count, failed, blocks: span, submitSecs, maxLag, empty,
    tps: steadyCount / (steadySpan * slotSecs), overall: count / (span * slotSecs), avgTxs, theoretical, avgWeight, avgLen, perTx,
    p50: latencies[Math.floor(count * 0.5)] / 1000, p99: latencies[Math.min(count - 1, Math.floor(count * 0.99))] / 1000,
    first: mine[0]?.number, last: mine[mine.length - 1]?.number });
  for (const [reason, n] of reasons) console.log(`[bench] ${w.name}: ${n} refused by the node: ${reason}`);
  console.log(`[bench] ${w.name}: ${count}/${w.txs.length} included (${rejected} refused at submission) in blocks #${mine[0]?.number}..#${mine[mine.length - 1]?.number}`);
}
await unsub();
await unsubFinalized();
const rss = peakRssMiB();
await api.disconnect();

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
console.log('\n| workload | sent | included | failed | blocks | tx/s (steady) | tx/s (whole run) | tx/block (full blocks) | max tx/block by weight | measured/max | block weight used | block length used | µs weight/tx | submit→in-block p50 / p99 |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.name} | ${r.sent} | ${r.count} | ${r.failed} | ${r.blocks} (#${r.first}..#${r.last}) | ${fmt(r.tps)} | ${fmt(r.overall)} | ${fmt(r.avgTxs)} | ${r.theoretical} | ${fmt(r.avgTxs / r.theoretical * 100)} % | ${fmt(r.avgWeight * 100)} % | ${fmt(r.avgLen * 100)} % | ${fmt(Number(r.perTx) / 1e6, 1)} | ${fmt(r.p50)} s / ${fmt(r.p99)} s |`);
}
console.log('\n| storage item (setup\'s missions: 4 milestones, 4 contributors) | entries | average bytes (key + value) | largest |');
console.log('| --- | --- | --- | --- |');
for (const row of storageRows) console.log(row);
for (const r of results) {
  console.log(`${r.name}: finality lag (best − finalized) at most ${r.maxLag} blocks; blocks without its transactions among its own: ${r.empty.length}${r.empty.length ? ` (#${r.empty.join(', #')})` : ''}`);
}
const [a, b] = results;
console.log(`\ntx/s (steady): included in the blocks before the last one of a workload (a remainder), over their ${slotSecs} s slots`);
console.log(`missions / transfers, tx/s: ${fmt(b.tps / a.tps, 2)} (target ≥ 0.5)`);
console.log(`transfers/s vs the solochain template's ~330/s: ${fmt(a.tps / 330, 2)}× (target ≥ 2.5×)`);
console.log(`node peak resident memory: ${fmt(rss, 0)} MiB (target ≤ 1024)`);
console.log(`blocks with load: #${a.first}..#${b.last} (for peer-node benchmark block)`);
// Let the node close its database before `benchmark block` opens it.
await node.stop();
process.exit(0);
