// Every transaction's path — signing → in block → finalized — with the events
// in words and a failure by its error name and doc text.

import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { Transaction } from 'polkadot-api';
import { useChain } from '../chain';
import { describeError, describeEvent, formatValue, type EventLike, type Names } from '../lib/words';
import { peer } from '../lib/amount';
import { useNames } from './Names';
import { refusal } from '../lib/compat';

type Stage = 'signing' | 'sent' | 'in block' | 'finalized' | 'failed';

interface TxState {
  id: number;
  label: string;
  /** The node it was sent through. */
  endpoint: string;
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

const TxContext = createContext<{ send: (label: string, tx: AnyTx) => Promise<Outcome> } | undefined>(undefined);

export function useTx() {
  const c = useContext(TxContext);
  if (!c) throw new Error('useTx outside TxProvider');
  return c.send;
}

let nextId = 1;

export function TxProvider({ children }: { children: ReactNode }) {
  const { account, endpoint, runtime } = useChain();
  const names = useNames();
  const [txs, setTxs] = useState<TxState[]>([]);

  const send = useCallback(
    (label: string, tx: AnyTx): Promise<Outcome> => {
      const id = nextId++;
      const update = (patch: Partial<TxState>) =>
        setTxs((all) => all.map((t) => (t.id === id ? { ...t, ...patch } : t)));
      setTxs((all) => [{ id, label, endpoint, stage: 'signing' as Stage, events: [] }, ...all].slice(0, 6));
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
      return new Promise((resolve) => {
        let outcome: Outcome = { ok: false, events: [] };
        tx.signSubmitAndWatch(account.signer).subscribe({
          next: (ev) => {
            if (ev.type === 'signed' || ev.type === 'broadcasted') update({ stage: 'sent' });
            if ((ev.type === 'txBestBlocksState' && ev.found) || ev.type === 'finalized') {
              const events = ev.events as unknown as EventLike[];
              // The fee's bookkeeping is one line; the rest is what the call did.
              const feeEvent = events.find(
                (e) => e.type === 'TransactionPayment' && e.value.type === 'TransactionFeePaid',
              );
              const shown = events.filter((e) => !NOISE.has(`${e.type}.${e.value.type}`));
              outcome = { ok: ev.ok, events };
              update({
                stage: ev.type === 'finalized' ? (ev.ok ? 'finalized' : 'failed') : ev.ok ? 'in block' : 'failed',
                block: ev.block.number,
                events: shown.map((e) => describeEvent(e, names)),
                fee: feeEvent ? feeLine(feeEvent, names) : undefined,
                error: ev.ok ? undefined : describeError(ev.dispatchError),
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
      });
    },
    [account, runtime, endpoint, names],
  );

  return (
    <TxContext.Provider value={{ send }}>
      <div className="layout">
        <div className="content">{children}</div>
        <aside className="txs" aria-label="Transactions">
          {txs.length === 0 && <p className="muted">Transactions you send appear here, from signing to finalized.</p>}
          {txs.map((t) => (
            <div key={t.id} className={`tx tx-${t.stage.replace(' ', '-')}`} data-testid="tx" data-stage={t.stage}>
              <div className="tx-head">
                <strong>{t.label}</strong>
                <span className="tx-path">
                  {(['signing', 'sent', 'in block', 'finalized'] as Stage[]).map((s) => (
                    <span key={s} className={reached(t.stage, s) ? 'done' : ''}>
                      {s}
                    </span>
                  ))}
                </span>
                {t.block !== undefined && <span className="muted"> #{t.block}</span>}
                <button
                  className="link"
                  onClick={() => setTxs((all) => all.filter((x) => x.id !== t.id))}
                  aria-label="dismiss"
                >
                  ×
                </button>
              </div>
              <p className="muted tx-endpoint" data-testid="tx-endpoint">
                via <code>{t.endpoint}</code>
              </p>
              {t.error && (
                <p className="error" data-testid="tx-error">
                  <strong>{t.error.name}</strong>
                  {t.error.doc && `: ${t.error.doc}`}
                </p>
              )}
              {t.fee && <p className="muted">{t.fee}</p>}
              {t.events.length > 0 && (
                <ul className="tx-events">
                  {t.events.map((e, i) => (
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

const ORDER: Stage[] = ['signing', 'sent', 'in block', 'finalized'];
const reached = (now: Stage, s: Stage) => now !== 'failed' && ORDER.indexOf(now) >= ORDER.indexOf(s);
