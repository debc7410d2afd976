// A mission's milestones: each one's status, its latest deliverable and what
// this account may do about it (deliver, review, dispute), as the chain says.

import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useChain } from '../../chain';
import { ChainLink } from '../../components/ChainLink';
import { Field } from '../../components/Field';
import { Who } from '../../components/Names';
import { useTx } from '../../components/Tx';
import { directCall } from '../../lib/actions';
import { hashText } from '../../lib/hash';
import type { MilestoneStatus, MissionDetail } from '../../missions';
import { DeliverForm, RejectForm, reasonText } from './forms';
import { useUpload } from './documents';
import { enc } from './shared';
import type { Transaction } from 'polkadot-api';
import type { Data, Pay } from './shared';
import { Scroll } from '../../components/Scroll';

export function Milestones({ detail, data, pay }: { detail: MissionDetail; data: Data; pay: Pay }) {
  const { t } = useTranslation();
  const m = detail.mission;
  return (
    <section>
      <h3>{t('mission.milestones.title')}</h3>
      <Scroll label={t('mission.milestones.title')}>
        <table data-testid="milestones">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('mission.milestones.description')}</th>
              <th>{t('mission.milestones.amount')}</th>
              <th>{t('mission.milestones.status')}</th>
              <th>{t('mission.milestones.deliverable')}</th>
              <th>
                <span className="sr-only">{t('mission.milestones.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {m.milestones.map((ms) => {
              const del = detail.deliverables.get(ms.index);
              return (
                <tr key={ms.index} data-testid={`milestone-${ms.index}`}>
                  <td>{ms.index + 1}</td>
                  <td>
                    <code title={ms.descriptionHash}>{ms.descriptionHash.slice(0, 10)}…</code>
                  </td>
                  <td>{pay(ms.amount)}</td>
                  <td data-testid={`milestone-status-${ms.index}`}>
                    <StatusText s={ms.status} pay={pay} />
                  </td>
                  <td>
                    {del ? (
                      <>
                        <Trans
                          i18nKey="mission.milestones.byWhom"
                          values={{ version: del.version }}
                          components={{ who: <Who address={del.submitter} /> }}
                        />{' '}
                        <code title={del.contentHash}>{del.contentHash.slice(0, 10)}…</code>
                        {del.uri && (
                          <>
                            {' '}
                            · <ChainLink uri={del.uri} />
                          </>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <MilestoneActions detail={detail} index={ms.index} status={ms.status} data={data} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

function StatusText({ s, pay }: { s: MilestoneStatus; pay: Pay }) {
  const { t } = useTranslation();
  switch (s.type) {
    case 'Rejected':
      return (
        <>
          {t(s.value.upheld ? 'mission.status.RejectedUpheld' : 'mission.status.Rejected')}{' '}
          <code title={s.value.reason_hash}>{s.value.reason_hash.slice(0, 10)}…</code>
        </>
      );
    case 'Split':
      return <>{t('mission.status.Split', { paid: pay(s.value.paid), refunded: pay(s.value.refunded) })}</>;
    default:
      return <>{t(`mission.status.${s.type}`)}</>;
  }
}

/** What the chain lets this account do about one milestone. */
function MilestoneActions({
  detail,
  index,
  status,
  data,
}: {
  detail: MissionDetail;
  index: number;
  status: MilestoneStatus;
  data: Data;
}) {
  const { api, actor, may } = useChain();
  const { t } = useTranslation();
  const send = useTx();
  const [rejecting, setRejecting] = useState(false);
  const m = detail.mission;
  if (!api) return null;
  const o = data.offered;
  const mission = m.id;
  const dispute = directCall(api, mission, { type: 'Dispute', value: { milestone: index } })!;
  const disputeButton = o.dispute.has(index) && <DisputeForm mission={mission} index={index} call={dispute} />;
  if (o.review.has(index)) {
    return (
      <div className="stack">
        {may('Missions.approve_milestone') && (
          <button
            onClick={() =>
              send(
                t('txLabel.approve', { milestone: index + 1 }),
                api.tx.Missions.approve_milestone({ mission, milestone: index }),
              )
            }
          >
            {t('mission.milestoneActions.approve')}
          </button>
        )}
        {!may('Missions.reject_milestone') ? null : rejecting ? (
          <RejectForm mission={mission} index={index} />
        ) : (
          <button onClick={() => setRejecting(true)}>{t('mission.milestoneActions.reject')}</button>
        )}
      </div>
    );
  }
  if (o.deliver.has(index)) {
    return (
      <div className="stack">
        {status.type === 'Rejected' && <CheckReasons hash={status.value.reason_hash} />}
        <DeliverForm mission={mission} index={index} maxUriLen={data.params.maxUriLen} />
        {disputeButton}
      </div>
    );
  }
  if (disputeButton) return disputeButton;
  // The owner who rejected from this browser: the reasons to send on.
  const owner = actor === m.owner;
  return owner && (status.type === 'Rejected' || status.type === 'Disputed') ? (
    <ReasonNote hash={status.value.reason_hash} />
  ) : null;
}

/**
 * A dispute, with the contributor's statement: the chain takes the dispute,
 * the store the statement (the council reads it beside the owner's reasons).
 */
function DisputeForm({
  mission,
  index,
  call,
}: {
  mission: number;
  index: number;
  call: { label: string; tx: Transaction };
}) {
  const { t } = useTranslation();
  const send = useTx();
  const upload = useUpload();
  const [open, setOpen] = useState(false);
  const [statement, setStatement] = useState('');
  if (!open) return <button onClick={() => setOpen(true)}>{t('mission.milestoneActions.dispute')}</button>;
  return (
    <form
      className="stack"
      data-testid={`dispute-${index}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await send(call.label, call.tx);
        if (r.ok && statement.trim())
          await upload.run([
            { mission, kind: 'statement', milestone: index, name: 'statement.txt', bytes: enc.encode(statement) },
          ]);
      }}
    >
      <Field label={t('docs.statement')} id={`statement-${index}`} hint={t('docs.statementHint')}>
        <textarea
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          rows={3}
          aria-label={t('docs.statement')}
        />
      </Field>
      <button type="submit">{t('docs.disputeSend')}</button>
    </form>
  );
}

/** For a contributor: do the reasons the owner sent match the hash on chain? */
function CheckReasons({ hash }: { hash: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const matches = text !== '' && hashText(text) === hash;
  return (
    <Field
      label={t('mission.milestoneActions.reasonsReceived')}
      id="check-reasons"
      hint={
        text === ''
          ? undefined
          : matches
            ? t('mission.milestoneActions.reasonsMatch')
            : t('mission.milestoneActions.reasonsDiffer')
      }
    >
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        aria-label={t('mission.milestoneActions.reasonsReceivedShort')}
      />
    </Field>
  );
}

/** For the owner who rejected from this browser: the reasons to send on. */
function ReasonNote({ hash }: { hash: string }) {
  const text = reasonText(hash);
  if (!text) return null;
  return (
    <p className="note" data-testid="reject-note">
      <Trans i18nKey="mission.milestoneActions.sendReasons" values={{ text }} components={{ strong: <strong /> }} />
    </p>
  );
}
