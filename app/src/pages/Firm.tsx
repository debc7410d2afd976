// A firm's set-up in the board: its own account (a pure proxy, created by its
// directors' multisig or by whoever sets it up) and its staff (proxies of a
// type and a delay), each added or removed *as the firm*: through the account
// chosen in "Acting for", so a multisig's directors approve a change of staff
// like any other operation. What a proxy type may send is the runtime's list.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MultiAddress } from '@polkadot-api/descriptors';
import { useChain, useLive } from '../chain';
import { Field } from '../components/Field';
import { useNames, Who } from '../components/Names';
import { useTx } from '../components/Tx';
import { accountBytes } from '../lib/hash';
import { typeName } from '../lib/proxy';
import { PROXY_ALLOWS, type ProxyTypeName } from '../lib/proxy-types';
import { Scroll } from '../components/Scroll';

const TYPES: ProxyTypeName[] = ['Any', ...(Object.keys(PROXY_ALLOWS) as ProxyTypeName[])];

export function Firm() {
  const { api, account, actor, acting, may } = useChain();
  const { t } = useTranslation();
  const names = useNames();
  const send = useTx();
  const [delegate, setDelegate] = useState('');
  const [type, setType] = useState<ProxyTypeName>('MissionContributor');
  const [delay, setDelay] = useState('0');
  const [errors, setErrors] = useState<{ delegate?: string; delay?: string; account?: string }>({});
  const [created, setCreated] = useState<string>();
  const { data } = useLive(
    async (api, at) => {
      if (!actor) return [];
      const [defs] = await api.query.Proxy.Proxies.getValue(actor, { at });
      return defs.map((d) => ({ delegate: d.delegate, type: typeName(d.proxy_type), delay: d.delay }));
    },
    [actor],
  );
  if (!api || !account || !actor) return <p className="empty">{t('firm.chooseAccount')}</p>;
  const name = (a: string) => names(a) ?? `${a.slice(0, 8)}…`;

  const add = async () => {
    const e: typeof errors = {};
    let ok = true;
    try {
      accountBytes(delegate.trim());
    } catch {
      ok = false;
    }
    if (!ok) e.delegate = t('firm.err.address');
    else if (delegate.trim() === actor) e.delegate = t('firm.err.self');
    else if (data?.some((d) => d.delegate === delegate.trim() && d.type === type))
      e.delegate = t('firm.err.already', { type });
    if (!/^\d+$/.test(delay.trim()) || Number(delay) > 1_000_000) e.delay = t('firm.err.delay');
    if (!may('Proxy.add_proxy')) e.account = t('firm.err.proxy', { type: acting?.proxy?.proxyType });
    setErrors(e);
    if (Object.keys(e).length) return;
    const who = delegate.trim();
    const r = await send(
      t('txLabel.addStaff', { name: name(who), type }),
      api.tx.Proxy.add_proxy({
        delegate: MultiAddress.Id(who),
        proxy_type: { type, value: undefined } as never,
        delay: Number(delay),
      }),
    );
    if (r.ok) setDelegate('');
  };

  const createFirm = async () => {
    const r = await send(
      t('txLabel.createFirm'),
      api.tx.Proxy.create_pure({ proxy_type: { type: 'Any', value: undefined } as never, delay: 0, index: 0 }),
    );
    const pure = r.events.find((e) => e.type === 'Proxy' && e.value.type === 'PureCreated');
    if (pure) setCreated((pure.value.value as { pure: string }).pure);
  };

  return (
    <section className="stack" data-testid="firm">
      <h2>{t('firm.title')}</h2>
      <p className="muted">{t('firm.intro', { name: name(actor) })}</p>
      {errors.account && (
        <p className="field-error" role="alert">
          {errors.account}
        </p>
      )}

      <h3>{t('firm.staff')}</h3>
      {data && data.length === 0 && <p className="muted">{t('firm.noStaff')}</p>}
      {data && data.length > 0 && (
        <Scroll label={t('firm.staff')}>
          <table data-testid="staff">
            <thead>
              <tr>
                <th>{t('firm.who')}</th>
                <th>{t('firm.type')}</th>
                <th>{t('firm.delay')}</th>
                <th>
                  <span className="sr-only">{t('firm.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={`${d.delegate}-${d.type}`} data-testid={`staff-${d.delegate}`}>
                  <td>
                    <Who address={d.delegate} />
                  </td>
                  <td>{d.type}</td>
                  <td>{d.delay}</td>
                  <td>
                    {may('Proxy.remove_proxy') && (
                      <button
                        className="link"
                        onClick={() =>
                          send(
                            t('txLabel.removeStaff', { name: name(d.delegate), type: d.type }),
                            api.tx.Proxy.remove_proxy({
                              delegate: MultiAddress.Id(d.delegate),
                              proxy_type: { type: d.type, value: undefined } as never,
                              delay: d.delay,
                            }),
                          )
                        }
                      >
                        {t('firm.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}

      <form
        className="stack"
        data-testid="add-staff"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <Field label={t('firm.delegate')} error={errors.delegate} id="staff-delegate" hint={t('firm.delegateHint')}>
          <input value={delegate} onChange={(e) => setDelegate(e.target.value)} aria-label={t('firm.delegate')} />
        </Field>
        <Field label={t('firm.type')} id="staff-type" hint={t(`firm.types.${type}`)}>
          <select value={type} onChange={(e) => setType(e.target.value as ProxyTypeName)} aria-label={t('firm.type')}>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('firm.delay')} error={errors.delay} id="staff-delay" hint={t('firm.delayHint')}>
          <input value={delay} onChange={(e) => setDelay(e.target.value)} aria-label={t('firm.delay')} />
        </Field>
        <button type="submit">{t('firm.add')}</button>
      </form>

      <h3>{t('firm.createTitle')}</h3>
      <p className="muted">{t('firm.createIntro')}</p>
      <button onClick={createFirm} data-testid="create-firm">
        {t('firm.create')}
      </button>
      {created && (
        <p className="ok" data-testid="firm-created">
          {t('firm.created', { address: created })}
        </p>
      )}
    </section>
  );
}
