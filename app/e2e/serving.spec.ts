// How the board is served (scripts/serve.mjs): compressed for a browser that
// accepts it, a favicon, and a Content-Security-Policy the browser enforces —
// an injected inline script does not run, a connection to an endpoint the
// policy does not list is refused — while the board itself works under it.
import { test, expect } from '@playwright/test';
import { boardUrl, closeChain, openLink } from './board';

test.afterAll(closeChain);

test('the board is served compressed, with a favicon, under a policy the browser enforces', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const assets: Record<string, string | undefined> = {};
  page.on('response', (r) => {
    if (r.url().includes('/assets/') && r.url().endsWith('.js')) assets[r.url()] = r.headers()['content-encoding'];
  });
  const res = await page.goto(boardUrl());
  const csp = res!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self' ws://127.0.0.1:* http://127.0.0.1:*");
  await openLink(page);
  // Chromium asks for brotli: every script came compressed.
  expect(Object.keys(assets).length).toBeGreaterThan(0);
  for (const [url, encoding] of Object.entries(assets)) expect(encoding, url).toBe('br');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', './favicon.svg');
  expect((await page.request.get(new URL('favicon.svg', boardUrl()).href)).headers()['content-type']).toBe(
    'image/svg+xml',
  );
  // The board works under the policy: nothing it does is refused.
  expect(violations).toEqual([]);
  // An injected inline script does not run; a connection elsewhere is refused.
  const injected = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(injected).toBe(false);
  const outside = await page.evaluate(() =>
    fetch('http://192.0.2.1:9/').then(
      () => 'reached',
      (e) => String(e),
    ),
  );
  expect(outside).not.toBe('reached');
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
});
