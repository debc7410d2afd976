// "Awaiting me": balances by hold reason, reputation, and what the chain says
// awaits the account (`MissionsApi.pending_actions`), each with the same action
// the mission's page offers for it (lib/actions).

import { useChain, useLive } from '../chain';
import { useTx } from '../components/Tx';
import { Who, useMembers } from '../components/Names';
import { peer } from '../lib/amount';
import { useAssets } from '../components/Assets';
import { assetKey, money, type AssetKind } from '../lib/assets';
import { actionOf, directCall } from '../lib/actions';
import { NotifyToggle } from '../components/Notify';

const HOLD_NAMES: Record<string, string> = {
  MissionEscrow: 'mission escrow',
  MissionDeposit: 'mission deposits',
  CommitmentBond: 'commitment bonds',
  ApplicationDeposit: 'application deposit',
};

export function Home() {
  const { account } = useChain();
  if (!account) return <p className="empty">Choose an account above to see what awaits it.</p>;
  return <Awaiting address={account.address} />;
}

function Awaiting({ address }: { address: string }) {
  const { api } = useChain();
  const send = useTx();
  const members = useMembers();
  const assets = useAssets();
  const assetIds = [...assets.values()].flatMap((a) => (a.kind.type === 'WithId' ? [a.kind.value] : []));
  const { data, error } = useLive(
    async (api, at) => {
      const [acc, holds, rep, actions, inAssets, kept] = await Promise.all([
        api.query.System.Account.getValue(address, { at }),
        api.query.Balances.Holds.getValue(address, { at }),
        api.apis.ReputationApi.reputation(address, { at }),
        api.apis.MissionsApi.pending_actions(address, { at }),
        // Holdings in each asset: free, and held by missions' escrow.
        Promise.all(
          assetIds.map(async (id) => {
            const [account, held] = await Promise.all([
              api.query.Assets.Account.getValue(id, address, { at }),
              api.query.AssetsHolder.BalancesOnHold.getValue(id, address, { at }),
            ]);
            return { id, free: account?.balance ?? 0n, held: held ?? 0n };
          }),
        ),
        // Payments kept for this account, to claim.
        api.query.Missions.Claimable.getEntries(address, { at }),
      ]);
      return { acc, holds, rep, actions, inAssets: inAssets.filter((a) => a.free > 0n || a.held > 0n), kept };
    },
    [address, assetIds.join()],
  );
  if (error && !data) return <p className="error">{error}</p>;
  if (!data || !api) return <p className="muted">Loading…</p>;
  const { acc, holds, rep, actions, inAssets, kept } = data;
  const pay = (amount: bigint, kind: AssetKind) => money(amount, assets.get(assetKey(kind)), kind);
  const r = rep.record;
  // Holds count in `reserved`; the rest are the older reserves of identity, proxies and multisig.
  const reservedOther = acc.data.reserved - holds.reduce((sum, x) => sum + x.amount, 0n);
  return (
    <div className="home">
      <section className="card">
        <h2>Balance</h2>
        <table className="kv">
          <tbody>
            <tr>
              <th>Free</th>
              <td data-testid="free">{peer(acc.data.free)}</td>
            </tr>
            {holds.map((h, i) => (
              <tr key={i}>
                <th>Held: {HOLD_NAMES[h.id.value.type] ?? `${h.id.type} ${h.id.value.type}`}</th>
                <td>{peer(h.amount)}</td>
              </tr>
            ))}
            {holds.length === 0 && (
              <tr>
                <th>Held</th>
                <td>nothing</td>
              </tr>
            )}
            {reservedOther > 0n && (
              <tr>
                <th>Reserved: identity, proxy and multisig deposits</th>
                <td>{peer(reservedOther)}</td>
              </tr>
            )}
            {inAssets.map((a) => {
              const kind: AssetKind = { type: 'WithId', value: a.id };
              return (
                <tr key={a.id} data-testid={`holding-${a.id}`}>
                  <th>{assets.get(assetKey(kind))?.name ?? `Asset ${a.id}`}</th>
                  <td>
                    {pay(a.free, kind)}
                    {a.held > 0n && <> · held: {pay(a.held, kind)}</>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {kept.length > 0 && (
          <>
            <h3>Kept for you to claim</h3>
            <p className="muted">
              Payments the asset could not deliver when they were due (it was frozen, or your account blocked): claim
              them once it can.
            </p>
            <ul className="todo" data-testid="claimable">
              {kept.map((k) => {
                const [asset, from] = k.keyArgs[1];
                return (
                  <li key={`${assetKey(asset)}-${from}`}>
                    {pay(k.value, asset)} from <Who address={from} />{' '}
                    <button
                      onClick={() => send(`Claim ${pay(k.value, asset)}`, api.tx.Missions.claim({ asset, from }))}
                    >
                      Claim
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      <section className="card">
        <h2>Reputation</h2>
        <p className="score" data-testid="score">
          {rep.score}
        </p>
        {!members.has(address) && (
          <p className="muted" data-testid="no-record">
            Only consortium members keep a reputation record: work paid to this account is in its history, not in a
            score.
          </p>
        )}
        <table className="kv">
          <tbody>
            <tr>
              <th>Missions completed</th>
              <td>{r.missions_completed}</td>
            </tr>
            <tr>
              <th>Milestones paid</th>
              <td>
                {r.milestones_paid} ({r.approved_first_try} at first try)
              </td>
            </tr>
            <tr>
              <th>Rejections</th>
              <td>
                {r.rejections} ({r.rejections_upheld} upheld, {r.disputes_won} disputes won)
              </td>
            </tr>
            <tr>
              <th>Bonds forfeited</th>
              <td>{r.bonds_forfeited}</td>
            </tr>
            <tr>
              <th>Earned in PEER missions</th>
              <td>{peer(r.total_earned)}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="card wide">
        <h2>Awaiting me</h2>
        <NotifyToggle />
        {actions.length === 0 && (
          <p className="muted" data-testid="nothing-awaits">
            Nothing awaits you.
          </p>
        )}
        <ul className="todo">
          {actions.map((a, i) => {
            const m = a.value.mission;
            const open = <a href={`#/mission/${m}`}>mission {m}</a>;
            const { action } = actionOf(a);
            // Done from here when it needs no form; otherwise on the mission's page.
            const call = directCall(api, m, action);
            const button = (text: string) => call && <button onClick={() => send(call.label, call.tx)}>{text}</button>;
            const there = (text: string) => (
              <a className="button" href={`#/mission/${m}`}>
                {text}
              </a>
            );
            switch (a.type) {
              case 'DecideCommitment': {
                const turnDown = directCall(api, m, { type: 'RejectCommitment', value: { who: a.value.who } })!;
                return (
                  <li key={i}>
                    <Who address={a.value.who} /> committed to {open}. {button('Accept')}{' '}
                    <button onClick={() => send(turnDown.label, turnDown.tx)}>Turn down</button>
                  </li>
                );
              }
              case 'ProposeTerms':
                return (
                  <li key={i}>
                    The roster of {open} adds up to 100 %. {button('Propose terms')}
                  </li>
                );
              case 'SignTerms':
                return (
                  <li key={i}>
                    Terms of {open} await your signature. {there('Read and sign')}
                  </li>
                );
              case 'Deliver':
                return (
                  <li key={i}>
                    Deliver milestone {a.value.milestone + 1} of {open}. {there('Submit')}
                  </li>
                );
              case 'AgreeAmendment':
                return (
                  <li key={i}>
                    The owner of {open} proposes a change of the terms (budget or deadline). {there('Read and agree')}
                  </li>
                );
              case 'Review':
                return (
                  <li key={i}>
                    Review milestone {a.value.milestone + 1} of {open}. {there('Review')}
                  </li>
                );
              case 'Withdraw':
                return (
                  <li key={i}>
                    {open} started without you. {button('Withdraw, get the bond back')}
                  </li>
                );
              case 'Dispute':
                return (
                  <li key={i}>
                    Milestone {a.value.milestone + 1} of {open} was rejected. {button('Dispute')}
                  </li>
                );
            }
          })}
        </ul>
      </section>
    </div>
  );
}
