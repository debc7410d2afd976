// One mission: milestones and deliverables, roster, commitments, the terms
// recomputed here, and every action the chain says this account may take now
// (`MissionsApi.mission_actions`, read through lib/actions). By part:
// `milestones`, `roster`, `actions` (what the account may do) and `forms`.

import { useChain, useLive } from '../../chain';
import { ChainLink } from '../../components/ChainLink';
import { Who } from '../../components/Names';
import { NOTHING, offered } from '../../lib/actions';
import { peer } from '../../lib/amount';
import { blockToDate, relative, dateTime } from '../../lib/blocks';
import { loadMission, missionParams, type MissionDetail } from '../../missions';
import { Actions } from './actions';
import { Milestones } from './milestones';
import { Roster } from './roster';
import { usePay, type Data } from './shared';

export function MissionPage({ id }: { id: number }) {
  const { account, best, slotMs } = useChain();
  const { data, error } = useLive<Data>(
    async (api, at) => {
      const [detail, params, free, actions] = await Promise.all([
        loadMission(api, id, at),
        missionParams(api, at),
        account
          ? api.query.System.Account.getValue(account.address, { at }).then((a) => a.data.free)
          : Promise.resolve(0n),
        // A runtime before MissionsApi version 3 cannot say: the page then offers nothing and says why.
        account
          ? api.apis.MissionsApi.mission_actions(account.address, id, { at }).catch(() => undefined)
          : Promise.resolve([]),
      ]);
      return {
        detail,
        params,
        free,
        offered: account && actions ? offered(actions) : NOTHING,
        actionsUnknown: !actions,
      };
    },
    [id, account?.address],
  );
  const pay = usePay(data?.detail?.mission.asset);
  if (error && !data) return <p className="error">{error}</p>;
  if (!data || !best) return <p className="muted">Loading mission {id}…</p>;
  if (!data.detail) {
    return (
      <p className="empty" data-testid="mission-gone">
        Mission {id} is not live: it completed, was cancelled or expired.{' '}
        <a href={`#/history/${id}`} data-testid="mission-history-link">
          Its history
        </a>{' '}
        (from the indexer).
      </p>
    );
  }
  const d = data.detail;
  const m = d.mission;
  const date = (block: number) => {
    const when = blockToDate(block, best.number, best.seenMs, slotMs);
    return `${dateTime(when)} (${relative(when.getTime() - best.seenMs)}, block #${block})`;
  };
  return (
    <article className="mission" data-testid="mission">
      <header>
        <h2 data-testid="mission-title">
          {m.title}{' '}
          <span className={`badge ${m.phase}`} data-testid="phase">
            {m.phase}
          </span>
        </h2>
        <p>
          Posted by <Who address={m.owner} /> at block #{m.created}. Deadline {date(m.deadline)}.
        </p>
        <p className="muted">
          Description hash <code>{m.contentHash}</code>
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
              <th>Budget</th>
              <td data-testid="budget">{pay(m.budget)}</td>
            </tr>
            <tr>
              <th>Paid</th>
              <td data-testid="paid">{pay(m.paid)}</td>
            </tr>
            <tr>
              <th>Refunded</th>
              <td>{pay(m.refunded)}</td>
            </tr>
            <tr>
              <th>In escrow</th>
              <td>{pay(m.escrowed)}</td>
            </tr>
            <tr>
              <th>Bond asked</th>
              <td>
                {peer(m.options.min_bond > data.params.minimumBond ? m.options.min_bond : data.params.minimumBond)}
              </td>
            </tr>
            <tr>
              <th>Open to</th>
              <td>
                {m.options.open_to_non_members ? 'anyone' : 'members only'}
                {m.options.min_reputation ? `, reputation ≥ ${m.options.min_reputation}` : ''}
              </td>
            </tr>
          </tbody>
        </table>
      </header>

      <Terms detail={d} />
      <Milestones detail={d} data={data} pay={pay} />
      <Roster detail={d} offered={data.offered} />
      <Actions detail={d} data={data} />
    </article>
  );
}

/** The terms: what the chain holds and what this page recomputes from what it shows. */
function Terms({ detail }: { detail: MissionDetail }) {
  const m = detail.mission;
  const verified = m.termsHash !== undefined && m.termsHash === detail.recomputedTerms;
  return (
    <section className="terms" data-testid="terms">
      <h3>Terms</h3>
      {m.termsHash ? (
        <p>
          On chain: <code data-testid="terms-chain">{m.termsHash}</code>
          <br />
          Recomputed here from the milestones, roster and deadline above:{' '}
          <code data-testid="terms-local">{detail.recomputedTerms}</code>{' '}
          {verified ? (
            <strong className="ok" data-testid="terms-verified">
              ✓ verified
            </strong>
          ) : (
            <strong className="error">✗ differs: do not sign</strong>
          )}
        </p>
      ) : (
        <p className="muted">
          Not proposed yet. With today's roster they would hash to <code>{detail.recomputedTerms}</code>.
        </p>
      )}
    </section>
  );
}
