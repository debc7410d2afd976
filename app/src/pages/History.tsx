// Finished missions and their timelines, from the indexer: what the chain
// removed when each mission completed, was cancelled or expired.

import { useState } from 'react';
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
  return (
    <section className="card wide" data-testid="indexer-setup">
      <h2>History needs an indexer</h2>
      <p className="muted">
        The chain keeps only live missions. <code>peer-indexer</code> keeps the rest (<code>scripts/run.sh</code> starts
        one at http://127.0.0.1:8090).
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
        <Field label="Indexer address" error={error} id="indexer">
          <input value={url} onChange={(e) => setUrl(e.target.value)} aria-label="Indexer address" />
        </Field>
        <button type="submit">Use it</button>
      </form>
    </section>
  );
}

function Timeline({ base, id }: { base: string; id: number }) {
  const { data, error } = useIndexer<MissionHistory>(base, `/missions/${id}`);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="muted">Loading the timeline…</p>;
  const events = data.timeline.filter((e) => e.pallet === 'Missions');
  return (
    <ol className="timeline" data-testid={`timeline-${id}`}>
      {events.map((e) => (
        <li key={`${e.block}-${e.index}`}>
          <span className="muted">
            #{e.block} · {new Date(e.time).toLocaleString()}
          </span>{' '}
          <strong>{e.name}</strong>
          {e.signer && (
            <>
              {' '}
              by <Who address={e.real ?? e.signer} />
              {e.real && (
                <>
                  {' '}
                  (signed by <Who address={e.signer} />)
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
        <h2>Finished missions</h2>
        <div className="row filters" role="group" aria-label="Status">
          {ENDED_PHASES.map((s) => (
            <button
              key={s}
              className={status === s ? 'active' : ''}
              aria-pressed={status === s}
              onClick={() => setStatus(s)}
            >
              {s}
            </button>
          ))}
        </div>
        {error && <p className="error">{error}</p>}
        {missions?.length === 0 && <p className="muted">None {status}.</p>}
        <ul className="missions">
          {missions?.map((m) => (
            <li key={m.id} className="card" data-testid={`history-${m.id}`}>
              <button className="link" onClick={() => setOpen(open === m.id ? undefined : m.id)}>
                Mission {m.id}
              </button>{' '}
              by <Who address={m.owner} /> · {m.status} at #{m.ended} · posted at #{m.created}
              {open === m.id && <Timeline base={base} id={m.id} />}
            </li>
          ))}
        </ul>
        <p className="muted">From the indexer at {base}; not checked against the chain.</p>
      </section>
    </>
  );
}

/** One mission from the indexer: who was on it and its whole timeline. */
function OneMission({ base, id }: { base: string; id: number }) {
  const { data, error } = useIndexer<MissionHistory>(base, `/missions/${id}`);
  return (
    <section className="card wide" data-testid={`history-mission-${id}`}>
      <h2>Mission {id}</h2>
      {error && <p className="error">{error}</p>}
      {data && (
        <p>
          Posted by <Who address={data.owner} /> at #{data.created} ·{' '}
          <span data-testid="history-status">{data.status}</span>
          {data.ended !== null && <> at #{data.ended}</>}
          {data.accounts.filter((a) => a.role !== 'owner').length > 0 && (
            <>
              {' '}
              · with{' '}
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
        From the indexer at {base}; not checked against the chain. <a href="#/history">All finished missions</a>
      </p>
    </section>
  );
}
