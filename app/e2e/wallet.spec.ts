// The wallet path: a browser extension injected into `window.injectedWeb3`
// (as polkadot.js, Talisman and SubWallet do) is detected, chosen, and signs
// a commitment. The mock signs in Node: it builds the signing payload from
// the JSON the page hands it, as an extension does, so the chain's signature
// check is the judge.
import { test, expect } from '@playwright/test';
import { Blake2256, compact, compactBn, u32 } from '@polkadot-api/substrate-bindings';
import { chain, chooseAccount, closeChain, dev, openLink, postMission, submit, txDone, UNIT } from './board';
import { concat, fromHex, toHex } from '../src/lib/hash';

test.afterAll(closeChain);

interface PjsPayload {
  address: string;
  method: string;
  era: string;
  nonce: string;
  tip: string;
  specVersion: string;
  transactionVersion: string;
  genesisHash: string;
  blockHash: string;
  signedExtensions: string[];
}

/** The bytes an sr25519 account signs for Peer's extensions, from an extension's JSON payload. */
function signingPayload(p: PjsPayload): Uint8Array {
  const n = (hex: string) => Number(BigInt(hex));
  const bytes = concat([
    fromHex(p.method),
    // Extra, in the runtime's order: CheckEra, CheckNonce, ChargeTransactionPayment.
    fromHex(p.era),
    compact.enc(n(p.nonce)),
    compactBn.enc(BigInt(p.tip)),
    // Implicit: CheckSpecVersion, CheckTxVersion, CheckGenesis, CheckEra's block hash.
    u32.enc(n(p.specVersion)),
    u32.enc(n(p.transactionVersion)),
    fromHex(p.genesisHash),
    fromHex(p.blockHash),
  ]);
  return bytes.length > 256 ? Blake2256(bytes) : bytes;
}

test('a wallet extension is detected, chosen, and signs a commitment', async ({ page }) => {
  const grace = dev('Grace'); // an account only the extension holds
  const api = chain();
  await submit(
    api.tx.Balances.transfer_keep_alive({ dest: { type: 'Id', value: grace.address }, value: 20n * UNIT }),
    dev('Alice'),
  );
  const id = await postMission('Wallet check');

  const requests: PjsPayload[] = [];
  await page.exposeFunction('mockWalletSignPayload', (p: PjsPayload) => {
    if (p.address !== grace.address) throw new Error('unknown account');
    requests.push(p);
    const expected = [
      'AuthorizeCall',
      'CheckNonZeroSender',
      'CheckSpecVersion',
      'CheckTxVersion',
      'CheckGenesis',
      'CheckMortality',
      'CheckNonce',
      'CheckWeight',
      'ChargeTransactionPayment',
      'WeightReclaim',
    ];
    if (JSON.stringify(p.signedExtensions) !== JSON.stringify(expected))
      throw new Error(`extensions ${p.signedExtensions}`);
    return { id: 1, signature: toHex(Uint8Array.of(1, ...grace.pair.sign(signingPayload(p)))) };
  });
  await page.exposeFunction('mockWalletSignRaw', (p: { address: string; data: string }) => {
    const wrapped = concat([
      new TextEncoder().encode('<Bytes>'),
      fromHex(p.data),
      new TextEncoder().encode('</Bytes>'),
    ]);
    return { id: 2, signature: toHex(Uint8Array.of(1, ...grace.pair.sign(wrapped))) };
  });
  await page.addInitScript(
    ({ address }) => {
      const accounts = [{ address, name: 'Grace (firm laptop)', type: 'sr25519' }];
      // The page's window as a wallet extension sees it: signing is done in Node.
      const w = window as unknown as {
        injectedWeb3: unknown;
        mockWalletSignPayload: (p: unknown) => Promise<unknown>;
        mockWalletSignRaw: (p: unknown) => Promise<unknown>;
      };
      w.injectedWeb3 = {
        'mock-wallet': {
          version: '1.0.0',
          enable: async () => ({
            accounts: {
              get: async () => accounts,
              subscribe: (cb: (a: typeof accounts) => void) => {
                cb(accounts);
                return () => {};
              },
            },
            signer: {
              signPayload: (p: unknown) => w.mockWalletSignPayload(p),
              signRaw: (p: unknown) => w.mockWalletSignRaw(p),
            },
          }),
        },
      };
    },
    { address: grace.address },
  );

  await openLink(page, `mission/${id}`);
  await page.getByRole('button', { name: 'Use wallet “mock-wallet”' }).click();
  await chooseAccount(page, 'Grace (firm laptop)');
  await page.getByTestId('commit-form').getByLabel('Share in %').fill('100');
  await page.getByTestId('commit-form').getByRole('button', { name: 'Commit' }).click();
  const events = await txDone(page, `Commit to mission ${id}`);
  expect(events).toMatch(/Committed.*who Grace \(firm laptop\)/);
  expect(requests).toHaveLength(1);
  expect(requests[0].method.startsWith('0x1e01')).toBe(true); // missions (30).commit (1)
  const c = await chain().query.Missions.Commitments.getValue(id, grace.address, { at: 'best' });
  expect(c?.share).toBe(1_000_000_000);
});
