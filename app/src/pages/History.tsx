// Finished missions and their timelines, from the indexer: what the chain
// removed when each mission completed, was cancelled or expired.

import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { dateTime } from '../lib/blocks';
import { Field } from '../components/Field';
import { Who } from '../components/Names';
import { IndexerFromLink } from '../components/LinkPrompts';
import {
  checkIndexerUrl,
  ENDED_PHASES,
  indexerUrl,
  rememberIndexer,
  useIndexer,
  type IndexedMission,
  type MissionHistory,
} from '../indexer/client';

/** Asks for the indexer's address when none is configured. */
export function IndexerSetup({ onSet }: { onSet: (url: string) => void }) {
  const [url, setUrl] = useState('http://127.0.0.1:8090');
  const [error, setError] = useState<string>();
  const { t } = useTranslation();
  return (
    <section className="card wide" data-testid="indexer-setup">
      <h2>{t('history.needsIndexer')}</h2>
      <p className="muted">
        <Trans i18nKey="history.needsIndexerWhy" components={{ code: <code /> }} />
      </p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const problem = checkIndexerUrl(url);
          setError(problem);
          if (!problem) {
            rememberIndexer(url);
            onSet(url);
          }
        }}
      >
        <Field label={t('history.indexerAddress')} error={error} id="indexer">
          <input value={url} onChange={(e) => setUrl(e.target.value)} aria-label={t('history.indexerAddress')} />
        </Field>
        <button type="submit">{t('history.useIt')}</button>
      </form>
    </section>
  );
}

function Timeline({ base, id }: { base: string; id: number }) {
  const { data, error } = useIndexer<MissionHistory>(base, `/missions/${id}`);
  const { t } = useTranslation();
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="muted">{t('history.loadingTimeline')}</p>;
  const events = data.timeline.filter((e) => e.pallet === 'Missions');
  return (
    <ol className="timeline" data-testid={`timeline-${id}`}>
      {events.map((e) => (
        <li key={`${e.block}-${e.index}`}>
          <span className="muted">
            #{e.block} · {dateTime(new Date(e.time))}
          </span>{' '}
          <strong>{e.name}</strong>
          {e.signer && (
            <>
              {' '}
              {t('history.by')} <Who address={e.real ?? e.signer} />
              {e.real && (
                <>
                  {' '}
                  ({t('history.signedBy')} <Who address={e.signer} />)
                </>
              )}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Finished missions, or (`mission`) one mission's history, as a finished mission's page links to it. */
export function History({ mission }: { mission?: number }) {
  const [base, setBase] = useState(indexerUrl);
  const [status, setStatus] = useState<IndexedMission['status']>('completed');
  const [open, setOpen] = useState<number>();
  const { t } = useTranslation();
  const { data: missions, error } = useIndexer<IndexedMission[]>(
    base,
    mission === undefined ? `/missions?status=${status}&limit=200` : undefined,
  );
  const fromLink = <IndexerFromLink current={base} onUse={setBase} />;
  if (!base) {
    return (
      <>
        {fromLink}
        <IndexerSetup onSet={setBase} />
      </>
    );
  }
  if (mission !== undefined) {
    return (
      <>
        {fromLink}
        <OneMission base={base} id={mission} />
      </>
    );
  }
  return (
    <>
      {fromLink}
      <section className="card wide" data-testid="history">
        <h2>{t('history.finished')}</h2>
        <div className="row filters" role="group" aria-label={t('history.status')}>
          {ENDED_PHASES.map((s) => (
            <button
              key={s}
              className={status === s ? 'active' : ''}
              aria-pressed={status === s}
              onClick={() => setStatus(s)}
            >
              {t(`history.phase.${s}`)}
            </button>
          ))}
        </div>
        {error && <p className="error">{error}</p>}
        {missions?.length === 0 && (
          <p className="muted">{t('history.none', { status: t(`history.phase.${status}`) })}</p>
        )}
        <ul className="missions">
          {missions?.map((m) => (
            <li key={m.id} className="card" data-testid={`history-${m.id}`}>
              <button className="link" onClick={() => setOpen(open === m.id ? undefined : m.id)}>
                {t('history.mission', { id: m.id })}
              </button>{' '}
              {t('history.by')} <Who address={m.owner} /> ·{' '}
              {t('history.endedAt', { status: t(`history.phase.${m.status}`), block: m.ended })} ·{' '}
              {t('history.postedAt', { block: m.created })}
              {open === m.id && <Timeline base={base} id={m.id} />}
            </li>
          ))}
        </ul>
        <p className="muted">{t('history.fromIndexer', { base })}</p>
      </section>
    </>
  );
}

/** One mission from the indexer: who was on it and its whole timeline. */
function OneMission({ base, id }: { base: string; id: number }) {
  const { data, error } = useIndexer<MissionHistory>(base, `/missions/${id}`);
  const { t } = useTranslation();
  return (
    <section className="card wide" data-testid={`history-mission-${id}`}>
      <h2>{t('history.mission', { id })}</h2>
      {error && <p className="error">{error}</p>}
      {data && (
        <p>
          {t('history.postedBy')} <Who address={data.owner} /> {t('history.atBlock', { block: data.created })} ·{' '}
          <span data-testid="history-status">{t(`history.phase.${data.status}`)}</span>
          {data.ended !== null && <> {t('history.atBlock', { block: data.ended })}</>}
          {data.accounts.filter((a) => a.role !== 'owner').length > 0 && (
            <>
              {' '}
              · {t('history.with')}{' '}
              {data.accounts
                .filter((a) => a.role !== 'owner')
                .map((a) => (
                  <span key={a.account}>
                    <Who address={a.account} />{' '}
                  </span>
                ))}
            </>
          )}
        </p>
      )}
      <Timeline base={base} id={id} />
      <p className="muted">
        {t('history.fromIndexer', { base })} <a href="#/history">{t('history.all')}</a>
      </p>
    </section>
  );
}
