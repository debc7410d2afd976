// Post a mission: checked against the chain's own limits and parameters
// before anything is signed, with the fee estimated.

import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChain, useLive } from '../chain';
import { useTx } from '../components/Tx';
import { useMembers } from '../components/Names';
import { Field } from '../components/Field';
import { missionParams } from '../missions';
import { parseAmount, parsePositiveAmount, peer } from '../lib/amount';
import { blockToDate, dateTime, dateToBlock, duration } from '../lib/blocks';
import { hashFile, hashText } from '../lib/hash';
import { setPublic } from '../indexer/documents';
import { useStore, useUpload } from './mission/documents';
import { checkLink } from '../lib/links';
import { useAssets } from '../components/Assets';
import { PEER_ASSET, money, parseAssetAmount } from '../lib/assets';

const enc = new TextEncoder();
interface MilestoneRow {
  text: string;
  amount: string;
}
type Errors = Record<string, string>;

/** `yyyy-mm-ddThh:mm` in local time, for a datetime-local input. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function Post() {
  const { api, account, actor, actingFor, may, best, slotMs } = useChain();
  const members = useMembers();
  const send = useTx();
  const assets = useAssets();
  // What the mission pays in: PEER or an asset governance accepted.
  const [assetChoice, setAssetChoice] = useState('native');
  const asset = assets.get(assetChoice) ?? PEER_ASSET;
  const { data } = useLive(
    async (api, at) => {
      const [params, acc, inAsset] = await Promise.all([
        missionParams(api, at),
        actor ? api.query.System.Account.getValue(actor, { at }) : Promise.resolve(undefined),
        actor && asset.kind.type === 'WithId'
          ? api.query.Assets.Account.getValue(asset.kind.value, actor, { at })
          : Promise.resolve(undefined),
      ]);
      const free = acc?.data.free ?? 0n;
      return { params, free, assetFree: asset.kind.type === 'WithId' ? (inAsset?.balance ?? 0n) : free };
    },
    [actor, asset.key],
  );
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [descFileHash, setDescFileHash] = useState<string>();
  const [descFile, setDescFile] = useState<File>();
  const [openDocs, setOpenDocs] = useState(true);
  const upload = useUpload();
  const store = useStore();
  const [uri, setUri] = useState('');
  const [milestones, setMilestones] = useState<MilestoneRow[]>([{ text: '', amount: '' }]);
  const [deadline, setDeadline] = useState(() => localInput(new Date(Date.now() + 14 * 86_400_000)));
  const [open, setOpen] = useState(false);
  const [minBond, setMinBond] = useState('');
  const [minRep, setMinRep] = useState('0');
  const [errors, setErrors] = useState<Errors>({});
  const [fee, setFee] = useState<bigint>();
  const [posted, setPosted] = useState<number>();
  const { t } = useTranslation();

  if (!api || !best || !data) return <p className="muted">{t('post.loading')}</p>;
  const p = data.params;
  const native = asset.kind.type === 'Native';
  const pay = (x: bigint) => money(x, asset);
  const minimumBudget = native ? p.minimumBudget : asset.minimumBudget;
  const accepted = [...assets.values()].filter((a) => a.kind.type === 'Native' || a.minimumBudget !== undefined);
  const amounts = milestones.map((m) => (native ? parsePositiveAmount(m.amount) : parseAssetAmount(m.amount, asset)));
  const sum = amounts.reduce((s, a) => s + (a.ok ? a.value : 0n), 0n);

  /** Everything the chain would refuse, found here first. */
  const validate = () => {
    const e: Errors = {};
    if (!account || !actor) e.account = t('post.err.account');
    else if (!members.has(actor)) e.account = t('post.err.notMember');
    else if (!may('Missions.create_mission')) e.account = t('post.err.proxy', { type: actingFor?.proxyType });
    if (!title.trim()) e.title = t('post.err.title');
    else if (enc.encode(title).length > p.maxTitleLen) e.title = t('post.err.titleLong', { max: p.maxTitleLen });
    if (!description.trim() && !descFileHash) e.description = t('post.err.description');
    const badUri = checkLink(uri, p.maxUriLen);
    if (badUri) e.uri = badUri;
    if (milestones.length === 0) e.milestones = t('post.err.noMilestone');
    if (milestones.length > p.maxMilestones) e.milestones = t('post.err.tooManyMilestones', { max: p.maxMilestones });
    milestones.forEach((m, i) => {
      if (!m.text.trim()) e[`ms-text-${i}`] = t('post.err.deliverWhat');
      const a = amounts[i];
      if (!a.ok) e[`ms-amount-${i}`] = a.error;
    });
    if (minimumBudget === undefined) e.asset = t('post.err.asset', { symbol: asset.symbol });
    else if (amounts.every((a) => a.ok)) {
      if (sum < minimumBudget) e.milestones = t('post.err.minimumBudget', { sum: pay(sum), min: pay(minimumBudget) });
      else if (native && sum + p.missionDeposit > data.free)
        e.milestones = t('post.err.budgetPeer', {
          budget: peer(sum),
          deposit: peer(p.missionDeposit),
          free: peer(data.free),
        });
      else if (!native && sum > data.assetFree)
        e.milestones = t('post.err.budgetAsset', { budget: pay(sum), symbol: asset.symbol, free: pay(data.assetFree) });
      else if (!native && p.missionDeposit > data.free)
        e.milestones = t('post.err.deposit', { deposit: peer(p.missionDeposit), free: peer(data.free) });
    }
    const when = new Date(deadline);
    const block = dateToBlock(when, best.number, best.seenMs, slotMs);
    if (!deadline || isNaN(when.getTime())) e.deadline = t('post.err.pickDate');
    else if (block <= best.number) e.deadline = t('post.err.future');
    else if (block < best.number + p.minWorkingTime)
      e.deadline = t('post.err.tooSoon', { time: duration(p.minWorkingTime * slotMs) });
    else if (block > best.number + p.maxDuration)
      e.deadline = t('post.err.tooLate', { days: Math.floor((p.maxDuration * slotMs) / 86_400_000) });
    let bond = 0n;
    if (minBond.trim()) {
      const b = parseAmount(minBond);
      if (!b.ok) e.minBond = b.error;
      else bond = b.value;
    }
    if (!/^\d+$/.test(minRep.trim()) || Number(minRep) > 4_294_967_295) e.minRep = t('post.err.minRep');
    return { e, block, bond };
  };

  const build = (block: number, bond: bigint) =>
    api.tx.Missions.create_mission({
      title: enc.encode(title),
      content_hash: (descFileHash ?? hashText(description)) as `0x${string}`,
      uri: uri ? enc.encode(uri) : undefined,
      asset: asset.kind,
      milestones: milestones.map((m, i) => ({
        description_hash: hashText(m.text),
        amount: (amounts[i] as { value: bigint }).value,
      })),
      deadline: block,
      options: { open_to_non_members: open, min_bond: bond, min_reputation: Number(minRep) },
    });

  const submit = async () => {
    const { e, block, bond } = validate();
    setErrors(e);
    if (Object.keys(e).length || !account) return;
    const r = await send(t('txLabel.post', { title }), build(block, bond));
    const created = r.events.find((x) => x.type === 'Missions' && x.value.type === 'MissionCreated');
    if (!created) return;
    const mission = (created.value.value as { mission: number }).mission;
    setPosted(mission);
    // What the mission asks goes to the document store; the chain holds its hashes.
    const stored = await upload.run([
      {
        mission,
        kind: 'description',
        name: descFile?.name ?? 'description.md',
        bytes: descFile ? new Uint8Array(await descFile.arrayBuffer()) : enc.encode(description),
      },
      ...milestones.map((m, i) => ({
        mission,
        kind: 'milestone' as const,
        milestone: i,
        name: `milestone-${i + 1}.md`,
        bytes: enc.encode(m.text),
      })),
    ]);
    if (stored && openDocs && store.url && store.speaker) {
      await setPublic(store.url, store.speaker, mission, true).catch(() => undefined);
    }
  };

  return (
    <form
      className="post"
      data-testid="post-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        submit();
      }}
    >
      <h2>{t('post.title')}</h2>
      {errors.account && (
        <p className="field-error" role="alert" data-testid="error-account">
          {errors.account}
        </p>
      )}
      <Field label={t('post.titleLabel')} error={errors.title} id="title">
        <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label={t('post.titleLabel')} />
      </Field>
      <Field
        label={t('post.descriptionLabel')}
        error={errors.description}
        id="description"
        hint={
          descFileHash && (
            <>
              {t('post.fileHash')} <code>{descFileHash.slice(0, 18)}…</code>
            </>
          )
        }
      >
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
          aria-label={t('post.description')}
        />
        <input
          type="file"
          aria-label={t('post.descriptionFile')}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            setDescFile(f);
            setDescFileHash(f ? await hashFile(f) : undefined);
          }}
        />
      </Field>
      <label className="check">
        <input type="checkbox" checked={openDocs} onChange={(e) => setOpenDocs(e.target.checked)} />{' '}
        {t('docs.openToMembers')}
      </label>
      <Field label={t('post.uriLabel')} error={errors.uri} id="uri">
        <input value={uri} onChange={(e) => setUri(e.target.value)} placeholder="https://…" aria-label="URI" />
      </Field>

      <Field
        label={t('post.paidIn')}
        error={errors.asset}
        id="asset"
        hint={native ? t('post.peerHint') : t('post.assetHint', { name: asset.name, decimals: asset.decimals })}
      >
        <select
          value={assetChoice}
          onChange={(e) => setAssetChoice(e.target.value)}
          aria-label={t('post.paidIn')}
          data-testid="asset-picker"
        >
          {accepted.map((a) => (
            <option key={a.key} value={a.key}>
              {a.symbol}
              {a.kind.type === 'WithId' ? ` — ${a.name}` : ''}
            </option>
          ))}
        </select>
      </Field>

      <fieldset>
        <legend>{t('post.milestones')}</legend>
        {milestones.map((m, i) => (
          <div className="row milestone" key={i} data-testid={`ms-${i}`}>
            <Field label={t('post.whatDelivered', { n: i + 1 })} error={errors[`ms-text-${i}`]} id={`ms-text-${i}`}>
              <input
                value={m.text}
                aria-label={t('post.msDescription', { n: i + 1 })}
                onChange={(e) =>
                  setMilestones(milestones.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))
                }
              />
            </Field>
            <Field
              label={t('post.pays', { symbol: asset.symbol })}
              error={errors[`ms-amount-${i}`]}
              id={`ms-amount-${i}`}
            >
              <input
                value={m.amount}
                inputMode="decimal"
                aria-label={t('post.msAmount', { n: i + 1 })}
                onChange={(e) =>
                  setMilestones(milestones.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))
                }
              />
            </Field>
            <button
              type="button"
              className="link"
              onClick={() => setMilestones(milestones.filter((_, j) => j !== i))}
              aria-label={t('post.removeMs', { n: i + 1 })}
            >
              {t('post.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setMilestones([...milestones, { text: '', amount: '' }])}>
          {t('post.addMilestone')}
        </button>
        <p data-testid="budget-sum">
          {t('post.budget')} <strong>{pay(sum)}</strong>{' '}
          {t('post.budgetRest', {
            deposit: peer(p.missionDeposit),
            free: native ? peer(data.free) : `${pay(data.assetFree)}, ${peer(data.free)}`,
          })}
        </p>
        {errors.milestones && (
          <p className="field-error" role="alert" data-testid="error-milestones">
            {errors.milestones}
          </p>
        )}
      </fieldset>

      <Field
        label={t('post.deadlineLabel')}
        error={errors.deadline}
        id="deadline"
        hint={t('post.deadlineHint', {
          block: dateToBlock(new Date(deadline), best.number, best.seenMs, slotMs),
          days: Math.round((p.reviewPeriod * slotMs) / 86_400_000),
        })}
      >
        <input
          type="datetime-local"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          aria-label={t('post.deadline')}
        />
      </Field>
      <fieldset>
        <legend>{t('post.whoMay')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={open}
            onChange={(e) => setOpen(e.target.checked)}
            aria-label={t('post.open')}
          />{' '}
          {t('post.open')}
        </label>
        <Field
          label={t('post.bondLabel')}
          error={errors.minBond}
          id="minBond"
          hint={t('post.bondHint', { min: peer(p.minimumBond) })}
        >
          <input
            value={minBond}
            onChange={(e) => setMinBond(e.target.value)}
            inputMode="decimal"
            aria-label={t('post.minBond')}
          />
        </Field>
        <Field label={t('post.minRep')} error={errors.minRep} id="minRep">
          <input
            value={minRep}
            onChange={(e) => setMinRep(e.target.value)}
            inputMode="numeric"
            aria-label={t('post.minRep')}
          />
        </Field>
      </fieldset>
      <FeeEstimate
        compute={async () => {
          const { e, block, bond } = validate();
          if (Object.keys(e).length || !account) return undefined;
          return build(block, bond).getEstimatedFees(account.address);
        }}
        inputs={JSON.stringify([
          title,
          description,
          descFileHash,
          uri,
          milestones,
          deadline,
          open,
          minBond,
          minRep,
          account?.address,
          asset.key,
        ])}
        onFee={setFee}
      />
      <p className="muted" data-testid="fee">
        {fee !== undefined ? t('post.fee', { fee: peer(fee) }) : t('post.feeLater')}
      </p>
      <button type="submit">{t('post.submit')}</button>
      {posted !== undefined && (
        <p className="ok" data-testid="posted">
          {t('post.postedAs')} <a href={`#/mission/${posted}`}>{t('post.missionN', { n: posted })}</a>.
        </p>
      )}
      <p className="muted">
        {t('post.deadlineShown', {
          when: dateTime(
            blockToDate(
              dateToBlock(new Date(deadline), best.number, best.seenMs, slotMs),
              best.number,
              best.seenMs,
              slotMs,
            ),
          ),
        })}
      </p>
    </form>
  );
}

/** Estimates the fee 300 ms after the form's `inputs` (their JSON) last changed. */
function FeeEstimate({
  compute,
  inputs,
  onFee,
}: {
  compute: () => Promise<bigint | undefined> | undefined;
  inputs: string;
  onFee: (f?: bigint) => void;
}) {
  const estimate = useEffectEvent((alive: () => boolean) => {
    Promise.resolve(compute()).then(
      (f) => alive() && onFee(f),
      () => alive() && onFee(undefined),
    );
  });
  useEffect(() => {
    let alive = true;
    const t = setTimeout(() => estimate(() => alive), 300);
    return () => {
      alive = false;
      clearTimeout(t);
    };
  }, [inputs]);
  return null;
}
