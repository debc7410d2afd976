// "What you can do": the calls the chain says this account may make on the
// mission now (`MissionsApi.mission_actions`, lib/actions), each with its
// button or form, and why an expected one is missing where the page can tell
// (too late to start, shares incomplete, members only).

import type { ReactElement } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useChain } from '../../chain';
import { Who } from '../../components/Names';
import { useTx } from '../../components/Tx';
import { directCall } from '../../lib/actions';
import { peer } from '../../lib/amount';
import { duration, relative } from '../../lib/blocks';
import { perbillToPercent, PERBILL } from '../../lib/perbill';
import type { MissionDetail } from '../../missions';
import { AmendForm, CommitForm, MembersOnly } from './forms';
import { usePay, type Data } from './shared';

export function Actions({ detail, data }: { detail: MissionDetail; data: Data }) {
  const { api, actor, best, slotMs } = useChain();
  const { t } = useTranslation();
  const send = useTx();
  const m = detail.mission;
  if (!api || !best) return null;
  const o = data.offered;
  const mission = m.id;
  const me = actor;
  const mine = detail.commitments.find((c) => c.who === me);
  const rosterShares = m.roster.reduce((s, r) => s + r.share, 0);
  // Work starts only with the minimum working time still ahead of the deadline.
  const lastStart = m.deadline - data.params.minWorkingTime;
  const startBy = relative((lastStart - best.number) * slotMs);
  const tooLate = (then: string) => (
    <p key="too-late" className="muted" data-testid="too-late">
      {t('mission.actions.tooLate', { time: duration(data.params.minWorkingTime * slotMs) })} {then}
    </p>
  );
  const direct = (
    key: string,
    type: 'WithdrawCommitment' | 'Cancel' | 'CloseExpired',
    text: string,
    className?: string,
  ) => {
    const call = directCall(api, mission, { type, value: undefined })!;
    return (
      <button key={key} className={className} onClick={() => send(call.label, call.tx)}>
        {text}
      </button>
    );
  };
  const items: ReactElement[] = [];
  if (!actor)
    items.push(
      <p key="acc" className="muted">
        {t('mission.actions.chooseAccount')}
      </p>,
    );
  if (data.actionsUnknown)
    items.push(
      <p key="unknown" className="muted" data-testid="actions-unknown">
        {t('mission.actions.unknown')}
      </p>,
    );
  if (o.commit) items.push(<CommitForm key="commit" api={api} detail={detail} data={data} />);
  else if (actor && !mine && m.phase === 'Recruiting') items.push(<MembersOnly key="members-only" detail={detail} />);
  if (o.sign) items.push(<SignBox key="sign" detail={detail} startBy={startBy} hash={o.sign} />);
  else if (mine?.accepted && m.phase === 'Agreeing' && !mine.signed)
    items.push(tooLate(t('mission.actions.ownerCanCancel')));
  if (o.withdraw) items.push(direct('withdraw', 'WithdrawCommitment', t('mission.actions.withdraw')));
  if (o.propose) {
    const call = directCall(api, mission, { type: 'ProposeTerms', value: undefined })!;
    items.push(
      <span key="propose">
        <button onClick={() => send(call.label, call.tx)}>{t('mission.actions.propose')}</button>{' '}
        <span className="muted" data-testid="start-by">
          {t('mission.actions.everyoneMustSign', { when: startBy })}
        </span>
      </span>,
    );
  } else if (me === m.owner && m.phase === 'Recruiting' && m.roster.length > 0) {
    items.push(
      rosterShares !== PERBILL ? (
        <p key="propose" className="muted">
          {t('mission.actions.sharesIncomplete', { share: perbillToPercent(rosterShares) })}
        </p>
      ) : (
        tooLate(t('mission.actions.cancelToRefund'))
      ),
    );
  }
  if (o.abandon && mine) {
    const call = directCall(api, mission, { type: 'Abandon', value: undefined })!;
    items.push(
      <button
        key="abandon"
        className="danger"
        onClick={() => {
          if (
            confirm(
              t(m.asset.type === 'Native' ? 'mission.actions.abandonConfirm' : 'mission.actions.abandonConfirmAsset', {
                mission,
                bond: peer(mine.bond),
              }),
            )
          )
            send(call.label, call.tx);
        }}
      >
        {t('mission.actions.abandon')}
      </button>,
    );
  }
  if (detail.amendment && (o.agree || o.withdrawAmendment || mine?.accepted)) {
    items.push(<AmendmentBox key="amendment" detail={detail} agree={o.agree} withdraw={o.withdrawAmendment} me={me} />);
  }
  if (o.amend) items.push(<AmendForm key="amend" api={api} detail={detail} />);
  if (o.cancel) items.push(direct('cancel', 'Cancel', t('mission.actions.cancel'), 'danger'));
  if (o.close) items.push(direct('close', 'CloseExpired', t('mission.actions.close')));
  return (
    <section className="actions" data-testid="actions">
      <h3>{t('mission.actions.title')}</h3>
      {items.length ? items : <p className="muted">{t('mission.actions.nothing')}</p>}
    </section>
  );
}

/** Each contributor and share, as the terms list them. */
function RosterList({ roster }: { roster: MissionDetail['mission']['roster'] }) {
  return (
    <>
      {roster.map((r) => (
        <span key={r.account}>
          <Who address={r.account} /> {perbillToPercent(r.share)}{' '}
        </span>
      ))}
    </>
  );
}

function SignBox({ detail, startBy, hash }: { detail: MissionDetail; startBy: string; hash: `0x${string}` }) {
  const { api } = useChain();
  const { t } = useTranslation();
  const send = useTx();
  const m = detail.mission;
  const pay = usePay(m.asset);
  if (!api) return null;
  const verified = hash === m.termsHash && hash === detail.recomputedTerms;
  return (
    <div className="sign card" data-testid="sign-box">
      <p>
        <Trans
          i18nKey="mission.sign.youSign"
          values={{
            mission: m.id,
            milestones: m.milestones.map((x) => pay(x.amount)).join(' + '),
            deadline: m.deadline,
          }}
          components={{ roster: <RosterList roster={m.roster} /> }}
        />
      </p>
      <p>
        <Trans i18nKey="mission.sign.hash" components={{ hash: <code>{hash}</code> }} />{' '}
        {verified ? t('mission.sign.recomputed') : t('mission.sign.mismatch')}
      </p>
      <p className="muted" data-testid="start-by">
        {t('mission.sign.startBy', { when: startBy })}
      </p>
      <button
        disabled={!verified}
        onClick={() =>
          send(t('txLabel.sign', { mission: m.id }), api.tx.Missions.sign_terms({ mission: m.id, terms_hash: hash }))
        }
      >
        {t('mission.sign.button')}
      </button>
    </div>
  );
}

/** A pending amendment: what changes, who agreed, and the agreement to sign. */
function AmendmentBox({
  detail,
  agree,
  withdraw,
  me,
}: {
  detail: MissionDetail;
  agree?: `0x${string}`;
  withdraw: boolean;
  me?: string;
}) {
  const { api } = useChain();
  const { t } = useTranslation();
  const send = useTx();
  const m = detail.mission;
  const a = detail.amendment!;
  const pay = usePay(m.asset);
  if (!api) return null;
  const verified = a.termsHash === a.recomputed;
  const agreed = !!me && a.agreed.includes(me);
  const withdrawCall = withdraw && directCall(api, m.id, { type: 'WithdrawAmendment', value: undefined });
  return (
    <div className="card" data-testid="amendment">
      <h4>{t('mission.amendment.title')}</h4>
      <ul>
        {a.topUps.map((u) => (
          <li key={`t${u.index}`}>{t('mission.amendment.topUp', { milestone: u.index + 1, amount: pay(u.amount) })}</li>
        ))}
        {a.added.map((x, i) => (
          <li key={`a${i}`}>{t('mission.amendment.added', { amount: pay(x.amount) })}</li>
        ))}
        {a.deadline !== m.deadline && <li>{t('mission.amendment.deadline', { block: a.deadline })}</li>}
      </ul>
      <p className="muted">
        {t('mission.amendment.agreed', { agreed: a.agreed.length, roster: m.roster.length, held: pay(a.escrow) })}
      </p>
      <p>
        <Trans i18nKey="mission.sign.hash" components={{ hash: <code>{a.termsHash}</code> }} />{' '}
        {verified ? t('mission.sign.recomputed') : t('mission.sign.mismatch')}
      </p>
      {agree && (
        <button
          disabled={!verified || agree !== a.termsHash}
          onClick={() =>
            send(
              t('txLabel.agree', { mission: m.id }),
              api.tx.Missions.agree_amendment({ mission: m.id, terms_hash: agree }),
            )
          }
        >
          {t('mission.amendment.agree')}
        </button>
      )}
      {agreed && <p className="ok">{t('mission.amendment.youAgreed')}</p>}
      {withdrawCall && (
        <button onClick={() => send(withdrawCall.label, withdrawCall.tx)}>{t('mission.amendment.withdraw')}</button>
      )}
    </div>
  );
}
