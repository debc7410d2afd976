// A budget that grows by consent: Alice adds to the milestone of a mission at work;
// the signed terms stand until Dave, alone on the roster, agrees in the board.
import { test, expect } from '@playwright/test';
import { activeMission, chain, chooseAccount, closeChain, dev, h, openAs, submit, txDone } from './board';

test.afterAll(closeChain);

test('a top-up of a mission at work binds once the roster agrees', async ({ page }) => {
  const id = await activeMission('Harbour survey');
  await openAs(page, 'Alice', `mission/${id}`);
  await expect(page.getByTestId('budget')).toHaveText('10 PEER');
  const form = page.getByTestId('amend-form');
  await form.getByLabel('Top-up amount').fill('0');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('error-topup')).toContainText('Must be more than zero.');
  await form.getByLabel('Top-up amount').fill('5');
  await form.getByRole('button', { name: 'Add' }).click();
  await txDone(page, `Add to the budget of mission ${id}`);
  const box = page.getByTestId('amendment');
  await expect(box).toContainText('Milestone 1: +5 PEER');
  await expect(box).toContainText('Agreed: 0 of 1');
  // The signed terms stand until Dave agrees.
  await expect(page.getByTestId('budget')).toHaveText('10 PEER');
  await chooseAccount(page, 'Dave');
  await expect(box).toContainText('recomputed here');
  await box.getByRole('button', { name: 'Agree to this change' }).click();
  await txDone(page, `Agree to the change of mission ${id}`);
  await expect(page.getByTestId('budget')).toHaveText('15 PEER');
  await expect(page.getByTestId('amendment')).toHaveCount(0);
  const m = await chain().query.Missions.LiveMissions.getValue(id, { at: 'best' });
  expect(m!.budget).toBe(15n * 10n ** 12n);
  // Finished, so that nothing is left awaiting Dave for the other specs.
  await submit(
    chain().tx.Missions.submit_deliverable({ mission: id, milestone: 0, content_hash: h('dd'), uri: undefined }),
    dev('Dave'),
  );
  await submit(chain().tx.Missions.approve_milestone({ mission: id, milestone: 0 }), dev('Alice'));
  expect(await chain().query.Missions.LiveMissions.getValue(id, { at: 'best' })).toBeUndefined();
});
