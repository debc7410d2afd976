// End-to-end: a member's view of Peer through @polkadot/api, against a real
// `peer-node --dev`. Each test waits for inclusion and checks decoded events
// and balances. The tests share one node but not their state: each sets up
// what it needs, so any one of them runs alone
// (`node --test --test-name-pattern '<name>' tests/`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ANY_BOND, PERCENT, UNIT, councilPasses, devChain, eventsOf, free as freeOf, h, mission, ok, send } from '../lib/chain.js';

const e2eDir = join(dirname(fileURLToPath(import.meta.url)), '..');

let chain, api, alice, bob, charlie, dave, eve, ferdie;

/** Runs `body`; on failure prints the node's log before failing. */
function withLog(body) {
  return async () => {
    try {
      await body();
    } catch (e) {
      chain?.printLog();
      throw e;
    }
  };
}

const free = (who) => freeOf(api, who.address);

describe('peer-node through polkadot.js', () => {
  before(async () => {
    chain = await devChain();
    api = chain.api;
    ({ alice, bob, charlie, dave, eve, ferdie } = chain.accounts);
  });
  after(async () => { await chain?.stop(); });

  test('connects with no custom types and sees Peer', withLog(async () => {
    assert.equal((await api.rpc.system.chain()).toString(), 'Peer Development');
    const props = await api.rpc.system.properties();
    assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'PEER');
    assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
    assert.equal(props.ss58Format.unwrap().toNumber(), 42);
    assert.equal(api.registry.chainSS58, 42);
    for (const pallet of ['missions', 'consortium', 'council', 'reputation', 'parameters', 'validatorSet', 'session', 'nodeAuthorization', 'proxy', 'multisig', 'identity', 'assets']) {
      assert.ok(api.tx[pallet] || api.query[pallet], `metadata lists ${pallet}`);
    }
    assert.ok(api.call.missionsApi, 'runtime API missionsApi in metadata');
    assert.ok(api.call.reputationApi, 'runtime API reputationApi in metadata');
  }));

  test('a mission with three contributors and two milestones pays each its share', withLog(async () => {
    const roster = [[bob, 50], [charlie, 30], [dave, 20]];
    const { id, created } = await mission(api, alice, { roster, amounts: [100n * UNIT, 50n * UNIT], open: true });
    assert.equal(created.data.owner.toString(), alice.address);
    assert.equal(created.data.budget.toBigInt(), 150n * UNIT);

    const before = await Promise.all(roster.map(([who]) => free(who)));
    let r;
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

  test('a mission in a council-created 6-decimal asset pays to the unit', withLog(async () => {
    // Three quarters of the council bring a bank's USD token in: the asset (Bob's bank its
    // issuer), its metadata and its minimum budget for missions, in one motion.
    const usd = 42;
    const motion = api.tx.utility.batchAll([
      api.tx.assets.forceCreate(usd, bob.address, false, 10_000),
      api.tx.assets.forceSetMetadata(usd, 'Korea Bank USD', 'USD', 6, false),
      api.tx.missions.setMinimumBudget({ WithId: usd }, 1_000_000),
    ]);
    const events = await councilPasses(api, motion, [3, 4], [alice, bob, charlie]);
    assert.ok(eventsOf(events, 'council', 'Executed')[0].data.result.isOk, 'the motion executed');
    const meta = await api.query.assets.metadata(usd);
    assert.equal(meta.symbol.toUtf8(), 'USD');
    assert.equal(meta.decimals.toNumber(), 6);
    // The bank issues 10 USD to itself and posts the mission (Alice's missions already
    // gave Charlie the points one owner may give: the next test counts on a gain from her).
    await ok(api, api.tx.assets.mint(usd, bob.address, 10_000_000n), bob);

    // 3.000001 USD for one milestone, 70 % to Charlie and 30 % to Dave (an outsider).
    const peerBefore = await free(bob);
    const { id, created } = await mission(api, bob, {
      roster: [[charlie, 70], [dave, 30]], amounts: [3_000_001n], asset: { WithId: usd }, open: true,
    });
    assert.equal(created.data.asset.asWithId.toNumber(), usd);
    assert.equal(created.data.budget.toBigInt(), 3_000_001n);
    const view = (await api.call.missionsApi.mission(id)).unwrap();
    assert.equal(view.asset.asWithId.toNumber(), usd);
    await ok(api, api.tx.missions.submitDeliverable(id, 0, h('dd'), null), charlie);
    const r = await ok(api, api.tx.missions.approveMilestone(id, 0), bob);
    const paid = eventsOf(r.events, 'missions', 'RewardPaid').map((e) => [e.data.who.toString(), e.data.amount.toBigInt()]);
    // Floor per share, the remainder (one unit) to the first.
    assert.deepEqual(paid, [[charlie.address, 2_100_001n], [dave.address, 900_000n]]);
    const balance = async (who) => (await api.query.assets.account(usd, who.address)).unwrap().balance.toBigInt();
    assert.equal(await balance(charlie), 2_100_001n);
    assert.equal(await balance(dave), 900_000n);
    assert.equal(await balance(bob), 10_000_000n - 3_000_001n);
    assert.equal(eventsOf(r.events, 'missions', 'MissionCompleted').length, 1);
    // In PEER Bob paid only fees: the deposit came back.
    assert.ok(peerBefore - (await free(bob)) < UNIT / 10n);
  }));

  test('errors reach the user by name and change nothing', withLog(async () => {
    const nextId = (await api.query.missions.nextMissionId()).toNumber();
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const create = api.tx.missions.createMission('x', h('aa'), null, 'Native', [{ descriptionHash: h('11'), amount: 5n * UNIT }], head + 3_000,
      { openToNonMembers: false, minBond: 0, minReputation: 0 });
    const r = await send(api, create, eve);
    assert.equal(r.error, 'missions.NotAMember');
    assert.equal((await api.query.missions.nextMissionId()).toNumber(), nextId);

    const { id } = await mission(api, alice, { roster: [[bob, 60]], upTo: 'recruiting' });
    const over = await send(api, api.tx.missions.commit(id, 50 * PERCENT, h('cc'), ANY_BOND), charlie);
    assert.equal(over.error, 'missions.SharesExceedWhole');
    assert.equal((await api.query.missions.commitments(id, charlie.address)).isNone, true);
  }));

  /** Passes `call` with `ratio` of the council as it is now, by the dev accounts on it. */
  const passes = (call, ratio) => councilPasses(api, call, ratio, [alice, bob, charlie, dave, eve]);

  test('governance: a member is admitted by a council motion', withLog(async () => {
    await ok(api, api.tx.consortium.apply('Dave Studio', 'Organization', null), dave);
    // Admission changes who votes: three quarters of the council.
    const events = await passes(api.tx.consortium.admit(dave.address), [3, 4]);
    assert.equal(eventsOf(events, 'council', 'Approved').length, 1);
    assert.equal(eventsOf(events, 'consortium', 'Admitted').length, 1);
    const executed = eventsOf(events, 'council', 'Executed')[0];
    assert.ok(executed.data.result.isOk);
    assert.ok((await api.query.consortium.members(dave.address)).isSome);
    assert.ok((await api.query.council.members()).map((a) => a.toString()).includes(dave.address));
  }));

  test('governance: a dispute is resolved by a council motion and paid', withLog(async () => {
    const { id } = await mission(api, alice, { roster: [[bob, 75], [charlie, 25]], amounts: [20n * UNIT] });
    await ok(api, api.tx.missions.submitDeliverable(id, 0, h('dd'), null), bob);
    await ok(api, api.tx.missions.rejectMilestone(id, 0, h('ee')), alice);
    await ok(api, api.tx.missions.disputeMilestone(id, 0), bob);
    const before = await free(charlie);
    const events = await passes(api.tx.missions.resolveDispute(id, 0, 'Approve'), [2, 3]);
    assert.equal(eventsOf(events, 'missions', 'DisputeResolved').length, 1);
    const paid = eventsOf(events, 'missions', 'RewardPaid').find((e) => e.data.who.toString() === charlie.address);
    assert.equal(paid.data.amount.toBigInt(), 5n * UNIT);
    const bond = (await api.consts.missions.minimumBond).toBigInt();
    assert.equal(await free(charlie) - before, 5n * UNIT + bond);
  }));

  test('runtime APIs return what the chain holds', withLog(async () => {
    const { id } = await mission(api, alice, { roster: [[bob, 60]], upTo: 'recruiting' });
    const view = await api.call.missionsApi.mission(id);
    assert.ok(view.isSome);
    assert.equal(view.unwrap().owner.toString(), alice.address);
    assert.deepEqual(view.unwrap().commitments.map((c) => c.who.toString()), [bob.address]);
    const mine = await api.call.missionsApi.missionsOf(alice.address);
    assert.ok(mine.owned.map((x) => x.toNumber()).includes(id));
    // Charlie asks for the 40% left: the owner now has a commitment to decide.
    await ok(api, api.tx.missions.commit(id, 40 * PERCENT, h('cc'), ANY_BOND), charlie);
    const todo = await api.call.missionsApi.pendingActions(alice.address);
    assert.ok(todo.some((a) => a.isDecideCommitment
      && a.asDecideCommitment.mission.toNumber() === id
      && a.asDecideCommitment.who.toString() === charlie.address));
    // Charlie (a member) completes a mission: one more completion on its record,
    // and a higher score.
    const before = await api.call.reputationApi.reputation(charlie.address);
    const done = await mission(api, alice, { roster: [[charlie, 100]] });
    await ok(api, api.tx.missions.submitDeliverable(done.id, 0, h('dd'), null), charlie);
    await ok(api, api.tx.missions.approveMilestone(done.id, 0), alice);
    const rep = await api.call.reputationApi.reputation(charlie.address);
    assert.equal(rep.record.missionsCompleted.toNumber(), before.record.missionsCompleted.toNumber() + 1);
    assert.ok(rep.score.toNumber() > before.score.toNumber());
    assert.equal((await api.call.reputationApi.score(charlie.address)).toNumber(), rep.score.toNumber());
    // Ferdie (not a member: the mission is open) is paid in full but keeps no
    // record: nobody paid a deposit for one (docs/SECURITY.md, finding 30).
    const paidTo = await mission(api, alice, { roster: [[ferdie, 100]], open: true });
    const free = (await api.query.system.account(ferdie.address)).data.free.toBigInt();
    await ok(api, api.tx.missions.submitDeliverable(paidTo.id, 0, h('dd'), null), ferdie);
    await ok(api, api.tx.missions.approveMilestone(paidTo.id, 0), alice);
    assert.ok((await api.query.system.account(ferdie.address)).data.free.toBigInt() > free);
    assert.equal((await api.query.reputation.reputations(ferdie.address)).missionsCompleted.toNumber(), 0);
    assert.equal((await api.call.reputationApi.score(ferdie.address)).toNumber(), 0);
  }));

  test('a batch of mission calls is all or nothing', withLog(async () => {
    const id = (await api.query.missions.nextMissionId()).toNumber();
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    const spec = [{ descriptionHash: h('11'), amount: 5n * UNIT }];
    const opts = { openToNonMembers: true, minBond: 0, minReputation: 0 };
    const good = api.tx.utility.batchAll([
      api.tx.missions.createMission('a', h('aa'), null, 'Native', spec, head + 3_000, opts),
      api.tx.missions.createMission('b', h('aa'), null, 'Native', spec, head + 3_000, opts),
    ]);
    await ok(api, good, charlie);
    assert.equal((await api.query.missions.nextMissionId()).toNumber(), id + 2);
    const bad = api.tx.utility.batchAll([
      api.tx.missions.createMission('c', h('aa'), null, 'Native', spec, head + 3_000, opts),
      api.tx.missions.createMission('d', h('aa'), null, 'Native', [], head + 3_000, opts),
    ]);
    const r = await send(api, bad, charlie);
    assert.equal(r.error, 'missions.NoMilestones');
    assert.equal((await api.query.missions.nextMissionId()).toNumber(), id + 2, 'nothing of the batch stayed');
  }));

  test('the member guide\'s example runs as written', withLog(async () => {
    const readme = readFileSync(join(e2eDir, '..', '..', 'docs', 'MEMBERS.md'), 'utf8');
    const block = readme.split('<!-- e2e: readme-example')[1]?.split('```js\n')[1]?.split('\n```')[0];
    assert.ok(block, 'docs/MEMBERS.md holds the marked example');
    // Written next to node_modules so that its imports resolve as they do for a user.
    const file = join(e2eDir, '.readme-example.mjs');
    writeFileSync(file, block + '\n');
    const next = (await api.query.missions.nextMissionId()).toNumber();
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [file],
        { cwd: e2eDir, env: { ...process.env, PEER_WS: chain.wsUrl }, timeout: 120000 });
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
