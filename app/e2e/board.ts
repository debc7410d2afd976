// What the browser tests share: the chain read in Node (papi, typed by the
// same descriptors), dev signers for setting a scene, and page steps.
import { expect, type Page } from '@playwright/test';
import { createClient, type PolkadotClient, type TypedApi } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from '@polkadot-labs/hdkd-helpers';
import { peer } from '@polkadot-api/descriptors';
import { AccountId } from '@polkadot-api/substrate-bindings';

import { UNIT } from '../src/lib/amount';
import { rpc as jsonRpc } from '../../scripts/e2e/lib/node.js';
export { UNIT };
export const rpc = () => process.env.PEER_RPC!;
export const boardUrl = () => `${process.env.BOARD_URL}?rpc=${encodeURIComponent(rpc())}`;

const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
export function dev(name: string) {
  const pair = derive(`//${name}`);
  return { name, pair, address: AccountId().dec(pair.publicKey), signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign) };
}

let client: PolkadotClient | undefined;
export function chain(): TypedApi<typeof peer> {
  client ??= createClient(getWsProvider(rpc()));
  return client.getTypedApi(peer);
}
export const closeChain = () => { client?.destroy(); client = undefined; };

export async function free(address: string) {
  return (await chain().query.System.Account.getValue(address, { at: 'best' })).data.free;
}

/** The nonce the node would give the account's next transaction (pool included). */
export async function nonce(address: string): Promise<number> {
  return jsonRpc(Number(process.env.PEER_RPC_PORT), 'system_accountNextIndex', [address]);
}

/**
 * Opens the board through a link naming the test's node (`?rpc=`, more in `query`)
 * at `route`, and accepts the node the link proposes, as a member would: the board
 * asks before using a node from a link.
 */
export async function openLink(page: Page, route = '', query = '') {
  await page.goto(`${boardUrl()}${query}#/${route}`);
  await page.getByTestId('link-endpoint').getByRole('button', { name: `Use ${rpc()}` }).click();
  await expect(page.getByTestId('chain-status')).toContainText('Development');
}

/** Opens the board as `account` (a dev account's name) at `route`. */
export async function openAs(page: Page, account: string, route = '') {
  await openLink(page, route);
  await chooseAccount(page, account);
}

export async function chooseAccount(page: Page, account: string) {
  const select = page.getByLabel('Account', { exact: true });
  const option = select.locator('option', { hasText: `${account} (` }).first();
  await expect(option).toBeAttached();
  await select.selectOption(await option.getAttribute('value'));
}

export async function goto(page: Page, route: string) {
  await page.evaluate((r) => { window.location.hash = `#/${r}`; }, route);
}

/** Waits for the newest transaction card to reach `stage` and returns its text. */
export async function txDone(page: Page, label: string | RegExp, stage: 'in block' | 'finalized' | 'failed' = 'in block') {
  const card = page.getByTestId('tx').filter({ hasText: label }).first();
  if (stage === 'in block') await expect(card).toHaveAttribute('data-stage', /in block|finalized/);
  else await expect(card).toHaveAttribute('data-stage', stage);
  return (await card.textContent()) ?? '';
}

/** Sends with a dev signer from Node, for setting a scene the test is not about. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function submit(tx: any, who: ReturnType<typeof dev>) {
  const r = await tx.signAndSubmit(who.signer);
  if (!r.ok) throw new Error(`${JSON.stringify(r.dispatchError)}`);
  return r;
}

/** A 32-byte hash of one repeated byte. */
export const h = (byte: string) => `0x${byte.repeat(32)}` as `0x${string}`;

/** Alice posts a one-milestone mission open to everyone, from Node; returns its id. */
export async function postMission(title: string, opts: { amount?: bigint; min_reputation?: number; uri?: string } = {}) {
  const api = chain();
  const head = await api.query.System.Number.getValue({ at: 'best' });
  const r = await submit(api.tx.Missions.create_mission({
    title: new TextEncoder().encode(title), content_hash: h('ab'), uri: opts.uri === undefined ? undefined : new TextEncoder().encode(opts.uri),
    asset: { type: 'Native', value: undefined },
    milestones: [{ description_hash: h('12'), amount: opts.amount ?? 5n * UNIT }], deadline: head + 5_000,
    options: { open_to_non_members: true, min_bond: 0n, min_reputation: opts.min_reputation ?? 0 },
  }), dev('Alice'));
  const [created] = api.event.Missions.MissionCreated.filter(r.events);
  return created.payload.mission;
}

/** Alice's mission of one 10 PEER milestone, Dave alone on the roster, delivered: a scene set from Node. */
export async function deliveredMission(title: string) {
  const api = chain();
  const [alice, dave] = [dev('Alice'), dev('Dave')];
  const id = await postMission(title, { amount: 10n * UNIT });
  await submit(api.tx.Missions.commit({ mission: id, share: 1_000_000_000, role_hash: h('cc'), max_bond: 2n ** 128n - 1n }), dave);
  await submit(api.tx.Missions.accept_commitment({ mission: id, who: dave.address }), alice);
  await submit(api.tx.Missions.propose_terms({ mission: id }), alice);
  const m = await api.query.Missions.LiveMissions.getValue(id, { at: 'best' });
  await submit(api.tx.Missions.sign_terms({ mission: id, terms_hash: (m!.status.value as { terms_hash: `0x${string}` }).terms_hash }), dave);
  await submit(api.tx.Missions.submit_deliverable({ mission: id, milestone: 0, content_hash: h('dd'), uri: undefined }), dave);
  return id;
}
