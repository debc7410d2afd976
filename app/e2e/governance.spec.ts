// Governance in the board: a rejected milestone disputed and settled by a
// split verdict the council proposes, votes and closes in the UI; an
// applicant admitted by a council motion made in the UI.
import { test, expect } from '@playwright/test';
import { chain, chooseAccount, closeChain, deliveredMission, dev, free, goto, openAs, txDone, UNIT } from './board';

test.afterAll(closeChain);

test('a rejected milestone is disputed and the council settles it with a split, all in the board', async ({ page }) => {
  const id = await deliveredMission('Disputed audit');
  const dave = dev('Dave');

  // Alice rejects with reasons: their hash goes on chain (no store chosen here: she sends the text).
  await openAs(page, 'Alice', `mission/${id}`);
  await page.getByTestId('milestone-0').getByRole('button', { name: 'Reject…' }).click();
  await page.getByTestId('milestone-0').getByRole('textbox').fill('Piers 3 and 4 are missing from the survey.');
  await page.getByTestId('milestone-0').getByRole('button', { name: 'Reject', exact: true }).click();
  await txDone(page, 'Reject milestone 1');
  await expect(page.getByTestId('reject-note')).toContainText('their text in the document store');
  await expect(page.getByTestId('milestone-status-0')).toContainText('rejected');

  // Dave checks the reasons Alice sent him against the hash on chain.
  await chooseAccount(page, 'Dave');
  const received = page.getByTestId('milestone-0').getByLabel('Reasons received');
  await received.fill('Piers 3 and 4 are missing.');
  await expect(page.getByTestId('milestone-0')).toContainText('not the text the owner hashed');
  await received.fill('Piers 3 and 4 are missing from the survey.');
  await expect(page.getByTestId('milestone-0')).toContainText('these are the reasons the owner rejected with');

  // Dave disputes from his to-do list.
  await goto(page, '');
  const todo = page.locator('.todo li', { hasText: `mission ${id}` }).filter({ hasText: 'was rejected' });
  await todo.getByRole('button', { name: 'Dispute' }).click();
  await txDone(page, 'Dispute milestone 1');

  // Alice proposes a 30 % split; her aye counts.
  await chooseAccount(page, 'Alice');
  await goto(page, 'council');
  const propose = page.getByTestId('propose');
  await propose.getByLabel('Motion').selectOption('dispute');
  await propose.getByLabel('Disputed milestone').selectOption(`${id}/0`);
  await propose.getByLabel('Verdict').selectOption('Split');
  await propose.getByLabel('Split').fill('30');
  await expect(propose.getByTestId('split')).toHaveText('30 %');
  await propose.getByRole('button', { name: 'Propose' }).click();
  await txDone(page, `Propose: Resolve dispute on mission ${id}`);
  const motion = page.locator('[data-testid^="motion-"]', { hasText: `mission ${id}` });
  // The proposal in words, not hex.
  await expect(motion).toContainText(`Missions.resolve_dispute(mission ${id}, milestone 0, verdict Split (30 %))`);
  await expect(motion).toContainText('Ayes 1 / needed 2');

  // Bob votes aye and closes it: the bounds are computed by the page.
  await chooseAccount(page, 'Bob');
  await motion.getByRole('button', { name: 'Vote aye' }).click();
  await txDone(page, /Vote aye on motion/);
  await expect(motion).toContainText('Ayes 2 / needed 2');
  const before = await free(dave.address);
  await motion.getByRole('button', { name: 'Close and execute' }).click();
  const events = await txDone(page, /Close motion/);
  expect(events).toContain('Council.Executed');
  expect(events).toMatch(/DisputeResolved.*verdict Split \(30 %\)/);
  expect(events).toMatch(/RewardPaid.*who Dave.*amount 3 PEER/);
  expect(events).toContain('MissionCompleted');
  // 30 % of 10 PEER, and the bond back: to the planck.
  const bond = 10_000_000_000n; // the chain's minimum bond, the mission asked for no more
  expect((await free(dave.address)) - before).toBe(3n * UNIT + bond);
});

test('an applicant is admitted by a council motion made in the board', async ({ page }) => {
  await openAs(page, 'Ferdie', 'council');
  const form = page.getByTestId('apply-form');
  await form.getByLabel('Applicant name').fill('Ferdie Consulting');
  await form.getByLabel('Kind').selectOption('Individual');
  await form.getByRole('button', { name: /Apply/ }).click();
  await txDone(page, 'Apply as “Ferdie Consulting”');
  await expect(page.getByTestId('applications')).toContainText('Ferdie Consulting');

  await chooseAccount(page, 'Alice');
  const propose = page.getByTestId('propose');
  await propose.getByLabel('Motion').selectOption('admit');
  await propose.getByLabel('Applicant').selectOption({ label: 'Ferdie Consulting' });
  await propose.getByRole('button', { name: 'Propose' }).click();
  await txDone(page, 'Propose: Admit Ferdie Consulting');
  const motion = page.locator('[data-testid^="motion-"]', { hasText: 'Consortium.admit' });
  await expect(motion).toContainText('Ayes 1 / needed 3');
  for (const who of ['Bob', 'Charlie']) {
    await chooseAccount(page, who);
    await motion.getByRole('button', { name: 'Vote aye' }).click();
    await txDone(page, /Vote aye on motion/);
  }
  await motion.getByRole('button', { name: 'Close and execute' }).click();
  const events = await txDone(page, /Close motion/);
  expect(events).toContain('Consortium.Admitted');
  await expect(page.getByTestId('members')).toContainText('Ferdie Consulting');
  expect(await chain().query.Consortium.Members.getValue(dev('Ferdie').address, { at: 'best' })).toBeTruthy();
});
