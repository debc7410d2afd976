// Who committed to a mission, with what share and bond, and what the owner may
// decide about each commitment (as the chain says).

import { useTranslation } from 'react-i18next';
import { useChain } from '../../chain';
import { Who } from '../../components/Names';
import { useTx } from '../../components/Tx';
import { directCall, type Offered } from '../../lib/actions';
import { peer } from '../../lib/amount';
import { perbillToPercent } from '../../lib/perbill';
import type { MissionDetail } from '../../missions';
import { Scroll } from '../../components/Scroll';

export function Roster({ detail, offered }: { detail: MissionDetail; offered: Offered }) {
  const { t } = useTranslation();
  const m = detail.mission;
  const rosterShares = m.roster.reduce((s, r) => s + r.share, 0);
  return (
    <section>
      <h3>
        {t('mission.roster.title')}{' '}
        <span className="muted">{t('mission.roster.accepted', { share: perbillToPercent(rosterShares) })}</span>
      </h3>
      <Scroll label={t('mission.roster.title')}>
        <table data-testid="roster">
          <thead>
            <tr>
              <th>{t('mission.roster.contributor')}</th>
              <th>{t('mission.roster.share')}</th>
              <th>{t('mission.roster.bond')}</th>
              <th>{t('mission.roster.status')}</th>
              <th>
                <span className="sr-only">{t('mission.roster.decision')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.commitments.map((c) => (
              <tr key={c.who} data-testid={`commitment-${c.who}`}>
                <td>
                  <Who address={c.who} />
                </td>
                <td>{perbillToPercent(c.share)}</td>
                <td>{peer(c.bond)}</td>
                <td>
                  {c.accepted
                    ? m.phase === 'Agreeing'
                      ? c.signed
                        ? t('mission.roster.signed')
                        : t('mission.roster.unsigned')
                      : t('mission.roster.acceptedState')
                    : t('mission.roster.pending')}
                </td>
                <td>
                  <CommitmentDecision mission={m.id} who={c.who} accepted={c.accepted} offered={offered} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      {detail.commitments.length === 0 && <p className="muted">{t('mission.roster.none')}</p>}
    </section>
  );
}

function CommitmentDecision({
  mission,
  who,
  accepted,
  offered,
}: {
  mission: number;
  who: string;
  accepted: boolean;
  offered: Offered;
}) {
  const { api } = useChain();
  const { t } = useTranslation();
  const send = useTx();
  if (!api) return null;
  const accept = offered.accept.has(who) && directCall(api, mission, { type: 'AcceptCommitment', value: { who } });
  const reject =
    offered.reject.has(who) && directCall(api, mission, { type: 'RejectCommitment', value: { who } }, accepted);
  return (
    <>
      {accept && <button onClick={() => send(accept.label, accept.tx)}>{t('mission.roster.accept')}</button>}{' '}
      {reject && (
        <button onClick={() => send(reject.label, reject.tx)}>
          {accepted ? t('mission.roster.remove') : t('mission.roster.turnDown')}
        </button>
      )}
    </>
  );
}
