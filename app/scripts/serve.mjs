// Serves the built board (dist/, plain static files) on loopback.
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--rpc ws://127.0.0.1:9944]
// Any static host serves dist/ as well; this one needs nothing but Node.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', args.dir ?? 'dist');
const port = Number(args.port ?? 8080);
const host = args.host ?? '127.0.0.1';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

try {
  await stat(join(root, 'index.html'));
} catch {
  console.error(`[serve] no build in ${root}: run npm run build first`);
  process.exit(1);
}

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(root)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=31536000, immutable' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, host, () => {
  const rpc = args.rpc ? `?rpc=${encodeURIComponent(args.rpc)}` : '';
  console.log(`[serve] mission board at http://${host}:${port}/${rpc}`);
});
