// End-to-end: a member's view of Peer through @polkadot/api, against a real
// `peer-node --dev`. Each test waits for inclusion and checks decoded events
// and balances.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startNode, send, ok, eventsOf, councilMotion } from '../harness.js';

const e2eDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const UNIT = 10n ** 12n;
let node, api, alice, bob, charlie, dave, eve;
// The recruiting mission of the error test, reused by the runtime API test.
let recruitingMission;

/** Runs `body`; on failure prints the node's log before failing. */
function withLog(body) {
  return async () => {
    try {
      await body();
    } catch (e) {
      node?.printLog();
      throw e;
    }
  };
}

const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();
const h = (byte) => '0x' + byte.repeat(32);

describe('peer-node through polkadot.js', () => {
  before(async () => {
    node = await startNode();
    api = node.api;
    [alice, bob, charlie, dave, eve] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve']
      .map((s) => node.keyring.addFromUri(s));
  });
  after(async () => { await node?.stop(); });

  test('connects with no custom types and sees Peer', withLog(async () => {
    assert.equal((await api.rpc.system.chain()).toString(), 'Peer Development');
    const props = await api.rpc.system.properties();
    assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'PEER');
    assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
    assert.equal(props.ss58Format.unwrap().toNumber(), 42);
    assert.equal(api.registry.chainSS58, 42);
    for (const pallet of ['missions', 'consortium', 'council', 'reputation', 'parameters', 'validatorSet', 'session', 'nodeAuthorization', 'proxy', 'multisig', 'identity']) {
      assert.ok(api.tx[pallet] || api.query[pallet], `metadata lists ${pallet}`);
    }
    assert.ok(api.call.missionsApi, 'runtime API missionsApi in metadata');
    assert.ok(api.call.reputationApi, 'runtime API reputationApi in metadata');
  }));

  test('a mission with three contributors and two milestones pays each its share', withLog(async () => {
    const id = (await api.query.missions.nextMissionId()).toNumber();
    const milestones = [{ descriptionHash: h('11'), amount: 100n * UNIT }, { descriptionHash: h('22'), amount: 50n * UNIT }];
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    let r = await ok(api, api.tx.missions.createMission('Peer e2e', h('aa'), 'ipfs://e2e', milestones, head + 500,
      { openToNonMembers: true, minBond: 0, minReputation: 0 }), alice);
    const created = eventsOf(r.events, 'missions', 'MissionCreated')[0];
    assert.equal(created.data.mission.toNumber(), id);
    assert.equal(created.data.budget.toBigInt(), 150n * UNIT);

    const roster = [[bob, 500_000_000], [charlie, 300_000_000], [dave, 200_000_000]];
    await Promise.all(roster.map(([who, share]) => ok(api, api.tx.missions.commit(id, share, h('cc')), who)));
    for (const [who] of roster) await ok(api, api.tx.missions.acceptCommitment(id, who.address), alice);
    r = await ok(api, api.tx.missions.proposeTerms(id), alice);
    const terms = eventsOf(r.events, 'missions', 'TermsProposed')[0].data.termsHash.toHex();
    const signed = await Promise.all(roster.map(([who]) => ok(api, api.tx.missions.signTerms(id, terms), who)));
    assert.ok(signed.some((s) => eventsOf(s.events, 'missions', 'MissionActivated').length === 1));

    const before = await Promise.all(roster.map(([who]) => free(who)));
    for (const m of [0, 1]) {
      await ok(api, api.tx.missions.submitDeliverable(id, m, h('dd'), null), bob);
      r = await ok(api, api.tx.missions.approveMilestone(id, m), alice);
      const paid = eventsOf(r.events, 'missions', 'RewardPaid');
      assert.equal(paid.length, 3);
    }
    assert.equal(eventsOf(r.events, 'missions', 'MissionCompleted').length, 1);
    const bond = (await api.consts.missions.minimumBond).toBigInt();
    const after = await Promise.all(roster.map(([who]) => free(who)));
    // Bob paid the fees of his deliveries: compare the others exactly, Bob within fees.
    assert.equal(after[1] - before[1], 45n * UNIT + bond);
    assert.equal(after[2] - before[2], 30n * UNIT + bond);
    assert.ok(after[0] - before[0] > 75n * UNIT + bond - UNIT / 100n);
    assert.equal((await api.query.missions.liveMissions(id)).isNone, true, 'escrow and records are gone');
    const holds = await api.query.balances.holds(alice.address);
    assert.equal(holds.filter((hd) => hd.id.isMissions).length, 0, 'no escrow left on the owner');
  }));

  test('errors reach the user by name and change nothing', withLog(async () => {
    const nextId = (await api.query.missions.nextMissionId()).toNumber();
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const create = api.tx.missions.createMission('x', h('aa'), null, [{ descriptionHash: h('11'), amount: 5n * UNIT }], head + 100,
      { openToNonMembers: false, minBond: 0, minReputation: 0 });
    const r = await send(api, create, eve);
    assert.equal(r.error, 'missions.NotAMember');
    assert.equal((await api.query.missions.nextMissionId()).toNumber(), nextId);

    await ok(api, api.tx.missions.createMission('y', h('aa'), null, [{ descriptionHash: h('11'), amount: 5n * UNIT }], head + 100,
      { openToNonMembers: false, minBond: 0, minReputation: 0 }), alice);
    recruitingMission = nextId;
    await ok(api, api.tx.missions.commit(nextId, 600_000_000, h('cc')), bob);
    await ok(api, api.tx.missions.acceptCommitment(nextId, bob.address), alice);
    const over = await send(api, api.tx.missions.commit(nextId, 500_000_000, h('cc')), charlie);
    assert.equal(over.error, 'missions.SharesExceedWhole');
    assert.equal((await api.query.missions.commitments(nextId, charlie.address)).isNone, true);
  }));

  const motion = (call, threshold, ayes) => councilMotion(api, call, threshold, alice, ayes);

  test('governance: a member is admitted by a council motion', withLog(async () => {
    await ok(api, api.tx.consortium.apply('Dave Studio', 'Organization', null), dave);
    // Admission changes who votes: three quarters of the council, all three here.
    const events = await motion(api.tx.consortium.admit(dave.address), 3, [bob, charlie]);
    assert.equal(eventsOf(events, 'council', 'Approved').length, 1);
    assert.equal(eventsOf(events, 'consortium', 'Admitted').length, 1);
    const executed = eventsOf(events, 'council', 'Executed')[0];
    assert.ok(executed.data.result.isOk);
    assert.ok((await api.query.consortium.members(dave.address)).isSome);
    assert.ok((await api.query.council.members()).map((a) => a.toString()).includes(dave.address));
  }));

  test('governance: a dispute is resolved by a council motion and paid', withLog(async () => {
    const id = (await api.query.missions.nextMissionId()).toNumber();
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    await ok(api, api.tx.missions.createMission('dispute', h('aa'), null, [{ descriptionHash: h('11'), amount: 20n * UNIT }], head + 500,
      { openToNonMembers: false, minBond: 0, minReputation: 0 }), alice);
    await Promise.all([[bob, 750_000_000], [charlie, 250_000_000]].map(([who, share]) => ok(api, api.tx.missions.commit(id, share, h('cc')), who)));
    for (const who of [bob, charlie]) await ok(api, api.tx.missions.acceptCommitment(id, who.address), alice);
    const r = await ok(api, api.tx.missions.proposeTerms(id), alice);
    const terms = eventsOf(r.events, 'missions', 'TermsProposed')[0].data.termsHash.toHex();
    await Promise.all([bob, charlie].map((who) => ok(api, api.tx.missions.signTerms(id, terms), who)));
    await ok(api, api.tx.missions.submitDeliverable(id, 0, h('dd'), null), bob);
    await ok(api, api.tx.missions.rejectMilestone(id, 0, h('ee')), alice);
    await ok(api, api.tx.missions.disputeMilestone(id, 0), bob);
    const before = await free(charlie);
    // Dave joined in the previous test: 2/3 of four members is three ayes.
    const events = await motion(api.tx.missions.resolveDispute(id, 0, 'Approve'), 3, [bob, charlie]);
    assert.equal(eventsOf(events, 'missions', 'DisputeResolved').length, 1);
    const paid = eventsOf(events, 'missions', 'RewardPaid').find((e) => e.data.who.toString() === charlie.address);
    assert.equal(paid.data.amount.toBigInt(), 5n * UNIT);
    const bond = (await api.consts.missions.minimumBond).toBigInt();
    assert.equal(await free(charlie) - before, 5n * UNIT + bond);
  }));

  test('runtime APIs return what the chain holds', withLog(async () => {
    const id = recruitingMission;
    const view = await api.call.missionsApi.mission(id);
    assert.ok(view.isSome);
    assert.equal(view.unwrap().owner.toString(), alice.address);
    const mine = await api.call.missionsApi.missionsOf(alice.address);
    assert.ok(mine.owned.map((x) => x.toNumber()).includes(id));
    // Charlie asks for the 40% left: the owner now has a commitment to decide.
    await ok(api, api.tx.missions.commit(id, 400_000_000, h('cc')), charlie);
    const todo = await api.call.missionsApi.pendingActions(alice.address);
    assert.ok(todo.some((a) => a.isDecideCommitment
      && a.asDecideCommitment.mission.toNumber() === id
      && a.asDecideCommitment.who.toString() === charlie.address));
    // Bob completed two missions (the three-contributor one and the disputed one).
    const rep = await api.call.reputationApi.reputation(bob.address);
    assert.ok(rep.score.toNumber() > 0);
    assert.equal(rep.record.missionsCompleted.toNumber(), 2);
    assert.equal((await api.call.reputationApi.score(bob.address)).toNumber(), rep.score.toNumber());
  }));

  test('a batch of mission calls is all or nothing', withLog(async () => {
    const id = (await api.query.missions.nextMissionId()).toNumber();
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const spec = [{ descriptionHash: h('11'), amount: 5n * UNIT }];
    const opts = { openToNonMembers: true, minBond: 0, minReputation: 0 };
    const good = api.tx.utility.batchAll([
      api.tx.missions.createMission('a', h('aa'), null, spec, head + 100, opts),
      api.tx.missions.createMission('b', h('aa'), null, spec, head + 100, opts),
    ]);
    await ok(api, good, charlie);
    assert.equal((await api.query.missions.nextMissionId()).toNumber(), id + 2);
    const bad = api.tx.utility.batchAll([
      api.tx.missions.createMission('c', h('aa'), null, spec, head + 100, opts),
      api.tx.missions.createMission('d', h('aa'), null, [], head + 100, opts),
    ]);
    const r = await send(api, bad, charlie);
    assert.equal(r.error, 'missions.NoMilestones');
    assert.equal((await api.query.missions.nextMissionId()).toNumber(), id + 2, 'nothing of the batch stayed');
  }));

  test('the README example runs as written', withLog(async () => {
    const readme = readFileSync(join(e2eDir, '..', '..', 'README.md'), 'utf8');
    const block = readme.split('<!-- e2e: readme-example')[1]?.split('```js\n')[1]?.split('\n```')[0];
    assert.ok(block, 'README.md holds the marked example');
    // Written next to node_modules so that its imports resolve as they do for a user.
    const file = join(e2eDir, '.readme-example.mjs');
    writeFileSync(file, block + '\n');
    const next = (await api.query.missions.nextMissionId()).toNumber();
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [file],
        { cwd: e2eDir, env: { ...process.env, PEER_WS: node.wsUrl }, timeout: 120000 });
      const lines = stdout.trim().split('\n');
      assert.equal(lines[0], 'Peer Development: PEER, 12 decimals');
      const created = lines.find((l) => l.startsWith('missions.MissionCreated '));
      assert.ok(created, `MissionCreated printed:\n${stdout}`);
      assert.equal(JSON.parse(created.slice('missions.MissionCreated '.length)).mission, `${next}`);
      assert.ok(lines.some((l) => l.startsWith('system.ExtrinsicSuccess ')), `ExtrinsicSuccess printed:\n${stdout}`);
    } finally {
      rmSync(file, { force: true });
    }
    const mission = (await api.query.missions.liveMissions(next)).unwrap();
    assert.equal(mission.owner.toString(), alice.address);
    assert.equal(mission.budget.toBigInt(), 10n * UNIT);
  }));
});
