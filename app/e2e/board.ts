// What the browser tests share: the chain read in Node (papi, typed by the
// same descriptors), dev signers for setting a scene, and page steps.
import { expect, type Page } from '@playwright/test';
import { createClient, type PolkadotClient, type Transaction, type TypedApi } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from '@polkadot-labs/hdkd-helpers';
import { peer } from '@polkadot-api/descriptors';
import { AccountId } from '@polkadot-api/substrate-bindings';

/** One PEER in plancks (12 decimals), as src/lib/amount.ts has it (which loads the board's texts, not for Node). */
const UNIT = 10n ** 12n;
import { rpc as jsonRpc } from '../../scripts/e2e/lib/node.js';
export { UNIT };
export const rpc = () => process.env.PEER_RPC!;
export const boardUrl = () => `${process.env.BOARD_URL}?rpc=${encodeURIComponent(rpc())}`;

const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
export function dev(name: string) {
  const pair = derive(`//${name}`);
  return {
    name,
    pair,
    address: AccountId().dec(pair.publicKey),
    signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign),
  };
}

let client: PolkadotClient | undefined;
export function chain(): TypedApi<typeof peer> {
  client ??= createClient(getWsProvider(rpc()));
  return client.getTypedApi(peer);
}
export const closeChain = () => {
  client?.destroy();
  client = undefined;
};

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
  await page
    .getByTestId('link-endpoint')
    .getByRole('button', { name: `Use ${rpc()}` })
    .click();
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
  await page.evaluate((r) => {
    window.location.hash = `#/${r}`;
  }, route);
}

/** Waits for the newest transaction card to reach `stage` and returns its text. */
export async function txDone(
  page: Page,
  label: string | RegExp,
  stage: 'in block' | 'finalized' | 'failed' = 'in block',
) {
  const card = page.getByTestId('tx').filter({ hasText: label }).first();
  if (stage === 'in block') await expect(card).toHaveAttribute('data-stage', /in block|finalized/);
  else await expect(card).toHaveAttribute('data-stage', stage);
  return (await card.textContent()) ?? '';
}

/** Sends with a dev signer from Node, for setting a scene the test is not about. */
export async function submit(tx: Transaction, who: ReturnType<typeof dev>) {
  const r = await tx.signAndSubmit(who.signer);
  if (!r.ok) throw new Error(`${JSON.stringify(r.dispatchError)}`);
  return r;
}

/** A 32-byte hash of one repeated byte. */
export const h = (byte: string) => `0x${byte.repeat(32)}` as `0x${string}`;

/** Alice posts a one-milestone mission open to everyone, from Node; returns its id. */
export async function postMission(
  title: string,
  opts: {
    amount?: bigint;
    min_reputation?: number;
    uri?: string;
    contentHash?: `0x${string}`;
    specHash?: `0x${string}`;
  } = {},
) {
  const api = chain();
  const head = await api.query.System.Number.getValue({ at: 'best' });
  const r = await submit(
    api.tx.Missions.create_mission({
      title: new TextEncoder().encode(title),
      content_hash: opts.contentHash ?? h('ab'),
      uri: opts.uri === undefined ? undefined : new TextEncoder().encode(opts.uri),
      asset: { type: 'Native', value: undefined },
      milestones: [{ description_hash: opts.specHash ?? h('12'), amount: opts.amount ?? 5n * UNIT }],
      deadline: head + 5_000,
      options: { open_to_non_members: true, min_bond: 0n, min_reputation: opts.min_reputation ?? 0 },
    }),
    dev('Alice'),
  );
  const [created] = api.event.Missions.MissionCreated.filter(r.events);
  return created.payload.mission;
}

/** Alice's mission of one 10 PEER milestone, Dave alone on the roster, delivered: a scene set from Node. */
export async function deliveredMission(title: string) {
  const id = await activeMission(title);
  await submit(
    chain().tx.Missions.submit_deliverable({ mission: id, milestone: 0, content_hash: h('dd'), uri: undefined }),
    dev('Dave'),
  );
  return id;
}

/** Alice's mission of one 10 PEER milestone, Dave alone on the roster, at work: a scene set from Node. */
export async function activeMission(
  title: string,
  opts: { contentHash?: `0x${string}`; specHash?: `0x${string}` } = {},
) {
  const api = chain();
  const [alice, dave] = [dev('Alice'), dev('Dave')];
  const id = await postMission(title, { amount: 10n * UNIT, ...opts });
  await submit(
    api.tx.Missions.commit({ mission: id, share: 1_000_000_000, role_hash: h('cc'), max_bond: 2n ** 128n - 1n }),
    dave,
  );
  await submit(api.tx.Missions.accept_commitment({ mission: id, who: dave.address }), alice);
  await submit(api.tx.Missions.propose_terms({ mission: id }), alice);
  const m = await api.query.Missions.LiveMissions.getValue(id, { at: 'best' });
  await submit(
    api.tx.Missions.sign_terms({
      mission: id,
      terms_hash: (m!.status.value as { terms_hash: `0x${string}` }).terms_hash,
    }),
    dave,
  );
  return id;
}

/**
 * Three quarters of the council (Alice, Bob, Charlie) bring a bank's token in, as
 * docs/GOVERNANCE.md shows: the asset with Bob's bank its issuer, its metadata, and its
 * minimum budget for missions, in one motion. Then Bob issues `issue` of it to Alice.
 */
export async function councilCreatesAsset(
  id: number,
  a: { name: string; symbol: string; decimals: number; minBalance: bigint; minimumBudget: bigint; issue: bigint },
) {
  const api = chain();
  const [alice, bob] = ['Alice', 'Bob'].map(dev);
  const enc = new TextEncoder();
  const call = api.tx.Utility.batch_all({
    calls: [
      api.tx.Assets.force_create({
        id,
        owner: { type: 'Id', value: bob.address },
        is_sufficient: false,
        min_balance: a.minBalance,
      }).decodedCall,
      api.tx.Assets.force_set_metadata({
        id,
        name: enc.encode(a.name),
        symbol: enc.encode(a.symbol),
        decimals: a.decimals,
        is_frozen: false,
      }).decodedCall,
      api.tx.Missions.set_minimum_budget({ asset: { type: 'WithId', value: id }, minimum: a.minimumBudget })
        .decodedCall,
    ],
  });
  await councilPasses(call);
  if (!(await api.query.Assets.Asset.getValue(id, { at: 'best' }))) throw new Error(`asset ${id} was not created`);
  await submit(api.tx.Assets.mint({ id, beneficiary: { type: 'Id', value: alice.address }, amount: a.issue }), bob);
}

/**
 * The development council (Alice, Bob, Charlie) passes `call` with all three
 * ayes (3/4 of three), from Node: Alice proposes and closes.
 */
export async function councilPasses(call: Transaction) {
  const api = chain();
  const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map(dev);
  const bytes: Uint8Array = await call.getEncodedData();
  const index = await api.query.Council.ProposalCount.getValue({ at: 'best' });
  await submit(api.tx.Council.propose({ threshold: 3, proposal: call.decodedCall, length_bound: bytes.length }), alice);
  const [hash] = (await api.query.Council.Proposals.getValue({ at: 'best' })).slice(-1);
  for (const who of [alice, bob, charlie])
    await submit(api.tx.Council.vote({ proposal: hash, index, approve: true }), who);
  const info = await api.apis.TransactionPaymentCallApi.query_call_info(call.decodedCall as never, bytes.length);
  return submit(
    api.tx.Council.close({
      proposal_hash: hash,
      index,
      proposal_weight_bound: info.weight,
      length_bound: bytes.length,
    }),
    alice,
  );
}

/** `who`'s free balance in asset `id`. */
export async function assetBalance(id: number, who: string) {
  return (await chain().query.Assets.Account.getValue(id, who, { at: 'best' }))?.balance ?? 0n;
}
