// A firm run by its directors' 2-of-3 multisig (Charlie, Dave, Eve), a member
// of the consortium: Charlie posts a mission for it in the board (the first
// approval), Dave opens the link Charlie shares, sees the call in words checked
// against the chain's hash and approves it with the threshold's last signature,
// which runs it; Eve sees nothing left to approve and the firm's mission on the
// board. A second operation, whose call Eve reads from the indexer without a
// link, is cancelled by Charlie who started it, and gives him his deposit back.
import { test, expect, type Page } from '@playwright/test';
import {
  chain,
  chooseAccount,
  closeChain,
  councilPasses,
  dev,
  goto,
  openLink,
  openAs,
  submit,
  txDone,
  UNIT,
} from './board';
import { multisigOf, othersOf } from '../src/lib/multisig';

test.afterAll(closeChain);

const directors = () => ['Charlie', 'Dave', 'Eve'].map(dev);
const firm = () =>
  multisigOf(
    directors().map((d) => d.address),
    2,
  );

test.beforeAll(async () => {
  // The directors' multisig gets money, applies (two of them sign from Node), and is admitted.
  const api = chain();
  const [charlie, dave] = directors();
  const m = firm();
  await submit(
    api.tx.Balances.transfer_keep_alive({ dest: { type: 'Id', value: m.address }, value: 1_000n * UNIT }),
    dev('Alice'),
  );
  const apply = api.tx.Consortium.apply({
    name: new TextEncoder().encode('Han River Works'),
    kind: { type: 'Organization', value: undefined },
    charter: undefined,
  });
  const weight = (await api.apis.TransactionPaymentCallApi.query_call_info(apply.decodedCall as never, 100)).weight;
  const first = await submit(
    api.tx.Multisig.as_multi({
      threshold: 2,
      other_signatories: othersOf(m, charlie.address),
      maybe_timepoint: undefined,
      call: apply.decodedCall,
      max_weight: weight,
    }),
    charlie,
  );
  await submit(
    api.tx.Multisig.as_multi({
      threshold: 2,
      other_signatories: othersOf(m, dave.address),
      maybe_timepoint: { height: first.block.number, index: first.block.index },
      call: apply.decodedCall,
      max_weight: weight,
    }),
    dave,
  );
  await councilPasses(api.tx.Consortium.admit({ who: m.address }));
  const member = await api.query.Consortium.Members.getValue(m.address, { at: 'best' });
  if (!member) throw new Error('the directors’ firm was not admitted');
});

/** Adds the firm's multisig on the approvals page, as the chosen director, naming the other two. */
async function addTheFirm(page: Page, me: string) {
  await goto(page, 'approvals');
  const others = directors().filter((d) => d.name !== me);
  const form = page.getByTestId('add-multisig');
  await form.getByLabel('Other signatories').fill(others.map((d) => d.address).join('\n'));
  await form.getByLabel('Approvals needed').fill('2');
  await form.getByRole('button', { name: 'Add' }).click();
  const card = page.getByTestId(`multisig-${firm().address}`);
  await expect(card).toContainText('Multisig, 2 of 3');
  return card;
}

/** Posts a one-milestone mission on the post page as whoever the board acts for. */
async function postAsFirm(page: Page, title: string) {
  await goto(page, 'post');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description', { exact: true }).fill('Inspect the pumps of the east plant.');
  await page.getByLabel('Milestone 1 description').fill('Inspection');
  await page.getByLabel('Milestone 1 amount').fill('30');
  await page.getByRole('button', { name: 'Post the mission' }).click();
  return txDone(page, `Post “${title}”`);
}

test('two of three directors post a mission for the firm in the board; the third sees it done', async ({
  page,
  browser,
}) => {
  const api = chain();
  const m = firm();
  const [charlie, dave] = directors();
  await openAs(page, 'Charlie');
  await addTheFirm(page, 'Charlie');
  await page.getByTestId('acting-for').selectOption({ label: 'Han River Works · multisig, 2 of 3' });
  await expect(page.getByTestId('acting-banner')).toContainText('Acting for Han River Works, signed by Charlie');

  const owned = (await api.query.Missions.OwnedMissions.getValue(m.address, { at: 'best' })).length;
  const card = await postAsFirm(page, 'Pump inspection');
  expect(card).toContain('The first of 2 approvals is on chain');
  const link = await page.getByTestId('share-link').first().getAttribute('href');
  expect(link).toMatch(/#\/approvals\?call=0x[0-9a-f]+$/);
  const pending = await api.query.Multisig.Multisigs.getEntries(m.address, { at: 'best' });
  expect(pending).toHaveLength(1);
  expect(pending[0].value.approvals).toEqual([charlie.address]);
  expect((await api.query.Missions.OwnedMissions.getValue(m.address, { at: 'best' })).length).toBe(owned);

  // Dave, in a browser of his own, opens the link Charlie sent him.
  const daves = await browser.newPage();
  await openLink(daves, link!.split('#/')[1]);
  await chooseAccount(daves, 'Dave');
  const firmCard = await addTheFirm(daves, 'Dave');
  const op = firmCard.getByTestId(`operation-${pending[0].keyArgs[1]}`);
  await expect(op.getByTestId('call-verified')).toBeVisible();
  await expect(op.getByTestId('operation-call')).toContainText('create_mission');
  await expect(op.getByTestId('operation-call')).toContainText('Pump inspection');
  await expect(op.getByTestId('operation-approvals')).toContainText('Approved: Charlie · missing: Dave, Eve');
  await expect(op).toContainText('held from Charlie');
  await op.getByRole('button', { name: 'Approve and run it' }).click();
  const ran = await txDone(daves, /Approve and run operation/);
  expect(ran).toContain('MissionCreated');
  const missions = await api.query.Missions.OwnedMissions.getValue(m.address, { at: 'best' });
  expect(missions.length).toBe(owned + 1);
  expect(await api.query.Multisig.Multisigs.getEntries(m.address, { at: 'best' })).toHaveLength(0);
  void dave;

  // Eve, the third, finds nothing left to approve, and the firm's mission on the board.
  await chooseAccount(daves, 'Eve');
  const evesCard = await addTheFirm(daves, 'Eve');
  await expect(evesCard.getByTestId('no-pending')).toBeVisible();
  await daves.getByTestId('acting-for').selectOption({ label: 'Han River Works · multisig, 2 of 3' });
  await goto(daves, 'missions');
  await daves.getByRole('group', { name: 'Filter' }).getByRole('button', { name: 'Mine' }).click();
  await expect(daves.getByTestId(`mission-row-${missions[missions.length - 1]}`)).toContainText('Pump inspection');
  await daves.close();
});

test('a director without the link reads the call from the indexer; the one who started it cancels it', async ({
  page,
  browser,
}) => {
  const api = chain();
  const m = firm();
  const [charlie] = directors();
  const reserved = async () => (await api.query.System.Account.getValue(charlie.address, { at: 'best' })).data.reserved;
  await openAs(page, 'Charlie');
  await addTheFirm(page, 'Charlie');
  await page.getByTestId('acting-for').selectOption({ label: 'Han River Works · multisig, 2 of 3' });
  const before = await reserved();
  await postAsFirm(page, 'Second thoughts');
  const held = (await reserved()) - before;
  expect(held).toBeGreaterThan(0n);
  await goto(page, 'approvals');
  const [pending] = await api.query.Multisig.Multisigs.getEntries(m.address, { at: 'best' });
  const op = page.getByTestId(`operation-${pending.keyArgs[1]}`);
  await expect(op.getByTestId('call-verified')).toBeVisible();

  // Eve has no link and another browser: the call comes from the indexer (the
  // first approval's extrinsic), shown only because it hashes to the chain's hash.
  const indexer = process.env.PEER_INDEXER_URL!;
  const hash = pending.keyArgs[1];
  await expect
    .poll(async () => (await fetch(`${indexer}/multisig-calls/${hash}`)).status, { timeout: 60_000 })
    .toBe(200);
  const eves = await browser.newPage();
  await openAs(eves, 'Eve');
  await eves.evaluate((url) => localStorage.setItem('peer.indexer', url), indexer);
  const evesOp = (await addTheFirm(eves, 'Eve')).getByTestId(`operation-${hash}`);
  await expect(evesOp.getByTestId('call-verified')).toBeVisible();
  await expect(evesOp.getByTestId('operation-call')).toContainText('Second thoughts');
  await eves.close();

  await op.getByRole('button', { name: 'Cancel it (your deposit back)' }).click();
  const cancelled = await txDone(page, /Cancel operation/);
  expect(cancelled).toContain('MultisigCancelled');
  expect(await reserved()).toBe(before);
  expect(await api.query.Multisig.Multisigs.getEntries(m.address, { at: 'best' })).toHaveLength(0);
});
