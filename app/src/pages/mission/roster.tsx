// Who committed to a mission, with what share and bond, and what the owner may
// decide about each commitment (as the chain says).

import { useChain } from '../../chain';
import { Who } from '../../components/Names';
import { useTx } from '../../components/Tx';
import { directCall, type Offered } from '../../lib/actions';
import { peer } from '../../lib/amount';
import { perbillToPercent } from '../../lib/perbill';
import type { MissionDetail } from '../../missions';
import { Scroll } from '../../components/Scroll';

export function Roster({ detail, offered }: { detail: MissionDetail; offered: Offered }) {
  const m = detail.mission;
  const rosterShares = m.roster.reduce((s, r) => s + r.share, 0);
  return (
    <section>
      <h3>
        Roster <span className="muted">({perbillToPercent(rosterShares)} of 100 % accepted)</span>
      </h3>
      <Scroll label="Roster">
        <table data-testid="roster">
          <thead>
            <tr>
              <th>Contributor</th>
              <th>Share</th>
              <th>Bond</th>
              <th>Status</th>
              <th>
                <span className="sr-only">Decision</span>
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
                        ? 'accepted, signed'
                        : 'accepted, not signed yet'
                      : 'accepted'
                    : 'pending'}
                </td>
                <td>
                  <CommitmentDecision mission={m.id} who={c.who} accepted={c.accepted} offered={offered} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      {detail.commitments.length === 0 && <p className="muted">No commitment yet.</p>}
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
  const send = useTx();
  if (!api) return null;
  const accept = offered.accept.has(who) && directCall(api, mission, { type: 'AcceptCommitment', value: { who } });
  const reject =
    offered.reject.has(who) && directCall(api, mission, { type: 'RejectCommitment', value: { who } }, accepted);
  return (
    <>
      {accept && <button onClick={() => send(accept.label, accept.tx)}>Accept</button>}{' '}
      {reject && <button onClick={() => send(reject.label, reject.tx)}>{accepted ? 'Remove' : 'Turn down'}</button>}
    </>
  );
}
