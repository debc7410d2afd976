// The board's static server answers malformed and hostile paths with an error
// status and keeps serving; it sends the precompressed files a browser accepts,
// caches hashed assets and revalidates the page, and every answer carries the
// security headers with the endpoints it was given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { boardServer, cspSource, encodingsFor, securityHeaders } from './serve.mjs';
import { compress } from './compress.mjs';

const root = mkdtempSync(join(tmpdir(), 'peer-serve-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>board</title>');
writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
const big = `export const words = ${JSON.stringify('the board '.repeat(500))};`;
writeFileSync(join(root, 'assets', 'big-abcd.js'), big);
writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
compress(root);
const server = boardServer(root, {
  connect: ['wss://node.example.org/rpc', 'http://127.0.0.1:8090', 'ws://127.0.0.1:*'],
});
let port = 0;

/** GET `path` exactly as written (no normalisation by a URL parser). */
const request = (path, headers = {}) =>
  new Promise((done, fail) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        done({ status: res.statusCode, headers: res.headers, raw, body: raw.toString() });
      });
    }).on('error', fail);
  });

beforeAll(
  () =>
    new Promise((done) =>
      server.listen(0, '127.0.0.1', () => {
        port = server.address().port;
        done();
      }),
    ),
);
afterAll(() => new Promise((done) => server.close(done)));

describe('serve.mjs', () => {
  it('serves the build', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    const js = await request('/assets/app-1234.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    const icon = await request('/favicon.svg');
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('sends brotli or gzip as the browser accepts, the same bytes either way', async () => {
    const plain = await request('/assets/big-abcd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(big);
    const br = await request('/assets/big-abcd.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.raw.length).toBeLessThan(big.length / 10);
    expect(brotliDecompressSync(br.raw).toString()).toBe(big);
    const gz = await request('/assets/big-abcd.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.raw).toString()).toBe(big);
    // Refused by q=0, or too small to have been compressed: sent as it is.
    expect(
      (await request('/assets/big-abcd.js', { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding'],
    ).toBeUndefined();
    expect(
      (await request('/assets/app-1234.js', { 'accept-encoding': 'br' })).headers['content-encoding'],
    ).toBeUndefined();
    expect(encodingsFor('*').map(([n]) => n)).toEqual(['br', 'gzip']);
    expect(encodingsFor('identity')).toEqual([]);
  });

  it('lets the board run only its own scripts and reach only the endpoints given', async () => {
    for (const path of ['/', '/assets/app-1234.js', '/missing.js', '/%']) {
      const res = await request(path);
      const csp = res.headers['content-security-policy'];
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("connect-src 'self' wss://node.example.org http://127.0.0.1:8090 ws://127.0.0.1:*");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
    }
    expect(cspSource('ws://127.0.0.1:9944/')).toBe('ws://127.0.0.1:9944');
    // An endpoint that would end the source or the policy is refused.
    for (const bad of ["ws://x; script-src 'unsafe-inline'", 'ws://a b', ''])
      expect(() => securityHeaders([bad])).toThrow();
    expect(
      await new Promise((done) => {
        const r = get({ host: '127.0.0.1', port, path: '/', method: 'POST' }, (res) => {
          res.resume();
          done(res.statusCode);
        });
        r.end();
      }),
    ).toBe(405);
  });

  it('answers a malformed path with 400 and stays up', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%00', '/a%00b']) {
      const res = await request(path);
      expect(res.status, path).toBe(400);
    }
    expect((await request('/')).status).toBe(200);
  });

  it('never serves a file outside the build', async () => {
    for (const path of [
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      const res = await request(path);
      expect([403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('root:');
    }
    expect((await request('/missing.js')).status).toBe(404);
    expect((await request('/')).status).toBe(200);
  });
});
