// Serves the built board (dist/, plain static files) on loopback.
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--rpc ws://127.0.0.1:9944]
//                          [--indexer http://127.0.0.1:8090] [--connect 'ORIGIN …']
// Any static host serves dist/ as well; this one needs nothing but Node, and
// sends what a web app should: the precompressed files (brotli or gzip,
// written by scripts/compress.mjs at build time) to a browser that accepts
// them, hashed assets cached for a year and the page revalidated, and security
// headers with a Content-Security-Policy that runs only the board's own
// scripts and lets it reach only the board's origin and the endpoints the
// operator lists: the node (`--rpc`), the indexer (`--indexer`) and any other
// (`--connect`, space-separated sources such as `wss://node.example.org` or
// `ws://127.0.0.1:*`). Without any, the local defaults of scripts/run.sh.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The node and indexer scripts/run.sh starts, when the operator names none. */
export const LOCAL_ENDPOINTS = ['ws://127.0.0.1:9944', 'http://127.0.0.1:8090'];

/**
 * The file under `root` a request path names, or the status to answer instead:
 * 400 for a path that is not valid percent-encoding (or holds a NUL), 403 for one
 * that leaves `root`.
 */
export function resolveRequest(root, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0')) return { status: 400 };
  const clean = normalize(path).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, clean.endsWith('/') ? `${clean}index.html` : clean);
  if (file !== root && !file.startsWith(root + sep)) return { status: 403 };
  return { file };
}

/**
 * A CSP source for an endpoint: a URL becomes its origin (`ws://h:9944/x` →
 * `ws://h:9944`); anything else (`ws://127.0.0.1:*`) is kept as written if it
 * holds no character that would end the source or the policy.
 */
export function cspSource(endpoint) {
  if (/[\s;,'"]/.test(endpoint) || endpoint === '') throw new Error(`not a CSP source: ${JSON.stringify(endpoint)}`);
  try {
    const u = new URL(endpoint);
    if (!u.port.includes('*') && u.host) return `${u.protocol}//${u.host}`;
  } catch {
    // a source with a wildcard, kept as written
  }
  return endpoint;
}

/** The security headers of every answer; `connect` lists the endpoints the board may reach. */
export function securityHeaders(connect) {
  const sources = [...new Set(connect.map(cspSource))];
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${sources.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/** How long a browser keeps a file: the page is revalidated, hashed assets kept a year. */
export function cacheControl(file, root) {
  if (file.endsWith('.html')) return 'no-cache';
  if (file.startsWith(join(root, 'assets') + sep)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=86400';
}

/** The encodings a request accepts, by preference of this server: brotli, then gzip. */
export function encodingsFor(acceptEncoding = '') {
  const accepted = new Map(
    acceptEncoding.split(',').map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return [name, q ? Number(q.slice(2)) : 1];
    }),
  );
  const ok = (name) => (accepted.get(name) ?? (accepted.has('*') ? accepted.get('*') : 0)) > 0;
  return [
    ['br', '.br'],
    ['gzip', '.gz'],
  ].filter(([name]) => ok(name));
}

/**
 * An HTTP server for the build in `root`: it answers every request and never
 * throws. `connect`: the endpoints the Content-Security-Policy lets the board reach.
 */
export function boardServer(root, { connect = LOCAL_ENDPOINTS } = {}) {
  const security = securityHeaders(connect);
  return createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return res
          .writeHead(405, { ...security, allow: 'GET, HEAD', 'content-type': 'text/plain' })
          .end('method not allowed');
      }
      const target = resolveRequest(root, req.url);
      if (target.status)
        return res
          .writeHead(target.status, { ...security, 'content-type': 'text/plain' })
          .end(target.status === 400 ? 'bad request' : 'forbidden');
      let body;
      let encoding;
      for (const [name, suffix] of encodingsFor(req.headers['accept-encoding'])) {
        body = await readFile(target.file + suffix).catch(() => undefined);
        if (body) {
          encoding = name;
          break;
        }
      }
      try {
        body ??= await readFile(target.file);
      } catch {
        return res.writeHead(404, { ...security, 'content-type': 'text/plain' }).end('not found');
      }
      res.writeHead(200, {
        ...security,
        'content-type': types[extname(target.file)] ?? 'application/octet-stream',
        'cache-control': cacheControl(target.file, root),
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        'content-length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('server error');
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = Object.fromEntries(
    process.argv
      .slice(2)
      .reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
  );
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', args.dir ?? 'dist');
  const port = Number(args.port ?? 8080);
  const host = args.host ?? '127.0.0.1';
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`[serve] no build in ${root}: run npm run build first`);
    process.exit(1);
  }
  const named = [args.rpc, args.indexer, ...(args.connect ?? '').split(/\s+/)].filter(Boolean);
  const connect = named.length ? named : LOCAL_ENDPOINTS;
  let server;
  try {
    server = boardServer(root, { connect });
  } catch (e) {
    console.error(`[serve] ${e.message}`);
    process.exit(1);
  }
  server.listen(port, host, () => {
    const rpc = args.rpc ? `?rpc=${encodeURIComponent(args.rpc)}` : '';
    console.log(`[serve] mission board at http://${host}:${port}/${rpc} (it may reach: ${connect.join(', ')})`);
  });
}
