// A mission paid in a council-created 6-decimal asset, in the board: Alice picks
// the asset when posting, every amount shows in it, Dave is paid in it to the unit,
// and his home page shows the holding.
import { test, expect } from '@playwright/test';
import {
  assetBalance,
  chain,
  chooseAccount,
  closeChain,
  councilCreatesAsset,
  dev,
  goto,
  h,
  openAs,
  submit,
  txDone,
} from './board';

test.afterAll(closeChain);

test("a mission paid in a bank's USD token, posted and paid in the board", async ({ page }) => {
  const usd = 7;
  await councilCreatesAsset(usd, {
    name: 'Korea Bank USD',
    symbol: 'USD',
    decimals: 6,
    minBalance: 10_000n,
    minimumBudget: 1_000_000n,
    issue: 100_000_000n,
  });
  const [alice, dave] = [dev('Alice'), dev('Dave')];

  await openAs(page, 'Alice', 'post');
  await page.getByLabel('Title').fill('Customs filing');
  await page.getByLabel('Description', { exact: true }).fill('File the export papers.');
  await page.getByLabel('Paid in').selectOption({ label: 'USD — Korea Bank USD' });
  await page.getByLabel('Milestone 1 description').fill('Filed papers');
  // Seven decimals are one too many for USD; below the asset's minimum budget is refused.
  const amount = page.getByLabel('Milestone 1 amount');
  await amount.fill('2.0000001');
  await page.getByRole('button', { name: 'Post the mission' }).click();
  await expect(page.getByTestId('error-ms-amount-0')).toContainText('At most 6 decimals');
  await amount.fill('0.5');
  await page.getByRole('button', { name: 'Post the mission' }).click();
  await expect(page.getByTestId('error-milestones')).toContainText('the minimum budget is 1 USD');
  await amount.fill('2.500001');
  await expect(page.getByTestId('budget-sum')).toContainText('2.500001 USD');
  await page.getByLabel('Open to non-members').check();
  await page.getByRole('button', { name: 'Post the mission' }).click();
  await txDone(page, 'Post “Customs filing”');
  const link = page.getByTestId('posted').getByRole('link');
  const id = Number((await link.textContent())!.replace('mission ', ''));
  expect(await assetBalance(usd, alice.address)).toBe(100_000_000n - 2_500_001n);
  await link.click();
  await expect(page.getByTestId('budget')).toHaveText('2.500001 USD');

  // Dave commits, is accepted, signs and delivers (from Node: not what this test is about).
  const api = chain();
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
  await submit(
    api.tx.Missions.submit_deliverable({ mission: id, milestone: 0, content_hash: h('dd'), uri: undefined }),
    dave,
  );

  // Alice approves in the board; Dave is paid in USD, to the unit.
  await goto(page, `mission/${id}`);
  await expect(page.getByTestId('milestone-0')).toContainText('2.500001 USD');
  await page.getByTestId('milestone-0').getByRole('button', { name: 'Approve and pay' }).click();
  await txDone(page, 'Approve milestone 1');
  expect(await assetBalance(usd, dave.address)).toBe(2_500_001n);
  await chooseAccount(page, 'Dave');
  await goto(page, '');
  await expect(page.getByTestId(`holding-${usd}`)).toContainText('2.500001 USD');
});
