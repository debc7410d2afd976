// Talking to Peer through @polkadot/api, as a member's tools do: connecting,
// sending and waiting, reading errors and events, council motions, and a
// mission run to the phase a test needs. Shared by the e2e suite, the fault
// tests and the benchmarks.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode } from './node.js';

/** One PEER in plancks (12 decimals). */
export const UNIT = 10n ** 12n;
/** One percent as a `Perbill`. */
export const PERCENT = 10_000_000;
/** The dev accounts the `--dev` and `local` chains endow. */
export const DEV = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
/** The most a test's commitment agrees to bond (`missions.commit`'s `max_bond`) when the amount is not what it is about: u128::MAX. */
export const ANY_BOND = 2n ** 128n - 1n;
/** A 32-byte hash of one repeated byte, `h('aa')` = 0xaaaa…. */
export const h = (byte) => '0x' + byte.repeat(32);

/** An sr25519 keyring with Peer's address format (42). */
export async function keyring() {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format: 42 });
}

/** Connects @polkadot/api (no custom types) to `wsUrl`, retrying for `ms`. */
export async function connect(wsUrl, ms = 60000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await ApiPromise.create({ provider: new WsProvider(wsUrl, 1000), noInitWarn: true, throwOnConnect: true });
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * A `peer-node --dev --tmp` of its own, with @polkadot/api connected.
 * Returns { api, keyring, accounts, node, wsUrl, printLog, stop }, where
 * `accounts.alice` … `accounts.ferdie` are the dev keys. A crash of the node
 * prints its log and ends the process rather than leaving a test waiting.
 */
export async function devChain(extraArgs = []) {
  const node = await startNode(['--dev', '--tmp', ...extraArgs], {
    onUnexpectedExit: (code, signal) => {
      process.stderr.write(`peer-node exited unexpectedly (code ${code}, signal ${signal})\n`);
      node.printLog();
      process.exit(1);
    },
  });
  const api = await connect(node.wsUrl);
  const keys = await keyring();
  const accounts = Object.fromEntries(DEV.map((n) => [n.toLowerCase(), keys.addFromUri(`//${n}`)]));
  return {
    api, keyring: keys, accounts, node, wsUrl: node.wsUrl, printLog: node.printLog,
    stop: async () => { await api.disconnect(); await node.stop(); },
  };
}

/** The module error of a failed dispatch, as `section.name`. */
export function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.toString();
}

/**
 * Signs and submits `tx`, waits until it is in a block, and returns
 * { events, error, blockHash } where error is `section.name` if the dispatch failed.
 */
export function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, { nonce: -1 }, (result) => {
      if (result.status.isInBlock || result.status.isFinalized) {
        unsub?.();
        const failed = result.events.find(({ event }) => api.events.system.ExtrinsicFailed.is(event));
        const error = failed ? errorName(api, failed.event.data[0]) : null;
        resolve({ events: result.events.map(({ event }) => event), error, blockHash: result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized });
      } else if (result.isError) {
        unsub?.();
        reject(new Error(`transaction ${result.status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

/** Sends and throws if the dispatch failed. */
export async function ok(api, tx, signer) {
  const r = await send(api, tx, signer);
  if (r.error) throw new Error(`${tx.method.section}.${tx.method.method} failed: ${r.error}`);
  return r;
}

/** Events of `section.method` among `events`. */
export function eventsOf(events, section, method) {
  return events.filter((e) => e.section === section && e.method === method);
}

/** The free balance of `address`, in plancks. */
export async function free(api, address) {
  return (await api.query.system.account(address)).data.free.toBigInt();
}

/**
 * `proposer` proposes `call` to the council with `threshold`; it and `ayes`
 * vote for it; `proposer` closes it. Returns the events of the closing block
 * (with its hash as `.blockHash`).
 */
export async function councilMotion(api, call, threshold, proposer, ayes) {
  const length = call.method.encodedLength;
  let r = await ok(api, api.tx.council.propose(threshold, call, length), proposer);
  const proposed = eventsOf(r.events, 'council', 'Proposed')[0];
  const hash = proposed.data.proposalHash.toHex();
  const index = proposed.data.proposalIndex.toNumber();
  await Promise.all([proposer, ...ayes].map((who) => ok(api, api.tx.council.vote(hash, index, true), who)));
  const weight = (await call.paymentInfo(proposer)).weight;
  r = await ok(api, api.tx.council.close(hash, index, weight, length), proposer);
  // The closing block's hash rides along, for reading state before and after it.
  return Object.assign(r.events, { blockHash: r.blockHash });
}

/**
 * Passes `call` with `num/den` of the council as it is now: the threshold is
 * computed from its size, and the ayes are the council members among `keys`
 * (the first proposes). Returns the events of the closing block.
 */
export async function councilPasses(api, call, [num, den], keys) {
  const council = (await api.query.council.members()).map((a) => a.toString());
  const voters = keys.filter((k) => council.includes(k.address));
  const threshold = Math.ceil((council.length * num) / den);
  if (voters.length < threshold) throw new Error(`${voters.length} known council members, ${threshold} needed`);
  const [proposer, ...ayes] = voters.slice(0, threshold);
  return councilMotion(api, call, threshold, proposer, ayes);
}

/**
 * Posts a mission from `owner` and takes it to `upTo`: 'posted', then
 * 'recruiting' (each of `roster`, as [key pair, percent], commits and is
 * accepted), 'agreeing' (the owner proposes the terms) or 'active' (every
 * contributor signed). Other options: `amounts` (plancks per milestone),
 * `deadlineIn` (blocks from now), `open` (non-members may commit), `title`.
 * Returns { id, terms, created }: the terms hash once proposed, and the
 * `MissionCreated` event.
 */
export async function mission(api, owner, {
  roster = [], amounts = [10n * UNIT], deadlineIn = 3_000, open = false, title = 'e2e mission', upTo = 'active',
  asset = 'Native',
} = {}) {
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const milestones = amounts.map((amount, i) => ({ descriptionHash: h((0x10 + i).toString(16)), amount }));
  const options = { openToNonMembers: open, minBond: 0, minReputation: 0 };
  // Before spec 103 (the upgrade test's previous runtime) a mission named no asset.
  const args = api.tx.missions.createMission.meta.args.length === 7
    ? [title, h('aa'), null, asset, milestones, head + deadlineIn, options]
    : [title, h('aa'), null, milestones, head + deadlineIn, options];
  const r = await ok(api, api.tx.missions.createMission(...args), owner);
  const created = eventsOf(r.events, 'missions', 'MissionCreated')[0];
  const id = created.data.mission.toNumber();
  if (upTo === 'posted') return { id, created };
  await Promise.all(roster.map(([who, percent]) => ok(api, api.tx.missions.commit(id, percent * PERCENT, h('cc'), ANY_BOND), who)));
  for (const [who] of roster) await ok(api, api.tx.missions.acceptCommitment(id, who.address), owner);
  if (upTo === 'recruiting') return { id, created };
  const proposed = await ok(api, api.tx.missions.proposeTerms(id), owner);
  const terms = eventsOf(proposed.events, 'missions', 'TermsProposed')[0].data.termsHash.toHex();
  if (upTo === 'agreeing') return { id, terms, created };
  const signed = await Promise.all(roster.map(([who]) => ok(api, api.tx.missions.signTerms(id, terms), who)));
  if (!signed.some((s) => eventsOf(s.events, 'missions', 'MissionActivated').length === 1)) {
    throw new Error(`mission ${id} did not start after every signature`);
  }
  return { id, terms, created };
}
