// "Awaiting me": balances by hold reason, reputation, and what the chain says
// awaits the account (`MissionsApi.pending_actions`), each with the same action
// the mission's page offers for it (lib/actions).

import { Trans, useTranslation } from 'react-i18next';
import { useChain, useLive } from '../chain';
import { useTx } from '../components/Tx';
import { Who, useMembers } from '../components/Names';
import { peer } from '../lib/amount';
import { useAssets } from '../components/Assets';
import { assetKey, money, type AssetKind } from '../lib/assets';
import { actionOf, directCall } from '../lib/actions';
import { NotifyToggle } from '../components/Notify';

export function Home() {
  const { actor } = useChain();
  const { t } = useTranslation();
  if (!actor) return <p className="empty">{t('home.chooseAccount')}</p>;
  return <Awaiting address={actor} />;
}

function Awaiting({ address }: { address: string }) {
  const { api } = useChain();
  const { t } = useTranslation();
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
  if (!data || !api) return <p className="muted">{t('home.loading')}</p>;
  const { acc, holds, rep, actions, inAssets, kept } = data;
  const pay = (amount: bigint, kind: AssetKind) => money(amount, assets.get(assetKey(kind)), kind);
  const r = rep.record;
  // Holds count in `reserved`; the rest are the older reserves of identity, proxies and multisig.
  const reservedOther = acc.data.reserved - holds.reduce((sum, x) => sum + x.amount, 0n);
  return (
    <div className="home">
      <section className="card">
        <h2>{t('home.balance')}</h2>
        <table className="kv">
          <tbody>
            <tr>
              <th>{t('home.free')}</th>
              <td data-testid="free">{peer(acc.data.free)}</td>
            </tr>
            {holds.map((h, i) => (
              <tr key={i}>
                <th>
                  {t('home.heldFor', {
                    what: t(`home.holds.${h.id.value.type}`, { defaultValue: `${h.id.type} ${h.id.value.type}` }),
                  })}
                </th>
                <td>{peer(h.amount)}</td>
              </tr>
            ))}
            {holds.length === 0 && (
              <tr>
                <th>{t('home.held')}</th>
                <td>{t('home.nothing')}</td>
              </tr>
            )}
            {reservedOther > 0n && (
              <tr>
                <th>{t('home.reservedOther')}</th>
                <td>{peer(reservedOther)}</td>
              </tr>
            )}
            {inAssets.map((a) => {
              const kind: AssetKind = { type: 'WithId', value: a.id };
              return (
                <tr key={a.id} data-testid={`holding-${a.id}`}>
                  <th>{assets.get(assetKey(kind))?.name ?? t('home.asset', { id: a.id })}</th>
                  <td>
                    {pay(a.free, kind)}
                    {a.held > 0n && <> · {t('home.heldAmount', { amount: pay(a.held, kind) })}</>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {kept.length > 0 && (
          <>
            <h3>{t('home.kept')}</h3>
            <p className="muted">{t('home.keptWhy')}</p>
            <ul className="todo" data-testid="claimable">
              {kept.map((k) => {
                const [asset, from] = k.keyArgs[1];
                return (
                  <li key={`${assetKey(asset)}-${from}`}>
                    <Trans
                      i18nKey="home.keptFrom"
                      values={{ amount: pay(k.value, asset) }}
                      components={{ who: <Who address={from} /> }}
                    />{' '}
                    <button
                      onClick={() =>
                        send(
                          t('home.claimLabel', { amount: pay(k.value, asset) }),
                          api.tx.Missions.claim({ asset, from }),
                        )
                      }
                    >
                      {t('home.claim')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      <section className="card">
        <h2>{t('home.reputation')}</h2>
        <p className="score" data-testid="score">
          {rep.score}
        </p>
        {!members.has(address) && (
          <p className="muted" data-testid="no-record">
            {t('home.noRecord')}
          </p>
        )}
        <table className="kv">
          <tbody>
            <tr>
              <th>{t('home.missionsCompleted')}</th>
              <td>{r.missions_completed}</td>
            </tr>
            <tr>
              <th>{t('home.milestonesPaid')}</th>
              <td>{t('home.firstTry', { paid: r.milestones_paid, first: r.approved_first_try })}</td>
            </tr>
            <tr>
              <th>{t('home.rejections')}</th>
              <td>
                {t('home.rejectionsDetail', {
                  rejections: r.rejections,
                  upheld: r.rejections_upheld,
                  won: r.disputes_won,
                })}
              </td>
            </tr>
            <tr>
              <th>{t('home.bondsForfeited')}</th>
              <td>{r.bonds_forfeited}</td>
            </tr>
            <tr>
              <th>{t('home.earned')}</th>
              <td>{peer(r.total_earned)}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="card wide">
        <h2>{t('home.awaiting')}</h2>
        <NotifyToggle />
        {actions.length === 0 && (
          <p className="muted" data-testid="nothing-awaits">
            {t('home.nothingAwaits')}
          </p>
        )}
        <ul className="todo">
          {actions.map((a, i) => {
            const m = a.value.mission;
            const { action } = actionOf(a);
            // Done from here when it needs no form; otherwise on the mission's page.
            const call = directCall(api, m, action);
            const button = (key: string) =>
              call && <button onClick={() => send(call.label, call.tx)}>{t(`home.button.${key}`)}</button>;
            const there = (key: string) => (
              <a className="button" href={`#/mission/${m}`}>
                {t(`home.button.${key}`)}
              </a>
            );
            // The sentence, in the chosen language, with the mission as a link and the account by name.
            const text = (
              <Trans
                i18nKey={`home.item.${a.type}`}
                values={{ mission: m, milestone: 'milestone' in a.value ? a.value.milestone + 1 : undefined }}
                components={{
                  m: <a href={`#/mission/${m}`} />,
                  who: 'who' in a.value ? <Who address={a.value.who} /> : <></>,
                }}
              />
            );
            switch (a.type) {
              case 'DecideCommitment': {
                const turnDown = directCall(api, m, { type: 'RejectCommitment', value: { who: a.value.who } })!;
                return (
                  <li key={i}>
                    {text} {button('accept')}{' '}
                    <button onClick={() => send(turnDown.label, turnDown.tx)}>{t('home.button.turnDown')}</button>
                  </li>
                );
              }
              case 'ProposeTerms':
                return (
                  <li key={i}>
                    {text} {button('propose')}
                  </li>
                );
              case 'SignTerms':
                return (
                  <li key={i}>
                    {text} {there('sign')}
                  </li>
                );
              case 'Deliver':
                return (
                  <li key={i}>
                    {text} {there('submit')}
                  </li>
                );
              case 'AgreeAmendment':
                return (
                  <li key={i}>
                    {text} {there('agree')}
                  </li>
                );
              case 'Review':
                return (
                  <li key={i}>
                    {text} {there('review')}
                  </li>
                );
              case 'Withdraw':
                return (
                  <li key={i}>
                    {text} {button('withdraw')}
                  </li>
                );
              case 'Dispute':
                return (
                  <li key={i}>
                    {text} {button('dispute')}
                  </li>
                );
            }
          })}
        </ul>
      </section>
    </div>
  );
}
