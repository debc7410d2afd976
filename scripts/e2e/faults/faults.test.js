// Fault tests of a consortium network: the four validators of `--chain local`
// (Alice, Bob, Charlie, Dave) on loopback, killed and restarted (two of four
// out of reach, finality stopping and coming back, is tested on separate
// network stacks: partitions.test.js, 2|2, and recovery.test.js); an outsider's
// node; a validator's session keys rotated; a validator added and removed by
// council vote. Every wait is bounded;
// every process is stopped at the end; logs are printed on failure; the
// heights seen are printed as the tests go.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, councilMotion, keyring as devKeyring, ok } from '../lib/chain.js';
import { Network, PEER_IDS, peerIdBytes, remembersFailure, sleep } from '../lib/network.js';

const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
let net;
const failures = { seen: false };
const logged = remembersFailure(failures);

describe('a consortium network survives what networks do to it', { concurrency: false }, () => {
  before(async () => {
    net = new Network();
    for (const [i, name] of VALIDATORS.entries()) await net.start(name, i + 1);
    await net.waitFor('block #3 finalized on alice', 120000, async () => (await net.heights('alice')).finalized >= 3);
    await net.report('network up');
  });

  after(async () => {
    if (failures.seen) net.printLogs();
    await net.stopAll();
    net.cleanup();
  });

  test('a node whose peer id is not authorized gets no blocks', logged(async () => {
    // Node key 6 is no well-known node of the consortium.
    await net.start('outsider', 6, { role: 'full', bootnode: 'alice' });
    const start = (await net.heights('alice')).best;
    await net.waitFor('the network to grow by 4 blocks', 60000, async () => (await net.heights('alice')).best >= start + 4);
    const outsider = await net.heights('outsider');
    await net.report('outsider after 4 blocks');
    assert.equal(outsider.best, 0, 'the outsider imported no block');
    await net.kill('outsider', 'SIGINT');
    net.nodes.delete('outsider');
  }));

  test('one validator of four killed: finality goes on; restarted, it catches up', logged(async () => {
    await net.kill('dave', 'SIGKILL');
    const f0 = (await net.heights('alice')).finalized;
    await net.report(`dave killed (SIGKILL), alice finalized #${f0}`);
    await net.waitFor('finality to advance by 3 without dave', 90000, async () => (await net.heights('alice')).finalized >= f0 + 3);
    await net.report('finality advanced by 3 without dave');
    await net.start('dave', 4);
    const target = (await net.heights('alice')).finalized;
    const common = await net.agreeOnFinality(VALIDATORS, target, 120000);
    await net.report(`dave restarted; all four finalized #${common.height} ${common.hash}`);
  }));

  test('a validator killed while authoring restarts on its base path with its chain', logged(async () => {
    // Alice authors the slots whose number is 0 modulo four (her place in the
    // set): kill her 150 ms into the next one, while she builds her block.
    // The slot duration, from the runtime (AuraApi_slot_duration, a SCALE u64).
    const scale = await net.rpc('alice', 'state_call', ['AuraApi_slot_duration', '0x']);
    const slotMs = Number(BigInt('0x' + scale.slice(2).match(/../g).reverse().join('')));
    let slot = Math.floor(Date.now() / slotMs) + 1;
    while (slot % 4 !== 0) slot += 1;
    if (slot * slotMs - Date.now() < slotMs / 2) slot += 4;
    await sleep(slot * slotMs - Date.now() - slotMs / 3);
    const before = await net.heights('alice');
    await sleep(slot * slotMs + 150 - Date.now());
    await net.kill('alice', 'SIGKILL');
    await net.report(`alice killed 150 ms into her slot ${slot} (before: best ${before.best}, finalized ${before.finalized})`);
    // Restart her on her base path cut off from every peer (no authoring): what
    // she has now is what was on disk, not something synced again.
    await net.start('alice', 1, { offline: true });
    const onDisk = await net.heights('alice');
    console.log(`[net] alice restarted offline: best ${onDisk.best}, finalized ${onDisk.finalized}`);
    assert.ok(onDisk.best >= before.best, `best #${onDisk.best} not below #${before.best}`);
    assert.ok(onDisk.finalized >= before.finalized, `finalized #${onDisk.finalized} not below #${before.finalized}`);
    assert.ok(onDisk.finalized > 0, 'no resync from genesis');
    await net.kill('alice', 'SIGINT');
    await net.start('alice', 1);
    const target = (await net.heights('bob')).finalized;
    const common = await net.agreeOnFinality(VALIDATORS, target, 120000);
    await net.report(`all four finalized #${common.height} after alice's restart`);
  }));

  test('a validator rotates its session keys and finality never stops across the session changes', logged(async () => {
    const api = await connect(net.wsUrl('alice'));
    try {
      const keyring = await devKeyring();
      const bob = keyring.addFromUri('//Bob');
      // Bob's node makes new keys (kept in its keystore on its base path) and proves them his.
      const generated = await net.rpc('bob', 'author_rotateKeysWithOwner', ['0x' + Buffer.from(bob.publicKey).toString('hex')]);
      const aura = generated.keys.slice(0, 66);
      const grandpa = '0x' + generated.keys.slice(66, 130);
      const session = (await api.query.session.currentIndex()).toNumber();
      // Finality watched on alice from before the change until it is in force: the longest
      // time without a newly finalized block is the figure.
      let last = (await net.heights('alice')).finalized;
      let lastAt = Date.now();
      let longest = 0;
      const watch = async () => {
        const f = (await net.heights('alice')).finalized;
        const now = Date.now();
        if (f > last) {
          last = f;
          lastAt = now;
        }
        longest = Math.max(longest, now - lastAt);
      };
      await ok(api, api.tx.session.setKeys(generated.keys, generated.proof), bob);
      assert.equal((await api.query.session.nextKeys(bob.address)).unwrap().toHex(), generated.keys, 'the new keys are queued');
      await net.report(`bob set new session keys in session ${session}`);
      // Queued at the next session change, in force at the one after.
      await net.waitFor('bob\'s new aura key in force', 150000, async () => {
        await watch();
        return (await api.query.aura.authorities()).map((a) => a.toHex()).includes(aura);
      });
      const inForce = (await api.query.session.currentIndex()).toNumber();
      const changedAt = (await api.rpc.chain.getHeader()).number.toNumber();
      assert.ok(inForce >= session + 2, `in force in session ${inForce}, two changes after ${session}`);
      await net.report(`bob's new keys in force in session ${inForce}`);
      // Blocks keep being finalized with the new keys, and bob authors with his: a block of
      // his slot after the change is valid only if sealed with the new aura key.
      await net.waitFor('eight more finalized blocks', 90000, async () => {
        await watch();
        return last >= changedAt + 8;
      });
      assert.ok((await api.query.grandpa.authorities()).some(([key]) => key.toHex() === grandpa), 'the new grandpa key votes');
      let authored;
      for (let n = changedAt + 1; n <= last && authored === undefined; n++) {
        const header = await api.derive.chain.getHeader(await api.rpc.chain.getBlockHash(n));
        if (header.author?.toString() === bob.address) authored = n;
      }
      assert.ok(authored !== undefined, `a block of #${changedAt + 1}..#${last} authored by bob`);
      console.log(`[net] key rotation: longest time without a newly finalized block ${(longest / 1000).toFixed(1)} s; bob authored finalized #${authored} with his new key`);
      assert.ok(longest <= 30000, `finality paused ${longest} ms across the key change`);
    } finally {
      await api.disconnect();
    }
  }));

  test('a validator added by council vote authors blocks; removed, it stops', logged(async () => {
    const api = await connect(net.wsUrl('alice'));
    try {
      const keyring = await devKeyring();
      const [alice, bob, charlie, dave, eve] = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map((s) => keyring.addFromUri(s));
      // Eve's organization runs a node (key 5): not yet authorized, it gets no blocks.
      await net.start('eve', 5, { role: 'full', bootnode: 'alice' });
      // Her node makes her session keys and proves them hers (the owner is her account id).
      const generated = await net.rpc('eve', 'author_rotateKeysWithOwner', ['0x' + Buffer.from(eve.publicKey).toString('hex')]);
      await ok(api, api.tx.session.setKeys(generated.keys, generated.proof), eve);
      await ok(api, api.tx.consortium.apply('Eve Networks', 'Organization', null), eve);
      assert.equal((await net.heights('eve')).best, 0, 'an unauthorized node gets no blocks');

      // One motion: admit Eve, make her node well-known, add her to the set. 3/4 of four: three ayes.
      const batch = api.tx.utility.batchAll([
        api.tx.consortium.admit(eve.address),
        api.tx.nodeAuthorization.addWellKnownNode(peerIdBytes(PEER_IDS[4]), eve.address),
        api.tx.validatorSet.addValidator(eve.address),
      ]);
      const events = await councilMotion(api, batch, 3, alice, [bob, charlie]);
      const executed = events.find((e) => e.section === 'council' && e.method === 'Executed');
      assert.ok(executed?.data.result.isOk, `motion executed: ${executed?.data.result.toString()}`);
      assert.ok(events.some((e) => e.section === 'validatorSet' && e.method === 'ValidatorAdded'));
      await net.report('eve admitted, her node well-known, added to the set');

      await net.waitFor('eve\'s node to sync', 90000, async () => (await net.heights('eve')).best >= (await net.heights('alice')).best - 1);
      await net.report('eve synced');
      // Restart her node as a validator with the keys it generated (kept on its base path).
      await net.kill('eve', 'SIGINT');
      await net.start('eve', 5, { role: 'validator' });

      await net.waitFor('eve in the session\'s validators', 180000, async () =>
        (await api.query.session.validators()).map((a) => a.toString()).includes(eve.address));
      await net.report('eve is a validator of the current session');
      let authored;
      await net.waitFor('a block authored by eve', 120000, async () => {
        const header = await api.derive.chain.getHeader(await api.rpc.chain.getFinalizedHead());
        if (header.author?.toString() === eve.address) authored = header.number.toNumber();
        return authored !== undefined;
      });
      await net.report(`eve authored finalized block #${authored}`);

      // Five members now: 3/4 (a validator change takes what Root takes) is four ayes.
      const removed = await councilMotion(api, api.tx.validatorSet.removeValidator(eve.address), 4, alice, [bob, charlie, dave]);
      assert.ok(removed.some((e) => e.section === 'validatorSet' && e.method === 'ValidatorRemoved'));
      await net.waitFor('eve out of the session\'s validators', 180000, async () =>
        !(await api.query.session.validators()).map((a) => a.toString()).includes(eve.address));
      const from = (await api.rpc.chain.getHeader()).number.toNumber();
      await net.report(`eve removed from the set at #${from}`);
      await net.waitFor('ten more blocks', 90000, async () => (await api.rpc.chain.getHeader()).number.toNumber() >= from + 10);
      for (let n = from + 1; n <= from + 10; n++) {
        const header = await api.derive.chain.getHeader(await api.rpc.chain.getBlockHash(n));
        assert.notEqual(header.author?.toString(), eve.address, `block #${n} not authored by eve`);
      }
      await net.report(`no block of #${from + 1}..#${from + 10} authored by eve`);
    } finally {
      await api.disconnect();
    }
  }));
});
