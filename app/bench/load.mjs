// Measures, does not assert: the board's bundle size (gzipped) and the time
// from navigation to a usable missions list with MISSIONS live missions.
//   node --experimental-websocket bench/load.mjs ws://127.0.0.1:PORT http://127.0.0.1:WEBPORT/
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { AccountId } from '@polkadot-api/substrate-bindings';
import { peer } from '@polkadot-api/descriptors';
import { chromium } from '@playwright/test';

const [rpc, web] = process.argv.slice(2);
const MISSIONS = Number(process.env.MISSIONS ?? 200);
const RUNS = Number(process.env.RUNS ?? 5);
const UNIT = 10n ** 12n;

// --- bundle size ---
const dist = new URL('../dist/', import.meta.url);
let gz = 0;
// What a browser downloads: the page and its assets, not the precompressed copies beside them.
const served = readdirSync(new URL('assets/', dist)).filter((a) => !/\.(gz|br)$/.test(a));
for (const f of ['index.html', ...served.map((a) => `assets/${a}`)]) {
  gz += gzipSync(readFileSync(new URL(f, dist)), { level: 9 }).length;
}
console.log(`[bench-board] bundle: ${(gz / 1024).toFixed(0)} KB gzipped (target ≤ 400 KB)`);

// --- the scene: MISSIONS live missions, from four members ---
const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
const dev = (name) => {
  const pair = derive(`//${name}`);
  return { address: AccountId().dec(pair.publicKey), signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign) };
};
const client = createClient(getWsProvider(rpc));
const api = client.getTypedApi(peer);
const send = async (tx, who) => {
  const r = await tx.signAndSubmit(who.signer);
  if (!r.ok) throw new Error(JSON.stringify(r.dispatchError, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
  return r;
};
const [alice, bob, charlie, dave] = ['Alice', 'Bob', 'Charlie', 'Dave'].map(dev);
// Each member may own 64 live missions: the dev council admits Dave first.
if (!(await api.query.Consortium.Members.getValue(dave.address))) {
  await send(
    api.tx.Consortium.apply({
      name: new TextEncoder().encode('Dave Systems'),
      kind: { type: 'Organization', value: undefined },
      charter: undefined,
    }),
    dave,
  );
  const admit = api.tx.Consortium.admit({ who: dave.address });
  const bytes = await admit.getEncodedData();
  const hash = `0x${Buffer.from(blake2b256(bytes)).toString('hex')}`;
  const index = await api.query.Council.ProposalCount.getValue();
  await send(api.tx.Council.propose({ threshold: 3, proposal: admit.decodedCall, length_bound: bytes.length }), alice);
  for (const who of [alice, bob, charlie])
    await send(api.tx.Council.vote({ proposal: hash, index, approve: true }), who);
  const info = await api.apis.TransactionPaymentCallApi.query_call_info(admit.decodedCall, bytes.length);
  await send(
    api.tx.Council.close({
      proposal_hash: hash,
      index,
      proposal_weight_bound: info.weight,
      length_bound: bytes.length,
    }),
    alice,
  );
}
const head = await api.query.System.Number.getValue();
const start = Date.now();
const owners = [alice, bob, charlie, dave];
await Promise.all(
  owners.map(async (owner, o) => {
    const mine = Math.ceil(MISSIONS / owners.length);
    for (let b = 0; b < mine; b += 25) {
      const calls = [];
      for (let i = b; i < Math.min(mine, b + 25); i++) {
        calls.push(
          api.tx.Missions.create_mission({
            title: new TextEncoder().encode(`Load mission ${o}-${i}`),
            content_hash: `0x${(o * 1000 + i).toString(16).padStart(64, '0')}`,
            uri: new TextEncoder().encode('https://example.org/mission'),
            asset: { type: 'Native', value: undefined },
            milestones: [
              { description_hash: `0x${'11'.repeat(32)}`, amount: 2n * UNIT },
              { description_hash: `0x${'22'.repeat(32)}`, amount: 3n * UNIT },
            ],
            deadline: head + 20_000,
            options: { open_to_non_members: true, min_bond: 0n, min_reputation: 0 },
          }).decodedCall,
        );
      }
      await send(api.tx.Utility.batch_all({ calls }), owner);
    }
  }),
);
const live = (await api.query.Missions.LiveMissions.getEntries()).length;
console.log(`[bench-board] scene: ${live} live missions posted in ${((Date.now() - start) / 1000).toFixed(1)} s`);
client.destroy();

// --- navigation → usable list ---
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const times = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The member's remembered node and account (a link's `?rpc=` is only proposed, never used unasked).
  await page.addInitScript(
    ([address, endpoint]) => {
      localStorage.setItem('peer.account', address);
      localStorage.setItem('peer.endpoint', endpoint);
    },
    [alice.address, rpc],
  );
  const t0 = Date.now();
  await page.goto(`${web}#/missions`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="missions"] tbody tr').length >= n, live, {
    timeout: 60_000,
  });
  times.push(Date.now() - t0);
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(
  `[bench-board] navigation → ${live} missions listed: median ${times[Math.floor(times.length / 2)]} ms, min ${times[0]} ms, max ${times.at(-1)} ms over ${RUNS} fresh page loads (target ≤ 2 s)`,
);
process.exit(0);
