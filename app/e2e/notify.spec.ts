// Told what awaits: a member who opts in on the home page (the browser's
// permission granted) gets a notification when something new awaits the
// chosen account — here a commitment to accept — and none for what already
// awaited when the board opened.
import { test, expect } from '@playwright/test';
import { chain, closeChain, dev, h, openAs, postMission, submit } from './board';

test.afterAll(closeChain);
test.use({ permissions: ['notifications'] });

test('a new awaiting action raises a notification once the member opts in', async ({ page }) => {
  // Every notification the page raises is kept where the test can read it.
  await page.addInitScript(() => {
    const Real = window.Notification;
    const notes: { title: string; body?: string }[] = [];
    (window as unknown as { notes: typeof notes }).notes = notes;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        notes.push({ title, body: options?.body });
        super(title, options);
      }
    }
    window.Notification = Recorded as typeof Notification;
  });
  const notes = () => page.evaluate(() => (window as unknown as { notes: { title: string; body?: string }[] }).notes);

  const id = await postMission('Notified');
  await openAs(page, 'Alice', '');
  const toggle = page.getByTestId('notify').getByRole('checkbox');
  await toggle.click();
  await expect(toggle).toBeChecked();
  // Dave commits from Node: Alice has a commitment to decide.
  await submit(
    chain().tx.Missions.commit({ mission: id, share: 500_000_000, role_hash: h('cc'), max_bond: 2n ** 128n - 1n }),
    dev('Dave'),
  );
  await expect.poll(notes, { timeout: 60_000 }).toHaveLength(1);
  const [note] = await notes();
  expect(note.title).toBe('Peer · Alice Labs');
  expect(note.body).toBe(`Dave committed to mission ${id}: accept or turn down.`);

  // The choice is remembered; turned off, nothing more is announced.
  await page.reload();
  await expect(page.getByTestId('notify').getByRole('checkbox')).toBeChecked();
  await page.getByTestId('notify').getByRole('checkbox').click();
  await expect(page.getByTestId('notify').getByRole('checkbox')).not.toBeChecked();
  await submit(
    chain().tx.Missions.commit({ mission: id, share: 500_000_000, role_hash: h('cd'), max_bond: 2n ** 128n - 1n }),
    dev('Eve'),
  );
  await expect(page.locator('.todo li', { hasText: `committed to mission ${id}.` })).toHaveCount(2);
  expect(await notes()).toHaveLength(0);
});
