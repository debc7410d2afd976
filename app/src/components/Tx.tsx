// Every transaction's path — signing → in block → finalized — with the events
// in words and a failure by its error name and doc text.

import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { Transaction } from 'polkadot-api';
import { useChain } from '../chain';
import { describeError, describeEvent, formatValue, type EventLike, type Names } from '../lib/words';
import { peer } from '../lib/amount';
import { useNames } from './Names';
import { useTranslation } from 'react-i18next';
import { chainKo, chainKoEvent } from '../i18n/chain';
import { refusal } from '../lib/compat';
import { MultiAddress } from '@polkadot-api/descriptors';
import type { Delegation } from '../lib/proxy';
import { othersOf, rememberCall } from '../lib/multisig';
import { blake2, toHex } from '../lib/hash';
import { UploadStatus } from '../pages/mission/documents';

type Stage = 'signing' | 'sent' | 'in block' | 'finalized' | 'failed';

interface TxState {
  id: number;
  label: string;
  /** The node it was sent through. */
  endpoint: string;
  /** Sent through a proxy: the account acted for and how; both are named. */
  via?: { real: string; delegate: string; proxyType: string };
  /** Announced through a delayed proxy: the block from which it may be executed (on Approvals). */
  announced?: { delay: number; from?: number };
  /** Sent as a multisig's first approval: the multisig, and the link that carries the call to the others. */
  multisig?: { address: string; threshold: number; share: string };
  stage: Stage;
  block?: number;
  events: string[];
  fee?: string;
  error?: { name: string; doc: string };
}

type AnyTx = Transaction;
export interface Outcome {
  ok: boolean;
  events: EventLike[];
}

/** `asSigner`: sent by the chosen account itself, whomever it acts for (a multisig approval). */
export interface SendOptions {
  asSigner?: boolean;
}
type Send = (label: string, tx: AnyTx, options?: SendOptions) => Promise<Outcome>;

const TxContext = createContext<{ send: Send } | undefined>(undefined);

export function useTx() {
  const c = useContext(TxContext);
  if (!c) throw new Error('useTx outside TxProvider');
  return c.send;
}

let nextId = 1;

export function TxProvider({ children }: { children: ReactNode }) {
  const { account, endpoint, runtime, acting, api } = useChain();
  const names = useNames();
  const { t, i18n } = useTranslation();
  // An error of Peer's own pallets in the chosen language, the runtime's English doc beneath.
  const explain = (name: string) => (i18n.language === 'ko' ? chainKo(name) : undefined);
  const [txs, setTxs] = useState<TxState[]>([]);

  const send = useCallback(
    (label: string, tx: AnyTx, options: SendOptions = {}): Promise<Outcome> => {
      const id = nextId++;
      const update = (patch: Partial<TxState>) =>
        setTxs((all) => all.map((t) => (t.id === id ? { ...t, ...patch } : t)));
      const path = options.asSigner ? undefined : acting;
      const via =
        account && path?.proxy ? { ...path.proxy, delegate: path.multisig?.address ?? account.address } : undefined;
      setTxs((all) => [{ id, label, endpoint, via, stage: 'signing' as Stage, events: [] }, ...all].slice(0, 6));
      if (!account) {
        update({ stage: 'failed', error: { name: 'NoAccount', doc: 'Choose an account first.' } });
        return Promise.resolve({ ok: false, events: [] });
      }
      // A call the chain's runtime would read differently is never signed.
      const call = (tx as { decodedCall?: { type: string; value: { type: string; value: unknown } } }).decodedCall;
      if (runtime && call && !runtime.compatible(call.type, call.value.type, call.value.value)) {
        update({
          stage: 'failed',
          error: { name: 'RuntimeChanged', doc: refusal(call.type, call.value.type, runtime) },
        });
        return Promise.resolve({ ok: false, events: [] });
      }
      // Acting for another account: the call goes inside `proxy.proxy` (the chain's
      // proxy filter, then the call's own checks decide), and that inside a
      // multisig's first approval when the path goes through one.
      // A proxy with a delay announces the call's hash now; the call itself is
      // executed from Approvals once the delay has passed (its data kept here).
      const delayed = !!via && via.delay > 0;
      if (delayed && path?.multisig) {
        update({
          stage: 'failed',
          error: { name: 'DelayedThroughMultisig', doc: 'A multisig holding a delayed proxy: announce in Apps.' },
        });
        return Promise.resolve({ ok: false, events: [] });
      }
      const prepared: Promise<AnyTx> = (async () => {
        if (delayed && api && via) {
          const bytes = await tx.getEncodedData();
          const hash = blake2(bytes);
          rememberCall(hash, toHex(bytes));
          update({ announced: { delay: via.delay } });
          return api.tx.Proxy.announce({ real: MultiAddress.Id(via.real), call_hash: hash });
        }
        const inner = via && api && call ? throughProxy(api, via, call) : tx;
        const m = path?.multisig;
        if (!m || !api) return inner;
        const bytes = await inner.getEncodedData();
        const data = toHex(bytes);
        const hash = blake2(bytes);
        rememberCall(hash, data);
        const info = await api.apis.TransactionPaymentCallApi.query_call_info(inner.decodedCall as never, bytes.length);
        const share = `${window.location.origin}${window.location.pathname}#/approvals?call=${data}`;
        update({ multisig: { address: m.address, threshold: m.threshold, share } });
        return api.tx.Multisig.as_multi({
          threshold: m.threshold,
          other_signatories: othersOf(m, account.address),
          maybe_timepoint: undefined,
          call: inner.decodedCall as Parameters<typeof api.tx.Multisig.as_multi>[0]['call'],
          max_weight: info.weight,
        });
      })();
      return new Promise((resolve) => {
        let outcome: Outcome = { ok: false, events: [] };
        const watch = (sent: AnyTx) =>
          sent.signSubmitAndWatch(account.signer).subscribe({
            next: (ev) => {
              if (ev.type === 'signed' || ev.type === 'broadcasted') update({ stage: 'sent' });
              if ((ev.type === 'txBestBlocksState' && ev.found) || ev.type === 'finalized') {
                const events = ev.events as unknown as EventLike[];
                // The fee's bookkeeping is one line; the rest is what the call did.
                const feeEvent = events.find(
                  (e) => e.type === 'TransactionPayment' && e.value.type === 'TransactionFeePaid',
                );
                const shown = events.filter((e) => !NOISE.has(`${e.type}.${e.value.type}`));
                // Through a proxy or a multisig the transaction succeeds whatever the
                // call did: the call's own result is in `Proxy.ProxyExecuted` or
                // `Multisig.MultisigExecuted`. A multisig's first approval runs nothing yet.
                const inner = innerResult(events);
                const ok = ev.ok && (inner ? inner.success : delayed || !(via && !path?.multisig));
                outcome = { ok, events };
                update({
                  stage: ev.type === 'finalized' ? (ok ? 'finalized' : 'failed') : ok ? 'in block' : 'failed',
                  block: ev.block.number,
                  ...(delayed && via ? { announced: { delay: via.delay, from: ev.block.number + via.delay } } : {}),
                  events: shown.map((e) => describeEvent(e, names, i18n.language === 'ko' ? chainKoEvent : undefined)),
                  fee: feeEvent ? feeLine(feeEvent, names) : undefined,
                  error: !ev.ok ? describeError(ev.dispatchError) : !ok ? proxyError(inner?.value) : undefined,
                });
                if (ev.type === 'finalized') resolve(outcome);
              }
            },
            error: (e) => {
              const text = String(e?.message ?? e);
              const invalid = /Invalid|Payment|Stale|Future|BadProof/i.test(text);
              update({ stage: 'failed', error: { name: invalid ? 'InvalidTransaction' : 'NotSent', doc: text } });
              resolve({ ok: false, events: [] });
            },
          });
        prepared.then(watch, (e) => {
          update({ stage: 'failed', error: { name: 'NotSent', doc: String(e?.message ?? e) } });
          resolve({ ok: false, events: [] });
        });
      });
    },
    [account, runtime, endpoint, names, acting, api, i18n.language],
  );

  return (
    <TxContext.Provider value={{ send }}>
      <div className="layout">
        <div className="content">{children}</div>
        <aside className="txs" aria-label={t('tx.title')}>
          {txs.length === 0 && <p className="muted">{t('tx.empty')}</p>}
          <UploadStatus />
          {txs.map((x) => (
            <div key={x.id} className={`tx tx-${x.stage.replace(' ', '-')}`} data-testid="tx" data-stage={x.stage}>
              <div className="tx-head">
                <strong>{x.label}</strong>
                <span className="tx-path">
                  {(['signing', 'sent', 'in block', 'finalized'] as Stage[]).map((s) => (
                    <span key={s} className={reached(x.stage, s) ? 'done' : ''}>
                      {t(`tx.stage.${STAGE_KEY[s]}`)}
                    </span>
                  ))}
                </span>
                {x.block !== undefined && <span className="muted"> #{x.block}</span>}
                <button
                  className="link"
                  onClick={() => setTxs((all) => all.filter((y) => y.id !== x.id))}
                  aria-label={t('tx.dismiss')}
                >
                  ×
                </button>
              </div>
              {x.multisig && x.stage !== 'failed' && (
                <p className="tx-via" data-testid="tx-multisig">
                  {t('tx.firstApproval', { threshold: x.multisig.threshold })}{' '}
                  <a href={x.multisig.share} data-testid="share-link">
                    {t('tx.shareLink')}
                  </a>
                </p>
              )}
              {x.via && (
                <p className="tx-via" data-testid="tx-via">
                  {t('tx.asProxy', {
                    real: names(x.via.real) ?? x.via.real,
                    delegate: names(x.via.delegate) ?? x.via.delegate,
                    type: x.via.proxyType,
                  })}
                </p>
              )}
              {x.announced && (
                <p className="note" data-testid="tx-announced">
                  {x.announced.from === undefined
                    ? t('tx.announcing', { delay: x.announced.delay })
                    : t('tx.announced', { block: x.announced.from })}
                </p>
              )}
              <p className="muted tx-endpoint" data-testid="tx-endpoint">
                {t('tx.via')} <code>{x.endpoint}</code>
              </p>
              {x.error && (
                <p className="error" data-testid="tx-error">
                  <strong>{x.error.name}</strong>
                  {explain(x.error.name) ? (
                    <>
                      : {explain(x.error.name)}
                      {x.error.doc && (
                        <small className="doc" lang="en">
                          {x.error.doc}
                        </small>
                      )}
                    </>
                  ) : (
                    x.error.doc && `: ${x.error.doc}`
                  )}
                </p>
              )}
              {x.fee && <p className="muted">{x.fee}</p>}
              {x.events.length > 0 && (
                <ul className="tx-events">
                  {x.events.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </aside>
      </div>
    </TxContext.Provider>
  );
}

const NOISE = new Set([
  'System.ExtrinsicSuccess',
  'System.ExtrinsicFailed',
  'Balances.Withdraw',
  'Balances.BurnedDebt',
  'Balances.Deposit',
  'TransactionPayment.TransactionFeePaid',
]);

function feeLine(e: EventLike, names: Names) {
  const v = e.value.value as { who: string; actual_fee: bigint };
  return `Fee ${peer(v.actual_fee)}, paid by ${formatValue('who', v.who, names)}.`;
}

type Call = { type: string; value: { type: string; value: unknown } };

/** `call` sent by the chosen account for `via.real`, checked against `via.proxyType` by the chain. */
function throughProxy(api: NonNullable<ReturnType<typeof useChain>['api']>, via: Delegation, call: Call) {
  return api.tx.Proxy.proxy({
    real: MultiAddress.Id(via.real),
    force_proxy_type: { type: via.proxyType, value: undefined },
    call: call as Parameters<typeof api.tx.Proxy.proxy>[0]['call'],
  });
}

/**
 * The result of the call run for another account: the first failure among
 * `Multisig.MultisigExecuted` and `Proxy.ProxyExecuted` (the outer one fails if
 * the inner one did), else the success of the innermost; undefined if neither ran.
 */
function innerResult(events: EventLike[]): { success: boolean; value?: unknown } | undefined {
  const results = events
    .filter(
      (e) =>
        (e.type === 'Proxy' && e.value.type === 'ProxyExecuted') ||
        (e.type === 'Multisig' && e.value.type === 'MultisigExecuted'),
    )
    .map((e) => (e.value.value as { result: { success: boolean; value?: unknown } }).result);
  return results.find((r) => !r.success) ?? results[0];
}

/** The proxied call's failure; a call outside the proxy's type is filtered before it runs. */
function proxyError(err: unknown): { name: string; doc: string } {
  if (!err) return { name: 'ProxyNotExecuted', doc: 'The chain did not run the call for the account acted for.' };
  const d = describeError(err as { type: string; value: unknown });
  if (d.name === 'System.CallFiltered' && !d.doc) d.doc = 'The proxy type does not allow this call.';
  return d;
}

const ORDER: Stage[] = ['signing', 'sent', 'in block', 'finalized'];
/** A stage's key in the texts (`tx.stage.*`). */
const STAGE_KEY: Record<Stage, string> = {
  signing: 'signing',
  sent: 'sent',
  'in block': 'inBlock',
  finalized: 'finalized',
  failed: 'failed',
};
const reached = (now: Stage, s: Stage) => now !== 'failed' && ORDER.indexOf(now) >= ORDER.indexOf(s);
