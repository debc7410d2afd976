// The board's static server answers malformed and hostile paths with an error
// status and keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boardServer } from './serve.mjs';

const root = mkdtempSync(join(tmpdir(), 'peer-serve-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>board</title>');
writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
const server = boardServer(root);
let port = 0;

/** GET `path` exactly as written (no normalisation by a URL parser). */
const request = (path) =>
  new Promise((done, fail) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body }));
    }).on('error', fail);
  });

beforeAll(() => new Promise((done) => server.listen(0, '127.0.0.1', () => { port = server.address().port; done(); })));
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
  });

  it('answers a malformed path with 400 and stays up', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%00', '/a%00b']) {
      const res = await request(path);
      expect(res.status, path).toBe(400);
    }
    expect((await request('/')).status).toBe(200);
  });

  it('never serves a file outside the build', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      const res = await request(path);
      expect([403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('root:');
    }
    expect((await request('/missing.js')).status).toBe(404);
    expect((await request('/')).status).toBe(200);
  });
});
