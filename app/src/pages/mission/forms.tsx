// The forms of a mission's page: committing, delivering, rejecting with
// reasons, and the owner's change of the terms. Bad input gets its message
// beside the field and nothing is sent; limits come from the chain's
// constants and parameters (`missionParams`).

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChain, type Api } from '../../chain';
import { useAssets } from '../../components/Assets';
import { Field } from '../../components/Field';
import { useMembers } from '../../components/Names';
import { useTx } from '../../components/Tx';
import { peer } from '../../lib/amount';
import { assetKey, parseAssetAmount } from '../../lib/assets';
import { dateToBlock } from '../../lib/blocks';
import { hashFile, hashText } from '../../lib/hash';
import { checkLink } from '../../lib/links';
import { percentToPerbill, perbillToPercent, shareOf, PERBILL } from '../../lib/perbill';
import { settled, type MissionDetail } from '../../missions';
import { enc, usePay, type Data } from './shared';
import { useUpload } from './documents';

/** Reasons this browser rejected with, by hash: only the hash is on chain. */
const REASONS_KEY = 'peer.reasons';
const rememberReason = (hash: string, text: string) => {
  const all = JSON.parse(localStorage.getItem(REASONS_KEY) ?? '{}');
  localStorage.setItem(REASONS_KEY, JSON.stringify({ ...all, [hash]: text }));
};
export const reasonText = (hash: string): string | undefined =>
  JSON.parse(localStorage.getItem(REASONS_KEY) ?? '{}')[hash];

export function RejectForm({ mission, index }: { mission: number; index: number }) {
  const { t } = useTranslation();
  const { api } = useChain();
  const send = useTx();
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string>();
  const upload = useUpload();
  if (!api) return null;
  const submit = async () => {
    if (!reason.trim()) return setErr(t('mission.forms.reasonsNeeded'));
    setErr(undefined);
    const h = hashText(reason);
    rememberReason(h, reason);
    const r = await send(
      t('txLabel.reject', { milestone: index + 1 }),
      api.tx.Missions.reject_milestone({ mission, milestone: index, reason_hash: h }),
    );
    // The reasons go to the store, for the roster (and the council in a dispute).
    if (r.ok)
      await upload.run([
        { mission, kind: 'rejection', milestone: index, name: 'reasons.txt', bytes: enc.encode(reason) },
      ]);
  };
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label={t('mission.forms.reasons')} error={err} id="reason">
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          aria-label={t('mission.forms.reasonsShort')}
        />
      </Field>
      <button type="submit">{t('mission.forms.reject')}</button>
    </form>
  );
}

export function DeliverForm({ mission, index, maxUriLen }: { mission: number; index: number; maxUriLen: number }) {
  const { t } = useTranslation();
  const { api } = useChain();
  const send = useTx();
  const [hash, setHash] = useState<string>();
  const [file, setFile] = useState<File>();
  const fileName = file?.name;
  const upload = useUpload();
  const [uri, setUri] = useState('');
  const [errs, setErrs] = useState<{ file?: string; uri?: string }>({});
  if (!api) return null;
  const submit = async () => {
    const e: typeof errs = {};
    if (!hash) e.file = t('mission.forms.pickFile');
    const badUri = checkLink(uri, maxUriLen);
    if (badUri) e.uri = badUri;
    setErrs(e);
    if (Object.keys(e).length || !hash || !file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = await send(
      t('txLabel.deliver', { milestone: index + 1 }),
      api.tx.Missions.submit_deliverable({
        mission,
        milestone: index,
        content_hash: hash as `0x${string}`,
        uri: uri ? enc.encode(uri) : undefined,
      }),
    );
    // The file goes to the store, readable by the mission's people only.
    if (r.ok) await upload.run([{ mission, kind: 'deliverable', milestone: index, name: file.name, bytes }]);
  };
  return (
    <form
      className="stack deliver"
      data-testid={`deliver-${index}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field
        label={t('mission.forms.file')}
        error={errs.file}
        id={`file-${index}`}
        hint={
          hash && (
            <>
              {fileName}: <code>{hash.slice(0, 18)}…</code>
            </>
          )
        }
      >
        <input
          type="file"
          aria-label={t('mission.forms.fileFor', { milestone: index + 1 })}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            setFile(f);
            setHash(f ? await hashFile(f) : undefined);
          }}
        />
      </Field>
      <Field label={t('mission.forms.where')} error={errs.uri} id={`uri-${index}`}>
        <input value={uri} onChange={(e) => setUri(e.target.value)} placeholder="https://…" />
      </Field>
      <button type="submit">{t('mission.forms.submit')}</button>
    </form>
  );
}

export function CommitForm({ api, detail, data }: { api: Api; detail: MissionDetail; data: Data }) {
  const { t } = useTranslation();
  const send = useTx();
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
    else if (s.value + taken > PERBILL)
      e.share = t('mission.forms.shareLeft', { left: perbillToPercent(PERBILL - taken) });
    if (bond > data.free) e.bond = t('mission.forms.bondTooHigh', { free: peer(data.free) });
    setErrs(e);
    if (Object.keys(e).length || !s.ok) return;
    // The bond shown is the most the signature lets the chain hold.
    send(
      t('txLabel.commit', { mission: m.id }),
      api.tx.Missions.commit({ mission: m.id, share: s.value, role_hash: hashText(role), max_bond: bond }),
    );
  };
  const preview = percentToPerbill(share);
  return (
    <form
      className="commit card"
      data-testid="commit-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h4>{t('mission.forms.commitTitle')}</h4>
      <Field
        label={t('mission.forms.share')}
        error={errs.share}
        id="share"
        hint={
          preview.ok && (
            <>
              {t('mission.forms.wouldReceive', {
                amounts: m.milestones.map((x) => pay(shareOf(preview.value, x.amount))).join(' + '),
              })}
            </>
          )
        }
      >
        <input
          value={share}
          onChange={(e) => setShare(e.target.value)}
          inputMode="decimal"
          placeholder={t('mission.forms.sharePlaceholder')}
          aria-label={t('mission.forms.shareShort')}
        />
      </Field>
      <Field
        label={t('mission.forms.bond')}
        error={errs.bond}
        id="bond"
        hint={t('mission.forms.bondHint', {
          fee: peer(data.params.minimumBond < bond ? data.params.minimumBond : bond),
        })}
      >
        <output data-testid="bond">{peer(bond)}</output>
      </Field>
      <Field label={t('mission.forms.role')}>
        <input
          value={role}
          onChange={(e) => setRole(e.target.value)}
          placeholder={t('mission.forms.rolePlaceholder')}
          aria-label={t('mission.forms.roleShort')}
        />
      </Field>
      <button type="submit">{t('mission.forms.commit')}</button>
    </form>
  );
}

/** Why a member who may not commit cannot (the chain offered no commitment). */
export function MembersOnly({ detail }: { detail: MissionDetail }) {
  const { t } = useTranslation();
  const { actor } = useChain();
  const members = useMembers();
  const m = detail.mission;
  if (m.options.open_to_non_members || !actor || members.has(actor) || m.owner === actor) return null;
  return (
    <p className="muted" data-testid="members-only">
      {t('mission.forms.membersOnly')}
    </p>
  );
}

/** The owner grows the budget or moves the deadline. */
export function AmendForm({ api, detail }: { api: Api; detail: MissionDetail }) {
  const { t } = useTranslation();
  const send = useTx();
  const assets = useAssets();
  const { best, slotMs, may } = useChain();
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
    const a = info ? parseAssetAmount(amount, info) : { ok: false as const, error: t('mission.forms.unknownAsset') };
    setErrs({ amount: a.ok ? undefined : a.error });
    if (!a.ok) return;
    const call =
      milestone === 'new'
        ? api.tx.Missions.add_milestone({
            mission: m.id,
            description_hash: hashText(`milestone ${m.milestones.length + 1}`),
            amount: a.value,
          })
        : api.tx.Missions.increase_budget({ mission: m.id, milestone: Number(milestone), amount: a.value });
    send(t('txLabel.addBudget', { mission: m.id }), call);
  };
  const extend = () => {
    const when = new Date(deadline);
    const block = dateToBlock(when, best.number, best.seenMs, slotMs);
    const e =
      !deadline || isNaN(when.getTime())
        ? t('mission.forms.pickDate')
        : block <= m.deadline
          ? t('mission.forms.laterDate')
          : undefined;
    setErrs({ deadline: e });
    if (e) return;
    send(t('txLabel.extend', { mission: m.id }), api.tx.Missions.extend_deadline({ mission: m.id, deadline: block }));
  };
  return (
    <form className="card" data-testid="amend-form" onSubmit={(e) => e.preventDefault()}>
      <h4>{t('mission.forms.changeTitle')}</h4>
      {consent && <p className="muted">{t('mission.forms.consent')}</p>}
      {may('Missions.increase_budget') && (
        <Field
          label={t('mission.forms.addBudget', { symbol: info?.symbol ?? t('mission.forms.units') })}
          error={errs.amount}
          id="topup"
        >
          <select
            value={milestone}
            onChange={(e) => setMilestone(e.target.value)}
            aria-label={t('mission.forms.milestoneToTopUp')}
          >
            {open.map((x) => (
              <option key={x.index} value={String(x.index)}>
                {t('mission.forms.milestoneN', { milestone: x.index + 1 })}
              </option>
            ))}
            <option value="new">{t('mission.forms.newMilestone')}</option>
          </select>
          <input
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            aria-label={t('mission.forms.topUpAmount')}
          />
          <button type="button" onClick={topUp}>
            {t('mission.forms.add')}
          </button>
        </Field>
      )}
      {may('Missions.extend_deadline') && (
        <Field label={t('mission.forms.moveDeadline')} error={errs.deadline} id="extend">
          <input
            type="datetime-local"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            aria-label={t('mission.forms.newDeadline')}
          />
          <button type="button" onClick={extend}>
            {t('mission.forms.extend')}
          </button>
        </Field>
      )}
    </form>
  );
}
