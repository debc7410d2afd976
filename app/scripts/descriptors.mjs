// Generates the chain's types from the runtime's own wasm (never from a live
// node), and the doc texts the board shows for errors, events and calls.
//   node scripts/descriptors.mjs [path/to/peer_runtime.compact.compressed.wasm]
// Writes .papi/ (descriptors, metadata) and src/generated/docs.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';

const app = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasm = resolve(process.argv[2] ?? `${app}/../target/release/wbuild/peer-runtime/peer_runtime.compact.compressed.wasm`);
if (!existsSync(wasm)) {
  console.error(`[app] no runtime wasm at ${wasm}: build first (scripts/build.sh)`);
  process.exit(1);
}
console.log(`[app] descriptors from ${wasm}`);
execFileSync('npx', ['papi', 'add', 'peer', '--wasm', wasm], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });

const metadata = unifyMetadata(decAnyMetadata(readFileSync(`${app}/.papi/metadata/peer.scale`)));
const variants = (type) => {
  if (type === undefined) return {};
  const def = metadata.lookup[type].def;
  if (def.tag !== 'variant') return {};
  return Object.fromEntries(def.value.map((v) => [v.name, {
    doc: v.docs.join(' ').replace(/`/g, '').replace(/\s+/g, ' ').trim(),
    fields: v.fields.map((f) => f.name ?? ''),
  }]));
};
const docs = { errors: {}, events: {}, calls: {} };
for (const p of metadata.pallets) {
  docs.errors[p.name] = Object.fromEntries(Object.entries(variants(p.errors?.type)).map(([k, v]) => [k, v.doc]));
  docs.events[p.name] = variants(p.events?.type);
  docs.calls[p.name] = variants(p.calls?.type);
}
mkdirSync(`${app}/src/generated`, { recursive: true });
writeFileSync(`${app}/src/generated/docs.json`, JSON.stringify(docs));
console.log(`[app] docs of ${metadata.pallets.length} pallets written to src/generated/docs.json`);
