// Recovery on real network stacks: the four validators of `--chain local`,
// each in a network namespace of its own (lib/netns.js): one of them on a
// slow link, then two of them lost for good and the chain recovered by
// council vote while Prometheus, with the project's alerting rules, watches.
// Runs beside partitions.test.js (its own namespaces, tag `r`). Each scenario
// records the finalized blocks before it and checks afterwards that every node
// still has each of them; every wait is bounded; every process, namespace and
// link is removed at the end; the figures are printed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { connect, councilMotion, eventsOf, keyring as devKeyring } from '../lib/chain.js';
import { remembersFailure, sleep } from '../lib/network.js';
import { namespacedValidators } from '../lib/netns.js';
import { startPrometheus } from '../lib/prometheus.js';

const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
let net;
const failures = { seen: false };
const logged = remembersFailure(failures);
describe('a consortium network on separate network stacks: a slow link, and two validators lost for good', { concurrency: false }, () => {
  namespacedValidators(VALIDATORS, 'r', failures, (n) => {
    net = n;
  });

  test('a validator on a slow link (tc tbf): finality continues', logged(async () => {
    const rate = '64kbit';
    const before = await net.recordFinalized();
    net.limit('dave', rate);
    await net.report(`dave's link limited to ${rate}`);
    let lag = 0;
    const until = Date.now() + 30000;
    while (Date.now() < until) {
      await sleep(2000);
      const [a, d] = await Promise.all([net.heights('alice'), net.heights('dave')]);
      lag = Math.max(lag, a.finalized - d.finalized);
    }
    const after = await net.heights('alice');
    const slow = await net.heights('dave');
    await net.report('30 s later');
    net.unlimit('dave');
    console.log(`[net] slow link (${rate}): finalized #${before.finalized} → #${after.finalized} in 30 s; dave at most ${lag} blocks behind`);
    assert.ok(after.finalized >= before.finalized + 8, `finality went on (#${before.finalized} → #${after.finalized})`);
    assert.ok(slow.finalized >= before.finalized + 5, `dave, on the slow link, followed (#${slow.finalized})`);
    assert.ok(lag <= 10, `dave at most 10 blocks behind (${lag})`);
    await net.agreeOnFinality(VALIDATORS, after.finalized, 60000);
    await net.noneReverted(VALIDATORS);
    await net.recordFinalized();
  }));

  test('two validators lost for good: the council removes them and notes the stall; finality resumes; the alert fires and clears', logged(async () => {
    const keys = await devKeyring();
    const [alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((s) => keys.addFromUri(s));
    const prometheus = await startPrometheus(Object.fromEntries(VALIDATORS.map((n) => [n, net.metricsTarget(n)])));
    const api = await connect(net.wsUrl('alice'));
    try {
      assert.deepEqual(await prometheus.firing('PeerFinalityStalled'), [], 'no alert on a healthy network');
      // Charlie's and Dave's machines are gone, keys and all. (Charlie the member still votes.)
      await Promise.all([net.kill('charlie', 'SIGKILL'), net.kill('dave', 'SIGKILL')]);
      for (const n of ['charlie', 'dave']) rmSync(net.nodes.get(n).base, { recursive: true, force: true });
      const lostAt = Date.now();
      await sleep(8000);
      const stalled = await net.recordFinalized();
      await net.report('charlie and dave lost for good');

      // Prometheus is watched while the council acts: the alert must fire before finality resumes.
      let fired;
      const alerted = net.waitFor('PeerFinalityStalled firing for alice and bob', 120000, async () =>
        (await prometheus.firing('PeerFinalityStalled')).join() === 'alice,bob').then(async () => {
        fired = { ms: Date.now() - lostAt, finalized: (await net.heights('alice')).finalized,
          down: await prometheus.firing('PeerNodeDown') };
        console.log(`[net] PeerFinalityStalled fired ${(fired.ms / 1000).toFixed(1)} s after the loss (rules at 1/6 of their windows)`);
      });
      alerted.catch(() => {}); // awaited below, after the first motion

      // Motion 1 (Root, 3/4 of the council): the set may shrink to two; the lost two leave it.
      const remove = api.tx.consortium.dispatchAsRoot(api.tx.utility.batchAll([
        api.tx.validatorSet.setMinValidators(2),
        api.tx.validatorSet.removeValidator(keys.addFromUri('//Charlie').address),
        api.tx.validatorSet.removeValidator(keys.addFromUri('//Dave').address),
      ]));
      let events = await councilMotion(api, remove, 3, alice, [bob, charlie]);
      assert.equal(eventsOf(events, 'validatorSet', 'ValidatorRemoved').length, 2, 'both removed');
      await net.waitFor('the session\'s validators to be alice and bob', 120000, async () =>
        (await api.query.session.validators()).length === 2);
      await net.report('alice and bob are the session\'s validators');

      // Motion 2 (Root): GRANDPA's set stalled. At the next session change a forced change to the
      // current validators is signalled, enacted `delay` blocks later, voting on from the last
      // block both remaining validators have finalized.
      const delay = 5;
      const median = Math.min(...(await Promise.all(['alice', 'bob'].map((n) => net.heights(n)))).map((x) => x.finalized));
      await alerted;
      assert.equal(fired.finalized, stalled.finalized, 'the alert fired while finality was stuck');
      assert.deepEqual(fired.down, ['charlie', 'dave'], 'the lost nodes are reported down');
      const noteAt = Date.now();
      events = await councilMotion(api, api.tx.consortium.dispatchAsRoot(api.tx.grandpa.noteStalled(delay, median)), 3, alice, [bob, charlie]);
      const executed = eventsOf(events, 'council', 'Executed')[0];
      assert.ok(executed?.data.result.isOk, `noteStalled executed: ${executed?.data.result.toString()}`);
      const resumed = await net.agreeOnFinality(['alice', 'bob'], stalled.finalized + 1, 180000);
      const resumedMs = Date.now() - noteAt;
      await net.report(`finality resumed: alice and bob finalized #${resumed.height}`);
      console.log(`[net] recovery: finality resumed ${(resumedMs / 1000).toFixed(1)} s after the noteStalled motion, ${((Date.now() - lostAt) / 1000).toFixed(1)} s after the loss (delay ${delay} blocks)`);
      await net.noneReverted(['alice', 'bob']);

      await net.waitFor('PeerFinalityStalled to clear', 60000, async () =>
        (await prometheus.firing('PeerFinalityStalled')).length === 0);
      console.log(`[net] PeerFinalityStalled cleared ${((Date.now() - noteAt) / 1000).toFixed(1)} s after the noteStalled motion`);
    } catch (e) {
      prometheus.printLog();
      throw e;
    } finally {
      await api.disconnect();
      await prometheus.stop();
    }
  }));
});
