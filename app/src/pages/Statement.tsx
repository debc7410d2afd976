// An account's statement from the indexer: every balance movement between
// two dates (payouts, bonds, escrow, refunds, deposits, fees, transfers),
// with the total change of its free balance, and the same as a CSV file for
// the accountants.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../lib/blocks';
import { useChain } from '../chain';
import { Field } from '../components/Field';
import { checkPeriod, day, indexerUrl, useIndexer, type StatementPage } from '../indexer/client';
import { IndexerSetup } from './History';
import { IndexerFromLink } from '../components/LinkPrompts';
import { Scroll } from '../components/Scroll';

export function Statement() {
  const { actor } = useChain();
  const { t } = useTranslation();
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
  if (!who) return <p className="muted">{t('statement.chooseAccount')}</p>;
  const csv =
    shown && `${base.replace(/\/$/, '')}/accounts/${who}/statement?from=${shown.from}&to=${shown.to}&format=csv`;
  return (
    <>
      {fromLink}
      <section className="card wide" data-testid="statement">
        <h2>{t('statement.title')}</h2>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!problems.from && !problems.to) setShown({ from, to });
          }}
        >
          <Field label={t('statement.fromLabel')} error={problems.from} id="statement-from">
            <input value={from} onChange={(e) => setFrom(e.target.value)} aria-label={t('statement.from')} />
          </Field>
          <Field label={t('statement.toLabel')} error={problems.to} id="statement-to">
            <input value={to} onChange={(e) => setTo(e.target.value)} aria-label={t('statement.to')} />
          </Field>
          <button type="submit">{t('statement.show')}</button>
        </form>
        {error && <p className="error">{error}</p>}
        {data && (
          <>
            <Scroll label={t('statement.lines')}>
              <table data-testid="statement-lines">
                <thead>
                  <tr>
                    <th>{t('statement.block')}</th>
                    <th>{t('statement.time')}</th>
                    <th>{t('statement.what')}</th>
                    <th>{t('statement.mission')}</th>
                    <th>{t('statement.free')}</th>
                    <th>{t('statement.held')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.lines.map((l, i) => (
                    <tr key={i} data-kind={l.kind} data-mission={l.mission ?? undefined}>
                      <td>#{l.block}</td>
                      <td>{dateTime(new Date(l.time))}</td>
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
              {t('statement.change')} <strong data-testid="statement-total">{data.free_total} PEER</strong>{' '}
              {t('statement.over', { count: data.total_lines ?? data.lines.length })}
            </p>
            {data.next_offset != null && (
              <p className="muted" data-testid="statement-more">
                {t('statement.more', { shown: data.lines.length })}
              </p>
            )}
            <p className="muted">{t('history.fromIndexer', { base })}</p>
            {csv && (
              <p>
                <a
                  href={csv}
                  download={`peer-statement-${who}-${shown!.from}-${shown!.to}.csv`}
                  title={t('statement.csvFrom', { base })}
                  data-testid="statement-csv"
                >
                  {t('statement.csv')}
                </a>
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
