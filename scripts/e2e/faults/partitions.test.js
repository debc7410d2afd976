// Partitions on real network stacks: the four validators of `--chain local`,
// each in a network namespace of its own (lib/netns.js), cut apart 2|2 (with
// a mission's transactions sent on both sides) and 3|1. Runs beside
// recovery.test.js (its own namespaces, tag `p`). Each scenario records the
// finalized blocks before it and checks afterwards that every node still has
// each of them (none reverted) and that all agree on one chain. Every wait is
// bounded; every process, namespace and link is removed at the end; the
// figures are printed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UNIT, connect, h, keyring as devKeyring, mission, ok } from '../lib/chain.js';
import { remembersFailure, sleep } from '../lib/network.js';
import { namespacedValidators } from '../lib/netns.js';

const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
/**
 * Time for finality to resume once a minute's 2|2 partition heals, asserted.
 * The nodes' TCP connections outlive the cut (no side closes them within the
 * minute), and TCP's retransmission timer doubles while nothing comes back, so
 * the first packet after healing may leave up to a minute later: 67 s was
 * measured (docs/PERFORMANCE.md).
 */
const HEAL_BOUND_MS = 120000;
let net;
const failures = { seen: false };
const logged = remembersFailure(failures);
/**
 * Submits `tx` signed by `signer` through `api` (whose node is on one side of a
 * partition) with nonce `nonce`, and follows it as its sender's wallet would:
 * `outcome` resolves with the node's verdict, { finalized: blockHash } or
 * { dropped: status }, if the node gives one.
 */
function follow(api, tx, signer, nonce, label) {
  const seen = [];
  let settle;
  const outcome = new Promise((resolve) => { settle = resolve; });
  const sent = tx.signAndSend(signer, { nonce }, (result) => {
    seen.push(result.status.type);
    if (result.status.isFinalized) settle({ finalized: result.status.asFinalized.toHex(), by: 'node' });
    else if (result.status.isDropped || result.status.isInvalid || result.status.isUsurped) settle({ dropped: result.status.type, by: 'node' });
  });
  return { label, seen, outcome, sent, tx, signer: signer.address, nonce };
}

/**
 * What became of followed transaction `t`, once the network agrees on
 * `final` ({ height, hash }): the node's verdict if it gave one within
 * `graceMs`; otherwise the final chain's, as a wallet finds it. A transaction
 * whose block a reorganization retracted is resubmitted by the node's pool;
 * if the winning fork already used its nonce the pool drops it without a word
 * to its watcher, which saw `Retracted` last. So: is it in a final block after
 * `from`? If not, and the sender's nonce at the final block is past it, it is
 * dropped for good: no block can ever include it.
 */
async function settle(api, t, from, final, graceMs) {
  const verdict = await Promise.race([t.outcome, sleep(graceMs).then(() => null)]);
  if (verdict) return verdict;
  const hash = t.tx.hash.toHex();
  for (let n = from + 1; n <= final.height; n++) {
    const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
    if (block.block.extrinsics.some((x) => x.hash.toHex() === hash)) return { finalized: block.block.header.hash.toHex(), by: 'chain' };
  }
  const nonce = (await (await api.at(final.hash)).query.system.account(t.signer)).nonce.toNumber();
  return nonce > t.nonce ? { dropped: `nonce ${t.nonce} used by another transaction in the final chain`, by: 'chain' } : null;
}

describe('a consortium network on separate network stacks, cut apart', { concurrency: false }, () => {
  namespacedValidators(VALIDATORS, 'p', failures, (n) => {
    net = n;
  });

  test('2|2 for a minute: finality stops, blocks go on; healed, one fork wins; transactions on both sides settle once', logged(async () => {
    const keys = await devKeyring();
    const [alice, bob, charlie, ferdie] = ['//Alice', '//Bob', '//Charlie', '//Ferdie'].map((s) => keys.addFromUri(s));
    const eve = keys.addFromUri('//Eve').address;
    const dave = keys.addFromUri('//Dave').address;
    const sideA = await connect(net.wsUrl('alice'));
    const sideB = await connect(net.wsUrl('charlie'));
    try {
      // A mission with one milestone delivered by Bob, waiting for the owner's approval.
      const amount = 10n * UNIT;
      const { id } = await mission(sideA, alice, { roster: [[bob, 100]], amounts: [amount] });
      await ok(sideA, sideA.tx.missions.submitDeliverable(id, 0, h('dd'), null), bob);
      await net.agreeOnFinality(VALIDATORS, (await net.heights('alice')).best, 60000);
      const before = await net.recordFinalized();
      // What each account owns, free or held (Bob's bond is held until the mission ends).
      const owned = async (api, who) => {
        const { free: f, reserved } = (await api.query.system.account(who)).data;
        return f.toBigInt() + reserved.toBigInt();
      };
      const balances = { bob: await owned(sideA, bob.address), eve: await owned(sideA, eve), dave: await owned(sideA, dave) };
      const nonces = {
        alice: (await sideA.rpc.system.accountNextIndex(alice.address)).toNumber(),
        ferdie: (await sideA.rpc.system.accountNextIndex(ferdie.address)).toNumber(),
        charlie: (await sideA.rpc.system.accountNextIndex(charlie.address)).toNumber(),
      };

      net.partition([['alice', 'bob'], ['charlie', 'dave']]);
      const cutAt = Date.now();
      await net.report(`partitioned alice, bob | charlie, dave (finalized #${before.finalized})`);
      // The owner approves the milestone on both sides; Ferdie pays Eve on one side and Dave on the
      // other with the same nonce; Charlie pays Eve on his side only. Each side puts its own in a block.
      const txs = [
        follow(sideA, sideA.tx.missions.approveMilestone(id, 0), alice, nonces.alice, 'approval on side A'),
        follow(sideB, sideB.tx.missions.approveMilestone(id, 0), alice, nonces.alice, 'approval on side B'),
        follow(sideA, sideA.tx.balances.transferKeepAlive(eve, 5n * UNIT), ferdie, nonces.ferdie, 'Ferdie → Eve on side A'),
        follow(sideB, sideB.tx.balances.transferKeepAlive(dave, 7n * UNIT), ferdie, nonces.ferdie, 'Ferdie → Dave on side B'),
        follow(sideB, sideB.tx.balances.transferKeepAlive(eve, 3n * UNIT), charlie, nonces.charlie, 'Charlie → Eve on side B'),
      ];
      await Promise.all(txs.map((t) => t.sent));
      await sleep(Math.max(0, 60000 - (Date.now() - cutAt)));
      const cut = Object.fromEntries(await Promise.all(VALIDATORS.map(async (n) => [n, await net.heights(n)])));
      await net.report('a minute later');
      for (const n of VALIDATORS) {
        // A round under way when the cut came may still complete: one block of slack.
        assert.ok(cut[n].finalized <= before.finalized + 1, `${n} finalized nothing while cut off (#${cut[n].finalized})`);
        assert.ok(cut[n].best >= before.best + 5, `${n}'s side went on authoring (best #${cut[n].best})`);
      }
      assert.notEqual(await net.blockHash('alice', cut.alice.best - 1), await net.blockHash('charlie', cut.alice.best - 1),
        'two forks');

      net.heal();
      const healedAt = Date.now();
      const bestAtHeal = Math.max(...VALIDATORS.map((n) => cut[n].best));
      const common = await net.agreeOnFinality(VALIDATORS, bestAtHeal, HEAL_BOUND_MS + 30000);
      const resumedMs = Date.now() - healedAt;
      await net.report(`healed; all four finalized #${common.height} (fork tips were #${bestAtHeal})`);
      console.log(`[net] 2|2 partition: finality resumed ${(resumedMs / 1000).toFixed(1)} s after healing (bound ${HEAL_BOUND_MS / 1000} s)`);
      assert.ok(resumedMs <= HEAL_BOUND_MS, `finality resumed within ${HEAL_BOUND_MS / 1000} s (took ${resumedMs} ms)`);

      // Each transaction is in the final chain or reported dropped to its sender. The
      // final block is a few blocks on, so that a retracted transaction the pool could
      // still include has had the time to be.
      const final = await net.agreeOnFinality(VALIDATORS, common.height + 5, 60000);
      const settled = {};
      const outcomes = await Promise.all(txs.map((t) => settle(sideA, t, before.finalized, final, 5000)));
      for (const [i, t] of txs.entries()) {
        const outcome = outcomes[i];
        assert.ok(outcome, `${t.label}: settled (statuses seen: ${t.seen.join(', ')})`);
        if (outcome.finalized) {
          const header = await sideA.rpc.chain.getHeader(outcome.finalized);
          assert.equal(await net.blockHash('alice', header.number.toNumber()), outcome.finalized,
            `${t.label}: its block is in the final chain`);
        }
        settled[t.label] = outcome;
        const what = outcome.finalized ? `finalized in #${(await sideA.rpc.chain.getHeader(outcome.finalized)).number}` : `dropped (${outcome.dropped})`;
        console.log(`[net] ${t.label}: ${what}, by the ${outcome.by === 'node' ? 'node\'s report' : 'final chain'}; the node reported ${t.seen.join(' → ')}`);
      }
      const once = (a, b) => [settled[a], settled[b]].filter((o) => o.finalized).length;
      assert.equal(once('approval on side A', 'approval on side B'), 1, 'the milestone approved once');
      assert.equal(once('Ferdie → Eve on side A', 'Ferdie → Dave on side B'), 1, 'one of Ferdie\'s two payments');
      assert.ok(settled['Charlie → Eve on side B'].finalized, 'Charlie\'s payment, in conflict with nothing, is final');

      // No money moved twice: the final state, read at the common finalized block.
      const at = await sideA.at(final.hash);
      assert.equal(await owned(at, bob.address), balances.bob + amount, 'Bob paid the milestone once');
      const toEve = settled['Ferdie → Eve on side A'].finalized ? 5n * UNIT : 0n;
      const toDave = settled['Ferdie → Dave on side B'].finalized ? 7n * UNIT : 0n;
      assert.equal(await owned(at, eve), balances.eve + toEve + 3n * UNIT, 'Eve got what the final chain says');
      assert.equal(await owned(at, dave), balances.dave + toDave, 'Dave got what the final chain says');
      await net.noneReverted(VALIDATORS);
      await net.recordFinalized();
    } finally {
      await sideA.disconnect();
      await sideB.disconnect();
    }
  }));

  test('3|1: the three finalize throughout; the one rejoins, syncs, and keeps its peer id across a restart', logged(async () => {
    const before = await net.recordFinalized();
    net.partition([['alice', 'bob', 'charlie'], ['dave']]);
    await net.report('partitioned alice, bob, charlie | dave');
    // Finality on the majority side, sampled every second for 30 s: the longest pause is the figure.
    let last = before.finalized;
    let lastAt = Date.now();
    let longest = 0;
    const until = Date.now() + 30000;
    while (Date.now() < until) {
      await sleep(1000);
      const f = (await net.heights('alice')).finalized;
      if (f > last) { last = f; lastAt = Date.now(); }
      longest = Math.max(longest, Date.now() - lastAt);
    }
    const alone = await net.heights('dave');
    await net.report('30 s later');
    console.log(`[net] 3|1 partition: the three finalized #${before.finalized} → #${last}, longest pause ${(longest / 1000).toFixed(1)} s`);
    assert.ok(last >= before.finalized + 8, `the three finalized on (#${before.finalized} → #${last})`);
    assert.ok(longest <= 15000, `no pause in finality longer than 15 s (${longest} ms)`);
    assert.ok(alone.finalized <= before.finalized + 1, `dave alone finalized nothing (#${alone.finalized})`);

    net.heal();
    const healedAt = Date.now();
    const common = await net.agreeOnFinality(VALIDATORS, last, 60000);
    console.log(`[net] 3|1 healed: dave synced to finalized #${common.height} in ${((Date.now() - healedAt) / 1000).toFixed(1)} s`);
    await net.noneReverted(VALIDATORS);

    // Restarted, dave reads its network key from its base path: the same peer id, still well-known.
    const peerId = await net.rpc('dave', 'system_localPeerId');
    const restartAt = Date.now();
    await net.kill('dave', 'SIGINT');
    const stoppedMs = Date.now() - restartAt;
    await net.start('dave', 0, { metrics: true });
    assert.equal(await net.rpc('dave', 'system_localPeerId'), peerId, 'the same peer id after a restart');
    const again = await net.agreeOnFinality(VALIDATORS, common.height + 3, 60000);
    await net.report(`dave restarted as ${peerId} (stopped in ${(stoppedMs / 1000).toFixed(1)} s, back in step ${((Date.now() - restartAt) / 1000).toFixed(1)} s after the stop began); all four finalized #${again.height}`);
    await net.recordFinalized();
  }));

});
