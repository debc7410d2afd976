// A runtime upgrade carried through in the board, across a live upgrade: a dev
// chain of its own starts on the previous runtime (runtime/fixtures), so the
// board (built for this runtime) first meets an older chain: it says so, keeps
// the calls whose encoding is unchanged, and refuses to sign the rest. A council
// member picks the new wasm, sees its hash and version against the chain's,
// proposes (the motion names the hash only); the council votes and closes; the
// code is applied from the same page; the board then speaks the chain's runtime.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { blake2 } from '../src/lib/hash';
import { readRuntime } from '../src/lib/runtime';
import { chooseAccount, dev, goto } from './board';
import { chainSpecWithCode, rpc as jsonRpc, startNode, type PeerNode } from '../../scripts/e2e/lib/node.js';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'runtime/fixtures');
const previous = JSON.parse(readFileSync(join(fixtures, 'previous.json'), 'utf8'));
const WASM =
  process.env.PEER_RUNTIME_WASM ??
  join(root, 'target/release/wbuild/peer-runtime/peer_runtime.compact.compressed.wasm');

let node: PeerNode | undefined;
test.afterAll(async () => {
  await node?.stop();
});

/** A development chain whose genesis is built by the previous runtime. */
async function previousDevChain(): Promise<PeerNode> {
  const dir = mkdtempSync(join(tmpdir(), 'peer-upgrade-board-'));
  const spec = chainSpecWithCode('dev', join(fixtures, previous.file), dir);
  // What `--dev` adds, but for the chain: Alice's dev key and the node key the
  // dev genesis authorizes (0x…01).
  return startNode(
    [
      '--chain',
      spec,
      '--alice',
      '--force-authoring',
      '--tmp',
      '--rpc-cors',
      'all',
      '--node-key',
      '1'.padStart(64, '0'),
    ],
    {
      logFile: join(dir, 'node.log'),
      minBlock: 1,
    },
  );
}

test('a council member uploads a runtime and carries the upgrade through in the board, across the upgrade', async ({
  page,
}) => {
  node = await previousDevChain();
  const ws = node.wsUrl;
  const nonce = (who: string) => jsonRpc(node!.rpcPort, 'system_accountNextIndex', [dev(who).address]);
  const built = readRuntime(readFileSync(WASM));
  if (!built.ok) throw new Error(built.error);
  const next = readFileSync(WASM);
  const file = (buffer: Buffer) => ({
    name: 'peer_runtime.compact.compressed.wasm',
    mimeType: 'application/wasm',
    buffer,
  });
  const from = `${previous.spec_name} ${previous.spec_version}`;
  const to = `${built.file.specName} ${built.file.specVersion}`;

  await page.goto(`${process.env.BOARD_URL}?rpc=${encodeURIComponent(ws)}#/council`);
  await page
    .getByTestId('link-endpoint')
    .getByRole('button', { name: `Use ${ws}` })
    .click();
  await chooseAccount(page, 'Alice');
  const runtime = page.getByTestId('runtime');
  await expect(runtime.getByTestId('chain-version')).toHaveText(from);
  // The board knows it was built for another runtime: it names both and the
  // calls it will not sign there (a mission names its asset only in the new one).
  const notice = page.getByTestId('runtime-notice');
  await expect(notice).toContainText(`This board was built for ${to}; the chain runs ${from}.`);
  await expect(notice).toContainText('Missions.create_mission');
  await expect(notice).not.toContainText('Council.vote');

  // A runtime that is not newer (the one the chain runs) is refused beside the form.
  const propose = page.getByTestId('propose');
  await propose.getByLabel('Motion').selectOption('upgrade');
  await propose.getByLabel('New runtime file').setInputFiles(file(readFileSync(join(fixtures, previous.file))));
  await expect(propose.getByTestId('runtime-version')).toHaveText(`${from} (the chain runs ${from})`);
  const sent = await nonce('Alice');
  await propose.getByRole('button', { name: 'Propose' }).click();
  await expect(propose.getByTestId('error-motion')).toHaveText(
    `Its spec_version ${previous.spec_version} is not newer than the chain's ${previous.spec_version}.`,
  );
  expect(await nonce('Alice')).toBe(sent);

  // The new one: its hash and version, read in the browser.
  await propose.getByLabel('New runtime file').setInputFiles(file(next));
  await expect(propose.getByTestId('runtime-hash')).toHaveText(blake2(next));
  await expect(propose.getByTestId('runtime-version')).toHaveText(`${to} (the chain runs ${from})`);
  await propose.getByRole('button', { name: 'Propose' }).click();
  const card = (label: string | RegExp) => page.getByTestId('tx').filter({ hasText: label }).first();
  await expect(card(`Propose: Upgrade the runtime to ${to}`)).toHaveAttribute('data-stage', /in block|finalized/);
  const motion = page.locator('[data-testid^="motion-"]', { hasText: 'Upgrade the runtime' });
  await expect(motion).toContainText(blake2(next));

  // Bob and Charlie vote aye (the whole council of three: three quarters); Charlie closes.
  for (const who of ['Bob', 'Charlie']) {
    await chooseAccount(page, who);
    await motion.getByRole('button', { name: 'Vote aye' }).click();
    await expect(card(/Vote aye on motion/)).toHaveAttribute('data-stage', /in block|finalized/);
  }
  await motion.getByRole('button', { name: 'Close and execute' }).click();
  await expect(card(/Close motion/)).toHaveAttribute('data-stage', /in block|finalized/);
  await expect(card(/Close motion/)).toContainText('UpgradeAuthorized');
  await expect(runtime.getByTestId('authorized-upgrade')).toContainText(blake2(next));

  // Anyone applies; a file other than the one voted for is refused, nothing sent.
  await chooseAccount(page, 'Dave');
  await goto(page, 'council');
  const apply = runtime.getByLabel('Runtime file to apply');
  await apply.setInputFiles(file(readFileSync(join(fixtures, previous.file))));
  const daveSent = await nonce('Dave');
  await runtime.getByRole('button', { name: 'Apply the upgrade' }).click();
  await expect(runtime.getByTestId('error-apply-runtime')).toContainText(`the council authorized ${blake2(next)}`);
  expect(await nonce('Dave')).toBe(daveSent);
  await apply.setInputFiles(file(next));
  await runtime.getByRole('button', { name: 'Apply the upgrade' }).click();
  await expect(card(`Apply the runtime upgrade to ${to}`)).toHaveAttribute('data-stage', /in block|finalized/, {
    timeout: 60_000,
  });
  await expect(card(`Apply the runtime upgrade to ${to}`)).toContainText('CodeUpdated');

  // The chain now runs the board's runtime: no notice, nothing authorized.
  await expect(runtime.getByTestId('chain-version')).toHaveText(to, { timeout: 60_000 });
  await expect(notice).toBeHidden();
  await expect(runtime.getByTestId('no-upgrade')).toBeVisible();
});
