// The consortium (members, applications, applying) and its council: motions
// with their proposal in words, votes, closing (bounds computed here), and
// forms for the usual motions.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transaction } from 'polkadot-api';
import { useChain, useLive, type Api } from '../chain';
import { useTx } from '../components/Tx';
import { Who, useMembers, useNames } from '../components/Names';
import { Field } from '../components/Field';
import { describeCall } from '../lib/words';
import { parseAmount, peer } from '../lib/amount';
import { percentToPerbill, perbillToPercent } from '../lib/perbill';
import { blockToDate, relative } from '../lib/blocks';
import { blake2 } from '../lib/hash';
import { readRuntime, upgradeProblem, type RuntimeFile } from '../lib/runtime';
import { Scroll } from '../components/Scroll';
import { Documents, type Expected } from './mission/documents';

const enc = new TextEncoder();
const dec = new TextDecoder();
/** A call as the chain stores it (a motion's proposal). */
type Decoded = NonNullable<Awaited<ReturnType<Api['query']['Council']['ProposalOf']['getValue']>>>;
type DisputeArgs = Parameters<Api['tx']['Missions']['resolve_dispute']>[0];
type ParameterArgs = Parameters<Api['tx']['Parameters']['set_parameter']>[0];
/** The board's transactions by pallet and call name, for a decoded call. */
type TxByName = Record<string, Record<string, (args: unknown) => Transaction>>;

/** Ayes needed for `p/q` of a council of `n` (pallet_collective's EnsureProportionAtLeast). */
export const thresholdFor = (p: number, q: number, n: number) => Math.ceil((p * n) / q);

export function Council() {
  return (
    <div className="council">
      <Consortium />
      <Runtime />
      <Motions />
      <Propose />
    </div>
  );
}

function Consortium() {
  const members = useMembers();
  const { actor, api } = useChain();
  const send = useTx();
  const { t } = useTranslation();
  const { data } = useLive(
    async (api, at) => ({
      apps: await api.query.Consortium.Applications.getEntries({ at }),
      deposit: await api.constants.Consortium.ApplicationDeposit(),
      maxNameLen: await api.constants.Consortium.MaxNameLen(),
    }),
    [],
  );
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'Organization' | 'Individual'>('Organization');
  const [err, setErr] = useState<string>();
  const apply = () => {
    if (!api) return;
    if (!name.trim()) return setErr(t('council.err.name'));
    if (data && enc.encode(name).length > data.maxNameLen)
      return setErr(t('council.err.nameLong', { max: data.maxNameLen }));
    setErr(undefined);
    send(
      t('txLabel.apply', { name }),
      api.tx.Consortium.apply({ name: enc.encode(name), kind: { type: kind, value: undefined }, charter: undefined }),
    );
  };
  const me = actor;
  return (
    <section className="card wide">
      <h2>{t('council.consortium')}</h2>
      <Scroll label={t('council.members')}>
        <table data-testid="members">
          <thead>
            <tr>
              <th>{t('council.member')}</th>
              <th>{t('council.kind')}</th>
              <th>{t('council.joined')}</th>
            </tr>
          </thead>
          <tbody>
            {[...members.entries()].map(([a, m]) => (
              <tr key={a}>
                <td title={a}>{m.name}</td>
                <td>{m.kind}</td>
                <td>
                  #{m.joined}
                  {m.leavesAt ? t('council.leavesAt', { block: m.leavesAt }) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <h3>{t('council.applications')}</h3>
      <Scroll label={t('council.applications')}>
        <table data-testid="applications">
          <tbody>
            {data?.apps.map((a) => (
              <tr key={a.keyArgs[0]}>
                <td>
                  <Who address={a.keyArgs[0]} />
                </td>
                <td>“{dec.decode(a.value.name)}”</td>
                <td>{a.value.kind.type}</td>
                <td>{t('council.deposit', { amount: peer(a.value.deposit) })}</td>
                <td>{t('council.applied', { block: a.value.applied })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      {data?.apps.length === 0 && <p className="muted">{t('council.noApplication')}</p>}
      {me && !members.has(me) && !data?.apps.some((a) => a.keyArgs[0] === me) && (
        <form
          className="row"
          data-testid="apply-form"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Field label={t('council.applyAs')} error={err} id="apply-name">
            <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('council.applicantName')} />
          </Field>
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} aria-label={t('council.kind')}>
            <option value="Organization">{t('council.kinds.Organization')}</option>
            <option value="Individual">{t('council.kinds.Individual')}</option>
          </select>
          <button type="submit">
            {data ? t('council.applyWithDeposit', { amount: peer(data.deposit) }) : t('council.apply')}
          </button>
        </form>
      )}
    </section>
  );
}

function Motions() {
  const { api, actor, best, slotMs } = useChain();
  const names = useNames();
  const send = useTx();
  const { t } = useTranslation();
  const { data } = useLive(async (api, at) => {
    const [hashes, council] = await Promise.all([
      api.query.Council.Proposals.getValue({ at }),
      api.query.Council.Members.getValue({ at }),
    ]);
    const motions = await Promise.all(
      hashes.map(async (hash) => ({
        hash,
        call: await api.query.Council.ProposalOf.getValue(hash, { at }),
        voting: await api.query.Council.Voting.getValue(hash, { at }),
      })),
    );
    return { motions, council };
  }, []);
  if (!api || !data || !best) return null;
  const me = actor;
  const isCouncillor = !!me && data.council.includes(me);
  const close = async (hash: string, index: number, call: Decoded) => {
    const { length, weight } = await bounds(api, call);
    send(
      t('txLabel.closeMotion', { index }),
      api.tx.Council.close({
        proposal_hash: hash as `0x${string}`,
        index,
        proposal_weight_bound: weight,
        length_bound: length,
      }),
    );
  };
  return (
    <section className="card wide">
      <h2>{t('council.motions')}</h2>
      <p className="muted">
        {t('council.council')}{' '}
        {data.council.map((c) => (
          <span key={c}>
            <Who address={c} />{' '}
          </span>
        ))}
      </p>
      {data.motions.length === 0 && (
        <p className="muted" data-testid="no-motions">
          {t('council.noMotion')}
        </p>
      )}
      <ul className="motions">
        {data.motions.map(
          ({ hash, call, voting }) =>
            voting && (
              <li key={hash} data-testid={`motion-${voting.index}`} className="card">
                <p>
                  <strong>{t('council.motion', { index: voting.index })}</strong>:{' '}
                  {call ? describeCall(call, names) : t('council.notStored')}
                </p>
                <p>
                  {t('council.tally', {
                    ayes: voting.ayes.length,
                    threshold: voting.threshold,
                    nays: voting.nays.length,
                    ends: relative(blockToDate(voting.end, best.number, best.seenMs, slotMs).getTime() - best.seenMs),
                    block: voting.end,
                  })}
                </p>
                <p className="muted">
                  {t('council.voters', {
                    ayes: voting.ayes.map((a) => names(a) ?? a.slice(0, 8)).join(', ') || t('council.none'),
                    nays: voting.nays.map((a) => names(a) ?? a.slice(0, 8)).join(', ') || t('council.none'),
                  })}
                </p>
                {isCouncillor && !voting.ayes.includes(me!) && (
                  <button
                    onClick={() =>
                      send(
                        t('txLabel.voteAye', { index: voting.index }),
                        api.tx.Council.vote({ proposal: hash, index: voting.index, approve: true }),
                      )
                    }
                  >
                    {t('council.voteAye')}
                  </button>
                )}{' '}
                {isCouncillor && !voting.nays.includes(me!) && (
                  <button
                    onClick={() =>
                      send(
                        t('txLabel.voteNay', { index: voting.index }),
                        api.tx.Council.vote({ proposal: hash, index: voting.index, approve: false }),
                      )
                    }
                  >
                    {t('council.voteNay')}
                  </button>
                )}{' '}
                {me && (voting.ayes.length >= voting.threshold || best.number > voting.end) && call && (
                  <button onClick={() => close(hash, voting.index, call)}>{t('council.close')}</button>
                )}
              </li>
            ),
        )}
      </ul>
    </section>
  );
}

/** `close` needs the proposal's encoded length and weight: computed from the proposal itself. */
async function bounds(api: Api, call: Decoded) {
  const tx = (api.tx as unknown as TxByName)[call.type][call.value.type](call.value.value);
  const bytes: Uint8Array = await tx.getEncodedData();
  const info = await api.apis.TransactionPaymentCallApi.query_call_info(call, bytes.length);
  return { length: bytes.length, weight: info.weight };
}

const KINDS = [
  'admit',
  'reject',
  'dispute',
  'cancel',
  'parameter',
  'addValidator',
  'removeValidator',
  'upgrade',
] as const;
type Kind = (typeof KINDS)[number];

/** A runtime file picked in the browser: its bytes and what they say. */
type Picked = { code: Uint8Array; file: RuntimeFile; name: string };

async function pickRuntime(
  input: HTMLInputElement,
): Promise<{ ok: true; picked: Picked } | { ok: false; error: string } | undefined> {
  const f = input.files?.[0];
  if (!f) return undefined;
  const code = new Uint8Array(await f.arrayBuffer());
  const r = readRuntime(code);
  return r.ok ? { ok: true, picked: { code, file: r.file, name: f.name } } : r;
}

/** The chain's runtime and the largest transaction a block takes (operational class: an upgrade is one). */
function useRuntimeInfo() {
  return useLive(async (api, at) => {
    const [version, length, authorized] = await Promise.all([
      api.constants.System.Version(),
      api.constants.System.BlockLength(),
      api.query.System.AuthorizedUpgrade.getValue({ at }),
    ]);
    return {
      specName: version.spec_name,
      specVersion: version.spec_version,
      maxBytes: length.max.operational,
      authorized,
    };
  }, []);
}

/** Which runtime the file is, beside the chain's. */
function RuntimeFacts({ file, chain }: { file: RuntimeFile; chain: { specName: string; specVersion: number } }) {
  return (
    <dl className="facts" data-testid="runtime-file">
      <dt>blake2-256</dt>
      <dd>
        <code data-testid="runtime-hash">{file.hash}</code>
      </dd>
      <dt>Runtime</dt>
      <dd data-testid="runtime-version">
        {file.specName} {file.specVersion} (the chain runs {chain.specName} {chain.specVersion})
      </dd>
      <dt>Size</dt>
      <dd>
        {file.bytes.toLocaleString('en')} bytes{file.compressed ? ', compressed' : ''}
      </dd>
    </dl>
  );
}

/**
 * The runtime the chain runs, and an upgrade the council has authorized: anyone
 * may apply it with the file whose hash the council voted for (the chain checks
 * the hash and the version again).
 */
function Runtime() {
  const { api, actor } = useChain();
  const send = useTx();
  const { data } = useRuntimeInfo();
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Picked>();
  const [err, setErr] = useState<string>();
  if (!api || !data) return null;
  const auth = data.authorized;
  const apply = () => {
    if (!picked) return setErr(t('council.err.votedFile'));
    if (auth && picked.file.hash !== auth.code_hash)
      return setErr(t('council.err.otherHash', { file: picked.file.hash, authorized: auth.code_hash }));
    const problem = upgradeProblem(picked.file, data, data.maxBytes);
    if (problem) return setErr(problem);
    setErr(undefined);
    send(
      t('txLabel.applyUpgrade', { name: picked.file.specName, version: picked.file.specVersion }),
      api.tx.System.apply_authorized_upgrade({ code: picked.code }),
    );
  };
  return (
    <section className="card wide" data-testid="runtime">
      <h2>{t('council.runtime')}</h2>
      <p>
        {t('council.chainRuns')}{' '}
        <strong data-testid="chain-version">
          {data.specName} {data.specVersion}
        </strong>
        .
      </p>
      {!auth && (
        <p className="muted" data-testid="no-upgrade">
          {t('council.noUpgrade')}
        </p>
      )}
      {auth && (
        <>
          <p data-testid="authorized-upgrade">
            {t('council.authorized')} <code>{auth.code_hash}</code>
            {auth.check_version ? t('council.checkVersion') : ''}. {t('council.anyoneMayApply')}
          </p>
          {actor && (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                apply();
              }}
            >
              <Field label={t('council.runtimeFile')} error={err} id="apply-runtime">
                <input
                  type="file"
                  accept=".wasm"
                  aria-label={t('council.runtimeFileToApply')}
                  onChange={async (e) => {
                    const r = await pickRuntime(e.target);
                    setPicked(r?.ok ? r.picked : undefined);
                    setErr(r && !r.ok ? r.error : undefined);
                  }}
                />
              </Field>
              {picked && <RuntimeFacts file={picked.file} chain={data} />}
              <button type="submit">{t('council.applyUpgrade')}</button>
            </form>
          )}
        </>
      )}
    </section>
  );
}

function Propose() {
  const { api, actor } = useChain();
  const send = useTx();
  const { t } = useTranslation();
  const members = useMembers();
  const { data } = useLive(
    async (api, at) => ({
      council: await api.query.Council.Members.getValue({ at }),
      apps: (await api.query.Consortium.Applications.getEntries({ at })).map((a) => ({
        who: a.keyArgs[0],
        name: dec.decode(a.value.name),
      })),
      // On a chain whose missions are stored in another shape (another runtime),
      // no dispute is offered rather than no form at all.
      disputed: (await api.query.Missions.LiveMissions.getEntries({ at }).catch(() => [])).flatMap((m) =>
        m.value.milestones
          .map((ms, i) => ({
            mission: m.keyArgs[0],
            milestone: i,
            amount: ms.amount,
            disputed: ms.status.type === 'Disputed',
            // What the council checks the parties' documents against.
            description: m.value.metadata.content_hash as string,
            spec: ms.description_hash as string,
            reason: ms.status.type === 'Disputed' ? (ms.status.value.reason_hash as string) : undefined,
          }))
          .filter((x) => x.disputed),
      ),
    }),
    [],
  );
  const [kind, setKind] = useState<Kind>('admit');
  const [who, setWho] = useState('');
  const [target, setTarget] = useState('');
  const [verdict, setVerdict] = useState<'Approve' | 'UpholdRejection' | 'Split'>('Split');
  const [split, setSplit] = useState(50);
  const [mission, setMission] = useState('');
  const [param, setParam] = useState<
    'MissionDeposit' | 'MinimumBudget' | 'MinimumBond' | 'ReviewPeriod' | 'MinWorkingTime'
  >('MinimumBond');
  const [paramValue, setParamValue] = useState('');
  const [err, setErr] = useState<string>();
  const [runtimeFile, setRuntimeFile] = useState<Picked>();
  const runtime = useRuntimeInfo().data;
  if (!api || !data || !actor || !data.council.includes(actor)) return null;
  const n = data.council.length;

  const build = (): { call: Transaction; p: number; q: number; label: string } | string => {
    switch (kind) {
      case 'admit':
      case 'reject': {
        if (!who) return t('council.err.applicant');
        const call =
          kind === 'admit' ? api.tx.Consortium.admit({ who }) : api.tx.Consortium.reject_application({ who });
        return {
          call,
          p: 3,
          q: 4,
          label: t(kind === 'admit' ? 'txLabel.admit' : 'txLabel.rejectApplication', {
            name: data.apps.find((a) => a.who === who)?.name,
          }),
        };
      }
      case 'dispute': {
        const [m, i] = target.split('/').map(Number);
        if (!target) return t('council.err.disputed');
        const v =
          verdict === 'Split'
            ? { type: 'Split' as const, value: percentToPerbill(String(split)).ok ? split * 10_000_000 : 0 }
            : { type: verdict, value: undefined };
        return {
          call: api.tx.Missions.resolve_dispute({ mission: m, milestone: i, verdict: v as DisputeArgs['verdict'] }),
          p: 2,
          q: 3,
          label: t('txLabel.resolve', { mission: m }),
        };
      }
      case 'cancel': {
        if (!/^\d+$/.test(mission)) return t('council.err.missionNumber');
        return {
          call: api.tx.Missions.force_cancel_mission({ mission: Number(mission) }),
          p: 2,
          q: 3,
          label: t('txLabel.cancel', { mission }),
        };
      }
      case 'parameter': {
        let value: bigint | number;
        if (param === 'ReviewPeriod' || param === 'MinWorkingTime') {
          if (!/^\d+$/.test(paramValue)) return t('council.err.blocks');
          value = Number(paramValue);
        } else {
          const a = parseAmount(paramValue);
          if (!a.ok) return a.error;
          value = a.value;
        }
        const kv = { type: 'Missions', value: { type: param, value: [undefined, value] } };
        return {
          call: api.tx.Parameters.set_parameter({ key_value: kv as ParameterArgs['key_value'] }),
          p: 2,
          q: 3,
          label: t('txLabel.setParam', { param }),
        };
      }
      case 'addValidator':
      case 'removeValidator': {
        if (!/^[1-9A-HJ-NP-Za-km-z]{47,48}$/.test(who)) return t('council.err.address');
        const call =
          kind === 'addValidator'
            ? api.tx.ValidatorSet.add_validator({ who })
            : api.tx.ValidatorSet.remove_validator({ who });
        // Who produces blocks takes the same majority as who votes.
        return {
          call,
          p: 3,
          q: 4,
          label: t(kind === 'addValidator' ? 'txLabel.addValidator' : 'txLabel.removeValidator'),
        };
      }
      case 'upgrade': {
        // The motion names the code by its hash; the code itself is sent once,
        // by whoever applies it after the vote (system.applyAuthorizedUpgrade).
        if (!runtimeFile) return t('council.err.runtimeFile');
        if (!runtime) return t('council.readingRuntime');
        const problem = upgradeProblem(runtimeFile.file, runtime, runtime.maxBytes);
        if (problem) return problem;
        const authorize = api.tx.System.authorize_upgrade({ code_hash: runtimeFile.file.hash });
        return {
          call: api.tx.Consortium.dispatch_as_root({ call: authorize.decodedCall }),
          p: 3,
          q: 4,
          label: t('txLabel.upgrade', { name: runtimeFile.file.specName, version: runtimeFile.file.specVersion }),
        };
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
    send(
      t('txLabel.propose', { what: b.label }),
      api.tx.Utility.batch_all({
        calls: [
          api.tx.Council.propose({
            threshold: thresholdFor(b.p, b.q, n),
            proposal: b.call.decodedCall,
            length_bound: bytes.length,
          }).decodedCall,
          api.tx.Council.vote({ proposal: blake2(bytes), index, approve: true }).decodedCall,
        ],
      }),
    );
  };
  return (
    <section className="card wide" data-testid="propose">
      <h2>{t('council.propose')}</h2>
      <div className="row">
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setWho('');
            setErr(undefined);
          }}
          aria-label={t('council.kindLabel')}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`council.kinds.${k}`)}
            </option>
          ))}
        </select>
        {(kind === 'admit' || kind === 'reject') && (
          <select value={who} onChange={(e) => setWho(e.target.value)} aria-label={t('council.applicant')}>
            <option value="">{t('council.chooseApplicant')}</option>
            {data.apps.map((a) => (
              <option key={a.who} value={a.who}>
                {a.name}
              </option>
            ))}
          </select>
        )}
        {kind === 'dispute' && (
          <>
            <select value={target} onChange={(e) => setTarget(e.target.value)} aria-label={t('council.disputedLabel')}>
              <option value="">{t('council.chooseDisputed')}</option>
              {data.disputed.map((d) => (
                <option key={`${d.mission}/${d.milestone}`} value={`${d.mission}/${d.milestone}`}>
                  {t('council.disputedOption', {
                    mission: d.mission,
                    milestone: d.milestone + 1,
                    amount: peer(d.amount),
                  })}
                </option>
              ))}
            </select>
            {target && (
              <Documents
                key={target}
                mission={Number(target.split('/')[0])}
                expected={disputedExpected(data.disputed, target)}
              />
            )}
            <select
              value={verdict}
              onChange={(e) => setVerdict(e.target.value as typeof verdict)}
              aria-label={t('council.verdict')}
            >
              <option value="Approve">{t('council.verdicts.Approve')}</option>
              <option value="UpholdRejection">{t('council.verdicts.UpholdRejection')}</option>
              <option value="Split">{t('council.verdicts.Split')}</option>
            </select>
            {verdict === 'Split' && (
              <label className="slider">
                {t('council.paidToRoster')}{' '}
                <input
                  type="range"
                  min={0}
                  max={100}
                  value={split}
                  onChange={(e) => setSplit(Number(e.target.value))}
                  aria-label={t('council.verdicts.Split')}
                />{' '}
                <output data-testid="split">{perbillToPercent(split * 10_000_000)}</output>
              </label>
            )}
          </>
        )}
        {kind === 'cancel' && (
          <input
            value={mission}
            onChange={(e) => setMission(e.target.value)}
            placeholder={t('council.missionPlaceholder')}
            aria-label={t('council.missionNumber')}
          />
        )}
        {kind === 'parameter' && (
          <>
            <select
              value={param}
              onChange={(e) => setParam(e.target.value as typeof param)}
              aria-label={t('council.parameter')}
            >
              {(['MissionDeposit', 'MinimumBudget', 'MinimumBond', 'ReviewPeriod', 'MinWorkingTime'] as const).map(
                (p) => (
                  <option key={p} value={p}>
                    {t(`council.params.${p}`)} ({p})
                  </option>
                ),
              )}
            </select>
            <input
              value={paramValue}
              onChange={(e) => setParamValue(e.target.value)}
              placeholder={param === 'ReviewPeriod' || param === 'MinWorkingTime' ? t('council.blocks') : 'PEER'}
              aria-label={t('council.parameterValue')}
            />
          </>
        )}
        {(kind === 'addValidator' || kind === 'removeValidator') && (
          <select value={who} onChange={(e) => setWho(e.target.value)} aria-label={t('council.validatorAccount')}>
            <option value="">{t('council.chooseMember')}</option>
            {[...members.entries()].map(([a, m]) => (
              <option key={a} value={a}>
                {m.name}
              </option>
            ))}
          </select>
        )}
        {kind === 'upgrade' && (
          <input
            type="file"
            accept=".wasm"
            aria-label={t('council.newRuntimeFile')}
            onChange={async (e) => {
              const r = await pickRuntime(e.target);
              setRuntimeFile(r?.ok ? r.picked : undefined);
              setErr(r && !r.ok ? r.error : undefined);
            }}
          />
        )}
        <button onClick={propose}>{t('council.proposeButton')}</button>
      </div>
      {kind === 'upgrade' && runtimeFile && runtime && <RuntimeFacts file={runtimeFile.file} chain={runtime} />}
      {err && (
        <p className="field-error" role="alert" data-testid="error-motion">
          {err}
        </p>
      )}
      <p className="muted">
        A council of {n}: ¾ needs {thresholdFor(3, 4, n)} ayes, ⅔ needs {thresholdFor(2, 3, n)}. Proposing also casts
        your aye.
      </p>
    </section>
  );
}

/** The chain's hashes of a disputed milestone, to check the parties' documents against. */
function disputedExpected(
  disputed: { mission: number; milestone: number; description: string; spec: string; reason?: string }[],
  target: string,
): Expected {
  const [m, i] = target.split('/').map(Number);
  const d = disputed.find((x) => x.mission === m && x.milestone === i);
  const milestones: Expected['milestones'] = [];
  if (d) milestones[i] = { spec: d.spec, reason: d.reason };
  return { description: d?.description, milestones };
}
