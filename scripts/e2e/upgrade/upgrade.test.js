// A live runtime upgrade on a consortium network, end to end: the four
// validators of `local` start on the previous runtime (runtime/fixtures), carry
// missions into every phase, and upgrade to this checkout's runtime by a council
// vote that names the code by its hash (system.authorizeUpgrade through
// consortium.dispatchAsRoot, 3/4), then anyone applies the code
// (system.applyAuthorizedUpgrade, unsigned). Checked: every node runs the new
// spec_version; every record of the missions, balances, holds, reserves,
// reputation and consortium equals what it was before the upgrade, but for the
// field the migration adds (each mission's asset: PEER), value by value; how
// long finality paused around the upgrade (printed, bounded); the state before
// the upgrade passes the try-runtime check (scripts/try-runtime.sh on a
// snapshot taken here, before the code is applied); every mission is then
// driven to its end and pays to the planck; and the history peer-indexer kept
// while it all happened equals, row for row, what a fresh indexer reads again
// from genesis across the upgrade (each block decoded with its own runtime's
// metadata), its statements adding up to each balance's change.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainSpecWithCode } from '../lib/node.js';
import { ANY_BOND, PERCENT, UNIT, connect, councilPasses, eventsOf, h, keyring, mission, ok } from '../lib/chain.js';
import { Network, remembersFailure } from '../lib/network.js';
import { pairsUnder, writeSnapshot } from '../lib/snapshot.js';
import { caughtUp, get, plancks as planck, startIndexer, storedRows, todaysPeriod } from '../lib/indexer.js';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { Metadata, TypeRegistry } from '@polkadot/types';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'runtime', 'fixtures');
const previous = JSON.parse(readFileSync(join(FIXTURES, 'previous.json'), 'utf8'));
const NEW_WASM = process.env.PEER_RUNTIME_WASM;
const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
/** The longest pause of finality around the upgrade the test accepts (slots of 2 s). */
const MAX_FINALITY_GAP_MS = 30_000;
/** Pallets whose every stored value is compared across the upgrade, and the accounts. */
const COMPARED = ['Balances', 'Missions', 'Reputation', 'Consortium', 'Council', 'Identity', 'Proxy', 'Multisig'];
const PREFIXES = {
  ...Object.fromEntries(COMPARED.map((p) => [p, xxhashAsHex(p, 128)])),
  'System.Account': xxhashAsHex('System', 128) + xxhashAsHex('Account', 128).slice(2),
};
const LIVE_MISSIONS = xxhashAsHex('Missions', 128) + xxhashAsHex('LiveMissions', 128).slice(2);
const MISSIONS_VERSION = xxhashAsHex('Missions', 128) + xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2);

let net;
let api;
let indexer; // follows alice from genesis, live, through the upgrade
let k;
const m = {}; // the missions, by phase
const failures = { seen: false };
const logged = remembersFailure(failures);

/**
 * Every stored key and value of the compared pallets and the accounts at block
 * `hash`, raw: { prefix name: Map(key -> value) }.
 */
async function record(hash) {
  const url = `http://127.0.0.1:${net.nodes.get('alice').rpc}`;
  const out = {};
  for (const [name, prefix] of Object.entries(PREFIXES)) out[name] = new Map(await pairsUnder(url, prefix, hash));
  return out;
}

/** Waits for block `number` on node `name` and returns its hash. */
async function hashOf(name, number) {
  await net.waitFor(`block #${number} on ${name}`, 60000, async () => (await net.heights(name)).best >= number);
  return net.blockHash(name, number);
}

/** The free balance of `who` at block `hash`. */
async function freeAt(hash, who) {
  return (await (await api.at(hash)).query.system.account(who)).data.free.toBigInt();
}

/**
 * Sends the owner's `tx`, which pays `expected` ({address: plancks}) in rewards,
 * and checks the events and each payee's free balance across that block: the
 * reward, plus a bond released if the mission ended, to the planck.
 */
async function paysExactly(tx, signer, missionId, expected) {
  const r = await ok(api, tx, signer);
  return checkPaid(r, missionId, expected);
}

async function checkPaid(r, missionId, expected) {
  const header = await api.rpc.chain.getHeader(r.blockHash);
  const parent = header.parentHash.toHex();
  for (const [who, amount] of Object.entries(expected)) {
    const paid = eventsOf(r.events, 'missions', 'RewardPaid')
      .filter((e) => e.data.mission.toNumber() === missionId && e.data.who.toString() === who)
      .reduce((s, e) => s + e.data.amount.toBigInt(), 0n);
    assert.equal(paid, amount, `mission ${missionId}: RewardPaid to ${who}`);
    const bonds = eventsOf(r.events, 'missions', 'BondReleased')
      .filter((e) => e.data.mission.toNumber() === missionId && e.data.who.toString() === who)
      .reduce((s, e) => s + e.data.amount.toBigInt(), 0n);
    const delta = (await freeAt(r.blockHash.toHex(), who)) - (await freeAt(parent, who));
    assert.equal(delta, amount + bonds, `mission ${missionId}: ${who}'s free balance moved by its reward and bond, to the planck`);
  }
  return r;
}

describe('a live upgrade by council vote loses nothing', { concurrency: false }, () => {
  before(async () => {
    assert.ok(NEW_WASM, 'PEER_RUNTIME_WASM names the new runtime (scripts/upgrade-test.sh sets it)');
    net = new Network({ chain: 'previous' });
    net.chain = chainSpecWithCode('local', join(FIXTURES, previous.file), net.dir);
    // Alice keeps every block's state: the indexers read the whole chain from her.
    for (const [i, name] of VALIDATORS.entries()) {
      await net.start(name, i + 1, name === 'alice' ? { args: ['--state-pruning', 'archive-canonical'] } : {});
    }
    await net.waitFor('block #2 finalized on alice', 120000, async () => (await net.heights('alice')).finalized >= 2);
    await net.report('network up on the previous runtime');
    api = await connect(`ws://127.0.0.1:${net.nodes.get('alice').rpc}`);
    indexer = await startIndexer(`ws://127.0.0.1:${net.nodes.get('alice').rpc}`, join(net.dir, 'live.sqlite'));
    const keys = await keyring();
    k = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave'].map((n) => [n.toLowerCase(), keys.addFromUri(`//${n}`)]));
  });

  after(async () => {
    if (failures.seen) {
      net.printLogs();
      if (indexer) console.log(`[upgrade] the live indexer said:\n${indexer.output()}`);
    }
    await indexer?.kill();
    await api?.disconnect();
    await net.stopAll();
    net.cleanup();
  });

  test('the network starts on the previous runtime', logged(async () => {
    const version = await net.rpc('alice', 'state_getRuntimeVersion');
    assert.equal(version.specVersion, previous.spec_version);
    assert.equal(version.specName, previous.spec_name);
    // The mission call of the previous runtime names no asset.
    assert.equal(api.tx.missions.createMission.meta.args.length, 6);
  }));

  test('missions in every phase on the previous runtime', logged(async () => {
    const { alice, bob, charlie, dave } = k;
    // Recruiting, a commitment pending.
    m.recruiting = await mission(api, alice, { upTo: 'posted', title: 'recruiting' });
    await ok(api, api.tx.missions.commit(m.recruiting.id, 100 * PERCENT, h('c1'), ANY_BOND), bob);
    // Agreeing, one of two signatures given.
    m.agreeing = await mission(api, alice, { roster: [[bob, 50], [charlie, 50]], upTo: 'agreeing', title: 'agreeing' });
    await ok(api, api.tx.missions.signTerms(m.agreeing.id, m.agreeing.terms), bob);
    // Active, one milestone of two paid.
    m.paid = await mission(api, alice, { roster: [[charlie, 100]], amounts: [10n * UNIT, 20n * UNIT], title: 'active, paid once' });
    await ok(api, api.tx.missions.submitDeliverable(m.paid.id, 0, h('d1'), null), charlie);
    await ok(api, api.tx.missions.approveMilestone(m.paid.id, 0), alice);
    // A deliverable awaiting review.
    m.review = await mission(api, alice, { roster: [[dave, 100]], amounts: [12n * UNIT], title: 'in review' });
    await ok(api, api.tx.missions.submitDeliverable(m.review.id, 0, h('d2'), null), dave);
    // A rejection under dispute.
    m.dispute = await mission(api, alice, { roster: [[bob, 100]], amounts: [8n * UNIT], title: 'disputed' });
    await ok(api, api.tx.missions.submitDeliverable(m.dispute.id, 0, h('d3'), null), bob);
    await ok(api, api.tx.missions.rejectMilestone(m.dispute.id, 0, h('e3')), alice);
    await ok(api, api.tx.missions.disputeMilestone(m.dispute.id, 0), bob);
    // One finished.
    m.finished = await mission(api, alice, { roster: [[dave, 100]], amounts: [6n * UNIT], title: 'finished' });
    await ok(api, api.tx.missions.submitDeliverable(m.finished.id, 0, h('d4'), null), dave);
    await ok(api, api.tx.missions.approveMilestone(m.finished.id, 0), alice);
    const statuses = {};
    for (const [phase, { id }] of Object.entries(m)) {
      const stored = await api.query.missions.liveMissions(id);
      statuses[phase] = stored.isSome ? stored.unwrap().status.type : 'removed';
    }
    console.log(`[upgrade] missions on spec ${previous.spec_version}: ${JSON.stringify(statuses)}`);
    assert.deepEqual(statuses, { recruiting: 'Recruiting', agreeing: 'Agreeing', paid: 'Active', review: 'Active', dispute: 'Active', finished: 'removed' });
  }));

  test('the council upgrades by hash; anyone applies; nothing is lost', logged(async () => {
    const code = readFileSync(NEW_WASM);
    const codeHex = '0x' + code.toString('hex');
    const hash = api.registry.hash(code).toHex();
    const { alice, bob, charlie, dave } = k;
    // The motion is a few dozen bytes: the hash, not the code.
    const authorize = api.tx.consortium.dispatchAsRoot(api.tx.system.authorizeUpgrade(hash));
    assert.ok(authorize.method.encodedLength < 64, `the motion is ${authorize.method.encodedLength} bytes`);
    const events = await councilPasses(api, authorize, [3, 4], [alice, bob, charlie, dave]);
    assert.equal(eventsOf(events, 'system', 'UpgradeAuthorized').length, 1);
    assert.equal((await api.query.system.authorizedUpgrade()).unwrap().codeHash.toHex(), hash);

    // Before anyone applies it, the try-runtime check on the live state: the
    // pending migrations' pre/post checks, every pallet's try_state, a decode
    // of the whole state (scripts/try-runtime.sh, as an operator runs it).
    const snapshotFile = join(net.dir, 'snapshot.json');
    const pre = await api.rpc.chain.getHeader();
    const s = await writeSnapshot(`http://127.0.0.1:${net.nodes.get('alice').rpc}`, snapshotFile, pre.hash.toHex());
    console.log(`[upgrade] snapshot of #${s.number} (spec ${s.specVersion}): ${s.pairs.length} keys`);
    const check = execFileSync(join(ROOT, 'scripts', 'try-runtime.sh'), ['--snapshot', snapshotFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(check.split('\n').map((l) => `[try-runtime] ${l}`).join('\n') + '\n');
    assert.match(check, /test result: ok\. 1 passed/, 'the try-runtime check ran and passed');

    // Finality, watched from here until well after the upgrade.
    const finalized = [];
    const unsubFinal = await api.rpc.chain.subscribeFinalizedHeads((head) => finalized.push({ n: head.number.toNumber(), t: Date.now() }));
    // Anyone applies: an unsigned transaction, valid only for the authorized
    // code, sent over plain RPC (a client decoding the upgrade block's events
    // with the new runtime's types would misread them: they are the old one's).
    const xt = api.tx.system.applyAuthorizedUpgrade(codeHex);
    const sentAt = (await net.heights('alice')).best;
    await net.rpc('alice', 'author_submitExtrinsic', [xt.toHex()]);
    const newSpec = Number(execFileSync('python3', [join(ROOT, 'scripts', 'wasm-version.py'), NEW_WASM]).toString().trim().split(' ')[2]);
    // Every node runs the new spec_version.
    // Bounded generously: a validator whose block with the code (or the first
    // block under it, which compiles it) misses its slot leaves it to the next.
    await net.waitFor('every node to run the new runtime', 300000, async () => {
      const versions = await Promise.all(VALIDATORS.map((n) => net.rpc(n, 'state_getRuntimeVersion')));
      return versions.every((v) => v.specVersion === newSpec);
    });
    // The block that stored the code: the first whose state holds it.
    const specAt = async (n) => (await net.rpc('alice', 'state_getRuntimeVersion', [await net.blockHash('alice', n)])).specVersion;
    let u = (await net.heights('alice')).best;
    while (await specAt(u - 1) === newSpec) u--;
    const storedCode = await net.rpc('alice', 'state_getStorage', ['0x3a636f6465', await net.blockHash('alice', u)], 30000);
    assert.equal(api.registry.hash(Buffer.from(storedCode.slice(2), 'hex')).toHex(), hash, ':code is the voted code');
    assert.equal(await specAt(u - 1), previous.spec_version);
    console.log(`[upgrade] code applied in block #${u}, sent at #${sentAt} (${code.length} bytes, blake2-256 ${hash})`);
    await net.waitFor(`finality past #${u + 10}`, 180000, async () => finalized.at(-1)?.n >= u + 10);
    unsubFinal();
    let gap = 0;
    let at = 0;
    for (let i = 1; i < finalized.length; i++) {
      const d = finalized[i].t - finalized[i - 1].t;
      if (d > gap) { gap = d; at = finalized[i].n; }
    }
    console.log(`[upgrade] finality around the upgrade: longest pause ${(gap / 1000).toFixed(1)} s (until #${at}; slots of 2 s), ${finalized.length} finalized heads seen`);
    assert.ok(gap <= MAX_FINALITY_GAP_MS, `finality paused ${gap} ms`);
    await net.report(`every node on spec ${newSpec}`);

    // The records: the last block of the old runtime against the first block
    // after the migrations (no transaction was sent in between).
    const last = await hashOf('alice', u - 1);
    const first = await hashOf('alice', u + 1);
    const before = await record(last);
    const after_ = await record(first);
    // The missions as stored, decoded each with its own runtime's types (a
    // registry of each block's own metadata, read over raw RPC: \`api.at\` may
    // lend one runtime's type ids to the other's registry).
    const liveMissionsAt = async (hash) => {
      const registry = new TypeRegistry();
      const metadata = new Metadata(registry, await net.rpc('alice', 'state_getMetadata', [hash]));
      registry.setMetadata(metadata);
      const item = metadata.asLatest.pallets.find((p) => p.name.eq('Missions')).storage.unwrap().items.find((i) => i.name.eq('LiveMissions'));
      return { registry, type: registry.createLookupType(item.type.asMap.value) };
    };
    const oldApi = await liveMissionsAt(last);
    const newApi = await liveMissionsAt(first);
    const decode = (at, bytes) => at.registry.createType(at.type, bytes).toJSON();
    let compared = 0;
    let missions = 0;
    for (const [name, values] of Object.entries(before)) {
      const now = after_[name];
      for (const [key, value] of values) {
        assert.ok(now.has(key), `${name} ${key} still stored`);
        if (key === MISSIONS_VERSION) {
          assert.equal(value, '0x0100', 'missions storage version before');
          assert.equal(now.get(key), '0x0200', 'missions storage version after');
        } else if (key.startsWith(LIVE_MISSIONS)) {
          // The one deliberate change: every mission names its asset, PEER;
          // every other field as it was.
          const was = decode(oldApi, value);
          const is = decode(newApi, now.get(key));
          assert.deepEqual(is.asset, { native: null }, `mission ${key}: asset`);
          delete is.asset;
          assert.deepEqual(is, was, `mission ${key}`);
          missions++;
        } else {
          assert.equal(now.get(key), value, `${name} ${key}`);
        }
        compared++;
      }
      assert.equal(now.size, values.size, `${name}: no key appeared`);
    }
    console.log(`[upgrade] ${compared} stored values of ${Object.keys(before).join(', ')} equal across the upgrade (${missions} missions equal but for their new asset, PEER); missions storage version 1 -> 2`);
    assert.equal(missions, 5);
  }));

  test('every mission is driven to its end under the new runtime and pays to the planck', logged(async () => {
    const { alice, bob, charlie, dave } = k;
    assert.equal(api.tx.missions.createMission.meta.args.length, 7, 'the new runtime names the asset');
    // Recruiting: Bob is accepted, signs, delivers; the whole budget is his.
    await ok(api, api.tx.missions.acceptCommitment(m.recruiting.id, bob.address), alice);
    const proposed = await ok(api, api.tx.missions.proposeTerms(m.recruiting.id), alice);
    const terms = eventsOf(proposed.events, 'missions', 'TermsProposed')[0].data.termsHash.toHex();
    await ok(api, api.tx.missions.signTerms(m.recruiting.id, terms), bob);
    await ok(api, api.tx.missions.submitDeliverable(m.recruiting.id, 0, h('f1'), null), bob);
    await paysExactly(api.tx.missions.approveMilestone(m.recruiting.id, 0), alice, m.recruiting.id, { [bob.address]: 10n * UNIT });
    // Agreeing: Charlie's signature starts it; half each.
    await ok(api, api.tx.missions.signTerms(m.agreeing.id, m.agreeing.terms), charlie);
    await ok(api, api.tx.missions.submitDeliverable(m.agreeing.id, 0, h('f2'), null), bob);
    await paysExactly(api.tx.missions.approveMilestone(m.agreeing.id, 0), alice, m.agreeing.id, { [bob.address]: 5n * UNIT, [charlie.address]: 5n * UNIT });
    // Active, paid once: the second milestone.
    await ok(api, api.tx.missions.submitDeliverable(m.paid.id, 1, h('f3'), null), charlie);
    await paysExactly(api.tx.missions.approveMilestone(m.paid.id, 1), alice, m.paid.id, { [charlie.address]: 20n * UNIT });
    // In review: approved.
    await paysExactly(api.tx.missions.approveMilestone(m.review.id, 0), alice, m.review.id, { [dave.address]: 12n * UNIT });
    // Disputed: the council pays it in full (2/3; Bob, the contributor, does not vote).
    const closed = await councilPasses(api, api.tx.missions.resolveDispute(m.dispute.id, 0, 'Approve'), [2, 3], [alice, charlie, dave]);
    assert.equal(eventsOf(closed, 'missions', 'DisputeResolved').length, 1);
    await checkPaid({ events: closed, blockHash: closed.blockHash }, m.dispute.id, { [bob.address]: 8n * UNIT });
    // Every mission has ended.
    for (const [phase, { id }] of Object.entries(m)) {
      const stored = await api.query.missions.liveMissions(id);
      const status = stored.isSome ? stored.unwrap().status.type : 'removed';
      assert.ok(['Completed', 'removed'].includes(status), `${phase} (mission ${id}) ended: ${status}`);
    }
    console.log('[upgrade] every mission ended under the new runtime, each paid to the planck');
  }));

  test('the history kept live equals a fresh read from genesis across the upgrade', logged(async () => {
    const { bob, charlie, dave } = k;
    const alice = `ws://127.0.0.1:${net.nodes.get('alice').rpc}`;
    // Every block of the tests above finalized, and indexed live.
    const { best } = await net.heights('alice');
    await net.waitFor(`#${best} finalized`, 60000, async () => (await net.heights('alice')).finalized >= best);
    await caughtUp(indexer, best);
    assert.equal(indexer.proc.exitCode, null, `the live indexer runs: ${indexer.output()}`);
    // A fresh indexer reads the chain again, from genesis, once.
    const began = Date.now();
    const fresh = await startIndexer(alice, join(net.dir, 'fresh.sqlite'), ['--once']);
    const code = await fresh.exit;
    assert.equal(code, 0, `the fresh indexer finished: ${fresh.output()}`);
    console.log(`[upgrade] a fresh indexer read #0..#${best}+ in ${Date.now() - began} ms: ${fresh.output().trim().split('\n').at(-1)}`);
    await indexer.kill('SIGTERM');
    const upTo = Math.min(...['live', 'fresh'].map((db) => storedRows(join(net.dir, `${db}.sqlite`), 1e9).blocks.at(-1)[0]));
    const live = storedRows(join(net.dir, 'live.sqlite'), upTo);
    const again = storedRows(join(net.dir, 'fresh.sqlite'), upTo);
    for (const table of Object.keys(live)) {
      assert.ok(live[table].length > 0 || table === 'votes', `${table}: rows kept`);
      assert.deepEqual(again[table], live[table], `${table}: the fresh read equals the live one up to #${upTo}`);
    }
    // Both runtimes were met: blocks of the previous one, then of the new one,
    // the switch right after the block that stored the code.
    const specs = live.blocks.map((b) => b[3]);
    const switchAt = specs.indexOf(specs.at(-1));
    assert.deepEqual([specs[0], specs.at(-1)], [previous.spec_version, (await net.rpc('alice', 'state_getRuntimeVersion')).specVersion]);
    assert.ok(specs.slice(switchAt).every((v) => v === specs.at(-1)) && specs.slice(0, switchAt).every((v) => v === specs[0]));
    const events = (n) => live.events.filter((e) => e[0] === n).map((e) => `${e[3]}.${e[4]}`);
    assert.ok(events(switchAt - 1).includes('System.CodeUpdated'), `#${switchAt - 1} stored the code: ${events(switchAt - 1)}`);
    // The event that changed, read in both shapes: RewardPaid names its asset
    // only under the new runtime.
    const paid = live.events.filter((e) => e[3] === 'Missions' && e[4] === 'RewardPaid').map((e) => [e[0], JSON.parse(e[5])]);
    assert.ok(paid.some(([n, d]) => n < switchAt && !('asset' in d)), 'a payout of the previous runtime, without an asset');
    assert.ok(paid.some(([n, d]) => n >= switchAt && d.asset === 'Native'), 'a payout of the new runtime, in PEER');
    // Each statement over the whole chain equals the change of the free
    // balance, to the planck, across the upgrade.
    const period = todaysPeriod();
    // The fresh store, served by an indexer of its own.
    const reader = await startIndexer(alice, join(net.dir, 'fresh.sqlite'));
    try {
      await caughtUp(reader, upTo);
      for (const who of [bob, charlie, dave]) {
        const s = (await get(reader, `/accounts/${who.address}/statement?${period}&limit=1000`)).body;
        assert.equal(s.lines.length, s.total_lines, 'one page holds the whole statement');
        const total = s.lines.map((l) => planck(l.free)).reduce((a, b) => a + b, 0n);
        assert.equal(planck(s.free_total), total);
        const change = (await freeAt(await net.blockHash('alice', upTo), who.address)) - (await freeAt(await net.blockHash('alice', 0), who.address));
        assert.equal(total, change, `${who.address}: the statement adds up to the balance's change`);
        assert.ok(s.lines.some((l) => l.block < switchAt) && s.lines.some((l) => l.block >= switchAt), 'lines from both runtimes');
      }
    } finally {
      await reader.kill();
    }
    console.log(`[upgrade] history: ${live.events.length} events in #0..#${upTo} (runtime ${specs[0]} to #${switchAt - 1}, ${specs.at(-1)} from #${switchAt}), live and fresh equal`);
  }));
});
