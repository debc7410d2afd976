// A firm acting through its staff in the board: Bob & Partners (Bob's account)
// gives Ferdie a `MissionContributor` proxy; Ferdie, acting for the firm,
// commits, signs and delivers, and the firm is paid. What the proxy type does
// not allow is never offered, and a call crafted through the board's own send
// path is refused by the chain, the error shown where a member would see it.
import { test, expect } from '@playwright/test';
import { MultiAddress } from '@polkadot-api/descriptors';
import { chain, chooseAccount, closeChain, dev, h, openAs, postMission, submit, txDone, UNIT } from './board';

test.afterAll(closeChain);

/** What an account owns, free or held (a commitment's bond is held). */
async function owned(address: string) {
  const { data } = await chain().query.System.Account.getValue(address, { at: 'best' });
  return data.free + data.reserved;
}

/** Chooses, in the board, to act for the only account the chosen one may act for. */
async function actForTheFirm(page: import('@playwright/test').Page) {
  const picker = page.getByTestId('acting-for');
  await expect(picker.locator('option', { hasText: 'Bob & Partners · MissionContributor' })).toBeAttached();
  await picker.selectOption({ label: 'Bob & Partners · MissionContributor' });
  await expect(page.getByTestId('acting-banner')).toContainText('Acting for Bob & Partners, signed by Ferdie');
}

test.beforeAll(async () => {
  const [bob, ferdie] = [dev('Bob'), dev('Ferdie')];
  await submit(
    chain().tx.Proxy.add_proxy({
      delegate: MultiAddress.Id(ferdie.address),
      proxy_type: { type: 'MissionContributor', value: undefined },
      delay: 0,
    }),
    bob,
  );
});

test('staff with a MissionContributor proxy commit, sign and deliver for the firm, and the firm is paid', async ({
  page,
}) => {
  const [alice, bob, ferdie] = [dev('Alice'), dev('Bob'), dev('Ferdie')];
  const api = chain();
  const id = await postMission('Firm survey', { amount: 10n * UNIT });
  await openAs(page, 'Ferdie', `mission/${id}`);
  await actForTheFirm(page);

  const form = page.getByTestId('commit-form');
  await form.getByLabel('Share in %').fill('100');
  await form.getByRole('button', { name: 'Commit' }).click();
  const committed = await txDone(page, `Commit to mission ${id}`);
  // The transaction names both accounts, as the chain's events do.
  expect(committed).toContain('For Bob & Partners, sent by Ferdie through a MissionContributor proxy.');
  await expect(page.getByTestId(`commitment-${bob.address}`)).toContainText('pending');
  // The README's picture: the board on a phone, in Korean, acting for the firm.
  const shots = process.env.BOARD_SCREENSHOTS;
  if (shots) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Language').selectOption('ko');
    await expect(page.getByTestId('acting-banner')).toContainText('대리 중');
    await page.screenshot({ path: `${shots}/firm-ko.png`, fullPage: true });
    await page.getByLabel('언어').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  const commitment = await api.query.Missions.Commitments.getValue(id, bob.address, { at: 'best' });
  expect(commitment, 'the firm committed, not its staff').toBeDefined();
  expect(await api.query.Missions.Commitments.getValue(id, ferdie.address, { at: 'best' })).toBeUndefined();

  await submit(api.tx.Missions.accept_commitment({ mission: id, who: bob.address }), alice);
  await submit(api.tx.Missions.propose_terms({ mission: id }), alice);
  const box = page.getByTestId('sign-box');
  await box.getByRole('button', { name: 'Sign these terms' }).click();
  await txDone(page, `Sign terms of mission ${id}`);
  await expect(page.getByTestId('phase')).toHaveText('Active');

  const deliver = page.getByTestId('deliver-0');
  await deliver
    .getByLabel('Deliverable file for milestone 1')
    .setInputFiles({ name: 'survey.pdf', mimeType: 'application/pdf', buffer: Buffer.from('the firm’s survey') });
  await deliver.getByPlaceholder('https://…').fill('https://bob.example/survey.pdf');
  await deliver.getByRole('button', { name: 'Submit deliverable' }).click();
  await txDone(page, 'Deliver milestone 1');
  await expect(page.getByTestId('milestone-status-0')).toHaveText('awaiting review');
  const delivered = await api.query.Missions.Deliverables.getValue(id, 0, { at: 'best' });
  expect(delivered?.submitter).toBe(bob.address);

  // Alice approves: the firm is paid the whole milestone; its staff member nothing.
  const before = { bob: await owned(bob.address), ferdie: await owned(ferdie.address) };
  await submit(api.tx.Missions.approve_milestone({ mission: id, milestone: 0 }), alice);
  expect((await owned(bob.address)) - before.bob).toBe(10n * UNIT);
  expect(await owned(ferdie.address)).toBe(before.ferdie);
});

test('what the proxy type does not allow is never offered; crafted through the board, the chain refuses it', async ({
  page,
}) => {
  const [bob, eve] = [dev('Bob'), dev('Eve')];
  const api = chain();
  // The firm's own mission, Eve's commitment pending: accepting it or cancelling the
  // mission is the owner's part, which a MissionContributor proxy may not send.
  const head = await api.query.System.Number.getValue({ at: 'best' });
  const r = await submit(
    api.tx.Missions.create_mission({
      title: new TextEncoder().encode('Firm’s own mission'),
      content_hash: h('ab'),
      uri: undefined,
      asset: { type: 'Native', value: undefined },
      milestones: [{ description_hash: h('12'), amount: 5n * UNIT }],
      deadline: head + 5_000,
      options: { open_to_non_members: true, min_bond: 0n, min_reputation: 0 },
    }),
    bob,
  );
  const id = api.event.Missions.MissionCreated.filter(r.events)[0].payload.mission;
  await submit(
    api.tx.Missions.commit({ mission: id, share: 100 * 10_000_000, role_hash: h('cc'), max_bond: 2n ** 128n - 1n }),
    eve,
  );

  // Bob himself is offered the owner's actions.
  await openAs(page, 'Bob', `mission/${id}`);
  const eveRow = page.getByTestId(`commitment-${eve.address}`);
  await expect(eveRow.getByRole('button', { name: 'Accept' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Cancel the mission/ })).toBeVisible();

  // Ferdie, acting for the firm, is not.
  await chooseAccount(page, 'Ferdie');
  await actForTheFirm(page);
  await expect(eveRow).toContainText('pending');
  await expect(eveRow.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Cancel the mission/ })).toHaveCount(0);

  // Crafted through the board's own path, the chain's proxy filter refuses it.
  const sent = await page.evaluate(
    (mission) =>
      (
        window as unknown as {
          peerBoard: { send: (l: string, p: string, c: string, a: unknown) => Promise<boolean> };
        }
      ).peerBoard.send('Crafted cancel', 'Missions', 'cancel_mission', { mission }),
    id,
  );
  expect(sent).toBe(false);
  const card = await txDone(page, 'Crafted cancel', 'failed');
  expect(card).toContain('System.CallFiltered');
  expect(card).toContain('For Bob & Partners, sent by Ferdie through a MissionContributor proxy.');
  const mission = await api.query.Missions.LiveMissions.getValue(id, { at: 'best' });
  expect(mission?.status.type).toBe('Recruiting');
  expect(await api.query.Missions.Commitments.getValue(id, eve.address, { at: 'best' })).toBeDefined();
});

test('a proxy with a delay announces the call, and executes it once the delay has passed', async ({ page }) => {
  const [charlie, eve] = [dev('Charlie'), dev('Eve')];
  const api = chain();
  await submit(
    api.tx.Proxy.add_proxy({
      delegate: MultiAddress.Id(eve.address),
      proxy_type: { type: 'MissionContributor', value: undefined },
      delay: 3,
    }),
    charlie,
  );
  const id = await postMission('Announced survey', { amount: 10n * UNIT });
  await openAs(page, 'Eve', `mission/${id}`);
  const picker = page.getByTestId('acting-for');
  const option = picker.locator('option', { hasText: 'Charlie · MissionContributor · each call announced 3 blocks' });
  await expect(option).toBeAttached();
  await picker.selectOption((await option.getAttribute('value'))!);

  // The commitment is announced, not sent: nothing of Charlie's changes yet.
  const form = page.getByTestId('commit-form');
  await form.getByLabel('Share in %').fill('100');
  await form.getByRole('button', { name: 'Commit' }).click();
  const announced = await txDone(page, `Commit to mission ${id}`, 'finalized');
  expect(announced).toContain('Proxy.Announced');
  await expect(page.getByTestId('tx-announced').first()).toContainText('may be executed from block #');
  expect(await api.query.Missions.Commitments.getValue(id, charlie.address, { at: 'best' })).toBeUndefined();

  // On Approvals: the call in words, executable once three blocks have passed.
  await page.goto(`${page.url().split('#')[0]}#/approvals`);
  const item = page.getByTestId('announcements');
  await expect(item).toContainText(`For Charlie (MissionContributor): Missions.commit(mission ${id}`);
  const execute = item.getByRole('button', { name: 'Execute' });
  await expect(execute).toBeEnabled({ timeout: 60_000 });
  await execute.click();
  const ran = await txDone(page, 'Execute an announced call', 'finalized');
  expect(ran).toContain('Missions.Committed');
  expect(await api.query.Missions.Commitments.getValue(id, charlie.address, { at: 'best' })).toBeDefined();
  await expect(page.getByTestId('announcements')).toHaveCount(0);
});

test('the firm adds and removes its staff in the board, and creates an account of its own', async ({ page }) => {
  const [bob, dave] = [dev('Bob'), dev('Dave')];
  const api = chain();
  const staff = async () => (await api.query.Proxy.Proxies.getValue(bob.address, { at: 'best' }))[0];
  await openAs(page, 'Bob', 'firm');
  const form = page.getByTestId('add-staff');
  // Bad input: said beside the field, nothing sent.
  await form.getByLabel("Staff member's account (SS58)").fill('not-an-address');
  await form.getByRole('button', { name: 'Add to the staff' }).click();
  await expect(form).toContainText('An SS58 account address.');
  await expect(page.getByTestId('tx')).toHaveCount(0);

  await form.getByLabel("Staff member's account (SS58)").fill(dave.address);
  await form.getByLabel('Proxy type').selectOption('NonTransfer');
  await form.getByRole('button', { name: 'Add to the staff' }).click();
  await txDone(page, /Add Dave to the staff \(NonTransfer\)/, 'finalized');
  expect((await staff()).map((d) => d.delegate)).toContain(dave.address);
  const row = page.getByTestId(`staff-${dave.address}`);
  await expect(row).toContainText('NonTransfer');

  await row.getByRole('button', { name: 'Remove' }).click();
  await txDone(page, /Remove Dave from the staff/, 'finalized');
  expect((await staff()).map((d) => d.delegate)).not.toContain(dave.address);

  await page.getByTestId('create-firm').click();
  const created = await txDone(page, "Create the firm's account", 'finalized');
  expect(created).toContain('Proxy.PureCreated');
  await expect(page.getByTestId('firm-created')).toContainText("The firm's account: ");
});
