// The live missions, with filters.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChain, useLive } from '../chain';
import { Who, useMembers } from '../components/Names';
import { loadMissions, settled } from '../missions';
import { useAssets } from '../components/Assets';
import { assetKey, money } from '../lib/assets';
import { blockToDate, relative, dateTime } from '../lib/blocks';
import { Scroll } from '../components/Scroll';

type Filter = 'all' | 'mine' | 'open' | 'recruiting';

export function Missions() {
  const { actor, best, slotMs } = useChain();
  const assets = useAssets();
  const members = useMembers();
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const { data, error } = useLive(
    async (api, at) => {
      const missions = await loadMissions(api, at);
      const committed = actor ? await api.query.Missions.CommittedMissions.getValue(actor, { at }) : [];
      const score = actor ? await api.apis.ReputationApi.score(actor, { at }) : 0;
      return { missions, committed: new Set(committed), score };
    },
    [actor],
  );
  if (error && !data) return <p className="error">{error}</p>;
  if (!data || !best) return <p className="muted">{t('missions.loading')}</p>;
  const me = actor;
  const isMember = !!me && members.has(me);
  const shown = data.missions.filter((m) => {
    if (filter === 'mine') return m.owner === me || data.committed.has(m.id);
    if (filter === 'recruiting') return m.phase === 'Recruiting';
    if (filter === 'open') {
      return (
        m.phase === 'Recruiting' &&
        !!me &&
        m.owner !== me &&
        !data.committed.has(m.id) &&
        (m.options.open_to_non_members || isMember) &&
        data.score >= m.options.min_reputation
      );
    }
    return true;
  });
  return (
    <section>
      <div className="row filters" role="group" aria-label={t('missions.filter')}>
        {(['all', 'mine', 'open', 'recruiting'] as Filter[]).map((f) => (
          <button key={f} className={filter === f ? 'active' : ''} onClick={() => setFilter(f)}>
            {t(`missions.filters.${f}`)}
          </button>
        ))}
        <span className="muted">{t('missions.count', { shown: shown.length, total: data.missions.length })}</span>
      </div>
      <Scroll label={t('missions.region')}>
        <table className="missions" data-testid="missions">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('missions.columns.title')}</th>
              <th>{t('missions.columns.owner')}</th>
              <th>{t('missions.columns.status')}</th>
              <th>{t('missions.columns.budget')}</th>
              <th>{t('missions.columns.paid')}</th>
              <th>{t('missions.columns.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => {
              const when = blockToDate(m.deadline, best.number, best.seenMs, slotMs);
              return (
                <tr key={m.id} data-testid={`mission-row-${m.id}`}>
                  <td>{m.id}</td>
                  <td>
                    <a href={`#/mission/${m.id}`}>{m.title || t('missions.untitled')}</a>
                  </td>
                  <td>
                    <Who address={m.owner} />
                  </td>
                  <td>
                    <span className={`badge ${m.phase}`}>{t(`phase.${m.phase}`)}</span>
                  </td>
                  <td data-testid={`budget-${m.id}`}>{money(m.budget, assets.get(assetKey(m.asset)), m.asset)}</td>
                  <td>
                    {m.milestones.filter((x) => settled(x.status)).length} / {m.milestones.length}
                  </td>
                  <td title={`block #${m.deadline}`}>
                    {dateTime(when)} ({relative(when.getTime() - best.seenMs)})
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
      {shown.length === 0 && <p className="empty">{t('missions.none')}</p>}
    </section>
  );
}
