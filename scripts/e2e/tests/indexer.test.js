// peer-indexer against a dev node of its own: a mission run to completion and
// one cancelled, their timelines and the statement served by the API checked
// against what the chain said; then the indexer killed with SIGKILL while
// catching up and restarted: the events it keeps equal the chain's, counted
// independently over RPC, none twice; its node stopped and restarted (it waits
// and goes on), then replaced by a purged chain (it stops, nothing spliced).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY_BOND, PERCENT, UNIT, councilPasses, devChain, eventsOf, h, mission, ok } from '../lib/chain.js';
import { freePort, sleep, startNode, waitFor } from '../lib/node.js';
import { caughtUp, get, plancks as planck, startIndexer, todaysPeriod } from '../lib/indexer.js';

describe('peer-indexer keeps the history', () => {
  let chain, api, alice, bob, charlie, dave, eve, ferdie;
  const dir = mkdtempSync(join(tmpdir(), 'peer-indexer-'));
  const indexers = [];
  before(async () => {
    chain = await devChain(['--state-pruning', 'archive-canonical']);
    api = chain.api;
    ({ alice, bob, charlie, dave, eve, ferdie } = chain.accounts);
  });
  after(async () => {
    for (const i of indexers) await i.kill();
    await chain?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const finalizedNumber = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const missionEvents = (results, id) => results.flatMap((r) => r.events)
    .filter((e) => e.section === 'missions' && e.data.mission?.toNumber() === id).map((e) => e.method);

  test('finished missions, their timelines and a statement that adds up', async () => {
    const indexer = await startIndexer(chain.wsUrl, join(dir, 'a.sqlite'));
    indexers.push(indexer);
    try {
      // A mission run to completion, every result kept to compare the timeline.
      const done = await mission(api, alice, { roster: [[bob, 60], [charlie, 40]], amounts: [30n * UNIT], upTo: 'posted' });
      const results = [];
      for (const [who, p] of [[bob, 60], [charlie, 40]]) results.push(await ok(api, api.tx.missions.commit(done.id, p * PERCENT, h('cc'), ANY_BOND), who));
      for (const who of [bob, charlie]) results.push(await ok(api, api.tx.missions.acceptCommitment(done.id, who.address), alice));
      const proposed = await ok(api, api.tx.missions.proposeTerms(done.id), alice);
      results.push(proposed);
      const terms = eventsOf(proposed.events, 'missions', 'TermsProposed')[0].data.termsHash.toHex();
      for (const who of [bob, charlie]) results.push(await ok(api, api.tx.missions.signTerms(done.id, terms), who));
      results.push(await ok(api, api.tx.missions.submitDeliverable(done.id, 0, h('dd'), null), bob));
      results.push(await ok(api, api.tx.missions.approveMilestone(done.id, 0), alice));
      // A mission called off while recruiting.
      const off = await mission(api, alice, { roster: [[dave, 50]], open: true, upTo: 'recruiting' });
      await ok(api, api.tx.missions.cancelMission(off.id), alice);
      // A mission in a council-created 6-decimal asset, paid to Charlie (70 %) and Bob.
      const usd = 5;
      await councilPasses(api, api.tx.utility.batchAll([
        api.tx.assets.forceCreate(usd, bob.address, false, 10_000),
        api.tx.assets.forceSetMetadata(usd, 'Korea Bank USD', 'USD', 6, false),
        api.tx.missions.setMinimumBudget({ WithId: usd }, 1_000_000),
      ]), [3, 4], [alice, bob, charlie]);
      await ok(api, api.tx.assets.mint(usd, alice.address, 10_000_000n), bob);
      const inUsd = await mission(api, alice, { roster: [[charlie, 70], [bob, 30]], amounts: [3_000_001n], asset: { WithId: usd } });
      await ok(api, api.tx.missions.submitDeliverable(inUsd.id, 0, h('dd'), null), charlie);
      const cancelled = await ok(api, api.tx.missions.approveMilestone(inUsd.id, 0), alice);

      const last = (await api.rpc.chain.getHeader(cancelled.blockHash)).number.toNumber();
      await waitFor(`block #${last} finalized`, 60000, async () => (await finalizedNumber()) >= last);
      await caughtUp(indexer, last);

      const completed = (await get(indexer, `/missions/${done.id}`)).body;
      assert.equal(completed.status, 'completed');
      const timeline = completed.timeline.filter((e) => e.pallet === 'Missions').map((e) => e.name);
      assert.deepEqual(timeline, ['MissionCreated', ...missionEvents(results, done.id)], 'every event, in order');
      assert.ok(completed.timeline.every((e, i, all) => i === 0 || all[i - 1].block < e.block
        || (all[i - 1].block === e.block && all[i - 1].index < e.index)));
      const signers = completed.timeline.filter((e) => e.name === 'TermsSigned').map((e) => e.signer).sort();
      assert.deepEqual(signers, [bob.address, charlie.address].sort(), 'the account that signed each call');
      const gone = (await get(indexer, `/missions/${off.id}`)).body;
      assert.equal(gone.status, 'cancelled');
      assert.deepEqual(gone.timeline.filter((e) => e.pallet === 'Missions').map((e) => e.name).at(-1), 'MissionCancelled');
      assert.ok((await get(indexer, '/missions?status=completed')).body.some((m) => m.id === done.id));
      assert.ok((await get(indexer, `/missions?contributor=${charlie.address}`)).body.some((m) => m.id === done.id));
      assert.ok(!(await get(indexer, `/missions?contributor=${charlie.address}`)).body.some((m) => m.id === off.id));

      // Charlie's statement over the whole chain equals its balance's change,
      // to the planck, from genesis to the last block indexed.
      const indexed = (await get(indexer, '/health')).body.indexed;
      const freeAt = async (n) => (await api.query.system.account.at(await api.rpc.chain.getBlockHash(n), charlie.address)).data.free.toBigInt();
      const period = todaysPeriod();
      const statement = (await get(indexer, `/accounts/${charlie.address}/statement?${period}`)).body;
      const total = statement.lines.map((l) => planck(l.free)).reduce((a, b) => a + b, 0n);
      assert.equal(total, (await freeAt(indexed)) - (await freeAt(0)));
      assert.ok(statement.lines.some((l) => l.kind === 'payout received' && l.mission === done.id && planck(l.free) === 12n * UNIT));
      const csv = (await get(indexer, `/accounts/${charlie.address}/statement?${period}&format=csv`)).body;
      assert.ok(csv.includes(`payout received,${done.id},PEER,12.000000000000,0.000000000000`), csv);

      // Per asset: each statement in USD equals the change of that USD balance, to the unit.
      const usdAt = async (n, who) => {
        const a = await api.query.assets.account.at(await api.rpc.chain.getBlockHash(n), usd, who.address);
        return a.isSome ? a.unwrap().balance.toBigInt() : 0n;
      };
      for (const who of [alice, bob, charlie]) {
        const s = (await get(indexer, `/accounts/${who.address}/statement?${period}&asset=${usd}`)).body;
        assert.equal(s.asset, String(usd));
        const sum = s.lines.map((l) => BigInt(l.free)).reduce((a, b) => a + b, 0n);
        assert.equal(sum, (await usdAt(indexed, who)) - (await usdAt(0, who)), `${who.address}'s USD statement`);
      }
      const usdCsv = (await get(indexer, `/accounts/${charlie.address}/statement?${period}&asset=${usd}&format=csv`)).body;
      assert.ok(usdCsv.includes(`payout received,${inUsd.id},${usd},2100001,0`), usdCsv);
      assert.equal((await get(indexer, `/accounts/${charlie.address}/statement?asset=USD`)).status, 400);
      assert.equal((await get(indexer, `/accounts/${charlie.address}/statement?from=2026-02-02&to=2026-02-01`)).status, 400);
    } catch (e) {
      process.stderr.write(indexer.output());
      throw e;
    }
  });

  test('council motions with every vote, a member\'s timeline, and calls made through a proxy', async () => {
    const indexer = await startIndexer(chain.wsUrl, join(dir, 'c.sqlite'));
    indexers.push(indexer);
    try {
      // Eve applies and the council admits her: a motion, its votes, her timeline.
      await ok(api, api.tx.consortium.apply('Eve Works', 'Organization', null), eve);
      await councilPasses(api, api.tx.consortium.admit(eve.address), [3, 4], [alice, bob, charlie]);
      // Ferdie commits for Eve through a MissionContributor proxy.
      await ok(api, api.tx.proxy.addProxy(ferdie.address, 'MissionContributor', 0), eve);
      const { id } = await mission(api, alice, { upTo: 'posted' });
      const proxied = await ok(api, api.tx.proxy.proxy(eve.address, null, api.tx.missions.commit(id, 50 * PERCENT, h('cc'), ANY_BOND)), ferdie);
      const last = (await api.rpc.chain.getHeader(proxied.blockHash)).number.toNumber();
      await waitFor(`block #${last} finalized`, 60000, async () => (await finalizedNumber()) >= last);
      await caughtUp(indexer, last);

      const motions = (await get(indexer, '/motions')).body;
      const admit = motions.find((m) => m.call?.includes('admit'));
      assert.ok(admit, `the admission motion with its call: ${JSON.stringify(motions)}`);
      assert.equal(admit.status, 'approved');
      assert.equal(admit.executed, true);
      assert.deepEqual(admit.votes.map((v) => v.account).sort(), [alice.address, bob.address, charlie.address].sort());
      assert.ok(admit.votes.every((v) => v.aye));

      const timeline = (await get(indexer, `/members/${eve.address}/timeline`)).body.map((e) => `${e.pallet}.${e.name}`);
      assert.deepEqual(timeline.filter((n) => n.startsWith('Consortium.')), ['Consortium.Applied', 'Consortium.Admitted']);

      const committed = (await get(indexer, `/missions/${id}`)).body.timeline.find((e) => e.name === 'Committed');
      assert.equal(committed.signer, ferdie.address, 'the proxy signed');
      assert.equal(committed.real, eve.address, 'on behalf of the member');
      assert.ok((await get(indexer, `/missions?contributor=${eve.address}`)).body.some((m) => m.id === id));
    } catch (e) {
      process.stderr.write(indexer.output());
      throw e;
    }
  });

  test('killed with SIGKILL while catching up, it loses nothing and stores nothing twice', async () => {
    const db = join(dir, 'b.sqlite');
    const head = await finalizedNumber();
    // Killed five times at random moments of its catch-up (slowed to a block
    // every 40 ms, so that the kills land in it), then left to finish.
    const seen = [];
    for (let k = 0; k < 5; k++) {
      const indexer = await startIndexer(chain.wsUrl, db, ['--block-delay-ms', '40']);
      indexers.push(indexer);
      await sleep(150 + Math.floor(Math.random() * 300));
      seen.push((await get(indexer, '/health').catch(() => ({ body: {} }))).body.indexed ?? null);
      await indexer.kill('SIGKILL');
    }
    assert.ok(seen.some((n) => n !== null && n < head), `killed before reaching #${head} (saw ${seen.join(', ')})`);
    const indexer = await startIndexer(chain.wsUrl, db);
    indexers.push(indexer);
    await caughtUp(indexer, head);
    const { indexed, events } = (await get(indexer, '/health')).body;
    let count = 0;
    for (let n = 0; n <= indexed; n++) count += (await api.query.system.events.at(await api.rpc.chain.getBlockHash(n))).length;
    assert.equal(events, count, `events stored for #0..#${indexed} equal the chain's`);
  });

  test('a node that stops answering is waited for; a purged chain is not spliced on', async () => {
    // A dev node of its own, on a base path kept across a restart, on one port.
    const base = join(dir, 'node-kept');
    const rpcPort = await freePort();
    const p2pPort = await freePort();
    const args = ['--dev', '--base-path', base, '--state-pruning', 'archive-canonical'];
    const health = async (i) => (await get(i, '/health')).body.indexed ?? -1;
    let node = await startNode(args, { rpcPort, p2pPort, minBlock: 3 });
    const indexer = await startIndexer(`ws://127.0.0.1:${rpcPort}`, join(dir, 'd.sqlite'));
    indexers.push(indexer);
    try {
      await waitFor('the indexer to reach #2', 60000, async () => (await health(indexer)) >= 2, 250);
      // The node goes away: the indexer waits (and its API still answers).
      await node.stop();
      await sleep(3000);
      assert.equal(indexer.proc.exitCode, null, `the indexer is still running:\n${indexer.output()}`);
      const before = await health(indexer);
      // Back on the same chain: it reconnects and goes on.
      node = await startNode(args, { rpcPort, p2pPort });
      const head = parseInt((await node.rpc('chain_getHeader')).number, 16);
      await waitFor(`the indexer to go past #${head} after the restart`, 90000, async () => (await health(indexer)) > Math.max(head, before), 250);
      assert.match(indexer.output(), /reconnecting/);
      // The chain purged and begun again (a dev chain's genesis is the same):
      // the first block that does not follow the last one indexed stops it.
      await node.stop();
      const indexed = await health(indexer);
      node = await startNode(['--dev', '--tmp'], { rpcPort, p2pPort });
      const code = await Promise.race([
        new Promise((r) => indexer.proc.once('exit', r)),
        sleep(indexed * 2000 + 60000).then(() => 'still running'),
      ]);
      assert.notEqual(code, 'still running', 'the indexer stopped');
      assert.notEqual(code, 0);
      assert.match(indexer.output(), new RegExp(`does not follow block #${indexed}`));
      assert.equal(await health(indexer).catch(() => 'gone'), 'gone');
    } finally {
      await node.stop();
    }
  });
});
