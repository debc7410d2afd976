// Serves the built board (dist/, plain static files) on loopback.
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--rpc ws://127.0.0.1:9944]
// Any static host serves dist/ as well; this one needs nothing but Node.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

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

/** An HTTP server for the build in `root`: it answers every request and never throws. */
export function boardServer(root) {
  return createServer(async (req, res) => {
    try {
      const target = resolveRequest(root, req.url);
      if (target.status) return res.writeHead(target.status, { 'content-type': 'text/plain' }).end(target.status === 400 ? 'bad request' : 'forbidden');
      let body;
      try {
        body = await readFile(target.file);
      } catch {
        return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
      res.writeHead(200, {
        'content-type': types[extname(target.file)] ?? 'application/octet-stream',
        'cache-control': target.file.endsWith('index.html') ? 'no-cache' : 'max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('server error');
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', args.dir ?? 'dist');
  const port = Number(args.port ?? 8080);
  const host = args.host ?? '127.0.0.1';
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`[serve] no build in ${root}: run npm run build first`);
    process.exit(1);
  }
  boardServer(root).listen(port, host, () => {
    const rpc = args.rpc ? `?rpc=${encodeURIComponent(args.rpc)}` : '';
    console.log(`[serve] mission board at http://${host}:${port}/${rpc}`);
  });
}
