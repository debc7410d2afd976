// The history and statement pages, fed by peer-indexer: a mission completed
// from Node is found among the finished ones with its timeline, and Dave's
// statement shows his payout and offers the CSV; bad input is refused beside
// its field.
import { test, expect } from '@playwright/test';
import { chain, chooseAccount, closeChain, deliveredMission, dev, goto, openLink, submit } from './board';

test.afterAll(closeChain);

const indexer = () => process.env.PEER_INDEXER_URL!;

/** Alice's 10 PEER mission, Dave alone on the roster, delivered and approved: set from Node. */
async function completedMission() {
  const id = await deliveredMission('Archived survey');
  await submit(chain().tx.Missions.approve_milestone({ mission: id, milestone: 0 }), dev('Alice'));
  return id;
}

test('finished missions and a statement come from the indexer', async ({ page }) => {
  const id = await completedMission();
  // The indexer follows finalized blocks: wait until it has the completion.
  await expect
    .poll(async () => (await (await fetch(`${indexer()}/missions/${id}`)).json()).status, { timeout: 60_000 })
    .toBe('completed');

  await openLink(page, 'history', `&indexer=${encodeURIComponent(indexer())}`);
  // The indexer the link names is used only once the member says so.
  await expect(page.getByTestId('indexer-setup')).toBeVisible();
  await page.getByTestId('link-indexer').getByRole('button', { name: 'Use this indexer' }).click();
  await chooseAccount(page, 'Dave');
  const row = page.getByTestId(`history-${id}`);
  await expect(row).toContainText('completed');
  await row.getByRole('button', { name: `Mission ${id}` }).click();
  const timeline = page.getByTestId(`timeline-${id}`);
  await expect(timeline).toContainText('MissionCreated');
  await expect(timeline).toContainText('MissionCompleted');
  const names = await timeline.locator('strong').allTextContents();
  expect(names.indexOf('MissionCreated')).toBeLessThan(names.indexOf('MissionActivated'));
  expect(names.indexOf('MissionActivated')).toBeLessThan(names.indexOf('MissionCompleted'));

  // The finished mission's own page, gone from the chain, links to its history.
  await goto(page, `mission/${id}`);
  await page.getByTestId('mission-history-link').click();
  const one = page.getByTestId(`history-mission-${id}`);
  await expect(one.getByTestId('history-status')).toHaveText('completed');
  await expect(one.getByTestId(`timeline-${id}`)).toContainText('MissionCompleted');

  await goto(page, 'statement');
  // A reversed period is refused beside its field, and nothing is shown.
  await page.getByLabel('From').fill('2999-01-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('error-statement-to')).toContainText('before the start');
  await expect(page.getByTestId('statement-lines')).toHaveCount(0);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('From').fill('2020-01-01');
  await page.getByLabel('To').fill(today);
  await page.getByRole('button', { name: 'Show' }).click();
  const lines = page.getByTestId('statement-lines');
  await expect(lines).toContainText('payout received');
  await expect(lines.locator(`tr[data-kind="payout received"][data-mission="${id}"]`)).toContainText('10.000000000000');
  const csv = await page.getByTestId('statement-csv').getAttribute('href');
  expect(csv).toContain('format=csv');
  const text = await (await fetch(csv!)).text();
  expect(text).toContain(`payout received,${id},PEER,10.000000000000,0.000000000000`);
});

test('without an indexer the history page asks for one and checks it', async ({ page }) => {
  await openLink(page, 'history');
  const setup = page.getByTestId('indexer-setup');
  await expect(setup).toBeVisible();
  await page.getByLabel('Indexer address').fill('127.0.0.1:8090');
  await page.getByRole('button', { name: 'Use it' }).click();
  await expect(page.getByTestId('error-indexer')).toBeVisible();
  await page.getByLabel('Indexer address').fill(indexer());
  await page.getByRole('button', { name: 'Use it' }).click();
  await expect(page.getByTestId('history')).toBeVisible();
});
