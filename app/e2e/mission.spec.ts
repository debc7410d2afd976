// A whole mission through the board only: Alice posts two milestones, Dave
// and Eve commit 60 % / 40 %, Alice accepts and proposes, both sign, both
// deliver files, Alice approves both; the payouts are exact to the planck.
import { test, expect } from '@playwright/test';
import { chain, chooseAccount, closeChain, dev, free, goto, openAs, txDone, UNIT } from './board';

test.afterAll(closeChain);

test('a whole mission, posted, staffed, signed, delivered and paid in the board', async ({ page }) => {
  const [dave, eve] = [dev('Dave'), dev('Eve')];
  await openAs(page, 'Alice', 'post');
  await page.getByLabel('Title').fill('Bridge survey');
  await page.getByLabel('Description', { exact: true }).fill('Survey the north bridge and report.');
  await page.getByLabel('URI').fill('https://alice.example/bridge');
  await page.getByLabel('Milestone 1 description').fill('Field survey');
  await page.getByLabel('Milestone 1 amount').fill('40');
  await page.getByRole('button', { name: 'Add a milestone' }).click();
  await page.getByLabel('Milestone 2 description').fill('Report');
  await page.getByLabel('Milestone 2 amount').fill('20.5');
  await expect(page.getByTestId('budget-sum')).toContainText('60.5 PEER');
  await page.getByLabel('Open to non-members').check();
  await expect(page.getByTestId('fee')).toContainText('Estimated fee');
  await page.getByRole('button', { name: 'Post the mission' }).click();
  await txDone(page, 'Post “Bridge survey”');
  const link = page.getByTestId('posted').getByRole('link');
  const id = Number((await link.textContent())!.replace('mission ', ''));
  await link.click();
  await expect(page.getByTestId('mission-title')).toContainText('Bridge survey');
  await expect(page.getByTestId('budget')).toHaveText('60.5 PEER');

  // Dave and Eve commit from the mission page.
  for (const [who, share, receive] of [
    ['Dave', '60', '24 PEER + 12.3 PEER'],
    ['Eve', '40', '16 PEER + 8.2 PEER'],
  ]) {
    await chooseAccount(page, who);
    const form = page.getByTestId('commit-form');
    await form.getByLabel('Share in %').fill(share);
    await expect(form).toContainText(`You would receive ${receive}`);
    await form.getByRole('button', { name: 'Commit' }).click();
    await txDone(page, `Commit to mission ${id}`);
    await expect(page.getByTestId(`commitment-${dev(who).address}`)).toContainText('pending');
  }

  // The list's filters: Eve committed, so it is hers and still recruiting;
  // Ferdie (no commitment, not the owner) finds it open to him; Alice, the
  // owner, finds it among hers.
  await goto(page, 'missions');
  const row = page.getByTestId(`mission-row-${id}`);
  for (const [who, filter, shown] of [
    ['Eve', 'Mine', true],
    ['Eve', 'Recruiting', true],
    ['Eve', 'Open to me', false],
    ['Ferdie', 'Open to me', true],
    ['Ferdie', 'Mine', false],
    ['Alice', 'Mine', true],
    ['Alice', 'Open to me', false],
  ] as const) {
    await chooseAccount(page, who);
    await page.getByRole('group', { name: 'Filter' }).getByRole('button', { name: filter }).click();
    if (shown) await expect(row).toBeVisible();
    else await expect(row).toHaveCount(0);
  }
  await page.getByRole('group', { name: 'Filter' }).getByRole('button', { name: 'All' }).click();
  await expect(row).toContainText('Alice Labs');
  await expect(row).toContainText('0 / 2');
  await goto(page, `mission/${id}`);

  // Alice accepts both and proposes the terms. The tab's title counts what
  // awaits her: at least the two commitments.
  await chooseAccount(page, 'Alice');
  await expect
    .poll(async () => Number((await page.title()).match(/^\((\d+)\) Peer/)?.[1] ?? 0))
    .toBeGreaterThanOrEqual(2);
  for (const who of [dave, eve]) {
    await page.getByTestId(`commitment-${who.address}`).getByRole('button', { name: 'Accept' }).click();
    await txDone(page, 'Accept commitment');
    await expect(page.getByTestId(`commitment-${who.address}`)).toContainText('accepted');
  }
  await page.getByRole('button', { name: 'Propose terms' }).click();
  await txDone(page, `Propose terms of mission ${id}`);
  await expect(page.getByTestId('phase')).toHaveText('Agreeing');
  // The page recomputed the terms hash itself and it matches the chain's.
  await expect(page.getByTestId('terms-verified')).toBeVisible();
  const chainTerms = await page.getByTestId('terms-chain').textContent();
  const shots = process.env.BOARD_SCREENSHOTS;
  if (shots) {
    await chooseAccount(page, 'Dave');
    await expect(page.getByTestId('sign-box')).toBeVisible();
    await page.screenshot({ path: `${shots}/mission.png`, fullPage: true });
    await goto(page, 'missions');
    await expect(page.getByTestId(`mission-row-${id}`)).toBeVisible();
    await page.screenshot({ path: `${shots}/missions.png` });
    await goto(page, `mission/${id}`);
  }
  expect(await page.getByTestId('terms-local').textContent()).toBe(chainTerms);

  // Both sign what the page shows.
  for (const who of ['Dave', 'Eve']) {
    await chooseAccount(page, who);
    const box = page.getByTestId('sign-box');
    await expect(box).toContainText(chainTerms!);
    await expect(box).toContainText('40 PEER + 20.5 PEER');
    await box.getByRole('button', { name: 'Sign these terms' }).click();
    await txDone(page, `Sign terms of mission ${id}`);
  }
  await expect(page.getByTestId('phase')).toHaveText('Active');

  // Each delivers a milestone as a file: only its hash goes on chain.
  const files = [
    { who: 'Dave', index: 0, name: 'survey.pdf', body: 'north bridge: 14 piers, all sound' },
    { who: 'Eve', index: 1, name: 'report.pdf', body: 'the report, final' },
  ];
  for (const f of files) {
    await chooseAccount(page, f.who);
    const form = page.getByTestId(`deliver-${f.index}`);
    await form
      .getByLabel(`Deliverable file for milestone ${f.index + 1}`)
      .setInputFiles({ name: f.name, mimeType: 'application/pdf', buffer: Buffer.from(f.body) });
    await expect(form).toContainText(f.name);
    await form.getByPlaceholder('https://…').fill(`https://files.example/${f.name}`);
    await form.getByRole('button', { name: 'Submit deliverable' }).click();
    await txDone(page, `Deliver milestone ${f.index + 1}`);
    await expect(page.getByTestId(`milestone-status-${f.index}`)).toHaveText('awaiting review');
  }
  const d0 = await chain().query.Missions.Deliverables.getValue(id, 0, { at: 'best' });
  const { blake2 } = await import('../src/lib/hash');
  expect(d0?.content_hash).toBe(blake2(Buffer.from(files[0].body)));

  // Alice approves both; the payouts are exact.
  await chooseAccount(page, 'Alice');
  const before = { dave: await free(dave.address), eve: await free(eve.address) };
  const bond = (await chain().query.Missions.Commitments.getValue(id, dave.address, { at: 'best' }))!.bond;
  await page.getByTestId('milestone-0').getByRole('button', { name: 'Approve and pay' }).click();
  let events = await txDone(page, 'Approve milestone 1');
  expect(events).toMatch(/RewardPaid.*who Dave.*amount 24 PEER/);
  expect(events).toMatch(/RewardPaid.*who Eve.*amount 16 PEER/);
  await expect(page.getByTestId('paid')).toHaveText('40 PEER');
  await expect(page.getByTestId('milestone-status-0')).toHaveText('paid');
  await page.getByTestId('milestone-1').getByRole('button', { name: 'Approve and pay' }).click();
  events = await txDone(page, 'Approve milestone 2');
  expect(events).toMatch(/RewardPaid.*who Dave.*amount 12.3 PEER/);
  expect(events).toMatch(/RewardPaid.*who Eve.*amount 8.2 PEER/);
  expect(events).toContain('MissionCompleted');
  await expect(page.getByTestId('mission-gone')).toBeVisible();

  // The chain agrees to the planck: payouts plus the bond released.
  expect((await free(dave.address)) - before.dave).toBe(24n * UNIT + 12_300_000_000_000n + bond);
  expect((await free(eve.address)) - before.eve).toBe(16n * UNIT + 8_200_000_000_000n + bond);
  // Dave and Eve are not members: paid in full, they keep no reputation record
  // (nobody paid a deposit for one; docs/SECURITY.md, finding 30).
  const rep = await chain().apis.ReputationApi.reputation(dave.address, { at: 'best' });
  expect(rep.record.total_earned).toBe(0n);
  expect(rep.score).toBe(0);

  // Dave's home page shows nothing waiting and his reputation.
  await chooseAccount(page, 'Dave');
  await goto(page, '');
  await expect(page.getByTestId('nothing-awaits')).toBeVisible();
  await expect(page.getByTestId('no-record')).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/home.png`, fullPage: true });
});
