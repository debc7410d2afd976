// Every page of the board on a phone (390 × 844) and for everyone: nothing
// overflows the screen sideways, and axe-core (WCAG 2.0/2.1 A and AA rules)
// finds no serious or critical violation. Each page is visited as a member who
// can act on it, so that its forms and buttons are checked too.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { chooseAccount, closeChain, deliveredMission, goto, openAs } from './board';

test.afterAll(closeChain);
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** How far the page reaches past the screen's right edge, in CSS pixels, and the outermost elements that do. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    // Inside a region that scrolls (and itself fits), an element may be as wide as it likes.
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= edge + 0.5) return true;
      }
      return false;
    };
    const past = [...document.querySelectorAll('body *')].filter(
      (e) => e.getBoundingClientRect().right > edge + 0.5 && !clipped(e),
    );
    // Only the outermost: an element whose parent also reaches past adds nothing.
    const outer = past.filter((e) => !past.includes(e.parentElement as Element));
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}`;
    const wide = document.documentElement.scrollWidth - edge;
    return wide > 0 ? `${wide} px wider than the screen (${outer.slice(0, 4).map(name).join(', ')})` : '';
  });

/** axe-core's serious and critical findings, each with the elements it found. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every page fits a phone and axe-core finds nothing serious', async ({ page }) => {
  const id = await deliveredMission('Phone check');
  await openAs(page, 'Alice', '');
  const pages: [string, string, string?][] = [
    ['', 'Awaiting me'],
    ['missions', 'Missions', 'missions'],
    [`mission/${id}`, 'a mission to review', 'mission'],
    ['post', 'Post a mission'],
    ['council', 'Consortium & council'],
    ['history', 'History'],
    ['statement', 'Statement'],
    ['approvals', 'Approvals'],
    ['firm', 'Firm', 'firm'],
  ];
  const found: string[] = [];
  for (const [route, name, testId] of pages) {
    await goto(page, route);
    if (testId) await expect(page.getByTestId(testId).first()).toBeVisible();
    else await page.waitForTimeout(500);
    const wide = await overflow(page);
    if (wide) found.push(`${name}: ${wide}`);
    for (const v of await violations(page)) found.push(`${name}: ${v}`);
  }
  // Dave, on the roster, sees the mission's other side (deliver, abandon).
  await chooseAccount(page, 'Dave');
  await goto(page, `mission/${id}`);
  await expect(page.getByTestId('mission')).toBeVisible();
  const wide = await overflow(page);
  if (wide) found.push(`a mission to deliver: ${wide}`);
  for (const v of await violations(page)) found.push(`a mission to deliver: ${v}`);
  expect(found).toEqual([]);
});
