// Precompresses the build (after `vite build`): beside each text file of
// dist/ larger than 1 KiB, `FILE.br` (brotli, best) and `FILE.gz` (gzip,
// best), which scripts/serve.mjs sends to a browser that accepts them.
// Prints each file's sizes and the totals.
//   node scripts/compress.mjs [dist]
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const COMPRESSED = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt']);

/** Every file under `dir`, recursively. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Writes the .br and .gz of every text file of `root`; returns [{ file, size, br, gz }]. */
export function compress(root) {
  const out = [];
  for (const file of files(root)) {
    if (!COMPRESSED.has(extname(file)) || statSync(file).size < 1024) continue;
    const body = readFileSync(file);
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const gz = gzipSync(body, { level: 9 });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    out.push({ file: relative(root, file), size: body.length, br: br.length, gz: gz.length });
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', process.argv[2] ?? 'dist');
  const done = compress(root);
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  for (const f of done) console.log(`[compress] ${f.file}: ${kb(f.size)} → br ${kb(f.br)}, gzip ${kb(f.gz)}`);
  const sum = (k) => done.reduce((s, f) => s + f[k], 0);
  console.log(`[compress] ${done.length} files: ${kb(sum('size'))} → br ${kb(sum('br'))}, gzip ${kb(sum('gz'))}`);
}
