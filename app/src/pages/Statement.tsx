// An account's statement from the indexer: every balance movement between
// two dates (payouts, bonds, escrow, refunds, deposits, fees, transfers),
// with the total change of its free balance, and the same as a CSV file for
// the accountants.

import { useState } from 'react';
import { useChain } from '../chain';
import { Field } from '../components/Field';
import { checkPeriod, day, indexerUrl, useIndexer, type StatementPage } from '../indexer/client';
import { IndexerSetup } from './History';
import { IndexerFromLink } from '../components/LinkPrompts';
import { Scroll } from '../components/Scroll';

export function Statement() {
  const { actor } = useChain();
  const [base, setBase] = useState(indexerUrl);
  // This month so far (UTC days, as the indexer's).
  const [from, setFrom] = useState(() => day(Date.now()).slice(0, 8) + '01');
  const [to, setTo] = useState(() => day(Date.now()));
  const [shown, setShown] = useState<{ from: string; to: string }>();
  const problems = checkPeriod(from, to);
  const who = actor;
  // A page of the statement: its lines (the indexer pages at 1,000) and what the whole period adds up to.
  const { data, error } = useIndexer<StatementPage>(
    base,
    who && shown ? `/accounts/${who}/statement?from=${shown.from}&to=${shown.to}` : undefined,
  );
  const fromLink = <IndexerFromLink current={base} onUse={setBase} />;
  if (!base)
    return (
      <>
        {fromLink}
        <IndexerSetup onSet={setBase} />
      </>
    );
  if (!who) return <p className="muted">Choose an account to see its statement.</p>;
  const csv =
    shown && `${base.replace(/\/$/, '')}/accounts/${who}/statement?from=${shown.from}&to=${shown.to}&format=csv`;
  return (
    <>
      {fromLink}
      <section className="card wide" data-testid="statement">
        <h2>Statement</h2>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!problems.from && !problems.to) setShown({ from, to });
          }}
        >
          <Field label="From (UTC)" error={problems.from} id="statement-from">
            <input value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From" />
          </Field>
          <Field label="To (UTC, included)" error={problems.to} id="statement-to">
            <input value={to} onChange={(e) => setTo(e.target.value)} aria-label="To" />
          </Field>
          <button type="submit">Show</button>
        </form>
        {error && <p className="error">{error}</p>}
        {data && (
          <>
            <Scroll label="Statement lines">
              <table data-testid="statement-lines">
                <thead>
                  <tr>
                    <th>Block</th>
                    <th>Time</th>
                    <th>What</th>
                    <th>Mission</th>
                    <th>Free</th>
                    <th>Held</th>
                  </tr>
                </thead>
                <tbody>
                  {data.lines.map((l, i) => (
                    <tr key={i} data-kind={l.kind} data-mission={l.mission ?? undefined}>
                      <td>#{l.block}</td>
                      <td>{new Date(l.time).toLocaleString()}</td>
                      <td>{l.kind}</td>
                      <td>{l.mission ?? ''}</td>
                      <td className="amount">{l.free}</td>
                      <td className="amount">{l.held}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
            <p>
              Change of the free balance: <strong data-testid="statement-total">{data.free_total} PEER</strong> over{' '}
              {data.total_lines ?? data.lines.length} movements.
            </p>
            {data.next_offset != null && (
              <p className="muted" data-testid="statement-more">
                The first {data.lines.length} are shown; the CSV has them all.
              </p>
            )}
            <p className="muted">From the indexer at {base}; not checked against the chain.</p>
            {csv && (
              <p>
                <a
                  href={csv}
                  download={`peer-statement-${who}-${shown!.from}-${shown!.to}.csv`}
                  title={`from the indexer at ${base}`}
                  data-testid="statement-csv"
                >
                  Download CSV
                </a>
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
