// One mission: milestones and deliverables, roster, commitments, the terms
// recomputed here, and every action this account may take in this phase.

import { useState, type ReactElement } from 'react';
import { useChain, useLive, type Api } from '../chain';
import { useTx } from '../components/Tx';
import { Who, useMembers } from '../components/Names';
import { Field } from '../components/Field';
import { loadMission, missionParams, settled, type MissionDetail, type MilestoneStatus } from '../missions';
import { peer } from '../lib/amount';
import { percentToPerbill, perbillToPercent, shareOf, PERBILL } from '../lib/perbill';
import { blockToDate, dateToBlock, duration, relative } from '../lib/blocks';
import { hashFile, hashText } from '../lib/hash';
import { checkLink } from '../lib/links';
import { ChainLink } from '../components/ChainLink';
import { useAssets } from '../components/Assets';
import { assetKey, money, parseAssetAmount, type AssetKind } from '../lib/assets';

/** Formats amounts of the mission's asset. */
type Pay = (amount: bigint) => string;
function usePay(kind: AssetKind | undefined): Pay {
  const assets = useAssets();
  return (amount) => (kind ? money(amount, assets.get(assetKey(kind)), kind) : peer(amount));
}

const enc = new TextEncoder();

export function MissionPage({ id }: { id: number }) {
  const { account, best, slotMs } = useChain();
  const assets = useAssets();
  const { data, error } = useLive(async (api, at) => {
    const [detail, params, free] = await Promise.all([
      loadMission(api, id, at),
      missionParams(api, at),
      account ? api.query.System.Account.getValue(account.address, { at }).then((a) => a.data.free) : Promise.resolve(0n),
    ]);
    return { detail, params, free };
  }, [id, account?.address]);
  if (error && !data) return <p className="error">{error}</p>;
  if (!data || !best) return <p className="muted">Loading mission {id}…</p>;
  if (!data.detail) return <p className="empty" data-testid="mission-gone">Mission {id} is not live: it completed, was cancelled or expired (its history is in the events).</p>;
  const d = data.detail;
  const m = d.mission;
  const pay: Pay = (amount) => money(amount, assets.get(assetKey(m.asset)), m.asset);
  const date = (block: number) => {
    const when = blockToDate(block, best.number, best.seenMs, slotMs);
    return `${when.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })} (${relative(when.getTime() - Date.now())}, block #${block})`;
  };
  const me = account?.address;
  const mine = d.commitments.find((c) => c.who === me);
  const isOwner = me === m.owner;
  const onRoster = !!mine?.accepted;
  const rosterShares = m.roster.reduce((s, r) => s + r.share, 0);
  return (
    <article className="mission" data-testid="mission">
      <header>
        <h2 data-testid="mission-title">{m.title} <span className={`badge ${m.phase}`} data-testid="phase">{m.phase}</span></h2>
        <p>Posted by <Who address={m.owner} /> at block #{m.created}. Deadline {date(m.deadline)}.</p>
        <p className="muted">Description hash <code>{m.contentHash}</code>{m.uri && <> · <ChainLink uri={m.uri} /></>}</p>
        <table className="kv"><tbody>
          <tr><th>Budget</th><td data-testid="budget">{pay(m.budget)}</td></tr>
          <tr><th>Paid</th><td data-testid="paid">{pay(m.paid)}</td></tr>
          <tr><th>Refunded</th><td>{pay(m.refunded)}</td></tr>
          <tr><th>In escrow</th><td>{pay(m.escrowed)}</td></tr>
          <tr><th>Bond asked</th><td>{peer(m.options.min_bond > data.params.minimumBond ? m.options.min_bond : data.params.minimumBond)}</td></tr>
          <tr><th>Open to</th><td>{m.options.open_to_non_members ? 'anyone' : 'members only'}{m.options.min_reputation ? `, reputation ≥ ${m.options.min_reputation}` : ''}</td></tr>
        </tbody></table>
      </header>

      <Terms detail={d} />

      <section>
        <h3>Milestones</h3>
        <table data-testid="milestones"><thead><tr><th>#</th><th>Description</th><th>Amount</th><th>Status</th><th>Latest deliverable</th><th></th></tr></thead>
          <tbody>
            {m.milestones.map((ms) => {
              const del = d.deliverables.get(ms.index);
              return (
                <tr key={ms.index} data-testid={`milestone-${ms.index}`}>
                  <td>{ms.index + 1}</td>
                  <td><code title={ms.descriptionHash}>{ms.descriptionHash.slice(0, 10)}…</code></td>
                  <td>{pay(ms.amount)}</td>
                  <td data-testid={`milestone-status-${ms.index}`}><StatusText s={ms.status} pay={pay} /></td>
                  <td>{del ? <>v{del.version} by <Who address={del.submitter} />, <code title={del.contentHash}>{del.contentHash.slice(0, 10)}…</code>
                    {del.uri && <> · <ChainLink uri={del.uri} /></>}</> : '—'}</td>
                  <td><MilestoneActions detail={d} index={ms.index} status={ms.status} isOwner={isOwner} onRoster={onRoster} reviewOpen={best.number <= m.reviewEnds} beforeDeadline={best.number <= m.deadline} disputePeriod={data.params.disputePeriod} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section>
        <h3>Roster <span className="muted">({perbillToPercent(rosterShares)} of 100 % accepted)</span></h3>
        <table data-testid="roster"><thead><tr><th>Contributor</th><th>Share</th><th>Bond</th><th>Status</th><th></th></tr></thead>
          <tbody>
            {d.commitments.map((c) => (
              <tr key={c.who} data-testid={`commitment-${c.who}`}>
                <td><Who address={c.who} /></td>
                <td>{perbillToPercent(c.share)}</td>
                <td>{peer(c.bond)}</td>
                <td>{c.accepted ? (m.phase === 'Agreeing' ? (c.signed ? 'accepted, signed' : 'accepted, not signed yet') : 'accepted') : 'pending'}</td>
                <td>{isOwner && m.phase !== 'Active' && <CommitmentDecision mission={m.id} who={c.who} accepted={c.accepted} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.commitments.length === 0 && <p className="muted">No commitment yet.</p>}
      </section>

      <Actions detail={d} data={data} isOwner={isOwner} mine={mine} rosterShares={rosterShares} />
    </article>
  );
}

function StatusText({ s, pay }: { s: MilestoneStatus; pay: Pay }) {
  switch (s.type) {
    case 'Rejected': return <>rejected{s.value.upheld ? ' (upheld by the council)' : ''}, reasons <code title={s.value.reason_hash}>{s.value.reason_hash.slice(0, 10)}…</code></>;
    case 'Disputed': return <>disputed: awaiting the council</>;
    case 'Split': return <>split: {pay(s.value.paid)} paid, {pay(s.value.refunded)} refunded</>;
    case 'Submitted': return <>awaiting review</>;
    default: return <>{s.type.toLowerCase()}</>;
  }
}

/** The terms: what the chain holds and what this page recomputes from what it shows. */
function Terms({ detail }: { detail: MissionDetail }) {
  const m = detail.mission;
  const verified = m.termsHash !== undefined && m.termsHash === detail.recomputedTerms;
  return (
    <section className="terms" data-testid="terms">
      <h3>Terms</h3>
      {m.termsHash ? (
        <p>On chain: <code data-testid="terms-chain">{m.termsHash}</code><br />
          Recomputed here from the milestones, roster and deadline above: <code data-testid="terms-local">{detail.recomputedTerms}</code>{' '}
          {verified ? <strong className="ok" data-testid="terms-verified">✓ verified</strong> : <strong className="error">✗ differs: do not sign</strong>}</p>
      ) : <p className="muted">Not proposed yet. With today's roster they would hash to <code>{detail.recomputedTerms}</code>.</p>}
    </section>
  );
}

function CommitmentDecision({ mission, who, accepted }: { mission: number; who: string; accepted: boolean }) {
  const { api } = useChain();
  const send = useTx();
  if (!api) return null;
  return <>
    {!accepted && <button onClick={() => send('Accept commitment', api.tx.Missions.accept_commitment({ mission, who }))}>Accept</button>}{' '}
    <button onClick={() => send(accepted ? 'Remove from roster' : 'Turn down commitment', api.tx.Missions.reject_commitment({ mission, who }))}>{accepted ? 'Remove' : 'Turn down'}</button>
  </>;
}

function MilestoneActions({ detail, index, status, isOwner, onRoster, reviewOpen, beforeDeadline, disputePeriod }: {
  detail: MissionDetail; index: number; status: MilestoneStatus; isOwner: boolean; onRoster: boolean; reviewOpen: boolean; beforeDeadline: boolean; disputePeriod: number;
}) {
  const { api, best } = useChain();
  const send = useTx();
  const [rejecting, setRejecting] = useState(false);
  const m = detail.mission;
  if (!api || m.phase !== 'Active') return null;
  const mission = m.id;
  // A rejection may be disputed within the dispute period after it, unless upheld.
  const disputable = status.type === 'Rejected' && !status.value.upheld && !!best && best.number <= status.value.at + disputePeriod;
  const note = isOwner && (status.type === 'Rejected' || status.type === 'Disputed') ? <ReasonNote hash={status.value.reason_hash} /> : null;
  if (isOwner && status.type === 'Submitted' && reviewOpen) {
    return <div className="stack">
      <button onClick={() => send(`Approve milestone ${index + 1}`, api.tx.Missions.approve_milestone({ mission, milestone: index }))}>Approve and pay</button>
      {rejecting ? <RejectForm mission={mission} index={index} /> : <button onClick={() => setRejecting(true)}>Reject…</button>}
    </div>;
  }
  if (onRoster && (status.type === 'Open' || status.type === 'Rejected') && beforeDeadline) {
    return <div className="stack">
      {status.type === 'Rejected' && <CheckReasons hash={status.value.reason_hash} />}
      <DeliverForm mission={mission} index={index} />
      {disputable &&
        <button onClick={() => send(`Dispute milestone ${index + 1}`, api.tx.Missions.dispute_milestone({ mission, milestone: index }))}>Dispute the rejection</button>}
    </div>;
  }
  if (onRoster && disputable) {
    return <button onClick={() => send(`Dispute milestone ${index + 1}`, api.tx.Missions.dispute_milestone({ mission, milestone: index }))}>Dispute the rejection</button>;
  }
  return note;
}

/** Reasons this browser rejected with, by hash: only the hash is on chain. */
const REASONS_KEY = 'peer.reasons';
const rememberReason = (hash: string, text: string) => {
  const all = JSON.parse(localStorage.getItem(REASONS_KEY) ?? '{}');
  localStorage.setItem(REASONS_KEY, JSON.stringify({ ...all, [hash]: text }));
};
const reasonText = (hash: string): string | undefined => JSON.parse(localStorage.getItem(REASONS_KEY) ?? '{}')[hash];

function RejectForm({ mission, index }: { mission: number; index: number }) {
  const { api } = useChain();
  const send = useTx();
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string>();
  if (!api) return null;
  const submit = () => {
    if (!reason.trim()) return setErr('Say why: the contributors need the reasons to fix or dispute it.');
    setErr(undefined);
    const h = hashText(reason);
    rememberReason(h, reason);
    send(`Reject milestone ${index + 1}`, api.tx.Missions.reject_milestone({ mission, milestone: index, reason_hash: h }));
  };
  return <form className="stack" onSubmit={(e) => { e.preventDefault(); submit(); }}>
    <Field label="Reasons (hashed; the text stays in this browser)" error={err} id="reason"><textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} aria-label="Reasons" /></Field>
    <button type="submit">Reject</button>
  </form>;
}

/** For a contributor: do the reasons the owner sent match the hash on chain? */
function CheckReasons({ hash }: { hash: string }) {
  const [text, setText] = useState('');
  const matches = text !== '' && hashText(text) === hash;
  return <Field label="Reasons the owner sent you (checked against the hash on chain)" id="check-reasons"
    hint={text === '' ? undefined : matches ? '✓ these are the reasons the owner rejected with' : '✗ not the text the owner hashed (check spaces and line breaks)'}>
    <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} aria-label="Reasons received" />
  </Field>;
}

/** For the owner who rejected from this browser: the reasons to send on. */
function ReasonNote({ hash }: { hash: string }) {
  const text = reasonText(hash);
  if (!text) return null;
  return <p className="note" data-testid="reject-note">Only the hash of your reasons is on chain: <strong>send the text of your reasons to the contributors</strong>: “{text}”</p>;
}

function DeliverForm({ mission, index }: { mission: number; index: number }) {
  const { api } = useChain();
  const send = useTx();
  const [hash, setHash] = useState<string>();
  const [fileName, setFileName] = useState<string>();
  const [uri, setUri] = useState('');
  const [errs, setErrs] = useState<{ file?: string; uri?: string }>({});
  if (!api) return null;
  const submit = () => {
    const e: typeof errs = {};
    if (!hash) e.file = 'Pick the file you deliver: its hash is what the chain records.';
    const badUri = checkLink(uri, 256);
    if (badUri) e.uri = badUri;
    setErrs(e);
    if (Object.keys(e).length || !hash) return;
    send(`Deliver milestone ${index + 1}`, api.tx.Missions.submit_deliverable({ mission, milestone: index, content_hash: hash as `0x${string}`, uri: uri ? enc.encode(uri) : undefined }));
  };
  return <form className="stack deliver" data-testid={`deliver-${index}`} onSubmit={(e) => { e.preventDefault(); submit(); }}>
    <Field label="File delivered (hashed here, never uploaded)" error={errs.file} id={`file-${index}`} hint={hash && <>{fileName}: <code>{hash.slice(0, 18)}…</code></>}>
      <input type="file" aria-label={`Deliverable file for milestone ${index + 1}`} onChange={async (e) => {
        const f = e.target.files?.[0];
        setFileName(f?.name);
        setHash(f ? await hashFile(f) : undefined);
      }} />
    </Field>
    <Field label="Where it can be fetched (optional)" error={errs.uri} id={`uri-${index}`}><input value={uri} onChange={(e) => setUri(e.target.value)} placeholder="https://…" /></Field>
    <button type="submit">Submit deliverable</button>
  </form>;
}

type Data = { detail: MissionDetail | null; params: Awaited<ReturnType<typeof missionParams>>; free: bigint };

function Actions({ detail, data, isOwner, mine, rosterShares }: {
  detail: MissionDetail; data: Data; isOwner: boolean; mine?: MissionDetail['commitments'][number]; rosterShares: number;
}) {
  const { api, account, best, slotMs } = useChain();
  const send = useTx();
  const m = detail.mission;
  if (!api || !best) return null;
  const mission = m.id;
  const expired = best.number > m.deadline && (m.phase !== 'Active' || best.number > m.reviewEnds);
  // Work starts only with the minimum working time still ahead of the deadline.
  const timeToWork = best.number + data.params.minWorkingTime <= m.deadline;
  const lastStart = m.deadline - data.params.minWorkingTime;
  const startBy = relative((lastStart - best.number) * slotMs);
  const onRoster = !!mine?.accepted;
  const items: ReactElement[] = [];
  if (!account) items.push(<p key="acc" className="muted">Choose an account to act on this mission.</p>);
  if (account && !isOwner && !mine && m.phase === 'Recruiting' && best.number <= m.deadline) items.push(<CommitForm key="commit" api={api} detail={detail} data={data} />);
  if (onRoster && m.phase === 'Agreeing' && !mine?.signed && m.termsHash) {
    items.push(timeToWork
      ? <SignBox key="sign" detail={detail} startBy={startBy} />
      : <p key="sign" className="muted" data-testid="too-late">Too late to start: work needs at least {duration(data.params.minWorkingTime * slotMs)} before the deadline. The owner can cancel; your bond comes back.</p>);
  }
  if (mine && (m.phase !== 'Active' || !mine.accepted)) {
    items.push(<button key="withdraw" onClick={() => send(`Withdraw from mission ${mission}`, api.tx.Missions.withdraw_commitment({ mission }))}>Withdraw my commitment (bond back)</button>);
  }
  if (isOwner && m.phase === 'Recruiting' && m.roster.length > 0) {
    items.push(rosterShares !== PERBILL
      ? <p key="propose" className="muted">Accepted shares add up to {perbillToPercent(rosterShares)}: terms can be proposed at 100 %.</p>
      : timeToWork
        ? <span key="propose"><button onClick={() => send(`Propose terms of mission ${mission}`, api.tx.Missions.propose_terms({ mission }))}>Propose terms</button> <span className="muted" data-testid="start-by">Everyone must sign {startBy}, or it is too late to start.</span></span>
        : <p key="propose" className="muted" data-testid="too-late">Too late to start: work needs at least {duration(data.params.minWorkingTime * slotMs)} before the deadline. Cancel the mission to get the budget back.</p>);
  }
  if (onRoster && m.phase === 'Active') {
    items.push(<button key="abandon" className="danger" onClick={() => {
      if (confirm(`Leave mission ${mission}? Your bond of ${peer(mine!.bond)} is forfeited ${m.asset.type === 'Native' ? 'to the budget' : 'to the owner'}.`)) send(`Abandon mission ${mission}`, api.tx.Missions.abandon({ mission }));
    }}>Abandon (forfeits my bond)</button>);
  }
  if (detail.amendment && m.phase === 'Active' && best.number <= m.deadline) {
    items.push(<AmendmentBox key="amendment" detail={detail} isOwner={isOwner} onRoster={onRoster} me={account?.address} />);
  }
  if (isOwner && best.number <= m.deadline) items.push(<AmendForm key="amend" api={api} detail={detail} />);
  if (isOwner && (m.phase !== 'Active' || m.roster.length === 0)) {
    items.push(<button key="cancel" className="danger" onClick={() => send(`Cancel mission ${mission}`, api.tx.Missions.cancel_mission({ mission }))}>Cancel the mission (budget back, bonds released)</button>);
  }
  if (expired) {
    items.push(<button key="close" onClick={() => send(`Close mission ${mission}`, api.tx.Missions.close_expired({ mission }))}>Close as expired</button>);
  }
  return <section className="actions" data-testid="actions"><h3>What you can do</h3>{items.length ? items : <p className="muted">Nothing for this account in this phase.</p>}</section>;
}

function SignBox({ detail, startBy }: { detail: MissionDetail; startBy: string }) {
  const { api } = useChain();
  const send = useTx();
  const m = detail.mission;
  const pay = usePay(m.asset);
  if (!api || !m.termsHash) return null;
  const verified = m.termsHash === detail.recomputedTerms;
  return <div className="sign card" data-testid="sign-box">
    <p>You sign: mission {m.id}; milestones {m.milestones.map((x) => pay(x.amount)).join(' + ')}; roster {m.roster.map((r) => <span key={r.account}><Who address={r.account} /> {perbillToPercent(r.share)} </span>)}; deadline block #{m.deadline}.</p>
    <p>Hash <code>{m.termsHash}</code> {verified ? '✓ recomputed here' : '✗ does not match what this page shows'}</p>
    <p className="muted" data-testid="start-by">Every contributor must sign {startBy}; later the work can no longer start.</p>
    <button disabled={!verified} onClick={() => send(`Sign terms of mission ${m.id}`, api.tx.Missions.sign_terms({ mission: m.id, terms_hash: m.termsHash as `0x${string}` }))}>Sign these terms</button>
  </div>;
}

function CommitForm({ api, detail, data }: { api: Api; detail: MissionDetail; data: Data }) {
  const send = useTx();
  const { account } = useChain();
  const members = useMembers();
  const m = detail.mission;
  const pay = usePay(m.asset);
  // The bond is the mission's, at least the chain's minimum; the call carries it as
  // the most the chain may hold, so a node that shows less cannot take more.
  const bond = m.options.min_bond > data.params.minimumBond ? m.options.min_bond : data.params.minimumBond;
  const [share, setShare] = useState('');
  const [role, setRole] = useState('');
  const [errs, setErrs] = useState<{ share?: string; bond?: string }>({});
  const taken = m.roster.reduce((s, r) => s + r.share, 0);
  const submit = () => {
    const e: typeof errs = {};
    const s = percentToPerbill(share);
    if (!s.ok) e.share = s.error;
    else if (s.value + taken > PERBILL) e.share = `Only ${perbillToPercent(PERBILL - taken)} is left on the roster.`;
    if (bond > data.free) e.bond = `The bond is more than your free balance (${peer(data.free)}).`;
    setErrs(e);
    if (Object.keys(e).length || !s.ok) return;
    // The bond shown is the most the signature lets the chain hold.
    send(`Commit to mission ${m.id}`, api.tx.Missions.commit({ mission: m.id, share: s.value, role_hash: hashText(role), max_bond: bond }));
  };
  const preview = percentToPerbill(share);
  if (!m.options.open_to_non_members && account && !members.has(account.address)) {
    return <p className="muted" data-testid="members-only">Only consortium members may commit to this mission.</p>;
  }
  return <form className="commit card" data-testid="commit-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
    <h4>Commit to this mission</h4>
    <Field label="Share of every payout, in %" error={errs.share} id="share" hint={preview.ok && <>You would receive {m.milestones.map((x) => pay(shareOf(preview.value, x.amount))).join(' + ')}</>}>
      <input value={share} onChange={(e) => setShare(e.target.value)} inputMode="decimal" placeholder="e.g. 60" aria-label="Share in %" />
    </Field>
    <Field label="Bond held while you take part" error={errs.bond} id="bond" hint={`It comes back when the mission ends well; abandoning forfeits it. If the owner turns your commitment down before accepting it, ${peer(data.params.minimumBond < bond ? data.params.minimumBond : bond)} of it is kept as a fee.`}>
      <output data-testid="bond">{peer(bond)}</output>
    </Field>
    <Field label="Your role (optional; hashed)"><input value={role} onChange={(e) => setRole(e.target.value)} placeholder="e.g. structural analysis" aria-label="Role" /></Field>
    <button type="submit">Commit</button>
  </form>;
}

/** A pending amendment: what changes, who agreed, and the agreement to sign. */
function AmendmentBox({ detail, isOwner, onRoster, me }: { detail: MissionDetail; isOwner: boolean; onRoster: boolean; me?: string }) {
  const { api } = useChain();
  const send = useTx();
  const m = detail.mission;
  const a = detail.amendment!;
  const pay = usePay(m.asset);
  if (!api) return null;
  const verified = a.termsHash === a.recomputed;
  const agreed = !!me && a.agreed.includes(me);
  return <div className="card" data-testid="amendment">
    <h4>Proposed change of the terms</h4>
    <ul>
      {a.topUps.map((t) => <li key={`t${t.index}`}>Milestone {t.index + 1}: +{pay(t.amount)}</li>)}
      {a.added.map((x, i) => <li key={`a${i}`}>New milestone paying {pay(x.amount)}</li>)}
      {a.deadline !== m.deadline && <li>Deadline moves to block #{a.deadline}</li>}
    </ul>
    <p className="muted">Agreed: {a.agreed.length} of {m.roster.length}. Until everyone agrees, the signed terms stand. Held for it: {pay(a.escrow)}.</p>
    <p>Hash <code>{a.termsHash}</code> {verified ? '✓ recomputed here' : '✗ does not match what this page shows'}</p>
    {onRoster && !agreed && <button disabled={!verified} onClick={() => send(`Agree to the change of mission ${m.id}`, api.tx.Missions.agree_amendment({ mission: m.id, terms_hash: a.termsHash as `0x${string}` }))}>Agree to this change</button>}
    {onRoster && agreed && <p className="ok">You agreed.</p>}
    {isOwner && <button onClick={() => send(`Withdraw the change of mission ${m.id}`, api.tx.Missions.withdraw_amendment({ mission: m.id }))}>Withdraw the change (held amount back)</button>}
  </div>;
}

/** The owner grows the budget or moves the deadline. */
function AmendForm({ api, detail }: { api: Api; detail: MissionDetail }) {
  const send = useTx();
  const assets = useAssets();
  const { best, slotMs } = useChain();
  const m = detail.mission;
  const info = assets.get(assetKey(m.asset));
  const [milestone, setMilestone] = useState('0');
  const [amount, setAmount] = useState('');
  const [deadline, setDeadline] = useState('');
  const [errs, setErrs] = useState<{ amount?: string; deadline?: string }>({});
  if (!best) return null;
  const open = m.milestones.filter((x) => !settled(x.status));
  const consent = m.phase === 'Active' && m.roster.length > 0;
  const topUp = () => {
    const a = info ? parseAssetAmount(amount, info) : { ok: false as const, error: 'Unknown asset.' };
    setErrs({ amount: a.ok ? undefined : a.error });
    if (!a.ok) return;
    const call = milestone === 'new'
      ? api.tx.Missions.add_milestone({ mission: m.id, description_hash: hashText(`milestone ${m.milestones.length + 1}`), amount: a.value })
      : api.tx.Missions.increase_budget({ mission: m.id, milestone: Number(milestone), amount: a.value });
    send(`Add to the budget of mission ${m.id}`, call);
  };
  const extend = () => {
    const when = new Date(deadline);
    const block = dateToBlock(when, best.number, best.seenMs, slotMs);
    const e = !deadline || isNaN(when.getTime()) ? 'Pick a date.' : block <= m.deadline ? 'Pick a date after the current deadline.' : undefined;
    setErrs({ deadline: e });
    if (e) return;
    send(`Extend the deadline of mission ${m.id}`, api.tx.Missions.extend_deadline({ mission: m.id, deadline: block }));
  };
  return <form className="card" data-testid="amend-form" onSubmit={(e) => e.preventDefault()}>
    <h4>Change the terms</h4>
    {consent && <p className="muted">Work has started: a change binds once every contributor agrees; until then the signed terms stand. The amount is held now and comes back if it lapses.</p>}
    <Field label={`Add to the budget, in ${info?.symbol ?? 'units'}`} error={errs.amount} id="topup">
      <select value={milestone} onChange={(e) => setMilestone(e.target.value)} aria-label="Milestone to top up">
        {open.map((x) => <option key={x.index} value={String(x.index)}>milestone {x.index + 1}</option>)}
        <option value="new">a new milestone</option>
      </select>
      <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" aria-label="Top-up amount" />
      <button type="button" onClick={topUp}>Add</button>
    </Field>
    <Field label="Move the deadline later" error={errs.deadline} id="extend">
      <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-label="New deadline" />
      <button type="button" onClick={extend}>Extend</button>
    </Field>
  </form>;
}
