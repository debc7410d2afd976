// A director's page: the multisig accounts the chosen account signs for (a
// firm's directors, 2 of 3), the operations pending on each (`Multisig.Multisigs`),
// the call in words once its data is known and checked against the hash, who
// approved and who is missing, the deposit held; approve, approve and run it with
// the threshold's last signature, or cancel it as its depositor. Call data comes
// from the link the director who started it shares (`#/approvals?call=0x…`), from
// this browser if it started it, or from the indexer (the first approval's
// extrinsic); whichever, it is shown only if it hashes to the chain's hash.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChain, useLive, type Api } from '../chain';
import { useTx } from '../components/Tx';
import { MultiAddress } from '@polkadot-api/descriptors';
import { typeName } from '../lib/proxy';
import { fromIndexer, indexerUrl, type MultisigCall } from '../indexer/client';
import { useNames } from '../components/Names';
import { Field } from '../components/Field';
import { describeCall } from '../lib/words';
import { peer } from '../lib/amount';
import { accountBytes, blake2, fromHex, type Hex } from '../lib/hash';
import {
  checkedCall,
  checkMultisig,
  knownCall,
  missing,
  multisigOf,
  nextStep,
  othersOf,
  rememberCall,
  type MultisigAccount,
  type Pending,
} from '../lib/multisig';

/** Keeps the call data a shared link carries, by its own hash: shown only where that hash is pending. */
export function takeSharedCall(route: string) {
  const data = new URLSearchParams(route.split('?')[1] ?? '').get('call');
  if (!data) return;
  try {
    rememberCall(blake2(fromHex(data)), data);
  } catch {
    // not hex: nothing to keep
  }
}

export function Approvals({ route }: { route: string }) {
  const { account, multisigs, setMultisigs } = useChain();
  const { t } = useTranslation();
  // A shared link's call, kept once as the page opens.
  useState(() => takeSharedCall(route));
  if (!account) return <p className="empty">{t('approvals.chooseAccount')}</p>;
  return (
    <section className="stack">
      <h2>{t('approvals.title')}</h2>
      <p className="muted">{t('approvals.intro')}</p>
      <Announcements />
      {multisigs.length === 0 && <p className="empty">{t('approvals.none')}</p>}
      {multisigs.map((m) => (
        <MultisigOps
          key={m.address}
          m={m}
          forget={() => setMultisigs(multisigs.filter((x) => x.address !== m.address))}
        />
      ))}
      <AddMultisig />
    </section>
  );
}

function AddMultisig() {
  const { api, account, multisigs, setMultisigs } = useChain();
  const { t } = useTranslation();
  const [others, setOthers] = useState('');
  const [threshold, setThreshold] = useState('2');
  const [error, setError] = useState<string>();
  if (!api || !account) return null;
  const me = account.address;
  const listed = others
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const add = async () => {
    const bad = listed.find((a) => {
      try {
        accountBytes(a);
        return false;
      } catch {
        return true;
      }
    });
    if (bad) return setError(t('approvals.badAddress', { address: bad }));
    const max = await api.constants.Multisig.MaxSignatories();
    const problem = checkMultisig([me, ...listed], Number(threshold), max);
    if (problem) return setError(problem);
    const m = multisigOf([me, ...listed], Number(threshold));
    setError(undefined);
    if (!multisigs.some((x) => x.address === m.address)) setMultisigs([...multisigs, m]);
    setOthers('');
  };
  return (
    <form
      className="card"
      data-testid="add-multisig"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <h3>{t('approvals.addTitle')}</h3>
      <Field label={t('approvals.others')} hint={t('approvals.othersHint')} error={error} id="multisig-others">
        <textarea value={others} onChange={(e) => setOthers(e.target.value)} rows={3} />
      </Field>
      <Field label={t('approvals.threshold')} id="multisig-threshold">
        <input value={threshold} onChange={(e) => setThreshold(e.target.value)} inputMode="numeric" />
      </Field>
      <button type="submit">{t('approvals.add')}</button>
    </form>
  );
}

interface Operation extends Pending {
  /** The call, if its data is known here and hashes to `callHash`. */
  call?: { data: Hex; decoded: { type: string; value: { type: string; value?: unknown } } };
}

/** The call of `hash` from the member's indexer, kept in this browser if it hashes to `hash`. */
async function fromIndexerChecked(hash: Hex): Promise<Hex | undefined> {
  const base = indexerUrl();
  if (!base) return undefined;
  const answer = await fromIndexer<MultisigCall>(base, `/multisig-calls/${hash}`).catch(() => undefined);
  if (!answer) return undefined;
  const data = checkedCall(hash, answer.data);
  if (data) rememberCall(hash, data);
  return data;
}

async function loadOperations(api: Api, m: MultisigAccount, at: string): Promise<Operation[]> {
  const entries = await api.query.Multisig.Multisigs.getEntries(m.address, { at });
  return Promise.all(
    entries.map(async ({ keyArgs, value }) => {
      const callHash = keyArgs[1] as Hex;
      const op: Operation = { callHash, ...value };
      // The call: from this browser or a shared link, else from the indexer (the
      // first approval's extrinsic); either way only if it hashes to the chain's hash.
      const data = knownCall(callHash) ?? (await fromIndexerChecked(callHash));
      if (data) {
        const tx = await api.txFromCallData(fromHex(data)).catch(() => undefined);
        if (tx) op.call = { data, decoded: tx.decodedCall as NonNullable<Operation['call']>['decoded'] };
      }
      return op;
    }),
  );
}

function MultisigOps({ m, forget }: { m: MultisigAccount; forget: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const name = (a: string) => names(a) ?? `${a.slice(0, 8)}…`;
  const { data, error } = useLive((api, at) => loadOperations(api, m, at), [m.address]);
  return (
    <div className="card" data-testid={`multisig-${m.address}`}>
      <h3>
        {t('approvals.multisig', { threshold: m.threshold, of: m.signatories.length })} <code>{m.address}</code>
      </h3>
      <p className="muted">{t('approvals.signatories', { names: m.signatories.map(name).join(', ') })}</p>
      {error && <p className="error">{error}</p>}
      {data && data.length === 0 && (
        <p className="muted" data-testid="no-pending">
          {t('approvals.nothingPending')}
        </p>
      )}
      {data?.map((op) => (
        <OperationCard key={op.callHash} m={m} op={op} />
      ))}
      <button className="link" onClick={forget}>
        {t('approvals.forget')}
      </button>
    </div>
  );
}

function OperationCard({ m, op }: { m: MultisigAccount; op: Operation }) {
  const { api, account } = useChain();
  const { t } = useTranslation();
  const names = useNames();
  const send = useTx();
  if (!api || !account) return null;
  const me = account.address;
  const name = (a: string) => names(a) ?? `${a.slice(0, 8)}…`;
  const step = nextStep(m, op, me);
  const common = { threshold: m.threshold, other_signatories: othersOf(m, me) };
  const approve = async () => {
    if (step === 'execute' && op.call) {
      const bytes = fromHex(op.call.data);
      const info = await api.apis.TransactionPaymentCallApi.query_call_info(op.call.decoded as never, bytes.length);
      return send(
        t('approvals.executeLabel', { hash: op.callHash.slice(0, 10) }),
        api.tx.Multisig.as_multi({
          ...common,
          maybe_timepoint: op.when,
          call: op.call.decoded as Parameters<typeof api.tx.Multisig.as_multi>[0]['call'],
          max_weight: info.weight,
        }),
        { asSigner: true },
      );
    }
    return send(
      t('approvals.approveLabel', { hash: op.callHash.slice(0, 10) }),
      api.tx.Multisig.approve_as_multi({
        ...common,
        maybe_timepoint: op.when,
        call_hash: op.callHash,
        max_weight: { ref_time: 0n, proof_size: 0n },
      }),
      { asSigner: true },
    );
  };
  const cancel = () =>
    send(
      t('approvals.cancelLabel', { hash: op.callHash.slice(0, 10) }),
      api.tx.Multisig.cancel_as_multi({ ...common, timepoint: op.when, call_hash: op.callHash }),
      { asSigner: true },
    );
  return (
    <div className="operation" data-testid={`operation-${op.callHash}`}>
      <p>
        {op.call ? (
          <>
            <strong data-testid="operation-call">{describeCall(op.call.decoded, names)}</strong>{' '}
            <span className="ok" data-testid="call-verified">
              {t('approvals.verified')}
            </span>
          </>
        ) : (
          <span className="muted" data-testid="call-unknown">
            {t('approvals.callUnknown')}
          </span>
        )}
      </p>
      <p className="muted">
        {t('approvals.hash')} <code>{op.callHash}</code> · {t('approvals.since', { height: op.when.height })}
      </p>
      <p data-testid="operation-approvals">
        {t('approvals.approvedBy', { names: op.approvals.map(name).join(', ') })} ·{' '}
        {t('approvals.missing', { names: missing(m, op).map(name).join(', ') })}
      </p>
      <p className="muted">{t('approvals.deposit', { amount: peer(op.deposit), who: name(op.depositor) })}</p>
      <div className="row">
        {step !== 'approved' && (step === 'approve' || op.call) && (
          <button onClick={approve}>
            {step === 'execute' ? t('approvals.approveAndRun') : t('approvals.approve')}
          </button>
        )}
        {step === 'execute' && !op.call && <span className="muted">{t('approvals.needCall')}</span>}
        {op.depositor === me && (
          <button className="danger" onClick={cancel}>
            {t('approvals.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}

/** A call announced through a delayed proxy, as the chain holds it, with what this browser knows of it. */
interface Announced {
  real: string;
  callHash: Hex;
  height: number;
  /** The proxy's delay and type, from `Proxy.Proxies` of the account acted for. */
  delay?: number;
  proxyType?: string;
  call?: { data: Hex; decoded: Parameters<Api['tx']['Proxy']['proxy_announced']>[0]['call'] };
}

async function loadAnnouncements(api: Api, me: string, at: string): Promise<Announced[]> {
  const [list] = await api.query.Proxy.Announcements.getValue(me, { at });
  return Promise.all(
    list.map(async (a) => {
      const item: Announced = { real: a.real, callHash: a.call_hash as Hex, height: a.height };
      const [defs] = await api.query.Proxy.Proxies.getValue(a.real, { at });
      const def = defs.find((d) => d.delegate === me);
      if (def) {
        item.delay = def.delay;
        item.proxyType = typeName(def.proxy_type);
      }
      const data = knownCall(item.callHash);
      const tx = data ? await api.txFromCallData(fromHex(data)).catch(() => undefined) : undefined;
      if (data && tx) item.call = { data, decoded: tx.decodedCall as NonNullable<Announced['call']>['decoded'] };
      return item;
    }),
  );
}

/**
 * Calls this account announced as a delayed proxy: each one's call in words (if
 * this browser announced it), the block from which it may run, and the buttons
 * to execute it then or to withdraw it.
 */
function Announcements() {
  const { api, account, best } = useChain();
  const { t } = useTranslation();
  const names = useNames();
  const send = useTx();
  const me = account?.address;
  const { data } = useLive((api, at) => (me ? loadAnnouncements(api, me, at) : Promise.resolve([])), [me]);
  if (!api || !me || !best || !data || data.length === 0) return null;
  return (
    <div className="card" data-testid="announcements">
      <h3>{t('approvals.announced.title')}</h3>
      <p className="muted">{t('approvals.announced.intro')}</p>
      {data.map((a) => {
        const from = a.height + (a.delay ?? 0);
        const ready = best.number >= from;
        return (
          <div key={`${a.real}-${a.callHash}`} className="stack" data-testid={`announced-${a.callHash}`}>
            <p>
              {t('approvals.announced.for', { name: names(a.real) ?? a.real, type: a.proxyType ?? '?' })}:{' '}
              {a.call ? describeCall(a.call.decoded, names) : <code>{a.callHash}</code>}
            </p>
            <p className="muted">
              {ready
                ? t('approvals.announced.ready', { block: from })
                : t('approvals.announced.waiting', { block: from, blocks: from - best.number })}
            </p>
            <div className="row">
              <button
                disabled={!ready || !a.call || !a.proxyType}
                onClick={() =>
                  a.call &&
                  send(
                    t('approvals.announced.executeLabel'),
                    api.tx.Proxy.proxy_announced({
                      delegate: MultiAddress.Id(me),
                      real: MultiAddress.Id(a.real),
                      force_proxy_type: { type: a.proxyType, value: undefined } as never,
                      call: a.call.decoded,
                    }),
                    { asSigner: true },
                  )
                }
              >
                {t('approvals.announced.execute')}
              </button>
              <button
                className="link"
                onClick={() =>
                  send(
                    t('approvals.announced.withdrawLabel'),
                    api.tx.Proxy.remove_announcement({ real: MultiAddress.Id(a.real), call_hash: a.callHash }),
                    { asSigner: true },
                  )
                }
              >
                {t('approvals.announced.withdraw')}
              </button>
            </div>
            {!a.call && <p className="muted">{t('approvals.announced.unknownCall')}</p>}
          </div>
        );
      })}
    </div>
  );
}
