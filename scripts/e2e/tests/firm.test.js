// A firm on Peer, through polkadot.js against a dev node of its own: the
// firm's member account is a pure proxy; a director holds `Any` on it; a
// staff member holds `MissionContributor`, commits, signs and delivers for
// the firm, and cannot move its money. The events name both the firm (the
// account that acted) and the staff member (the signer who paid the fee).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ANY_BOND, UNIT, councilPasses, devChain, eventsOf, free as freeOf, h, mission, ok, send } from '../lib/chain.js';

describe('a firm acts through its staff', () => {
  let chain, api, alice, bob, charlie, director, jane;
  before(async () => {
    chain = await devChain();
    api = chain.api;
    ({ alice, bob, charlie, ferdie: director } = chain.accounts);
    jane = chain.keyring.addFromUri('//Jane');
  });
  after(async () => { await chain?.stop(); });

  const free = (address) => freeOf(api, address);
  const forFirm = (firm, call) => api.tx.proxy.proxy(firm, null, call);
  const proxyResult = (events) => eventsOf(events, 'proxy', 'ProxyExecuted')[0].data.result;
  const moduleError = (result) => {
    const { section, name } = api.registry.findMetaError(result.asErr.asModule);
    return `${section}.${name}`;
  };

  test('staff commit, sign and deliver for the firm; the firm is paid; a transfer is refused', async () => {
    try {
      // The director spawns the firm's account and funds it.
      let r = await ok(api, api.tx.proxy.createPure('Any', 0, 0), director);
      const firm = eventsOf(r.events, 'proxy', 'PureCreated')[0].data.pure.toString();
      await ok(api, api.tx.balances.transferKeepAlive(firm, 1_000n * UNIT), alice);
      await ok(api, api.tx.balances.transferKeepAlive(jane.address, 10n * UNIT), alice);

      // It names itself, applies, and the council admits it.
      const identity = {
        display: { Raw: 'Acme Engineering GmbH' },
        web: { Raw: 'https://acme.example' },
        legal: { BlakeTwo256: h('5e') },
      };
      await ok(api, forFirm(firm, api.tx.utility.batchAll([
        api.tx.identity.setIdentity(identity),
        api.tx.consortium.apply('Acme Engineering', 'Organization', null),
      ])), director);
      const admitted = await councilPasses(api, api.tx.consortium.admit(firm), [3, 4], [alice, bob, charlie]);
      assert.equal(eventsOf(admitted, 'consortium', 'Admitted').length, 1);

      // The director hires Jane as a contributor and names her under the firm.
      await ok(api, forFirm(firm, api.tx.utility.batchAll([
        api.tx.proxy.addProxy(jane.address, 'MissionContributor', 0),
        api.tx.identity.addSub(jane.address, { Raw: 'Jane, site engineer' }),
      ])), director);
      const sup = await api.query.identity.superOf(jane.address);
      assert.equal(sup.unwrap()[0].toString(), firm);

      // Alice posts a mission; Jane commits for the firm.
      const { id } = await mission(api, alice, { title: 'Bridge survey', amounts: [40n * UNIT], upTo: 'posted' });
      const firmBefore = await free(firm);
      r = await ok(api, forFirm(firm, api.tx.missions.commit(id, 1_000_000_000, h('cc'), ANY_BOND)), jane);
      assert.ok(proxyResult(r.events).isOk);
      // Who acted: the firm committed, Jane signed and paid the fee.
      const committed = eventsOf(r.events, 'missions', 'Committed')[0];
      assert.equal(committed.data.who.toString(), firm);
      const fee = eventsOf(r.events, 'transactionPayment', 'TransactionFeePaid')[0];
      assert.equal(fee.data.who.toString(), jane.address);

      await ok(api, api.tx.missions.acceptCommitment(id, firm), alice);
      r = await ok(api, api.tx.missions.proposeTerms(id), alice);
      const terms = eventsOf(r.events, 'missions', 'TermsProposed')[0].data.termsHash.toHex();
      r = await ok(api, forFirm(firm, api.tx.utility.batchAll([
        api.tx.missions.signTerms(id, terms),
        api.tx.missions.submitDeliverable(id, 0, h('dd'), 'https://acme.example/survey.pdf'),
      ])), jane);
      assert.ok(proxyResult(r.events).isOk);
      assert.equal(eventsOf(r.events, 'missions', 'DeliverableSubmitted')[0].data.who.toString(), firm);
      r = await ok(api, api.tx.missions.approveMilestone(id, 0), alice);
      assert.equal(eventsOf(r.events, 'missions', 'MissionCompleted').length, 1);
      // Paid to the planck: the firm paid no fee, its bond came back.
      assert.equal(await free(firm), firmBefore + 40n * UNIT);

      // Jane cannot move the firm's money, alone or hidden in a batch.
      const firmNow = await free(firm);
      for (const call of [
        api.tx.balances.transferKeepAlive(jane.address, UNIT),
        api.tx.utility.batch([api.tx.system.remark('x'), api.tx.balances.transferKeepAlive(jane.address, UNIT)]),
      ]) {
        r = await send(api, forFirm(firm, call), jane);
        assert.equal(r.error, null, 'the proxy call itself is dispatched');
        assert.equal(moduleError(proxyResult(r.events)), 'system.CallFiltered');
      }
      assert.equal(await free(firm), firmNow);
    } catch (e) {
      chain?.printLog();
      throw e;
    }
  });
});
