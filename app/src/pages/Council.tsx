// The consortium (members, applications, applying) and its council: motions
// with their proposal in words, votes, closing (bounds computed here), and
// forms for the usual motions.

import { useState } from 'react';
import { useChain, useLive, type Api } from '../chain';
import { useTx } from '../components/Tx';
import { Who, useMembers, useNames } from '../components/Names';
import { Field } from '../components/Field';
import { describeCall } from '../lib/words';
import { parseAmount, peer } from '../lib/amount';
import { percentToPerbill, perbillToPercent } from '../lib/perbill';
import { blockToDate, relative } from '../lib/blocks';
import { blake2 } from '../lib/hash';

const enc = new TextEncoder();
const dec = new TextDecoder();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Call = any;

/** Ayes needed for `p/q` of a council of `n` (pallet_collective's EnsureProportionAtLeast). */
export const thresholdFor = (p: number, q: number, n: number) => Math.ceil((p * n) / q);

export function Council() {
  return <div className="council"><Consortium /><Motions /><Propose /></div>;
}

function Consortium() {
  const members = useMembers();
  const { account, api } = useChain();
  const send = useTx();
  const { data } = useLive(async (api, at) => ({
    apps: await api.query.Consortium.Applications.getEntries({ at }),
    deposit: await api.constants.Consortium.ApplicationDeposit(),
  }), []);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'Organization' | 'Individual'>('Organization');
  const [err, setErr] = useState<string>();
  const apply = () => {
    if (!api) return;
    if (!name.trim()) return setErr('The name members will know you by.');
    if (enc.encode(name).length > 64) return setErr('At most 64 bytes.');
    setErr(undefined);
    send(`Apply as “${name}”`, api.tx.Consortium.apply({ name: enc.encode(name), kind: { type: kind, value: undefined }, charter: undefined }));
  };
  const me = account?.address;
  return (
    <section className="card wide">
      <h2>Consortium</h2>
      <table data-testid="members"><thead><tr><th>Member</th><th>Kind</th><th>Joined</th></tr></thead>
        <tbody>{[...members.entries()].map(([a, m]) => <tr key={a}><td title={a}>{m.name}</td><td>{m.kind}</td><td>#{m.joined}{m.leavesAt ? `, leaves at #${m.leavesAt}` : ''}</td></tr>)}</tbody>
      </table>
      <h3>Applications</h3>
      <table data-testid="applications"><tbody>
        {data?.apps.map((a) => <tr key={a.keyArgs[0]}><td><Who address={a.keyArgs[0]} /></td><td>“{dec.decode(a.value.name)}”</td><td>{a.value.kind.type}</td><td>deposit {peer(a.value.deposit)}</td><td>applied #{a.value.applied}</td></tr>)}
      </tbody></table>
      {data?.apps.length === 0 && <p className="muted">No application.</p>}
      {me && !members.has(me) && !data?.apps.some((a) => a.keyArgs[0] === me) && (
        <form className="row" data-testid="apply-form" onSubmit={(e) => { e.preventDefault(); apply(); }}>
          <Field label="Apply to join as" error={err} id="apply-name"><input value={name} onChange={(e) => setName(e.target.value)} aria-label="Applicant name" /></Field>
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} aria-label="Kind"><option>Organization</option><option>Individual</option></select>
          <button type="submit">Apply{data ? ` (deposit ${peer(data.deposit)})` : ''}</button>
        </form>
      )}
    </section>
  );
}

function Motions() {
  const { api, account, best, slotMs } = useChain();
  const names = useNames();
  const send = useTx();
  const { data } = useLive(async (api, at) => {
    const [hashes, council] = await Promise.all([api.query.Council.Proposals.getValue({ at }), api.query.Council.Members.getValue({ at })]);
    const motions = await Promise.all(hashes.map(async (hash) => ({
      hash,
      call: (await api.query.Council.ProposalOf.getValue(hash, { at })) as Call,
      voting: await api.query.Council.Voting.getValue(hash, { at }),
    })));
    return { motions, council };
  }, []);
  if (!api || !data || !best) return null;
  const me = account?.address;
  const isCouncillor = !!me && data.council.includes(me);
  const close = async (hash: string, index: number, call: Call) => {
    const { length, weight } = await bounds(api, call);
    send(`Close motion ${index}`, api.tx.Council.close({ proposal_hash: hash as `0x${string}`, index, proposal_weight_bound: weight, length_bound: length }));
  };
  return (
    <section className="card wide">
      <h2>Council motions</h2>
      <p className="muted">Council: {data.council.map((c) => <span key={c}><Who address={c} /> </span>)}</p>
      {data.motions.length === 0 && <p className="muted" data-testid="no-motions">No open motion.</p>}
      <ul className="motions">
        {data.motions.map(({ hash, call, voting }) => voting && (
          <li key={hash} data-testid={`motion-${voting.index}`} className="card">
            <p><strong>Motion {voting.index}</strong>: {call ? describeCall(call, names) : '(proposal not stored)'}</p>
            <p>Ayes {voting.ayes.length} / needed {voting.threshold} · nays {voting.nays.length} · ends {relative(blockToDate(voting.end, best.number, best.seenMs, slotMs).getTime() - Date.now())} (#{voting.end})</p>
            <p className="muted">Ayes: {voting.ayes.map((a) => names(a) ?? a.slice(0, 8)).join(', ') || 'none'} · Nays: {voting.nays.map((a) => names(a) ?? a.slice(0, 8)).join(', ') || 'none'}</p>
            {isCouncillor && !voting.ayes.includes(me!) && <button onClick={() => send(`Vote aye on motion ${voting.index}`, api.tx.Council.vote({ proposal: hash, index: voting.index, approve: true }))}>Vote aye</button>}{' '}
            {isCouncillor && !voting.nays.includes(me!) && <button onClick={() => send(`Vote nay on motion ${voting.index}`, api.tx.Council.vote({ proposal: hash, index: voting.index, approve: false }))}>Vote nay</button>}{' '}
            {me && (voting.ayes.length >= voting.threshold || best.number > voting.end) && call &&
              <button onClick={() => close(hash, voting.index, call)}>Close and execute</button>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `close` needs the proposal's encoded length and weight: computed from the proposal itself. */
async function bounds(api: Api, call: Call) {
  const bytes: Uint8Array = await (api.tx as Call)[call.type][call.value.type](call.value.value).getEncodedData();
  const info = await api.apis.TransactionPaymentCallApi.query_call_info(call, bytes.length);
  return { length: bytes.length, weight: info.weight };
}

type Kind = 'admit' | 'reject' | 'dispute' | 'cancel' | 'parameter' | 'addValidator' | 'removeValidator';

function Propose() {
  const { api, account } = useChain();
  const send = useTx();
  const members = useMembers();
  const { data } = useLive(async (api, at) => ({
    council: await api.query.Council.Members.getValue({ at }),
    apps: (await api.query.Consortium.Applications.getEntries({ at })).map((a) => ({ who: a.keyArgs[0], name: dec.decode(a.value.name) })),
    disputed: (await api.query.Missions.LiveMissions.getEntries({ at })).flatMap((m) => m.value.milestones
      .map((ms, i) => ({ mission: m.keyArgs[0], milestone: i, amount: ms.amount, disputed: ms.status.type === 'Disputed' }))
      .filter((x) => x.disputed)),
  }), []);
  const [kind, setKind] = useState<Kind>('admit');
  const [who, setWho] = useState('');
  const [target, setTarget] = useState('');
  const [verdict, setVerdict] = useState<'Approve' | 'UpholdRejection' | 'Split'>('Split');
  const [split, setSplit] = useState(50);
  const [mission, setMission] = useState('');
  const [param, setParam] = useState<'MissionDeposit' | 'MinimumBudget' | 'MinimumBond' | 'ReviewPeriod' | 'MinWorkingTime'>('MinimumBond');
  const [paramValue, setParamValue] = useState('');
  const [err, setErr] = useState<string>();
  if (!api || !data || !account || !data.council.includes(account.address)) return null;
  const n = data.council.length;

  const build = (): { call: Call; p: number; q: number; label: string } | string => {
    switch (kind) {
      case 'admit':
      case 'reject': {
        if (!who) return 'Choose an applicant.';
        const call = kind === 'admit' ? api.tx.Consortium.admit({ who }) : api.tx.Consortium.reject_application({ who });
        return { call, p: 3, q: 4, label: `${kind === 'admit' ? 'Admit' : 'Reject'} ${data.apps.find((a) => a.who === who)?.name}` };
      }
      case 'dispute': {
        const [m, i] = target.split('/').map(Number);
        if (!target) return 'Choose a disputed milestone.';
        const v = verdict === 'Split' ? { type: 'Split' as const, value: percentToPerbill(String(split)).ok ? split * 10_000_000 : 0 } : { type: verdict, value: undefined };
        return { call: api.tx.Missions.resolve_dispute({ mission: m, milestone: i, verdict: v as Call }), p: 2, q: 3, label: `Resolve dispute on mission ${m}` };
      }
      case 'cancel': {
        if (!/^\d+$/.test(mission)) return 'A mission number.';
        return { call: api.tx.Missions.force_cancel_mission({ mission: Number(mission) }), p: 2, q: 3, label: `Cancel mission ${mission}` };
      }
      case 'parameter': {
        let value: bigint | number;
        if (param === 'ReviewPeriod' || param === 'MinWorkingTime') {
          if (!/^\d+$/.test(paramValue)) return 'A number of blocks.';
          value = Number(paramValue);
        } else {
          const a = parseAmount(paramValue);
          if (!a.ok) return a.error;
          value = a.value;
        }
        const kv = { type: 'Missions', value: { type: param, value: [undefined, value] } };
        return { call: api.tx.Parameters.set_parameter({ key_value: kv as Call }), p: 2, q: 3, label: `Set ${param}` };
      }
      case 'addValidator':
      case 'removeValidator': {
        if (!/^[1-9A-HJ-NP-Za-km-z]{47,48}$/.test(who)) return 'An account address (SS58).';
        const call = kind === 'addValidator' ? api.tx.ValidatorSet.add_validator({ who }) : api.tx.ValidatorSet.remove_validator({ who });
        // Who produces blocks takes the same majority as who votes.
        return { call, p: 3, q: 4, label: `${kind === 'addValidator' ? 'Add' : 'Remove'} validator` };
      }
    }
  };
  const propose = async () => {
    const b = build();
    if (typeof b === 'string') return setErr(b);
    setErr(undefined);
    // Propose and vote aye in one transaction: the motion's hash and index are
    // known beforehand; if another motion takes the index first, neither happens.
    const bytes: Uint8Array = await b.call.getEncodedData();
    const index = await api.query.Council.ProposalCount.getValue({ at: 'best' });
    send(`Propose: ${b.label}`, api.tx.Utility.batch_all({ calls: [
      api.tx.Council.propose({ threshold: thresholdFor(b.p, b.q, n), proposal: b.call.decodedCall, length_bound: bytes.length }).decodedCall,
      api.tx.Council.vote({ proposal: blake2(bytes), index, approve: true }).decodedCall,
    ] }));
  };
  return (
    <section className="card wide" data-testid="propose">
      <h2>Propose a motion</h2>
      <div className="row">
        <select value={kind} onChange={(e) => { setKind(e.target.value as Kind); setWho(''); setErr(undefined); }} aria-label="Motion">
          <option value="admit">Admit an applicant (¾)</option>
          <option value="reject">Reject an application (¾)</option>
          <option value="dispute">Resolve a dispute (⅔)</option>
          <option value="cancel">Force-cancel a mission (⅔)</option>
          <option value="parameter">Set a mission parameter (⅔)</option>
          <option value="addValidator">Add a validator (¾)</option>
          <option value="removeValidator">Remove a validator (¾)</option>
        </select>
        {(kind === 'admit' || kind === 'reject') && (
          <select value={who} onChange={(e) => setWho(e.target.value)} aria-label="Applicant">
            <option value="">— applicant —</option>
            {data.apps.map((a) => <option key={a.who} value={a.who}>{a.name}</option>)}
          </select>
        )}
        {kind === 'dispute' && <>
          <select value={target} onChange={(e) => setTarget(e.target.value)} aria-label="Disputed milestone">
            <option value="">— disputed milestone —</option>
            {data.disputed.map((d) => <option key={`${d.mission}/${d.milestone}`} value={`${d.mission}/${d.milestone}`}>mission {d.mission}, milestone {d.milestone + 1} ({peer(d.amount)})</option>)}
          </select>
          <select value={verdict} onChange={(e) => setVerdict(e.target.value as typeof verdict)} aria-label="Verdict">
            <option value="Approve">Paid in full</option><option value="UpholdRejection">Rejection upheld</option><option value="Split">Split</option>
          </select>
          {verdict === 'Split' && <label className="slider">Paid to the roster: <input type="range" min={0} max={100} value={split} onChange={(e) => setSplit(Number(e.target.value))} aria-label="Split" /> <output data-testid="split">{perbillToPercent(split * 10_000_000)}</output></label>}
        </>}
        {kind === 'cancel' && <input value={mission} onChange={(e) => setMission(e.target.value)} placeholder="mission #" aria-label="Mission number" />}
        {kind === 'parameter' && <>
          <select value={param} onChange={(e) => setParam(e.target.value as typeof param)} aria-label="Parameter">
            <option>MissionDeposit</option><option>MinimumBudget</option><option>MinimumBond</option><option>ReviewPeriod</option><option>MinWorkingTime</option>
          </select>
          <input value={paramValue} onChange={(e) => setParamValue(e.target.value)} placeholder={param === 'ReviewPeriod' || param === 'MinWorkingTime' ? 'blocks' : 'PEER'} aria-label="Parameter value" />
        </>}
        {(kind === 'addValidator' || kind === 'removeValidator') && (
          <select value={who} onChange={(e) => setWho(e.target.value)} aria-label="Validator account">
            <option value="">— member —</option>
            {[...members.entries()].map(([a, m]) => <option key={a} value={a}>{m.name}</option>)}
          </select>
        )}
        <button onClick={propose}>Propose</button>
      </div>
      {err && <p className="field-error" role="alert" data-testid="error-motion">{err}</p>}
      <p className="muted">A council of {n}: ¾ needs {thresholdFor(3, 4, n)} ayes, ⅔ needs {thresholdFor(2, 3, n)}. Proposing also casts your aye.</p>
    </section>
  );
}
