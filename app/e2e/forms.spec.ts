// Bad input never reaches the chain: a message beside the field and the
// account's nonce unchanged. A call the chain refuses shows its error name
// and the error's doc text from the metadata.
import { test, expect, type Page } from '@playwright/test';
import { chain, chooseAccount, closeChain, dev, goto, nonce, openAs, postMission, txDone } from './board';

test.afterAll(closeChain);

/** Runs `act`, then checks that `field`'s message says `message` and that nothing was sent. */
async function refused(page: Page, address: string, field: string, message: string | RegExp, act: () => Promise<void>) {
  const before = await nonce(address);
  const cards = await page.getByTestId('tx').count();
  await act();
  await expect(page.getByTestId(`error-${field}`)).toContainText(message);
  await page.waitForTimeout(300);
  expect(await page.getByTestId('tx').count()).toBe(cards);
  expect(await nonce(address)).toBe(before);
}

test('every bad input on the post form is refused beside its field, nothing sent', async ({ page }) => {
  const alice = dev('Alice').address;
  await openAs(page, 'Alice', 'post');
  const post = () => page.getByRole('button', { name: 'Post the mission' }).click();
  const amount = page.getByLabel('Milestone 1 amount');
  await page.getByLabel('Milestone 1 description').fill('Work');
  await page.getByLabel('Description', { exact: true }).fill('What to do.');

  await refused(page, alice, 'title', 'Give the mission a title.', post);
  await page.getByLabel('Title').fill('Checks');
  await amount.fill('0');
  await refused(page, alice, 'ms-amount-0', 'Must be more than zero.', post);
  await amount.fill('12,5');
  await refused(page, alice, 'ms-amount-0', 'Use digits', post);
  await amount.fill('1.0000000000001');
  await refused(page, alice, 'ms-amount-0', 'At most 12 decimals', post);
  await amount.fill('0.5');
  await refused(page, alice, 'milestones', 'the minimum budget is 1 PEER', post);
  await amount.fill('100000000');
  await refused(page, alice, 'milestones', 'is more than your free balance', post);
  await amount.fill('10');
  await page.getByLabel('Deadline').fill('2020-01-01T12:00');
  await refused(page, alice, 'deadline', 'The deadline must be in the future.', post);
  await page.getByLabel('Deadline').fill('2099-01-01T12:00');
  await refused(page, alice, 'deadline', 'At most 365 days ahead.', post);
  // Too near for the minimum working time (an hour on the development chain).
  await page.getByLabel('Deadline').fill(new Date(Date.now() + 10 * 60_000).toISOString().slice(0, 16));
  await refused(page, alice, 'deadline', 'At least 1 hour ahead', post);
  await page.getByLabel('Deadline').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16));
  for (let i = 1; i < 17; i++) {
    await page.getByRole('button', { name: 'Add a milestone' }).click();
    await page.getByLabel(`Milestone ${i + 1} description`).fill(`Part ${i + 1}`);
    await page.getByLabel(`Milestone ${i + 1} amount`).fill('1');
  }
  await refused(page, alice, 'milestones', 'At most 16 milestones.', post);
  await page.getByRole('button', { name: 'Remove milestone 17' }).click();
  await page.getByLabel('Minimum bond').fill('-3');
  await refused(page, alice, 'minBond', 'Use digits', post);
  await page.getByLabel('Minimum bond').fill('');
  // Only what the board would open as a link: https: and ipfs: (SECURITY.md, finding 19).
  for (const bad of ['not a link', 'javascript:alert(1)', 'http://alice.example/spec']) {
    await page.getByLabel('URI').fill(bad);
    await refused(page, alice, 'uri', 'An https:// or ipfs:// address.', post);
  }

  // Dave is not a member: the board says so before signing anything.
  await page.getByLabel('URI').fill('');
  await chooseAccount(page, 'Dave');
  await refused(page, dev('Dave').address, 'account', 'Only consortium members may post missions', post);
});

test('bad input on the mission, council and connection forms is refused, nothing sent', async ({ page }) => {
  const id = await postMission('Form checks');
  const dave = dev('Dave').address;
  await openAs(page, 'Dave', `mission/${id}`);
  const form = page.getByTestId('commit-form');
  const commit = () => form.getByRole('button', { name: 'Commit' }).click();
  await refused(page, dave, 'share', 'Enter a share in %.', commit);
  await form.getByLabel('Share in %').fill('150');
  await refused(page, dave, 'share', 'A share cannot be more than 100 %.', commit);
  await form.getByLabel('Share in %').fill('0');
  await refused(page, dave, 'share', 'A share must be more than 0 %.', commit);
  await form.getByLabel('Share in %').fill('sixty');
  await refused(page, dave, 'share', 'A percentage like 60', commit);

  // The council's forms.
  await goto(page, 'council');
  const apply = page.getByTestId('apply-form');
  await refused(page, dave, 'apply-name', 'The name members will know you by.', () =>
    apply.getByRole('button', { name: /Apply/ }).click(),
  );
  await chooseAccount(page, 'Alice');
  const propose = page.getByTestId('propose');
  await refused(page, dev('Alice').address, 'motion', 'Choose an applicant.', () =>
    propose.getByRole('button', { name: 'Propose' }).click(),
  );
  await propose.getByLabel('Motion').selectOption('parameter');
  await propose.getByLabel('Parameter value').fill('1.5.5');
  await refused(page, dev('Alice').address, 'motion', 'Use digits', () =>
    propose.getByRole('button', { name: 'Propose' }).click(),
  );

  // The endpoint.
  await page.getByLabel('Node endpoint').fill('http://example');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('error-endpoint')).toContainText('A WebSocket address');
});

test('a call the chain refuses shows its error name and doc text', async ({ page }) => {
  const id = await postMission('Form checks', { min_reputation: 1000 });
  await openAs(page, 'Bob', `mission/${id}`);
  await page.getByTestId('commit-form').getByLabel('Share in %').fill('100');
  await page.getByTestId('commit-form').getByRole('button', { name: 'Commit' }).click();
  await txDone(page, `Commit to mission ${id}`, 'failed');
  const error = page.getByTestId('tx-error').first();
  await expect(error).toContainText('Missions.ReputationTooLow');
  await expect(error).toContainText("The account's reputation is below the mission's minimum.");
  // The card names the node the transaction went through.
  await expect(page.getByTestId('tx-endpoint').first()).toContainText(process.env.PEER_RPC!);
  expect(await chain().query.Missions.Commitments.getValue(id, dev('Bob').address, { at: 'best' })).toBeUndefined();
});

test('an address from the chain is a link only for https: and ipfs:, and shows its text', async ({ page }) => {
  // Another client posts what it likes: the chain takes any bytes as a URI.
  const hostile = await postMission('Hostile link', { uri: 'javascript:alert(document.domain)' });
  await openAs(page, 'Bob', `mission/${hostile}`);
  const shown = page.getByTestId('unsafe-link');
  await expect(shown).toContainText('javascript:alert(document.domain)');
  await expect(shown).toContainText('not opened');
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  const fine = await postMission('Fine link', { uri: 'https://alice.example/spec' });
  await goto(page, `mission/${fine}`);
  const link = page.getByTestId('chain-link');
  await expect(link).toHaveText('https://alice.example/spec');
  await expect(link).toHaveAttribute('href', 'https://alice.example/spec');
  await expect(link).toHaveAttribute('rel', /noopener/);
  // The connection bar names the node in use.
  await expect(page.getByTestId('endpoint')).toHaveText(process.env.PEER_RPC!);
});
