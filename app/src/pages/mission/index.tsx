// One mission: milestones and deliverables, roster, commitments, the terms
// recomputed here, and every action the chain says this account may take now
// (`MissionsApi.mission_actions`, read through lib/actions). By part:
// `milestones`, `roster`, `actions` (what the account may do) and `forms`.

import { Trans, useTranslation } from 'react-i18next';
import { useChain, useLive } from '../../chain';
import { ChainLink } from '../../components/ChainLink';
import { Who } from '../../components/Names';
import { NOTHING, offered } from '../../lib/actions';
import { peer } from '../../lib/amount';
import { blockToDate, relative, dateTime } from '../../lib/blocks';
import { loadMission, missionParams, type MissionDetail } from '../../missions';
import { Actions } from './actions';
import { Documents } from './documents';
import { Milestones } from './milestones';
import { Roster } from './roster';
import { usePay, type Data } from './shared';
import { actionsFor } from '../../lib/proxy';

export function MissionPage({ id }: { id: number }) {
  const { actor, actingFor, best, slotMs } = useChain();
  const { t } = useTranslation();
  const { data, error } = useLive<Data>(
    async (api, at) => {
      const [detail, params, free, actions] = await Promise.all([
        loadMission(api, id, at),
        missionParams(api, at),
        actor ? api.query.System.Account.getValue(actor, { at }).then((a) => a.data.free) : Promise.resolve(0n),
        // A runtime before MissionsApi version 3 cannot say: the page then offers nothing and says why.
        actor ? api.apis.MissionsApi.mission_actions(actor, id, { at }).catch(() => undefined) : Promise.resolve([]),
      ]);
      return {
        detail,
        params,
        free,
        // Acting through a proxy: only what its type lets it send (the runtime's filter's lists).
        offered: actor && actions ? offered(actingFor ? actionsFor(actingFor.proxyType, actions) : actions) : NOTHING,
        actionsUnknown: !actions,
      };
    },
    [id, actor, actingFor?.proxyType],
  );
  const pay = usePay(data?.detail?.mission.asset);
  if (error && !data) return <p className="error">{error}</p>;
  if (!data || !best) return <p className="muted">{t('mission.loading', { id })}</p>;
  if (!data.detail) {
    return (
      <p className="empty" data-testid="mission-gone">
        <Trans
          i18nKey="mission.gone"
          values={{ id }}
          components={{ history: <a href={`#/history/${id}`} data-testid="mission-history-link" /> }}
        />
      </p>
    );
  }
  const d = data.detail;
  const m = d.mission;
  const date = (block: number) => {
    const when = blockToDate(block, best.number, best.seenMs, slotMs);
    return t('mission.when', { date: dateTime(when), relative: relative(when.getTime() - best.seenMs), block });
  };
  return (
    <article className="mission" data-testid="mission">
      <header>
        <h2 data-testid="mission-title">
          {m.title}{' '}
          <span className={`badge ${m.phase}`} data-testid="phase">
            {t(`phase.${m.phase}`)}
          </span>
        </h2>
        <p>
          <Trans
            i18nKey="mission.posted"
            values={{ block: m.created, deadline: date(m.deadline) }}
            components={{ who: <Who address={m.owner} /> }}
          />
        </p>
        <p className="muted">
          {t('mission.descriptionHash')} <code>{m.contentHash}</code>
          {m.uri && (
            <>
              {' '}
              · <ChainLink uri={m.uri} />
            </>
          )}
        </p>
        <table className="kv">
          <tbody>
            <tr>
              <th>{t('mission.budget')}</th>
              <td data-testid="budget">{pay(m.budget)}</td>
            </tr>
            <tr>
              <th>{t('mission.paid')}</th>
              <td data-testid="paid">{pay(m.paid)}</td>
            </tr>
            <tr>
              <th>{t('mission.refunded')}</th>
              <td>{pay(m.refunded)}</td>
            </tr>
            <tr>
              <th>{t('mission.inEscrow')}</th>
              <td>{pay(m.escrowed)}</td>
            </tr>
            <tr>
              <th>{t('mission.bondAsked')}</th>
              <td>
                {peer(m.options.min_bond > data.params.minimumBond ? m.options.min_bond : data.params.minimumBond)}
              </td>
            </tr>
            <tr>
              <th>{t('mission.openTo')}</th>
              <td>
                {m.options.open_to_non_members ? t('mission.anyone') : t('mission.membersOnly')}
                {m.options.min_reputation ? t('mission.minReputation', { score: m.options.min_reputation }) : ''}
              </td>
            </tr>
          </tbody>
        </table>
      </header>

      <Terms detail={d} />
      <Documents
        mission={m.id}
        owner={m.owner}
        expected={{
          description: m.contentHash,
          milestones: m.milestones.map((ms) => ({
            spec: ms.descriptionHash,
            deliverable: d.deliverables.get(ms.index)?.contentHash,
            reason:
              ms.status.type === 'Rejected' || ms.status.type === 'Disputed' ? ms.status.value.reason_hash : undefined,
          })),
        }}
      />
      <Milestones detail={d} data={data} pay={pay} />
      <Roster detail={d} offered={data.offered} />
      <Actions detail={d} data={data} />
    </article>
  );
}

/** The terms: what the chain holds and what this page recomputes from what it shows. */
function Terms({ detail }: { detail: MissionDetail }) {
  const { t } = useTranslation();
  const m = detail.mission;
  const verified = m.termsHash !== undefined && m.termsHash === detail.recomputedTerms;
  return (
    <section className="terms" data-testid="terms">
      <h3>{t('mission.terms.title')}</h3>
      {m.termsHash ? (
        <p>
          {t('mission.terms.onChain')} <code data-testid="terms-chain">{m.termsHash}</code>
          <br />
          {t('mission.terms.recomputed')} <code data-testid="terms-local">{detail.recomputedTerms}</code>{' '}
          {verified ? (
            <strong className="ok" data-testid="terms-verified">
              {t('mission.terms.verified')}
            </strong>
          ) : (
            <strong className="error">{t('mission.terms.differs')}</strong>
          )}
        </p>
      ) : (
        <p className="muted">
          <Trans i18nKey="mission.terms.notYet" components={{ hash: <code>{detail.recomputedTerms}</code> }} />
        </p>
      )}
    </section>
  );
}
