// Korean and English: a browser that prefers Korean gets the board in Korean
// (the page's language, its navigation, the home page, times in Korean words);
// the member's switch to English is remembered. Not every page is translated
// yet (docs/MEMBERS.md says which).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { closeChain, dev, goto, postMission } from './board';

test.afterAll(closeChain);
test.use({ locale: 'ko-KR' });

test('a Korean browser gets the board in Korean, and the switch to English is remembered', async ({ page }) => {
  const rpc = process.env.PEER_RPC!;
  await page.goto(`${process.env.BOARD_URL}?rpc=${encodeURIComponent(rpc)}#/`);
  await page
    .getByTestId('link-endpoint')
    .getByRole('button', { name: `Use ${rpc}` })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('navigation')).toContainText('내 할 일');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peer · 미션 보드');
  await expect(page.getByTestId('chain-status')).toContainText('확정 #');
  const alice = dev('Alice').address;
  await page.getByLabel('계정', { exact: true }).selectOption({ value: alice });
  await expect(page.getByRole('heading', { name: '잔액' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '평판' })).toBeVisible();
  await expect(page.getByText('사용 가능')).toBeVisible();
  // Nothing serious for axe-core in Korean either.
  const found = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(found.map((v) => v.id)).toEqual([]);

  // A mission's page in Korean: its parts, its phase, the deadline in Korean words.
  const id = await postMission('한국어 미션');
  await goto(page, `mission/${id}`);
  await expect(page.getByTestId('phase')).toHaveText('모집 중');
  await expect(page.getByRole('heading', { name: '마일스톤' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '할 수 있는 일' })).toBeVisible();
  await expect(page.getByTestId('mission')).toContainText('후, 블록 #');
  const onMission = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(onMission.map((v) => v.id)).toEqual([]);

  await page.getByLabel('언어').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation')).toContainText('Awaiting me');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peer · mission board');
  await expect(page.getByRole('heading', { name: 'What you can do' })).toBeVisible();
  await expect(page.getByTestId('phase')).toHaveText('Recruiting');
});
